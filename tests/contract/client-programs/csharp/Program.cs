// Drives the service through the C# clients NSwag and Kiota made from its document, as an integrator would: only the
// generated types and methods. Forms.cs (written by the test from the catalogue) holds one block per form and client.
// Arguments: the service's base address, the folder of refused payloads (<formId>.invalid.json), the output folder.
// It writes each document to <out>/<client>/<formId>.<format> and what it saw to <out>/report.json; the test reads both.
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Microsoft.Kiota.Serialization.Json;

namespace FormsService.Clients;

internal static partial class Program
{
    private static readonly List<Dictionary<string, object?>> Entries = [];
    private static string _input = "";
    private static string _output = "";

    public static async Task<int> Main(string[] args)
    {
        var baseUrl = args[0].TrimEnd('/');
        _input = args[1];
        _output = args[2];
        using var http = new HttpClient();
        var nswag = new NSwag.FormsServiceClient(http) { BaseUrl = baseUrl };
        // Kiota's own handlers (KiotaClientFactory), so that HeadersInspectionHandlerOption sees the response headers.
        using var kiotaHttp = KiotaClientFactory.Create();
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: kiotaHttp) { BaseUrl = baseUrl };
        var kiota = new Kiota.FormsServiceKiotaClient(adapter);

        await RunNSwag(nswag);
        await RunKiota(kiota);
        File.WriteAllText(Path.Combine(_output, "report.json"), JsonSerializer.Serialize(Entries, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static partial Task RunNSwag(NSwag.FormsServiceClient client);

    private static partial Task RunKiota(Kiota.FormsServiceKiotaClient client);

    /// <summary>A refused payload read into NSwag's model by its own JSON library.</summary>
    private static T NSwagInvalid<T>(string formId) =>
        Newtonsoft.Json.JsonConvert.DeserializeObject<T>(File.ReadAllText(Path.Combine(_input, formId + ".invalid.json")))
        ?? throw new InvalidOperationException(formId + ": no refused payload");

    /// <summary>A refused payload read into Kiota's model by Kiota's JSON parse node.</summary>
    private static T KiotaInvalid<T>(string formId, Microsoft.Kiota.Abstractions.Serialization.ParsableFactory<T> factory)
        where T : Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_input, formId + ".invalid.json")));
        return new JsonParseNode(document.RootElement.Clone()).GetObjectValue(factory)
            ?? throw new InvalidOperationException(formId + ": no refused payload");
    }

    private static string? First(IReadOnlyDictionary<string, IEnumerable<string>> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static string? First(IDictionary<string, IEnumerable<string>> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static async Task Rendered(string client, string formId, string format, int status, Func<string, string?> header, Stream body)
    {
        var folder = Path.Combine(_output, client);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, formId + "." + format);
        await using (var target = File.Create(file))
            await body.CopyToAsync(target);
        Entries.Add(new()
        {
            ["kind"] = "render", ["client"] = client, ["formId"] = formId, ["format"] = format, ["status"] = status, ["file"] = file,
            ["contentType"] = header("Content-Type"), ["etag"] = header("ETag"), ["formVersion"] = header("X-Form-Version"),
            ["engineDigest"] = header("X-Engine-Digest"), ["contentDisposition"] = header("Content-Disposition"),
        });
    }

    private static void NotModified(string client, string formId, int status, string? message, string? etag) =>
        Entries.Add(new() { ["kind"] = "notModified", ["client"] = client, ["formId"] = formId, ["status"] = status, ["message"] = message, ["etag"] = etag });

    private static void Refused(string client, string formId, int status, int? problemStatus, IEnumerable<string>? paths) =>
        Entries.Add(new() { ["kind"] = "refused", ["client"] = client, ["formId"] = formId, ["status"] = status, ["problemStatus"] = problemStatus, ["paths"] = paths?.ToList() });

    /// <summary>The member of a generated enum whose wire value (EnumMember) is the one given.</summary>
    private static T NSwagEnum<T>(string value) where T : struct, Enum =>
        Enum.GetValues<T>().Single(v => typeof(T).GetField(v.ToString())!
            .GetCustomAttributes(typeof(System.Runtime.Serialization.EnumMemberAttribute), false)
            .Cast<System.Runtime.Serialization.EnumMemberAttribute>().Single().Value == value);

    private static HeadersInspectionHandlerOption Inspect() => new() { InspectResponseHeaders = true };

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
