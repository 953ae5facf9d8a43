using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormsService.Tests.Support;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;
using Kiota = FormsService.Clients.Kiota;
using NSwag = FormsService.Clients.NSwag;

namespace FormsService.Tests.Contract;

/// <summary>
/// The clients NSwag and Kiota generate from the service's own document (<c>tests/clients/regenerate.sh</c>), used
/// as an integrator would: with their generated types and methods alone, every form is rendered to PDF and DOCX
/// and a refused payload's errors are read through the typed problem. The forms come from the catalogue; each
/// form's operations are found by the names the document gives them (<c>renderReferralCertificate</c>).
/// </summary>
public sealed class GeneratedClientTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    public static TheoryData<string, string> PageFormats
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var formId in Catalogue.FormIds)
                foreach (var format in Catalogue.Formats(formId).Where(Catalogue.IsPageFormat))
                    data.Add(formId, format);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PageFormats))]
    public async Task NSwag_client_renders_the_form(string formId, string format)
    {
        var client = new NSwag.FormsServiceClient(factory.CreateClient());
        var name = Pascal(formId);
        var payload = NSwagPayload(name, Catalogue.Example(formId));
        var method = NSwagMethod($"Render{name}Async");
        var formatValue = Enum.Parse(Nullable.GetUnderlyingType(method.GetParameters()[1].ParameterType)!, format, ignoreCase: true);
        using var file = await (Task<NSwag.FileResponse>)Invoke(method, client, payload, formatValue);

        Assert.Equal(200, file.StatusCode);
        Assert.Equal(MediaType(format), file.Headers["Content-Type"].Single().Split(';')[0]);
        AssertDocument(format, await Bytes(file.Stream));
    }

    [Theory]
    [MemberData(nameof(PageFormats))]
    public async Task Kiota_client_renders_the_form(string formId, string format)
    {
        var client = KiotaClient();
        var builder = KiotaFormBuilder(client, formId).GetType().GetProperty("Render")!.GetValue(KiotaFormBuilder(client, formId))!;
        var post = builder.GetType().GetMethod("PostAsync")!;
        var payload = KiotaPayload(post.GetParameters()[0].ParameterType, Catalogue.Example(formId));
        var configure = KiotaFormat(post.GetParameters()[1].ParameterType, format);
        await using var stream = await (Task<Stream>)post.Invoke(builder, [payload, configure, CancellationToken.None])!;

        AssertDocument(format, await Bytes(stream!));
    }

    [Theory]
    [MemberData(nameof(Catalogue.Forms), MemberType = typeof(Catalogue))]
    public async Task NSwag_client_reads_a_refusal_through_the_typed_problem(string formId)
    {
        var client = new NSwag.FormsServiceClient(factory.CreateClient());
        var (invalid, path) = await Invalid(formId);
        var name = Pascal(formId);
        var method = NSwagMethod($"Validate{name}Async");

        var error = await Assert.ThrowsAsync<NSwag.ApiException<NSwag.Problem>>(() => (Task)Invoke(method, client, NSwagPayload(name, invalid)));
        Assert.Equal(422, error.StatusCode);
        Assert.Equal(422, error.Result.Status);
        Assert.Contains(path, error.Result.Errors.Keys);
        Assert.NotEmpty(error.Result.Errors[path]);
    }

    [Theory]
    [MemberData(nameof(Catalogue.Forms), MemberType = typeof(Catalogue))]
    public async Task Kiota_client_reads_a_refusal_through_the_typed_problem(string formId)
    {
        var client = KiotaClient();
        var (invalid, path) = await Invalid(formId);
        var builder = KiotaFormBuilder(client, formId).GetType().GetProperty("Validate")!.GetValue(KiotaFormBuilder(client, formId))!;
        var post = builder.GetType().GetMethod("PostAsync")!;
        var payload = KiotaPayload(post.GetParameters()[0].ParameterType, invalid);

        var problem = await Assert.ThrowsAsync<Kiota.Models.Problem>(() => (Task)post.Invoke(builder, [payload, null, CancellationToken.None])!);
        Assert.Equal(422, problem.ResponseStatusCode);
        Assert.Equal(422, problem.Status);
        Assert.Contains(path, problem.Errors!.AdditionalData.Keys);
    }

    [Fact]
    public async Task Both_clients_list_the_catalogue_and_read_a_schema()
    {
        var nswag = new NSwag.FormsServiceClient(factory.CreateClient());
        var forms = await nswag.ListFormsAsync();
        Assert.Equal(Catalogue.FormIds, forms.Select(f => f.FormId).Order(StringComparer.Ordinal));

        var kiota = KiotaClient();
        var listed = await kiota.Api.Forms.GetAsync();
        Assert.Equal(Catalogue.FormIds, listed!.Select(f => f.FormId).Order(StringComparer.Ordinal));
        var schema = await kiota.Api.Forms["referral-certificate"].Versions["2025-733"].Schema.GetAsync();
        Assert.NotNull(schema);
    }

    // ------------------------------------------------------------------ helpers

    private static string Pascal(string formId) =>
        string.Concat(formId.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static MethodInfo NSwagMethod(string name) =>
        typeof(NSwag.FormsServiceClient).GetMethods().FirstOrDefault(m => m.Name == name && m.GetParameters().Last().ParameterType == typeof(CancellationToken))
        ?? throw new Xunit.Sdk.XunitException($"The NSwag client has no {name}: run tests/clients/regenerate.sh.");

    /// <summary>Calls a generated method with the given leading arguments and the defaults for the rest.</summary>
    private static object Invoke(MethodInfo method, object target, params object?[] leading)
    {
        var parameters = method.GetParameters();
        var arguments = parameters.Select((p, i) => i < leading.Length ? leading[i] : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : null).ToArray();
        return method.Invoke(target, arguments)!;
    }

    private static object NSwagPayload(string name, string json)
    {
        var type = typeof(NSwag.FormsServiceClient).Assembly.GetType($"FormsService.Clients.NSwag.{name}Payload")
            ?? throw new Xunit.Sdk.XunitException($"The NSwag client has no {name}Payload: run tests/clients/regenerate.sh.");
        return JsonSerializer.Deserialize(json, type, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private Kiota.FormsServiceKiotaClient KiotaClient()
    {
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: factory.CreateClient())
        {
            BaseUrl = "http://localhost",
        };
        return new Kiota.FormsServiceKiotaClient(adapter);
    }

    private static object KiotaFormBuilder(Kiota.FormsServiceKiotaClient client, string formId) =>
        client.Api.Forms.GetType().GetProperty(Pascal(formId))?.GetValue(client.Api.Forms)
        ?? throw new Xunit.Sdk.XunitException($"The Kiota client has no Api.Forms.{Pascal(formId)}: run tests/clients/regenerate.sh.");

    /// <summary>The example read by Kiota's own JSON parse node into the generated model.</summary>
    private static object KiotaPayload(Type model, string json)
    {
        var node = new JsonParseNode(JsonDocument.Parse(json).RootElement.Clone());
        var factoryMethod = model.GetMethod("CreateFromDiscriminatorValue")!;
        var getObject = typeof(JsonParseNode).GetMethod(nameof(JsonParseNode.GetObjectValue))!.MakeGenericMethod(model);
        var parsableFactory = Delegate.CreateDelegate(typeof(ParsableFactory<>).MakeGenericType(model), factoryMethod);
        return getObject.Invoke(node, [parsableFactory])!;
    }

    /// <summary><c>config => config.QueryParameters.Format = …</c> for the builder's own query-parameter types.</summary>
    private static object KiotaFormat(Type actionType, string format)
    {
        var configurationType = actionType.GetGenericArguments()[0];
        var queryType = configurationType.GetGenericArguments()[0];
        var formatProperty = queryType.GetProperty("Format")!;
        var value = Enum.Parse(Nullable.GetUnderlyingType(formatProperty.PropertyType)!, format, ignoreCase: true);
        var parameter = System.Linq.Expressions.Expression.Parameter(configurationType, "config");
        var body = System.Linq.Expressions.Expression.Assign(
            System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Property(parameter, "QueryParameters"), formatProperty),
            System.Linq.Expressions.Expression.Constant(value, formatProperty.PropertyType));
        return System.Linq.Expressions.Expression.Lambda(actionType, body, parameter).Compile();
    }

    /// <summary>The example broken at one field the schema constrains, and that field's path.</summary>
    private async Task<(string Json, string Path)> Invalid(string formId)
    {
        var client = factory.CreateClient();
        var version = Catalogue.InForceVersion(formId);
        var schema = JsonNode.Parse(await client.GetStringAsync($"/api/forms/{formId}/versions/{version}/schema"))!.AsObject();
        var example = JsonNode.Parse(Catalogue.Example(formId))!.AsObject();
        foreach (var (name, property) in schema["properties"]!.AsObject())
        {
            if (property!["minLength"] is not null && example.ContainsKey(name)) { example[name] = ""; return (example.ToJsonString(), name); }
            if (property["maximum"] is JsonValue max) { example[name] = max.GetValue<double>() * 10 + 1000; return (example.ToJsonString(), name); }
            if (property["properties"] is JsonObject nested && example[name] is JsonObject value)
                foreach (var (child, childSchema) in nested)
                    if (childSchema!["minLength"] is not null && value.ContainsKey(child)) { value[child] = ""; return (example.ToJsonString(), $"{name}.{child}"); }
        }
        throw new Xunit.Sdk.XunitException($"{formId}: no field to break found in its schema");
    }

    private static string MediaType(string format) => format switch
    {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static void AssertDocument(string format, byte[] bytes)
    {
        if (format == "pdf")
        {
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
            Assert.True(pdf.NumberOfPages >= 1);
            Assert.NotEmpty(pdf.GetPage(1).GetWords());
        }
        else
        {
            using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
            Assert.False(string.IsNullOrWhiteSpace(docx.MainDocumentPart!.Document!.Body!.InnerText));
        }
    }

    private static async Task<byte[]> Bytes(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
