using FormsService.Tests.Support;

namespace FormsService.Tests.Hostile;

/// <summary>The service in-process with the repository's forms, logging only warnings and errors (thousands of requests).</summary>
public sealed class QuietServiceFactory() : ServiceFactory(Repo.Forms, new Dictionary<string, string?>
{
    ["Logging:LogLevel:Default"] = "Warning",
    ["Logging:LogLevel:Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"] = "Error",
});
