using System.Diagnostics;
using BigGustave;

namespace Yusuan.Publishing.Tests;

/// <summary>
/// Every page of the sample's PDF, and of its DOCX as LibreOffice lays it out (scripts/docx-to-pdf.sh, with a CJK font),
/// rendered by pdftoppm and compared with the approved images in tests/approved within a small tolerance. A change of layout
/// fails here until it is approved deliberately with scripts/approve-pages.sh; this test never writes the approved images.
/// What it rendered is left in tests/approved/.actual (not committed) to look at.
/// </summary>
public class PageImageTests
{
    /// <summary>The mean difference of a page's grey levels (0–255) allowed: anti-aliasing and font hinting, not a moved line.</summary>
    private const double MeanTolerance = 1.5;

    /// <summary>The share of a page's pixels allowed to differ by more than a quarter of the grey range.</summary>
    private const double ChangedTolerance = 0.004;

    [Fact]
    public void The_pdf_looks_as_approved() => Compare("pdf", SamplePublication.Publication.Pdf, toPdf: null);

    [Fact]
    public void The_docx_as_libreoffice_lays_it_out_looks_as_approved() =>
        Compare("docx", SamplePublication.Publication.Docx, toPdf: (docx, pdf) => Run(Path.Combine(Root, "scripts", "docx-to-pdf.sh"), docx, pdf));

    /// <summary>The repository's root: two folders above the sample's (samples/sz-eeimc-2023).</summary>
    private static string Root => Path.GetFullPath(Path.Combine(SamplePublication.Folder, "..", ".."));

    private static void Compare(string kind, byte[] file, Action<string, string>? toPdf)
    {
        var approved = Path.Combine(Root, "tests", "approved", kind);
        var actual = Path.Combine(Root, "tests", "approved", ".actual", kind);
        if (Directory.Exists(actual))
        {
            Directory.Delete(actual, recursive: true);
        }

        Directory.CreateDirectory(actual);
        var work = Path.Combine(Path.GetTempPath(), $"yusuan-pages-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var source = Path.Combine(work, "disclosure." + kind);
            File.WriteAllBytes(source, file);
            var pdf = source;
            if (toPdf is not null)
            {
                pdf = Path.Combine(work, "rendered.pdf");
                toPdf(source, pdf);
            }

            Run("pdftoppm", "-r", "30", "-gray", "-png", pdf, Path.Combine(actual, "page"));
            var expected = Directory.GetFiles(approved, "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            var rendered = Directory.GetFiles(actual, "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.Count > 0, $"no approved images in {approved}: run scripts/approve-pages.sh");
            Assert.True(expected.SequenceEqual(rendered), $"{kind}: {rendered.Count} pages, {expected.Count} approved — look at tests/approved/.actual/{kind} and run scripts/approve-pages.sh if the change is meant");
            var differing = new List<string>();
            foreach (var name in expected)
            {
                var (mean, changed) = Difference(Path.Combine(approved, name!), Path.Combine(actual, name!));
                if (mean > MeanTolerance || changed > ChangedTolerance)
                {
                    differing.Add($"{name} (mean {mean:0.00}, changed {changed:P2})");
                }
            }

            Assert.True(differing.Count == 0, $"{kind}: pages differ from the approved: {string.Join("; ", differing)} — look at tests/approved/.actual/{kind} and run scripts/approve-pages.sh if the change is meant");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The mean absolute difference of grey levels and the share of pixels differing by more than 64; pages of another size differ wholly.</summary>
    private static (double Mean, double Changed) Difference(string approvedPath, string actualPath)
    {
        using var a = File.OpenRead(approvedPath);
        using var b = File.OpenRead(actualPath);
        var approved = Png.Open(a);
        var actual = Png.Open(b);
        if (approved.Width != actual.Width || approved.Height != actual.Height)
        {
            return (255, 1);
        }

        double total = 0;
        var changed = 0;
        for (var y = 0; y < approved.Height; y++)
        {
            for (var x = 0; x < approved.Width; x++)
            {
                var d = Math.Abs(approved.GetPixel(x, y).R - actual.GetPixel(x, y).R);
                total += d;
                if (d > 64)
                {
                    changed++;
                }
            }
        }

        var pixels = (double)approved.Width * approved.Height;
        return (total / pixels, changed / pixels);
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{program} did not finish");
        Assert.True(process.ExitCode == 0, $"{program}: {error.Result}");
    }
}
