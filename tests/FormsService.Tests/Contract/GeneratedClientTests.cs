using System.Text.Json.Nodes;
using FormsService.Tests.Support;

namespace FormsService.Tests.Contract;

/// <summary>
/// What the clients generated from the live document did against the service (<see cref="GeneratedClientsFixture"/>):
/// every form rendered to every format it offers by each client, with the declared headers read; the ETag sent back
/// met as the declared 304; a refused payload read through the typed problem. The documents are read back by PdfPig,
/// the Open XML SDK and the PNG and SVG signatures.
/// </summary>
[Collection(GeneratedClientsCollection.Name)]
public sealed class GeneratedClientTests(GeneratedClientsFixture clients)
{
    public static TheoryData<string, string, string> ClientsFormsAndFormats
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var client in GeneratedClientsFixture.Clients)
                foreach (var formId in Catalogue.FormIds)
                    foreach (var format in Catalogue.Formats(formId))
                        data.Add(client, formId, format);
            return data;
        }
    }

    public static TheoryData<string, string> ClientsAndForms
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var client in GeneratedClientsFixture.Clients)
                foreach (var formId in Catalogue.FormIds)
                    data.Add(client, formId);
            return data;
        }
    }

    [Fact]
    public void The_clients_were_generated_from_the_live_document_compiled_strictly_and_run()
    {
        Assert.True(clients.Failure is null, clients.Failure);
        Assert.True(File.Exists(Path.Combine(clients.Folder, "csharp", "NSwag", "FormsServiceClient.cs")));
        Assert.True(File.Exists(Path.Combine(clients.Folder, "csharp", "Kiota", "FormsServiceKiotaClient.cs")));
        Assert.True(File.Exists(Path.Combine(clients.Folder, "typescript", "schema.d.ts")));
        Assert.Equal(clients.Document, File.ReadAllText(Path.Combine(clients.Folder, "openapi.json")));
        foreach (var (step, time) in clients.Timings)
            Console.WriteLine($"generated clients: {step} took {time.TotalSeconds:0} s");
    }

    [Fact]
    public void Nothing_generated_is_kept_in_the_repository()
    {
        // What the repository keeps, as git lists it: a working tree may hold build output of its own. Nothing under
        // tests/clients (where the clients are generated); only the hand-written programs that drive them elsewhere.
        Assert.Empty(Tracked("tests/clients"));
        Assert.Equal(["csharp/Clients.csproj", "csharp/Program.cs", "typescript/package.json", "typescript/support.ts", "typescript/tsconfig.json"],
            Tracked("tests/contract/client-programs"));
        var ignored = File.ReadAllLines(Path.Combine(Repo.Root, ".gitignore"));
        Assert.Contains("/tests/clients/generated/", ignored);
    }

    private static List<string> Tracked(string folder)
    {
        var (code, output) = Tools.Run("git", $"-C \"{Repo.Root}\" ls-files -- {folder}");
        Assert.True(code == 0, output);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f[(folder.Length + 1)..]).Order(StringComparer.Ordinal).ToList();
    }

    [Theory]
    [MemberData(nameof(ClientsFormsAndFormats))]
    public void Each_client_renders_the_form_to_the_format_and_reads_its_headers(string client, string formId, string format)
    {
        var entry = Single("render", client, formId, format);
        Assert.Equal(200, entry["status"]!.GetValue<int>());
        Assert.Equal(MediaType(format), entry["contentType"]!.GetValue<string>().Split(';')[0]);
        Assert.Matches("^\"[0-9a-f]+\"$", entry["etag"]!.GetValue<string>());
        Assert.Equal(Catalogue.InForceVersion(formId), entry["formVersion"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(entry["engineDigest"]?.GetValue<string>()));
        Assert.StartsWith("attachment; filename=", entry["contentDisposition"]!.GetValue<string>());
        Assert.EndsWith("." + format, entry["contentDisposition"]!.GetValue<string>());
        AssertDocument(format, File.ReadAllBytes(entry["file"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(ClientsAndForms))]
    public void Each_client_meets_the_ETag_sent_back_as_the_declared_304(string client, string formId)
    {
        var entry = Single("notModified", client, formId);
        Assert.Equal(304, entry["status"]!.GetValue<int>());
        var first = Single("render", client, formId, Catalogue.Formats(formId)[0]);
        var message = entry["message"]?.GetValue<string>() ?? "";
        switch (client)
        {
            // NSwag throws for every non-2xx; a declared one carries its description, an undeclared one says "was not expected".
            case "nswag":
                Assert.StartsWith("Not Modified:", message);
                Assert.Equal(first["etag"]!.GetValue<string>(), entry["etag"]!.GetValue<string>());
                break;
            // Kiota returns no document (null), not an error.
            case "kiota":
                Assert.Equal("no body", message);
                Assert.Equal(first["etag"]!.GetValue<string>(), entry["etag"]!.GetValue<string>());
                break;
            // openapi-typescript: the program names 304 through the operation's declared statuses (tsc checks it).
            default:
                Assert.Equal("declared 304", message);
                Assert.Equal(first["etag"]!.GetValue<string>(), entry["etag"]!.GetValue<string>());
                break;
        }
    }

    [Theory]
    [MemberData(nameof(ClientsAndForms))]
    public void Each_client_reads_a_refusal_through_the_typed_problem(string client, string formId)
    {
        var entry = Single("refused", client, formId);
        Assert.Equal(422, entry["status"]!.GetValue<int>());
        Assert.Equal(422, entry["problemStatus"]!.GetValue<int>());
        Assert.Contains(clients.RefusedPaths[formId], entry["paths"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    private JsonObject Single(string kind, string client, string formId, string? format = null)
    {
        Assert.True(clients.Failure is null, clients.Failure);
        var found = clients.Entries.Where(e => e["kind"]!.GetValue<string>() == kind && e["client"]!.GetValue<string>() == client
            && e["formId"]!.GetValue<string>() == formId && (format is null || e["format"]!.GetValue<string>() == format)).ToList();
        Assert.True(found.Count == 1, $"{client} {kind} {formId} {format}: {found.Count} entries in the clients' report");
        return found[0];
    }

    private static string MediaType(string format) => format switch
    {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static void AssertDocument(string format, byte[] bytes)
    {
        switch (format)
        {
            case "pdf":
                using (var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes))
                {
                    Assert.True(pdf.NumberOfPages >= 1);
                    Assert.NotEmpty(pdf.GetPage(1).GetWords());
                }
                break;
            case "docx":
                using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false))
                    Assert.False(string.IsNullOrWhiteSpace(docx.MainDocumentPart!.Document!.Body!.InnerText));
                break;
            case "png":
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes.Take(8).ToArray());
                break;
            default:
                Assert.Equal("svg", System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes)).Root!.Name.LocalName);
                break;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GeneratedClientsCollection : ICollectionFixture<GeneratedClientsFixture>
{
    public const string Name = "Generated clients";
}
