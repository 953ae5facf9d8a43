using System.Net;
using FormsService.Tests.Support;

namespace FormsService.Tests.Operations;

/// <summary>
/// A browser application on another origin, as its browser asks: a preflight (OPTIONS with Origin and
/// Access-Control-Request-*) and then the request. Only configured origins get the headers that let it through.
/// </summary>
public sealed class CrossOriginTests
{
    private const string Allowed = "https://intranet.example.kz";
    private const string Other = "https://elsewhere.example.com";
    private const string RenderUrl = "/api/forms/referral-certificate/render?format=pdf";

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, RenderUrl);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key,accept-language");
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Fact]
    public async Task A_configured_origin_gets_its_preflight_and_can_read_the_headers_even_with_API_keys()
    {
        await using var service = new ConfiguredServiceFactory(Repo.Forms, new()
        {
            ["Cors:AllowedOrigins:0"] = Allowed, ["Auth:ApiKeys:0"] = "key-one",
        });
        var client = service.CreateClient();

        var preflight = await client.SendAsync(Preflight(Allowed));
        Assert.True(preflight.IsSuccessStatusCode, $"{(int)preflight.StatusCode}");
        Assert.Equal(Allowed, Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(preflight, "Access-Control-Allow-Methods")!);
        var allowedHeaders = Header(preflight, "Access-Control-Allow-Headers")!.ToLowerInvariant();
        Assert.Contains("x-api-key", allowedHeaders);
        Assert.Contains("content-type", allowedHeaders);
        Assert.Equal("600", Header(preflight, "Access-Control-Max-Age"));
        Assert.Null(Header(preflight, "Access-Control-Allow-Credentials"));

        var render = new HttpRequestMessage(HttpMethod.Post, RenderUrl) { Content = HttpExtensions.Json(Repo.Example("referral-certificate")) };
        render.Headers.Add("Origin", Allowed);
        render.Headers.Add("X-Api-Key", "key-one");
        var response = await client.SendAsync(render);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
        var exposed = Header(response, "Access-Control-Expose-Headers")!;
        foreach (var name in new[] { "ETag", "X-Form-Version", "Content-Disposition", "X-Form-Warnings", "Retry-After" })
            Assert.Contains(name, exposed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_origin_gets_no_CORS_headers()
    {
        await using var service = new ConfiguredServiceFactory(Repo.Forms, new() { ["Cors:AllowedOrigins:0"] = Allowed });
        var client = service.CreateClient();
        var preflight = await client.SendAsync(Preflight(Other));
        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Null(Header(preflight, "Access-Control-Allow-Methods"));

        var list = new HttpRequestMessage(HttpMethod.Get, "/api/forms");
        list.Headers.Add("Origin", Other);
        var response = await client.SendAsync(list);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task By_default_no_origin_is_allowed()
    {
        await using var service = new ConfiguredServiceFactory(Repo.Forms);
        var client = service.CreateClient();
        foreach (var origin in new[] { Allowed, Other, "http://localhost:5000", "null" })
        {
            var preflight = await client.SendAsync(Preflight(origin));
            Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
            var list = new HttpRequestMessage(HttpMethod.Get, "/api/forms");
            list.Headers.Add("Origin", origin);
            Assert.Null(Header(await client.SendAsync(list), "Access-Control-Allow-Origin"));
        }
    }

    [Fact]
    public async Task A_star_allows_every_origin_without_credentials()
    {
        await using var service = new ConfiguredServiceFactory(Repo.Forms, new() { ["Cors:AllowedOrigins:0"] = "*" });
        var preflight = await service.CreateClient().SendAsync(Preflight(Other));
        Assert.Equal("*", Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Null(Header(preflight, "Access-Control-Allow-Credentials"));
    }
}
