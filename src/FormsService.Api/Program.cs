using FormsService.Api;
using FormsService.Api.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddFormsService();
builder.Services.AddMerge(builder.Configuration);

var app = builder.Build();
app.UseFormsService();
app.MapFormsEndpoints();
app.MapDeadlinesEndpoints();
app.MapPreviewEndpoints();
app.MapContractEndpoints();
app.MapBatchEndpoints();
app.MapSchemaEndpoints();
app.MapMergeEndpoints();
app.MapReadBackEndpoints();
return StartupFailure.Run(app);

/// <summary>The entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
