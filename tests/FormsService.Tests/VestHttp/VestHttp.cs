using System.Net;
using FormsService.Tests.Support;
using SkiaSharp;

namespace FormsService.Tests.VestHttp;

/// <summary>Routes, colours and small helpers shared by the vest HTTP tests.</summary>
internal static class VestHttp
{
    public const string Render = "/api/forms/vest-specimen/render";
    public const string Preview = "/api/forms/vest-specimen/preview";

    public const string Kazakh = "ҚОҒАМҒА ҚАРЫЗДЫ ҚАЙТАРУ";
    public const string Russian = "ОТДАТЬ ДОЛГ ОБЩЕСТВУ";

    /// <summary>Colours of vest.json: the vest, the reflective stripe.</summary>
    public static readonly SKColor Orange = new(0xFF, 0x7A, 0x00);
    public static readonly SKColor Stripe = new(0xC0, 0xC0, 0xC0);
    public static readonly SKColor Green = new(0x00, 0xA0, 0x00);

    /// <summary>The drawing scale of vest.json (1:5): PNG previews are drawn at it.</summary>
    public const double DrawingScale = 5;

    /// <summary>The appendix page as the order prints it (Form 2 of FORMS-SOURCE.md).</summary>
    public static readonly string[] AppendixText =
    [
        "Жазалаудың осы түріне сотталған адамдардың қоғамдық жұмыстарды орындауын ұйымдастыру қағидасына қосымша",
        "Нысан",
        "Қоғамдық жұмыстарға тарту түріндегі жазаға сотталғандардың кеудешесі нысанының үлгісі.",
        "Жарық шағылыстыратын бір жолағы бар және \"ҚОҒАМҒА ҚАРЫЗДЫ ҚАЙТАРУ\", \"ОТДАТЬ ДОЛГ ОБЩЕСТВУ\" деген жазуы бар қызғылт сары түсті кеудеше (сурет).",
        "Сурет.",
        "Ескертпе: 1 – алдыңғы жағы; 2 – арқа жағы.",
    ];

    public static async Task<byte[]> GetBytes(this HttpClient client, string url, string mediaType)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"GET {url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal(mediaType, response.MediaType()?.MediaType);
        return body;
    }

    public static async Task<byte[]> PostBytes(this HttpClient client, string url, string json, string mediaType)
    {
        var response = await client.PostJson(url, json);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"POST {url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal(mediaType, response.MediaType()?.MediaType);
        return body;
    }

    /// <summary>Share of pixels near <paramref name="color"/> (RGB distance ≤ tolerance).</summary>
    public static double Share(SKBitmap bitmap, SKColor color, int tolerance = 24)
    {
        var pixels = bitmap.Pixels;
        return pixels.Count(p => Near(p, color, tolerance)) / (double)pixels.Length;
    }

    public static bool Near(SKColor a, SKColor b, int tolerance)
    {
        int dr = a.Red - b.Red, dg = a.Green - b.Green, db = a.Blue - b.Blue;
        return dr * dr + dg * dg + db * db <= tolerance * tolerance;
    }

    public static SKBitmap Decode(byte[] png) =>
        SKBitmap.Decode(png) ?? throw new InvalidDataException("The response is not a decodable image.");
}
