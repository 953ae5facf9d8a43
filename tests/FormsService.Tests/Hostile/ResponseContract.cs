using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FormsService.Tests.Support;
using SkiaSharp;

namespace FormsService.Tests.Hostile;

/// <summary>What a request body must get, from what is known about it before it is sent.</summary>
internal sealed record Expectation(bool MustBe400, bool Over1MB, IReadOnlyList<string> MustRejectReasons, bool LoneSurrogate = false)
{
    /// <summary>Bodies over this many bytes may be refused with 413 (whether "1 MB" means 10^6 or 2^20 bytes).</summary>
    public const int LargeBody = 1_000_000;

    public static Expectation Of(string body, IEnumerable<string> mustReject)
    {
        var bytes = Encoding.UTF8.GetByteCount(body);
        var json = HostileJson.IsObjectJson(body);
        return new Expectation(!json || HostileJson.Depth(body) > 32, bytes > LargeBody, mustReject.ToList(), HostileJson.HasLoneSurrogate(body));
    }

    /// <remarks>
    /// A lone surrogate (<c>"\ud800"</c>) is grammatical JSON but no Unicode text (RFC 8259 §8.2, I-JSON): refusing the body
    /// as malformed (400) or naming the field (422) both keep the contract; a 200 does not.
    /// </remarks>
    public IReadOnlyList<int> Allowed =>
        MustBe400 ? (Over1MB ? [400, 413] : [400])
        : Over1MB ? (LoneSurrogate ? [400, 413, 422] : [413, 422])
        : LoneSurrogate ? [400, 422]
        : MustRejectReasons.Count > 0 ? [422]
        : [200, 422];
}

/// <summary>The service's contract for any request body: never a 5xx, problems as problem+json, and a 200 is a real document.</summary>
internal static class ResponseContract
{
    public static Task<(int Status, List<string> Violations)> CheckAsync(HttpResponseMessage response, string? format, Expectation expected) =>
        CheckAsync(response, format, expected.Allowed,
            expected.MustRejectReasons.Count > 0 ? $" (must be refused: {string.Join("; ", expected.MustRejectReasons)})" : "");

    public static async Task<(int Status, List<string> Violations)> CheckAsync(HttpResponseMessage response, string? format, IReadOnlyList<int> allowed, string why = "")
    {
        var status = (int)response.StatusCode;
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var media = response.Content.Headers.ContentType?.MediaType;
        var v = new List<string>();

        if (status >= 500) v.Add($"{status} {media}: {Snippet(bytes)}");
        else if (!allowed.Contains(status))
            v.Add($"status {status}, expected {string.Join(" or ", allowed)}{why}: {Snippet(bytes)}");

        if (status is >= 400 and < 500) Problem(status, media, bytes, v);
        else if (status == 200) v.AddRange(Document(format, media, bytes));
        return (status, v);
    }

    private static void Problem(int status, string? media, byte[] bytes, List<string> v)
    {
        if (media != "application/problem+json") v.Add($"{status} is '{media}', not application/problem+json: {Snippet(bytes)}");
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            v.Add($"{status} body is not JSON ({ex.Message}): {Snippet(bytes)}");
            return;
        }
        if (root.ValueKind != JsonValueKind.Object) { v.Add($"{status} problem is not an object"); return; }
        if (!root.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.Number || !s.TryGetInt32(out var si) || si != status)
            v.Add($"{status} problem's 'status' is {(root.TryGetProperty("status", out var s2) ? s2.GetRawText() : "missing")}");
        if (status != 422) return;
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object)
        {
            v.Add("422 without an 'errors' object: " + Snippet(bytes));
            return;
        }
        var count = 0;
        foreach (var e in errors.EnumerateObject())
        {
            count++;
            if (string.IsNullOrEmpty(e.Name)) v.Add($"422 'errors' has an empty key \"{e.Name}\": {errors.GetRawText()}");
            if (e.Value.ValueKind != JsonValueKind.Array || e.Value.GetArrayLength() == 0
                || e.Value.EnumerateArray().Any(m => m.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(m.GetString())))
                v.Add($"422 'errors.{e.Name}' is not a list of messages: {e.Value.GetRawText()}");
        }
        if (count == 0) v.Add("422 with empty 'errors'");
    }

    private static IEnumerable<string> Document(string? format, string? media, byte[] bytes)
    {
        var v = new List<string>();
        try
        {
            switch (format)
            {
                case null:
                    if (media != "application/json") v.Add($"validate 200 is '{media}'");
                    using (var doc = JsonDocument.Parse(bytes))
                        if (!doc.RootElement.TryGetProperty("valid", out var valid) || valid.ValueKind != JsonValueKind.True)
                            v.Add("validate 200 without \"valid\": true: " + Snippet(bytes));
                    break;
                case "pdf":
                    if (media != "application/pdf") v.Add($"pdf 200 is '{media}'");
                    if (DocumentText.PdfPages(bytes).Count < 1) v.Add("the PDF has no pages");
                    break;
                case "docx":
                    if (media != "application/vnd.openxmlformats-officedocument.wordprocessingml.document") v.Add($"docx 200 is '{media}'");
                    var errors = DocumentText.DocxErrors(bytes);
                    if (errors.Count > 0) v.Add("the DOCX does not validate: " + string.Join(" | ", errors.Take(5)));
                    break;
                case "png":
                    if (media != "image/png") v.Add($"png 200 is '{media}'");
                    using (var bitmap = SKBitmap.Decode(bytes))
                        if (bitmap is null || bitmap.Width < 1 || bitmap.Height < 1) v.Add("SkiaSharp cannot decode the PNG");
                    break;
                case "svg":
                    if (media != "image/svg+xml") v.Add($"svg 200 is '{media}'");
                    var svg = XDocument.Parse(Encoding.UTF8.GetString(bytes));
                    if (svg.Root?.Name.LocalName != "svg") v.Add($"the SVG's root is <{svg.Root?.Name}>");
                    break;
            }
        }
        catch (Exception ex)
        {
            v.Add($"the {format ?? "validate"} 200 does not open: {ex.GetType().Name}: {ex.Message}");
        }
        return v;
    }

    public static string Snippet(byte[] bytes) => HostileGen.Printable(Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 1500)));
}
