using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FormsService.Tests.Support;

namespace FormsService.Tests.Api;

/// <summary>HTTP's small print: query names matched one way, If-None-Match: *, HEAD, a byte order mark.</summary>
public sealed class HttpDetailsTests
{
    private const string RenderUrl = "/api/forms/referral-certificate/render?format=pdf";

    [Fact]
    public async Task Query_names_are_matched_one_way_whatever_the_cache_holds()
    {
        // A fresh service: nothing cached yet.
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        var client = factory.CreateClient();
        var upper = await client.GetAsync("/api/forms/vest-specimen/preview?DPI=100");
        Assert.Equal(HttpStatusCode.OK, upper.StatusCode);
        var lower = await client.GetAsync("/api/forms/vest-specimen/preview?dpi=100");
        Assert.Equal(await upper.Content.ReadAsByteArrayAsync(), await lower.Content.ReadAsByteArrayAsync());
        Assert.Equal(upper.Headers.ETag, lower.Headers.ETag);

        var svg = await client.GetAsync("/api/forms/vest-specimen/preview?FORMAT=svg&View=front");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task If_None_Match_star_on_a_POST_is_412_and_on_a_GET_304()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        var client = factory.CreateClient();
        var post = new HttpRequestMessage(HttpMethod.Post, RenderUrl) { Content = HttpExtensions.Json(Repo.Example("referral-certificate")) };
        post.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        var refused = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        await refused.ProblemAsync();

        var get = new HttpRequestMessage(HttpMethod.Get, "/api/forms/vest-specimen/preview?format=svg");
        get.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(get)).StatusCode);
    }

    [Theory]
    [InlineData("/api/forms")]
    [InlineData("/api/forms/referral-certificate")]
    [InlineData("/api/forms/referral-certificate/versions/2025-733/schema")]
    [InlineData("/api/forms/referral-certificate/blank?format=pdf")]
    [InlineData("/api/forms/vest-specimen/preview?format=svg")]
    [InlineData("/api/deadlines?verdictReceived=2025-10-16")]
    public async Task HEAD_is_answered_on_GET_routes_with_the_GET_headers_and_no_body(string url)
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        var client = factory.CreateClient();
        var get = await client.GetAsync(url);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_UTF8_byte_order_mark_before_the_JSON_is_accepted()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        var client = factory.CreateClient();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Repo.Example("referral-certificate"))).ToArray();
        foreach (var url in new[] { RenderUrl, "/api/forms/referral-certificate/validate" })
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var response = await client.PostAsync(url, content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
