using System.Diagnostics;

namespace Yusuan.Publishing.Tests;

/// <summary>The Word document opens in LibreOffice (installed by test.sh) and converts to PDF without repair.</summary>
public class LibreOfficeTests
{
    [Fact]
    public async Task Docx_converts_in_libreoffice_and_keeps_its_text()
    {
        var dir = Path.Combine(Path.GetTempPath(), "yusuan-lo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var docx = Path.Combine(dir, "disclosure.docx");
        File.WriteAllBytes(docx, SamplePublication.Publication.Docx);
        var start = new ProcessStartInfo("soffice", ["--headless", "--norestore", $"-env:UserInstallation=file://{dir}/profile", "--convert-to", "pdf", "--outdir", dir, docx])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, error);
        var pdf = Path.Combine(dir, "disclosure.pdf");
        Assert.True(File.Exists(pdf), "no PDF: " + error);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        // Without a CJK font installed LibreOffice substitutes glyphs, so only the figures are compared here.
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.True(document.NumberOfPages >= 5, $"{document.NumberOfPages} pages");
        Assert.Contains("7,656", text, StringComparison.Ordinal);
        Assert.Contains("5,854", text, StringComparison.Ordinal);
    }
}
