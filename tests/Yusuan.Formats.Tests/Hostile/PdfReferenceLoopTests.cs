using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Xunit.Abstractions;
using Yusuan.Formats.Audit;

namespace Yusuan.Formats.Tests.Hostile;

/// <summary>
/// PDFs whose objects refer to one another in a loop make PdfPig recurse until the process dies of a stack overflow, which
/// no catch can stop: each is refused by the pre-check (<see cref="PdfReferenceLoops"/>) before PdfPig sees it. Each test
/// reads its file in this process, so a loop that got through would end the test run — the test passing is the proof.
/// </summary>
public class PdfReferenceLoopTests(ITestOutputHelper output)
{
    private const string Catalog = "<< /Type /Catalog /Pages 2 0 R >>";
    private const string OnePage = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    private const string Text = "BT /F1 12 Tf 72 150 Td (Hello) Tj ET";
    private const string Helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

    private static string Stream(string content, string entries = "") => $"<< {entries}/Length {content.Length} >>\nstream\n{content}\nendstream";

    private static string Form(string content, string resources) => Stream(content, $"/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Resources {resources} ");

    private static byte[] Pdf(params string[] objects) => Yusuan.Tests.Shared.HandMadePdf.Bytes(objects);

    /// <summary>Reads <paramref name="bytes"/> as an uploaded file; a loop that got through would end this process here.</summary>
    private static (string? Problem, TimeSpan Took) Read(byte[] bytes, string name = "loop.pdf")
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, bytes);
        var clock = Stopwatch.StartNew();
        var problem = PdfDocumentReader.Read(path).Problem;
        return (problem, clock.Elapsed);
    }

    [Fact]
    public void The_pdf_whose_page_contents_refer_to_each_other_is_refused_naming_the_loop()
    {
        // The audit command's "reference-loop" fixture, byte for byte: the page's /Contents is object 4, which is only "5 0 R",
        // which is only "4 0 R". PdfPig follows the two by recursion until the process dies.
        var bytes = Pdf(Catalog, OnePage, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>", "5 0 R", "4 0 R");

        var (problem, took) = Read(bytes);
        Assert.Equal("PDF 的页面内容互相引用成环（第 1 页，对象 4 0 → 5 0 → 4 0），无法读取", problem);

        // Not a benchmark: 624 bytes are checked in milliseconds, and a check that followed the loop would never come back.
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");

        using var folder = new TempFolder();
        var path = folder.Write("reference-loop.pdf", bytes);
        var finding = Assert.Single(Auditor.Audit(path, Core.Catalogue.ClassificationCatalogue.BuiltIn()).Findings);
        Assert.Equal("audit.document.unreadable", finding.Rule);
        Assert.Equal("reference-loop.pdf：PDF 的页面内容互相引用成环（第 1 页，对象 4 0 → 5 0 → 4 0），无法读取", finding.Message);
    }

    [Fact]
    public void Contents_that_contain_themselves_and_a_loop_kept_in_a_compressed_object_stream_are_refused()
    {
        var array = Pdf(Catalog, OnePage, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>", "[4 0 R]");
        Assert.Equal("PDF 的页面内容互相引用成环（第 1 页，对象 4 0 → 4 0），无法读取", Read(array).Problem);

        // The reference loop again, its objects 5 and 6 compressed in an object stream (object 4), as most real PDFs keep them.
        const string Members = "5 0 6 6 6 0 R 5 0 R";
        var packed = Deflate(Members);
        var stream = Pdf(Catalog, OnePage, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 5 0 R >>",
            $"<< /Type /ObjStm /N 2 /First 8 /Filter /FlateDecode /Length {packed.Length} >>\nstream\n{Encoding.Latin1.GetString(packed)}\nendstream");
        Assert.Equal("PDF 的页面内容互相引用成环（第 1 页，对象 5 0 → 6 0 → 5 0），无法读取", Read(stream).Problem);
    }

    private static byte[] Deflate(string text)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(Encoding.Latin1.GetBytes(text));
        }

        return compressed.ToArray();
    }

    [Fact]
    public void Form_xobjects_that_draw_each_other_or_nest_past_the_limit_are_refused()
    {
        // Two forms, each drawing the other: PdfPig recurses through Do until the stack overflows.
        var mutual = Pdf(Catalog, OnePage,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /XObject << /X1 5 0 R >> >> >>",
            Stream("/X1 Do"), Form("/X2 Do", "<< /XObject << /X2 6 0 R >> >>"), Form("/X1 Do", "<< /XObject << /X1 5 0 R >> >>"));
        Assert.Equal("PDF 的页面内容互相引用成环（第 1 页，对象 5 0 → 6 0 → 5 0），无法读取", Read(mutual).Problem);

        // A form whose resources contain itself, and which draws itself.
        var self = Pdf(Catalog, OnePage, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources 5 0 R >>",
            Stream("/X1 Do " + Text), "<< /XObject << /X1 6 0 R >> /Font << /F1 7 0 R >> >>", Form("q /X1 Do Q", "5 0 R"), Helvetica);
        Assert.Equal("PDF 的页面内容互相引用成环（第 1 页，对象 6 0 → 6 0），无法读取", Read(self).Problem);

        // A tiling pattern painted with itself, and a Type 3 font whose glyph shows itself.
        var pattern = Pdf(Catalog, OnePage, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources 6 0 R >>",
            Stream("/Pattern cs /P1 scn 0 0 100 100 re f"),
            Stream("/Pattern cs /P1 scn 0 0 5 5 re f", "/PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10] /XStep 10 /YStep 10 /Resources 6 0 R "),
            "<< /Pattern << /P1 5 0 R >> >>");
        Assert.Equal("PDF 的页面内容互相引用成环（第 1 页，对象 5 0 → 5 0），无法读取", Read(pattern).Problem);
        var type3 = Pdf(Catalog, OnePage, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources 6 0 R >>",
            Stream("BT /T3 12 Tf 10 10 Td (a) Tj ET"),
            "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 10 10] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /a 7 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [1000] /Resources 6 0 R >>",
            "<< /Font << /T3 5 0 R >> >>", Stream("0 0 d0 BT /T3 12 Tf (a) Tj ET"));
        Assert.Equal("PDF 的页面内容互相引用成环（第 1 页，对象 5 0 → 5 0），无法读取", Read(type3).Problem);

        // 500 forms, each drawing the next: no loop, but PdfPig's recursion overflows a 1 MB stack at this depth.
        var objects = new List<string> { Catalog, OnePage, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>", Stream("/X Do") };
        for (var i = 0; i < 500; i++)
        {
            objects.Add(Form("/X Do", $"<< /XObject << /X {objects.Count + 2} 0 R >> >>"));
        }

        objects.Add(Form("0 0 m 1 1 l S", "<< >>"));
        Assert.Equal($"PDF 的页面内容嵌套超过 {PdfReferenceLoops.MaxNesting} 层（第 1 页，对象 5 0 → 6 0 → 7 0 …），无法读取", Read(Pdf([.. objects])).Problem);
    }

    [Fact]
    public void Page_trees_whose_kids_or_parents_loop_are_refused()
    {
        var kids = Pdf(Catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>");
        Assert.Equal("PDF 的页面树互相引用成环（对象 2 0 → 3 0 → 2 0），无法读取", Read(kids).Problem);

        var self = Pdf(Catalog, "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>");
        Assert.Equal("PDF 的页面树互相引用成环（对象 2 0 → 2 0），无法读取", Read(self).Problem);

        // /Kids is object 3, which is only "4 0 R", which is only "3 0 R": PdfPig overflows its stack on this one.
        var chain = Pdf(Catalog, "<< /Type /Pages /Kids 3 0 R /Count 1 >>", "4 0 R", "3 0 R");
        Assert.Equal("PDF 的页面树互相引用成环（对象 3 0 → 4 0 → 3 0），无法读取", Read(chain).Problem);

        var parents = Pdf(Catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 5 0 R >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>", Stream(Text), "<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>");
        Assert.Equal("PDF 的页面树互相引用成环（对象 2 0 → 5 0 → 2 0），无法读取", Read(parents).Problem);

        // Outside the pages too: the document information (/Info) that only refers to itself through another object.
        var information = Encoding.Latin1.GetString(Pdf(Catalog, OnePage, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>", "5 0 R", "4 0 R"))
            .Replace("/Root 1 0 R", "/Root 1 0 R /Info 4 0 R", StringComparison.Ordinal);
        Assert.Equal("PDF 的对象互相引用成环（对象 4 0 → 5 0 → 4 0），无法读取", Read(Encoding.Latin1.GetBytes(information)).Problem);
    }

    [Fact]
    public void Pages_that_share_one_font_one_image_and_one_form_are_read()
    {
        // Three pages, each with its own resources that all name font 7, image 8 and form 9; the form's resources are the
        // first page's, which list the form itself: a form that is offered itself but never draws itself is no loop.
        var image = Stream("\u00ff\u0000\u0000", "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 ");
        var shared = "<< /Font << /F1 7 0 R >> /XObject << /Im1 8 0 R /Fm1 9 0 R >> >>";
        var bytes = Pdf(Catalog, "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 /Resources 10 0 R >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 6 0 R /Resources 10 0 R >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents [6 0 R] /Resources {shared} >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 6 0 R >>",
            Stream("q 10 0 0 10 0 0 cm /Im1 Do Q /Fm1 Do " + Text), Helvetica, image,
            Form("q 5 0 0 5 0 0 cm /Im1 Do Q BT /F1 8 Tf 10 10 Td (Shared) Tj ET", "10 0 R"), shared);

        var check = PdfReferenceLoops.Check(bytes);
        Assert.Null(check.Problem);
        Assert.Null(check.Incomplete);
        Assert.Equal(3, check.Pages);

        using var folder = new TempFolder();
        var read = PdfDocumentReader.Read(folder.Write("shared.pdf", bytes));
        Assert.Null(read.Problem);
        Assert.Equal([1, 2, 3], read.Lines.Where(l => l.Text.Contains("Hello", StringComparison.Ordinal)).Select(l => l.Page));
        Assert.Equal(3, read.Lines.Count(l => l.Text.Contains("Shared", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_pdf_of_the_real_corpus_passes_the_pre_check()
    {
        var files = Directory.GetFiles(CorpusBudgets.Folder, "*.pdf").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var checking = TimeSpan.Zero;
        var refused = new List<string>();
        var incomplete = new List<string>();
        long bytes = 0;
        foreach (var file in files)
        {
            var pdf = File.ReadAllBytes(file);
            bytes += pdf.Length;
            var clock = Stopwatch.StartNew();
            var check = PdfReferenceLoops.Check(pdf);
            checking += clock.Elapsed;
            if (check.Problem is not null || check.Pages == 0)
            {
                refused.Add($"{Path.GetFileName(file)}: {check.Problem ?? "no pages found"}");
            }

            if (check.Incomplete is not null)
            {
                incomplete.Add($"{Path.GetFileName(file)}: {check.Incomplete}");
            }
        }

        output.WriteLine($"{files.Count} files, {bytes >> 20} MB: the pre-check took {checking.TotalSeconds:F2} s");
        Assert.True(refused.Count == 0, "Refused:\n" + string.Join("\n", refused));
        Assert.True(incomplete.Count == 0, "Not checked whole:\n" + string.Join("\n", incomplete));
    }
}

/// <summary>
/// The real corpus's published budgets, read where they lie (never copied into the repository): YUSUAN_CORPUS/budgets, else
/// ../shared/corpus/budgets beside the repository, else /work/shared/corpus/budgets — as the command line's corpus tests
/// find them. A machine without the corpus fails the test rather than skipping it.
/// </summary>
internal static class CorpusBudgets
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Yusuan.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("YUSUAN_CORPUS") is { Length: > 0 } corpus ? Path.Combine(corpus, "budgets") : null,
            dir is null ? null : Path.Combine(dir, "..", "shared", "corpus", "budgets"),
            "/work/shared/corpus/budgets",
        };
        return candidates.Where(c => c is not null).Select(c => Path.GetFullPath(c!)).FirstOrDefault(Directory.Exists)
            ?? throw new InvalidOperationException("The corpus of real documents was not found: set YUSUAN_CORPUS to its folder (shared/corpus).");
    }
}
