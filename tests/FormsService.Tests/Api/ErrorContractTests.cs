using System.Net;
using System.Text.Json;
using FormsService.Tests.Support;
using static FormsService.Tests.ReferralCertificate.ReferralCertificateSamples;

namespace FormsService.Tests.Api;

/// <summary>The error contract other systems rely on: status, problem+json, and errors keyed by JSON path.</summary>
public sealed class ErrorContractTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("{ \"convict\": ")]
    [InlineData("not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"a string\"")]
    [InlineData("")]
    public async Task Malformed_JSON_or_a_body_that_is_not_an_object_is_400(string body)
    {
        var response = await _client.PostJson(RenderUrl + "?format=pdf", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task JSON_nested_deeper_than_32_levels_is_400()
    {
        var body = "{\"a\":" + string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40)) + "}";
        var response = await _client.PostJson(RenderUrl, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("body-too-deep", problem.GetProperty("codes").GetProperty("$")[0].GetString());
    }

    /// <summary>A body that breaks off or is malformed is not JSON, however shallow or deep it got before it broke.</summary>
    [Theory]
    [InlineData("{")]
    [InlineData("[")]
    [InlineData("[{\"a\":1}")]
    [InlineData("{\"view\": \"front\"")]
    [InlineData("{\"convict\": {\"surname\": \"Ә")]
    [InlineData("{\"a\": [[[[[[[[[[")]
    [InlineData("{\"a\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"")]
    [InlineData("{\"a\": 1,}")]
    [InlineData("{\"a\": 1]")]
    [InlineData("}")]
    public async Task A_truncated_or_malformed_body_is_body_not_json(string body)
    {
        var response = await _client.PostJson(RenderUrl, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("body-not-json", problem.GetProperty("codes").GetProperty("$")[0].GetString());
    }

    public static TheoryData<string, string> RuleBreaks => new()
    {
        { With(p => p["convict"]!.AsObject().Remove("surname")), "convict.surname" },
        { With(p => p["convict"]!["surname"] = "   "), "convict.surname" },
        { With(p => p["verdict"]!["hours"] = 0), "verdict.hours" },
        { With(p => p["verdict"]!["hours"] = -5), "verdict.hours" },
        { With(p => p["verdict"]!["hours"] = 12.5), "verdict.hours" },
        { With(p => p["verdict"]!["hours"] = "many"), "verdict.hours" },
        { With(p => p["convict"]!["birthYear"] = 2020), "convict.birthYear" },
        { With(p => p["convict"]!["birthYear"] = 1850), "convict.birthYear" },
        { With(p => p["verdict"]!["date"] = "2025-10-25"), "issuer.date" },
        { With(p => p["verdict"]!["date"] = "2025-02-30"), "verdict.date" },
        { With(p => p["verdict"]!["date"] = "14.10.2025"), "verdict.date" },
        { With(p => p.Remove("verdict")), "verdict" },
        { With(p => p["issuer"]!["position"] = "әкім"), "issuer.position" },
        { With(p => p["convict"]!["name"] = "Нұр\u0007лан"), "convict.name" },
        { With(p => p["convict"]!["name"] = "Нұр\u202Eлан"), "convict.name" },
        { With(p => p["convict"]!["residence"] = new string('а', 301)), "convict.residence" },
        { With(p => p["convict"]!["nickname"] = "x"), "convict.nickname" },
        { With(p => p["notification"]!.AsObject().Remove("workName")), "notification.workName" },
    };

    [Theory]
    [MemberData(nameof(RuleBreaks))]
    public async Task A_payload_that_breaks_a_rule_is_422_naming_the_field_by_its_JSON_path(string payload, string path)
    {
        var response = await _client.PostJson(RenderUrl + "?format=pdf", payload);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(path, out var messages), $"No error for '{path}': {errors}");
        Assert.True(messages.GetArrayLength() > 0);
        Assert.All(messages.EnumerateArray(), m => Assert.False(string.IsNullOrWhiteSpace(m.GetString())));
    }

    [Fact]
    public async Task A_character_the_fonts_cannot_print_is_named()
    {
        var response = await _client.PostJson(RenderUrl, With(p => p["convict"]!["name"] = "Нұрлан 😀"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var message = (await response.ProblemAsync()).GetProperty("errors").GetProperty("convict.name")[0].GetString()!;
        Assert.Contains("U+1F600", message);
    }

    [Fact]
    public async Task Several_broken_rules_are_all_reported()
    {
        var response = await _client.PostJson(RenderUrl, With(p =>
        {
            p["convict"]!.AsObject().Remove("surname");
            p["verdict"]!["hours"] = 0;
        }));
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("convict.surname", out _));
        Assert.True(errors.TryGetProperty("verdict.hours", out _));
    }

    [Fact]
    public async Task A_problem_never_echoes_a_long_value()
    {
        var secret = "Құпия" + new string('ж', 400);
        var response = await _client.PostJson(RenderUrl, With(p => p["convict"]!["residence"] = secret));
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret[..40], text);
    }

    [Theory]
    [InlineData("/api/forms/no-such-form/render?format=pdf")]
    [InlineData("/api/forms/referral-certificate/render?format=pdf&version=1999-001")]
    [InlineData("/api/forms/referral-certificate/render?format=pdf&asOf=2020-01-01")]
    public async Task An_unknown_form_or_version_or_none_in_force_is_404(string url)
    {
        var response = await _client.PostJson(url, Example);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("format=xls", "format")]
    [InlineData("format=png", "format")]
    [InlineData("asOf=yesterday", "asOf")]
    public async Task An_invalid_parameter_is_422_naming_it(string query, string name)
    {
        var response = await _client.PostJson(RenderUrl + "?" + query, Example);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(name, out _));
    }

    [Fact]
    public async Task Validate_answers_valid_with_no_warnings_for_the_sample()
    {
        var response = await _client.PostJson("/api/forms/referral-certificate/validate", Example);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(answer.GetProperty("valid").GetBoolean());
        Assert.Equal(0, answer.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Validate_gives_the_same_422_as_render()
    {
        var payload = With(p => p["verdict"]!["hours"] = 0);
        var validate = await _client.PostJson("/api/forms/referral-certificate/validate", payload);
        var render = await _client.PostJson(RenderUrl, payload);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, validate.StatusCode);
        Assert.Equal((await render.ProblemAsync()).GetProperty("errors").ToString(), (await validate.ProblemAsync()).GetProperty("errors").ToString());
    }
}
