using Microsoft.AspNetCore.Connections;

namespace FormsService.Api;

/// <summary>
/// Runs the service; a port already taken ends it with one line that says what to do, not a stack trace — the first
/// thing a newcomer meets when another service holds 5000.
/// </summary>
internal static class StartupFailure
{
    public const int AddressInUseExitCode = 2;

    public static int Run(WebApplication app)
    {
        try
        {
            app.Run();
            return 0;
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            Console.Error.WriteLine(
                $"FormsService cannot listen: {ex.Message.TrimEnd('.')}. Choose another address with --urls http://localhost:5080 or ASPNETCORE_URLS.");
            return AddressInUseExitCode;
        }
    }
}
