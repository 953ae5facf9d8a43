using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.AkimatReports;

/// <summary>What <c>validate</c> answers for a payload: the status, the paths with errors, the warnings' codes and paths.</summary>
public sealed record CheckAnswer(HttpStatusCode Status, IReadOnlyList<string> ErrorPaths, IReadOnlyList<(string Code, string Path)> Warnings, string Body)
{
    public void AssertValid() => Assert.True(Status == HttpStatusCode.OK, Body);

    public void AssertErrorAt(string path)
    {
        Assert.True(Status == HttpStatusCode.UnprocessableEntity, $"expected 422 at {path}: {Body}");
        Assert.True(ErrorPaths.Contains(path), $"expected an error at {path}: {Body}");
    }

    public void AssertWarning(string code, string path) =>
        Assert.True(Warnings.Contains((code, path)), $"expected warning {code} at {path}: {Body}");
}

/// <summary>Edits a form's example and asks the service to validate it.</summary>
public static class FormCheck
{
    public static JsonObject Example(string formId) => JsonNode.Parse(Repo.Example(formId))!.AsObject();

    public static async Task<CheckAnswer> Validate(this HttpClient client, string formId, JsonNode payload)
    {
        var response = await client.PostJson($"/api/forms/{formId}/validate", payload.ToJsonString());
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;
        var errors = json.TryGetProperty("errors", out var e) ? e.EnumerateObject().Select(p => p.Name).ToList() : [];
        var warnings = json.TryGetProperty("warnings", out var w)
            ? w.EnumerateArray().Select(x => (x.GetProperty("code").GetString()!, x.GetProperty("path").GetString()!)).ToList()
            : [];
        return new CheckAnswer(response.StatusCode, errors, warnings, body);
    }

    public static async Task<CheckAnswer> Validate(this HttpClient client, string formId, Action<JsonObject> change)
    {
        var payload = Example(formId);
        change(payload);
        return await client.Validate(formId, payload);
    }

    /// <summary>Days of a time sheet or works of an act as JSON: (day, hours) pairs.</summary>
    public static JsonArray Days(params (int Day, int Hours)[] days) =>
        new(days.Select(d => (JsonNode)new JsonObject { ["day"] = d.Day, ["hours"] = d.Hours }).ToArray());
}
