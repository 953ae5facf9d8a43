using System.Net;
using System.Text.Json.Nodes;
using FormsService.Api.Http;
using FormsService.Tests.Support;

namespace FormsService.Tests.Api;

/// <summary>
/// What the lean HTTP path around a render still gives: download names a client's own parser reads back, and ETags
/// of the normalised request — the same for a payload spaced or ordered otherwise, another for another value.
/// </summary>
public sealed class HttpPathTests
{
    private const string RenderUrl = "/api/forms/referral-certificate/render?format=pdf";

    [Theory]
    [InlineData("Анықтама-жолдама_Сейтқалиев_2025-10-20.pdf", false)]
    [InlineData("Form_O'Neil & Sons (draft) 100%.docx", false)]
    [InlineData("Жилет_үлгісі_ٴ_😀.png", true)]
    [InlineData("a;b=\"c\"\\d.pdf", false)]
    public void A_download_name_reads_back_whole_in_a_clients_parser(string name, bool inline)
    {
        var header = System.Net.Http.Headers.ContentDispositionHeaderValue.Parse(DownloadNames.ContentDisposition(name, inline));

        Assert.Equal(inline ? "inline" : "attachment", header.DispositionType);
        Assert.Equal(name, header.FileNameStar);
        Assert.Equal(DownloadNames.Ascii(name), header.FileName!.Trim('"'));
        Assert.All(header.FileName, c => Assert.True(c < 128));
    }

    [Fact]
    public async Task The_ETag_is_the_normalised_requests_spacing_and_order_aside_and_another_for_another_value()
    {
        await using var factory = new ConfiguredServiceFactory(Repo.Forms);
        var client = factory.CreateClient();
        var example = JsonNode.Parse(Repo.Example("referral-certificate"))!.AsObject();
        var reordered = new JsonObject(example.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var changed = example.DeepClone().AsObject();
        changed["convict"]!["surname"] = "Басқа";

        var first = await client.PostJson(RenderUrl, example.ToJsonString());
        var spaced = await client.PostJson(RenderUrl, example.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        var otherOrder = await client.PostJson(RenderUrl, reordered.ToJsonString());
        var other = await client.PostJson(RenderUrl, changed.ToJsonString());

        Assert.All(new[] { first, spaced, otherOrder, other }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, spaced.Headers.ETag);
        Assert.Equal(first.Headers.ETag, otherOrder.Headers.ETag);
        Assert.NotEqual(first.Headers.ETag, other.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await otherOrder.Content.ReadAsByteArrayAsync());
    }
}
