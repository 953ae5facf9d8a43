using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FormsService.Tests.Support;

/// <summary>The service in-process, with the repository's forms and fonts (or another forms folder).</summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    private readonly string _formsPath;
    private readonly Dictionary<string, string?> _settings;

    public ServiceFactory() : this(Repo.Forms, null) { }

    protected ServiceFactory(string formsPath, Dictionary<string, string?>? settings)
    {
        _formsPath = formsPath;
        _settings = settings ?? [];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("FormsService:FormsPath", _formsPath);
        builder.UseSetting("FormsService:FontsPath", Repo.Fonts);
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
    }
}

/// <summary>The service with another forms folder or extra settings.</summary>
public sealed class ConfiguredServiceFactory(string formsPath, Dictionary<string, string?>? settings = null)
    : ServiceFactory(formsPath, settings);

public static class HttpExtensions
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, string json) =>
        client.PostAsync(url, Json(json));

    /// <summary>A POST whose problems come back in <paramref name="language"/> (<c>Accept-Language</c>; Kazakh without it).</summary>
    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, string json, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(json) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return client.SendAsync(request);
    }

    public static async Task<System.Text.Json.JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }

    public static MediaTypeHeaderValue? MediaType(this HttpResponseMessage response) => response.Content.Headers.ContentType;
}
