using System.Net;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.Api;

/// <summary>
/// Text that would print wrongly: composed before it is checked and printed (NFC); right-to-left scripts, scripts that
/// need shaping, invisible characters and stray combining marks refused with 422 naming the character and the field.
/// </summary>
public sealed class TextRulesTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string WithSurname(string surname)
    {
        var payload = JsonNode.Parse(Repo.Example("referral-certificate"))!;
        payload["convict"]!["surname"] = surname;
        return payload.ToJsonString();
    }

    [Fact]
    public async Task A_decomposed_letter_is_printed_and_tagged_as_the_composed_one()
    {
        // "Й" typed as "И" + U+0306 (combining breve).
        var decomposed = await _client.PostJson("/api/forms/referral-certificate/render?format=pdf", WithSurname("И\u0306мангалиев"));
        var composed = await _client.PostJson("/api/forms/referral-certificate/render?format=pdf", WithSurname("Ймангалиев"));
        Assert.Equal(HttpStatusCode.OK, decomposed.StatusCode);
        var text = DocumentText.Pdf(await decomposed.Content.ReadAsByteArrayAsync());
        Assert.Contains("Ймангалиев", text);
        Assert.DoesNotContain("\u0306", text);
        Assert.Equal(composed.Headers.ETag, decomposed.Headers.ETag);
    }

    [Theory]
    [InlineData("И\u0306", "Й")]
    [InlineData("и\u0306", "й")]
    [InlineData("Е\u0308", "Ё")]
    [InlineData("a\u0323\u0302", "\u1EAD")]     // dot below, then circumflex
    [InlineData("a\u0302\u0323", "\u1EAD")]     // the same marks typed the other way round
    [InlineData("e\u0301\u0301", "\u00E9\u0301")] // the second acute is blocked by the first
    [InlineData("Се\u0301йт", "Се\u0301йт")]    // no composed letter exists: kept
    [InlineData("Сейтқалиев", "Сейтқалиев")]
    public void Marks_are_composed_with_their_letters_as_NFC_does(string typed, string composed) =>
        Assert.Equal(composed, FormsService.Api.Http.Unicode.Composer.Compose(typed));

    public static TheoryData<string, string> Refused() => new()
    {
        { "שלום", "U+05E9" },                 // Hebrew: right to left
        { "Сейт\u200Fқалиев", "" },           // a right-to-left mark: a format character
        { "\u0301", "U+0301" },               // a mark with no letter
        { "1\u0301", "U+0301" },              // a mark on a digit
        { "Сейт \u0301қалиев", "U+0301" },    // a mark on a space
        { "Сейт\u034Fқалиев", "U+034F" },     // the combining grapheme joiner: invisible
        { "Сейт\uFE0Fқалиев", "U+FE0F" },     // a variation selector: invisible
        { "सुरेश", "U+0938" },                 // Devanagari: needs shaping
        { "สมชาย", "U+0E2A" },                 // Thai: needs shaping
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Text_that_would_print_wrongly_is_422_naming_the_character_and_the_field(string surname, string character)
    {
        foreach (var url in new[] { "/api/forms/referral-certificate/validate", "/api/forms/referral-certificate/render?format=pdf" })
        {
            var response = await _client.PostJson(url, WithSurname(surname));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var errors = (await response.ProblemAsync()).GetProperty("errors");
            var message = errors.GetProperty("convict.surname")[0].GetString()!;
            Assert.Contains(character, message);
        }
    }

    [Theory]
    [InlineData("Се\u0301йтқалиев")]   // a Cyrillic letter with an acute (stress mark): no composed form, placed by the font
    [InlineData("Jose\u0301")]         // composes to "José"
    [InlineData("Ерболұлы-Сейтқалиев")]
    public async Task Letters_with_the_marks_they_can_carry_are_accepted(string surname)
    {
        var response = await _client.PostJson("/api/forms/referral-certificate/validate", WithSurname(surname));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
