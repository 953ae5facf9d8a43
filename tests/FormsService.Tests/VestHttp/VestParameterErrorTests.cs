using System.Net;
using FormsService.Tests.Support;

namespace FormsService.Tests.VestHttp;

/// <summary>Every invalid designer parameter is a 422 problem that names it.</summary>
public sealed class VestParameterErrorTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("view=sideways", "view")]
    [InlineData("color=orange", "color")]
    [InlineData("color=%23000000", "color")] // too dark for the lettering
    [InlineData("stripeColor=%23FF7A01", "stripeColor")] // too close to the vest
    [InlineData("stripeWidthMm=5", "stripeWidthMm")]
    [InlineData("stripeWidthMm=abc", "stripeWidthMm")]
    [InlineData("stripePositionMm=5000", "stripePositionMm")]
    [InlineData("letteringScale=9", "letteringScale")]
    [InlineData("dimensions=maybe", "dimensions")]
    [InlineData("dpi=10", "dpi")]
    [InlineData("dpi=2000", "dpi")]
    public async Task Invalid_preview_parameter_is_a_422_naming_it(string query, string parameter)
    {
        foreach (var format in new[] { "png", "svg", "pdf" })
        {
            var response = await _client.GetAsync($"{VestHttp.Preview}?format={format}&{query}");

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.Equal(422, problem.GetProperty("status").GetInt32());
            var errors = problem.GetProperty("errors");
            Assert.True(errors.TryGetProperty(parameter, out var messages), $"{query}: errors are {errors}");
            Assert.True(messages.GetArrayLength() > 0 && messages[0].GetString()!.Length > 0, $"{query}: no message");
            Assert.Single(errors.EnumerateObject()); // only the parameter at fault
        }
    }

    [Theory]
    [InlineData("{\"dpi\": \"high\"}", "dpi")]
    [InlineData("{\"nickname\": 1}", "nickname")]
    public async Task Invalid_render_payload_is_a_422_naming_the_field(string json, string field)
    {
        foreach (var format in new[] { "pdf", "docx", "png", "svg" })
        {
            var response = await _client.PostJson($"{VestHttp.Render}?format={format}", json);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var errors = (await response.ProblemAsync()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"{json}: errors are {errors}");
        }
    }

    [Fact]
    public async Task Valid_parameters_at_the_edges_of_their_ranges_render()
    {
        var response = await _client.GetAsync($"{VestHttp.Preview}?format=png&stripeWidthMm=25&dpi=72&dimensions=true&view=front");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
