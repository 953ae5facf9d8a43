namespace FormsService.Tests.Support;

/// <summary>
/// Prints DOCX documents to PDF with LibreOffice, as a clerk's Word-like software would. It prints with the
/// repository's fonts (Liberation Serif and Sans, the metric twins of the Times New Roman and Arial the DOCX names),
/// found through a fontconfig file of its own, so the result does not depend on the fonts of the machine.
/// </summary>
public static class LibreOffice
{
    /// <summary>Converts every document in one <c>soffice</c> run (about a second and a half each, plus start-up).</summary>
    public static IReadOnlyList<byte[]> PrintToPdf(IReadOnlyList<byte[]> documents)
    {
        var dir = Tools.TempDir("soffice");
        var fontsConf = Path.Combine(dir, "fonts.conf");
        File.WriteAllText(fontsConf, $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig>
              <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
              <dir>{Repo.Fonts}</dir>
              <cachedir>{Path.Combine(dir, "fontconfig-cache")}</cachedir>
            </fontconfig>
            """);
        var names = new List<string>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var name = $"doc{i:000}";
            File.WriteAllBytes(Path.Combine(dir, name + ".docx"), documents[i]);
            names.Add(name);
        }
        var files = string.Join(' ', names.Select(n => $"\"{Path.Combine(dir, n)}.docx\""));
        var (code, output) = Tools.Run("soffice",
            $"-env:UserInstallation=file://{dir}/profile --headless --norestore --convert-to pdf --outdir \"{dir}\" {files}",
            // Generous: on a loaded 2-core machine one start-up alone has taken over a minute.
            180_000 + 30_000 * documents.Count,
            new Dictionary<string, string> { ["FONTCONFIG_FILE"] = fontsConf });
        Assert.True(code == 0, $"soffice failed ({code}): {output}");
        return names.Select(n =>
        {
            var pdf = Path.Combine(dir, n + ".pdf");
            Assert.True(File.Exists(pdf), $"soffice printed no {n}.pdf: {output}");
            return File.ReadAllBytes(pdf);
        }).ToList();
    }

    public static byte[] PrintToPdf(byte[] document) => PrintToPdf([document])[0];

    /// <summary>Opens a workbook in LibreOffice and saves its first sheet as UTF-8 CSV, as a clerk's spreadsheet program would.</summary>
    public static string SheetToCsv(byte[] xlsx)
    {
        var dir = Tools.TempDir("soffice-csv");
        var file = Path.Combine(dir, "sheet.xlsx");
        File.WriteAllBytes(file, xlsx);
        var (code, output) = Tools.Run("soffice",
            $"-env:UserInstallation=file://{dir}/profile --headless --norestore --convert-to \"csv:Text - txt - csv (StarCalc):44,34,76\" --outdir \"{dir}\" \"{file}\"",
            240_000);
        var csv = Path.Combine(dir, "sheet.csv");
        Assert.True(code == 0 && File.Exists(csv), $"soffice failed ({code}): {output}");
        return File.ReadAllText(csv);
    }
}
