using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.DevRun;

/// <summary>
/// <c>dotnet run --project src/FormsService.Api</c> starts the service in Development (its launch profile), with
/// plain console lines a person can read; the port stays the caller's choice (<c>--urls</c>, <c>ASPNETCORE_URLS</c>).
/// </summary>
public sealed class DotnetRunTests
{
    private static readonly string Settings = Path.Combine(Repo.Root, "src", "FormsService.Api", "Properties", "launchSettings.json");

    [Fact]
    public void The_launch_profile_is_development_and_leaves_the_port_to_the_caller()
    {
        var profiles = JsonNode.Parse(File.ReadAllText(Settings))!["profiles"]!.AsObject();
        var (_, profile) = Assert.Single(profiles);
        Assert.Equal("Project", profile!["commandName"]!.GetValue<string>());
        Assert.Equal("Development", profile["environmentVariables"]!["ASPNETCORE_ENVIRONMENT"]!.GetValue<string>());
        Assert.Null(profile["applicationUrl"]); // it would override ASPNETCORE_URLS
        Assert.NotEqual(true, profile["launchBrowser"]?.GetValue<bool>());
    }

    [Fact]
    public async Task Dotnet_run_logs_plain_lines_and_serves_on_the_port_asked_for()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repo.Root,
        };
        foreach (var arg in new[] { "run", "--no-build", "--project", "src/FormsService.Api", "--urls", $"http://127.0.0.1:{port}" })
            psi.ArgumentList.Add(arg);
        psi.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        psi.Environment.Remove("DOTNET_ENVIRONMENT");
        using var process = Process.Start(psi)!;
        var lines = new List<string>();
        var listening = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (lines) lines.Add(e.Data);
            if (e.Data.Contains("Content root path", StringComparison.Ordinal)) listening.TrySetResult(); // the last of the start-up lines
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var started = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(120))) == listening.Task;
            string output;
            lock (lines) output = string.Join("\n", lines);
            Assert.True(started, "the service did not say where it listens:\n" + output);
            Assert.Contains($"http://127.0.0.1:{port}", output);
            Assert.Contains("Hosting environment: Development", output);
            Assert.DoesNotContain("{\"EventId\"", output); // JSON lines are for production
            using var client = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"http://127.0.0.1:{port}/health/live")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
