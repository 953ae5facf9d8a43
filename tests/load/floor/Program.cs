// The floor: a minimal ASP.NET Core app that does what the service's render route must do at the least — read the
// JSON body, parse it, answer a PDF — and nothing else. The PDF is fixed bytes, read at start-up from the file given
// (the service's own referral-certificate PDF, so both answer the same size). Rendering the certificate over HTTP is
// compared with this in the same run: the gap is what the service's path around the render costs.
//
//   dotnet FloorApp.dll --pdf <document.pdf> --urls http://127.0.0.1:5091
using System.Text.Json;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var pdf = File.ReadAllBytes(builder.Configuration["pdf"] ?? throw new ArgumentException("usage: FloorApp --pdf <document.pdf> [--urls …]"));

app.MapGet("/health", () => "ok");
app.MapPost("/api/forms/{formId}/render", async (string formId, HttpRequest request) =>
{
    using var body = await JsonDocument.ParseAsync(request.Body);
    return body.RootElement.ValueKind == JsonValueKind.Object
        ? Results.Bytes(pdf, "application/pdf")
        : Results.BadRequest();
});
app.Run();
