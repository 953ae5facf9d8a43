using System.Net;
using System.Net.Http.Headers;
using FormsService.Tests.Support;

namespace FormsService.Tests.VestHttp;

/// <summary>Previews are deterministic and cacheable: ETag, If-None-Match → 304, Cache-Control, same bytes.</summary>
public sealed class VestCachingTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("png")]
    [InlineData("svg")]
    [InlineData("pdf")]
    public async Task Second_request_with_If_None_Match_gets_304(string format)
    {
        var url = $"{VestHttp.Preview}?format={format}&dpi=96";
        var first = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotNull(first.Headers.CacheControl);
        Assert.True(first.Headers.CacheControl!.Public && first.Headers.CacheControl.MaxAge > TimeSpan.Zero,
            $"Cache-Control: {first.Headers.CacheControl}");

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag!);
        var second = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);
    }

    [Fact]
    public async Task A_stale_ETag_gets_the_full_response()
    {
        var url = $"{VestHttp.Preview}?format=png&dpi=96";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-this-one\""));
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Different_parameters_give_different_ETags()
    {
        string[] queries =
        [
            "format=png&dpi=96",
            "format=png&dpi=150",
            "format=png&dpi=96&view=front",
            "format=png&dpi=96&color=%2300A000",
            "format=png&dpi=96&stripeColor=%23FFFFFF",
            "format=png&dpi=96&stripeWidthMm=60",
            "format=png&dpi=96&stripePositionMm=200",
            "format=png&dpi=96&letteringScale=0.8",
            "format=png&dpi=96&dimensions=true",
            "format=svg",
            "format=pdf",
        ];
        var etags = new List<string>();
        foreach (var q in queries)
        {
            var response = await _client.GetAsync($"{VestHttp.Preview}?{q}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            etags.Add(response.Headers.ETag!.Tag);
        }

        Assert.Equal(queries.Length, etags.Distinct().Count());
    }

    [Theory]
    [InlineData("png")]
    [InlineData("svg")]
    [InlineData("pdf")]
    public async Task Two_preview_renders_give_identical_bytes(string format)
    {
        var mediaType = format switch { "png" => "image/png", "svg" => "image/svg+xml", _ => "application/pdf" };
        var url = $"{VestHttp.Preview}?format={format}&dpi=96&dimensions=true";

        var first = await _client.GetBytes(url, mediaType);
        var second = await _client.GetBytes(url, mediaType);

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("pdf", "application/pdf")]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task Two_appendix_renders_give_identical_bytes(string format, string mediaType)
    {
        var first = await _client.PostBytes($"{VestHttp.Render}?format={format}", "{}", mediaType);
        var second = await _client.PostBytes($"{VestHttp.Render}?format={format}", "{}", mediaType);

        Assert.Equal(first, second);
    }
}
