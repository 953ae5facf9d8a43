using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.Hostile;

/// <summary>
/// The nastiest inputs, fixed: each once found (or feared) by the property suite, kept so it never comes back.
/// Every case must get a status it allows, and every response must keep the contract (see <see cref="ResponseContract"/>).
/// </summary>
public sealed class HostileRegressionTests(QuietServiceFactory factory) : IClassFixture<QuietServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private const string Referral = "referral-certificate";
    private const string WorkOrder = "work-order";
    private const string Vest = "vest-specimen";

    /// <summary>A case: where it is sent, its body, the statuses it may get, and the error path a 422 must name.</summary>
    private sealed record Case(string Url, string Body, int[] Allowed, string? Path = null);

    private static string Render(string formId, string format = "pdf") => $"/api/forms/{formId}/render?format={format}";
    private static string Validate(string formId) => $"/api/forms/{formId}/validate";

    /// <summary>The example (or the vest with every parameter) changed by <paramref name="change"/>, written byte for byte.</summary>
    private static string With(string formId, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(formId == Vest ? Seeds.Payload(Vest, "all-parameters") : Repo.Example(formId))!.AsObject();
        change(node);
        return HostileJson.Write(node);
    }

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Lone surrogates are grammatical JSON but not Unicode text: refused as malformed (400) or by field (422), never read.
        // In a property NAME: TextGuard and the vest's Parse read the name with GetString() and threw (found: 500).
        ["referral: lone high surrogate as a top-level key"] = new(Render(Referral), With(Referral, p => p["\uD800"] = ""), [400, 422]),
        ["referral: lone low surrogate as a nested key (validate)"] = new(Validate(Referral), With(Referral, p => p["convict"]!["\uDC00"] = 1), [400, 422]),
        ["work-order: lone high surrogate as a key in work (docx)"] = new(Render(WorkOrder, "docx"), With(WorkOrder, p => p["work"]!["\uD800"] = "Ω"), [400, 422]),
        ["vest: lone high surrogate as a key"] = new(Render(Vest), With(Vest, p => p["\uD800"] = 1), [400, 422]),
        ["vest: only a lone-surrogate key (validate)"] = new(Validate(Vest), "{\"\\ud800\":1}", [400, 422]),

        // Lone surrogates in a VALUE: the referral and work order refuse them; the vest read them with GetString() (found: 500).
        ["vest: lone low surrogate in color"] = new(Validate(Vest), With(Vest, p => p["color"] = "#FF\uDC007A00"), [400, 422], "color"),
        ["vest: lone high surrogate as view (svg)"] = new(Render(Vest, "svg"), "{\"view\":\"\\ud800\"}", [400, 422], "view"),
        ["vest: reversed surrogate pair in stripeColor (png)"] = new(Render(Vest, "png"), "{\"stripeColor\":\"\\udc00\\ud800\"}", [400, 422], "stripeColor"),
        ["referral: lone high surrogate in convict.name"] = new(Render(Referral), With(Referral, p => p["convict"]!["name"] = "Нұр\uD800лан"), [400, 422], "convict.name"),
        ["work-order: lone low surrogate in work.kind (docx)"] = new(Render(WorkOrder, "docx"), With(WorkOrder, p => p["work"]!["kind"] = "\uDC00"), [400, 422], "work.kind"),

        // An empty property name: refused, but reported under the key "" (found: errors {"": [...]}).
        ["referral: empty key"] = new(Render(Referral), With(Referral, p => p[""] = false), [422]),
        ["work-order: empty key in convict"] = new(Validate(WorkOrder), With(WorkOrder, p => p["convict"]![""] = 1), [422]),
        ["vest: empty key"] = new(Render(Vest, "svg"), "{\"\":1}", [422]),

        // Dates at the end of the calendar: the work order's deadline arithmetic overflowed DateOnly (found: 500).
        ["work-order: received and ordered on 9999-12-31"] = new(Render(WorkOrder), With(WorkOrder, p =>
        {
            p["verdict"]!["receivedDate"] = "9999-12-31";
            p["order"]!["date"] = "9999-12-31";
        }), [200, 422]),
        ["work-order: received and ordered on 9999-12-27 (validate)"] = new(Validate(WorkOrder), With(WorkOrder, p =>
        {
            p["verdict"]!["receivedDate"] = "9999-12-27";
            p["order"]!["date"] = "9999-12-27";
        }), [200, 422]),
        ["referral: every date after the verdict on 9999-12-31"] = new(Render(Referral, "docx"), With(Referral, p =>
        {
            p["issuer"]!["date"] = "9999-12-31";
            p["notification"]!["date"] = "9999-12-31";
            p["notification"]!["startDate"] = "9999-12-31";
        }), [200, 422]),

        // Impossible dates.
        ["referral: 2025-02-30"] = new(Render(Referral), With(Referral, p => p["verdict"]!["date"] = "2025-02-30"), [422], "verdict.date"),
        ["referral: 0000-00-00"] = new(Render(Referral), With(Referral, p => p["issuer"]!["date"] = "0000-00-00"), [422], "issuer.date"),
        ["work-order: 2025-13-01"] = new(Render(WorkOrder), With(WorkOrder, p => p["order"]!["date"] = "2025-13-01"), [422], "order.date"),

        // Numbers no field can hold.
        ["referral: hours 2^63"] = new(Render(Referral), With(Referral, p => p["verdict"]!["hours"] = HostileJson.Raw("9223372036854775808")), [422], "verdict.hours"),
        ["work-order: birthYear 1e308"] = new(Render(WorkOrder), With(WorkOrder, p => p["convict"]!["birthYear"] = 1e308), [422], "convict.birthYear"),
        ["work-order: hoursPerDay -1"] = new(Render(WorkOrder), With(WorkOrder, p => p["work"]!["hoursPerDay"] = -1), [422], "work.hoursPerDay"),
        ["vest: dpi 2^63"] = new(Render(Vest, "png"), "{\"dpi\":9223372036854775808}", [422], "dpi"),
        ["vest: stripeWidthMm 1e309"] = new(Render(Vest, "svg"), "{\"stripeWidthMm\":1e309}", [422], "stripeWidthMm"),
        ["vest: letteringScale -1e308"] = new(Render(Vest), "{\"letteringScale\":-1e308}", [422], "letteringScale"),

        // Characters that make printed text lie or vanish.
        ["referral: right-to-left override"] = new(Render(Referral), With(Referral, p => p["convict"]!["surname"] = "Сейт\u202Eқалиев"), [422], "convict.surname"),
        ["work-order: zero-width joiner"] = new(Render(WorkOrder, "docx"), With(WorkOrder, p => p["signatory"]!["fullName"] = "Исаев\u200DМарат"), [422], "signatory.fullName"),
        ["work-order: ZWJ family emoji"] = new(Render(WorkOrder), With(WorkOrder, p => p["work"]!["object"] = "👨\u200D👩\u200D👧"), [422], "work.object"),
        ["referral: NUL"] = new(Render(Referral, "docx"), With(Referral, p => p["localExecutiveBody"] = "Алматы\u0000"), [422], "localExecutiveBody"),
        ["vest: right-to-left override in view"] = new(Render(Vest, "svg"), "{\"view\":\"front\\u202e\"}", [422], "view"),

        // Decomposed letters and XML/PDF specials: printed or refused by name, never a broken file.
        ["referral: decomposed Й and Ё (docx)"] = new(Render(Referral, "docx"), With(Referral, p => p["convict"]!["name"] = "И\u0306ерке Е\u0308ркін"), [200, 422]),
        ["work-order: Қ as К + combining mark"] = new(Render(WorkOrder), With(WorkOrder, p => p["akimat"]!["place"] = "К\u0329азақстан"), [200, 422]),
        ["work-order: XML specials (docx)"] = new(Render(WorkOrder, "docx"), With(WorkOrder, p => p["work"]!["conditions"] = "<w:t>&amp;</w:t> ]]> \"' </svg>"), [200]),
        ["referral: PDF string specials"] = new(Render(Referral), With(Referral, p => p["convict"]!["residence"] = ") Tj ET (\\) \\\\ %%EOF"), [200]),
        ["referral: 100-letter unbreakable surname"] = new(Render(Referral), With(Referral, p => p["convict"]!["surname"] = new string('Ш', 100)), [200]),
        ["work-order: 500-letter unbreakable conditions (docx)"] = new(Render(WorkOrder, "docx"), With(WorkOrder, p => p["work"]!["conditions"] = new string('W', 500)), [200]),

        // Size: 900 KB of text is refused by the field's limit; 1 MB of it by the body limit.
        ["referral: 900 KB surname"] = new(Render(Referral), With(Referral, p => p["convict"]!["surname"] = new string('a', 900_000)), [422], "convict.surname"),
        ["work-order: 1 MB of Қ in work.kind"] = new(Render(WorkOrder), With(WorkOrder, p => p["work"]!["kind"] = new string('Қ', 1 << 20)), [413]),
        ["vest: 1 MB view"] = new(Render(Vest, "png"), "{\"view\":\"" + new string('a', 1 << 20) + "\"}", [413]),

        // Shape: wrong types, duplicate keys, long arrays, nesting.
        ["referral: convict is an array"] = new(Render(Referral), With(Referral, p => p["convict"] = new JsonArray(1, 2)), [422], "convict"),
        ["work-order: hasPermanentJob is \"true\""] = new(Render(WorkOrder), With(WorkOrder, p => p["convict"]!["hasPermanentJob"] = "true"), [422], "convict.hasPermanentJob"),
        ["vest: dimensions is 2"] = new(Render(Vest, "svg"), "{\"dimensions\":2}", [422], "dimensions"),
        ["vest: dimensions is \"true\""] = new(Render(Vest, "svg"), "{\"dimensions\":\"true\"}", [422], "dimensions"),
        ["referral: duplicate surname"] = new(Render(Referral), With(Referral, p => p["convict"]![HostileJson.Duplicate("surname", 1)] = "Басқа"), [400]),
        ["vest: duplicate view, the first invalid"] = new(Render(Vest, "svg"), "{\"view\":\"sideways\",\"view\":\"front\"}", [400]),
        ["work-order: 100 000-element array as order"] = new(Render(WorkOrder), With(WorkOrder, p => p["order"] = HostileJson.Raw("[" + string.Join(',', Enumerable.Repeat("0", 100_000)) + "]")), [422], "order"),
        ["vest: object with 10 000 unknown keys"] = new(Validate(Vest), "{" + string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"\"k{i}\":{i}")) + "}", [422]),
        ["referral: 10 000 nested arrays"] = new(Render(Referral), With(Referral, p => p["verdict"] = HostileJson.Raw(new string('[', 10_000) + new string(']', 10_000))), [400]),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_nastiest_inputs_keep_the_contract(string name)
    {
        var c = Cases[name];
        using var response = await _client.PostJson(c.Url, c.Body);
        var format = c.Url.Contains("/render", StringComparison.Ordinal) ? c.Url[(c.Url.IndexOf('=') + 1)..] : null;
        var (status, violations) = await ResponseContract.CheckAsync(response, format, c.Allowed);
        if (status == 422 && c.Path is not null)
        {
            var errors = (await response.ProblemAsync()).GetProperty("errors");
            if (!errors.TryGetProperty(c.Path, out _)) violations.Add($"no error for '{c.Path}': {errors}");
        }
        Assert.True(violations.Count == 0,
            $"{name}\nPOST {c.Url}\nbody ({Encoding.UTF8.GetByteCount(c.Body)} bytes): {HostileGen.Printable(c.Body)}\n" + string.Join("\n", violations));
    }
}
