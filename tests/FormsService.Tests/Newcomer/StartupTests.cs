using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FormsService.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace FormsService.Tests.Newcomer;

/// <summary>What a newcomer meets on the first <c>dotnet run</c>: a taken port, and the console's logs.</summary>
public sealed class StartupTests
{
    [Fact]
    public void A_taken_port_ends_the_service_with_one_line_that_names_the_way_out()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FormsService.Api.dll"));
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["FormsService__FormsPath"] = Repo.Forms;
        psi.Environment["FormsService__FontsPath"] = Repo.Fonts;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "the service did not stop");

        Assert.NotEqual(0, process.ExitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains($"{port}", line);
        Assert.Contains("address already in use", line);
        Assert.Contains("--urls", line);
        Assert.Contains("ASPNETCORE_URLS", line);
        Assert.DoesNotContain("   at ", stdout.Result + stderr);
        Assert.DoesNotContain("Exception", stdout.Result + stderr);
    }

    [Theory]
    [InlineData("Development", ConsoleFormatterNames.Simple)]
    [InlineData("Production", ConsoleFormatterNames.Json)]
    public void Console_logs_are_plain_text_in_development_and_json_elsewhere(string environment, string formatter)
    {
        using var factory = new ServiceFactory().WithWebHostBuilder(b => b.UseEnvironment(environment));
        var options = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(formatter, options.FormatterName);
    }
}
