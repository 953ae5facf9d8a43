using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FormsService.Tests.Support;

namespace FormsService.Tests.Hostile;

/// <summary>
/// What is refused before a payload is read: a body over 1 MB (413), JSON nested deeper than 32 levels (400), and a
/// body that is not declared as JSON (415) — each as problem+json with its status, for every form and both endpoints.
/// </summary>
public sealed class TransportLimitTests(QuietServiceFactory factory) : IClassFixture<QuietServiceFactory>
{
    private const int OneMegabyte = 1024 * 1024;
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> Endpoints()
    {
        var data = new TheoryData<string, string>();
        foreach (var formId in Catalogue.FormIds)
        {
            data.Add(formId, $"/api/forms/{formId}/render?format=pdf");
            data.Add(formId, $"/api/forms/{formId}/validate");
        }
        return data;
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {HostileGen.Printable(text[..Math.Min(text.Length, 500)])}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(text);
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>The example followed by spaces up to exactly <paramref name="bytes"/> bytes: still the same, valid JSON.</summary>
    private static string Padded(string formId, int bytes)
    {
        var example = Repo.Example(formId);
        return example + new string(' ', bytes - Encoding.UTF8.GetByteCount(example));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_body_of_exactly_1_MB_is_read(string formId, string url)
    {
        using var response = await _client.PostJson(url, Padded(formId, OneMegabyte));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_body_one_byte_over_1_MB_is_413(string formId, string url)
    {
        using var response = await _client.PostJson(url, Padded(formId, OneMegabyte + 1));
        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "1 MB + 1 byte");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_2_MB_string_is_413(string formId, string url)
    {
        Assert.Contains(formId, url); // the form id names the case in the test list
        var body = "{\"view\":\"" + new string('Қ', OneMegabyte) + "\"}";
        using var response = await _client.PostJson(url, body);
        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "2 MB string");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_chunked_body_over_1_MB_is_413_and_a_small_one_is_read(string formId, string url)
    {
        var big = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(Padded(formId, 2 * OneMegabyte))));
        big.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using (var response = await _client.PostAsync(url, big))
            await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "chunked 2 MB");

        var small = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(Repo.Example(formId))));
        small.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var ok = await _client.PostAsync(url, small);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Nesting_deeper_than_32_is_400_and_32_is_not(string formId, string url)
    {
        Assert.Contains(formId, url); // the form id names the case in the test list
        foreach (var objects in new[] { true, false })
        {
            // The body itself is level 1; "x" holds the rest.
            string Nested(int levels) => objects
                ? string.Concat(Enumerable.Repeat("{\"x\":", levels - 1)) + "{}" + new string('}', levels - 1)
                : "{\"x\":" + new string('[', levels - 1) + new string(']', levels - 1) + "}";

            using (var deep = await _client.PostJson(url, Nested(33)))
                await AssertProblem(deep, HttpStatusCode.BadRequest, $"33 levels ({(objects ? "objects" : "arrays")})");
            using (var deeper = await _client.PostJson(url, Nested(1000)))
                await AssertProblem(deeper, HttpStatusCode.BadRequest, $"1000 levels ({(objects ? "objects" : "arrays")})");
            using var allowed = await _client.PostJson(url, Nested(32));
            await AssertProblem(allowed, HttpStatusCode.UnprocessableEntity, $"32 levels ({(objects ? "objects" : "arrays")}): read, then refused as an unknown key");
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_body_not_declared_as_JSON_is_415(string formId, string url)
    {
        var example = Encoding.UTF8.GetBytes(Repo.Example(formId));
        foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "text/json-ish", null })
        {
            var content = new ByteArrayContent(example);
            if (type is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            using var response = await _client.PostAsync(url, content);
            await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, $"Content-Type: {type ?? "(none)"}");
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task JSON_with_a_charset_or_in_capitals_is_read(string formId, string url)
    {
        foreach (var type in new[] { "application/json", "application/json; charset=utf-8", "Application/JSON" })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Repo.Example(formId)));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            using var response = await _client.PostAsync(url, content);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{type}: {(int)response.StatusCode}");
        }
    }

    /// <summary>A stream that will not say its length, so the client sends the body chunked (no Content-Length).</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 8192));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
