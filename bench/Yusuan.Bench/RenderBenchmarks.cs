using BenchmarkDotNet.Attributes;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Compile;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Model;
using Yusuan.Core.Rounding;
using Yusuan.Formats.Datasets;
using Yusuan.Publishing;
using Yusuan.Publishing.Html;
using Yusuan.Publishing.Layout;
using Yusuan.Publishing.Office;
using Yusuan.Publishing.Pdf;

namespace Yusuan.Bench;

/// <summary>
/// A warm render of the sample department's document. Baseline: compiling the twelve tables and the text from the lines
/// (what every format starts from); then each format alone, and all four with the read-back check (what `yusuan build` does).
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private Profile profile = null!;
    private PerformancePlan plan = null!;
    private List<BudgetLine> lines = null!;
    private Disclosure disclosure = null!;
    private PrintedDocument document = null!;
    private readonly ClassificationCatalogue catalogue = ClassificationCatalogue.BuiltIn();

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Yusuan.slnx")))
        {
            dir = dir.Parent;
        }

        var (dataset, problems) = Dataset.Load(Path.Combine(dir.FullName, "samples", "sz-eeimc-2023"));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(problems[0].ToString());
        }

        profile = dataset!.Profile;
        plan = dataset.Plan;
        lines = dataset.Ledger.Lines().ToList();
        disclosure = Compile();
        document = DocumentLayout.From(disclosure);
        Publisher.Render(disclosure, lines); // warm: font loaded, code jitted
    }

    [Benchmark(Baseline = true, Description = "compile tables + text (controlled rounding)")]
    public Disclosure Compile() => new BudgetCompiler(catalogue).Compile(profile, plan, lines, RoundingMode.Controlled).Disclosure;

    [Benchmark(Description = "HTML")]
    public string Html() => HtmlDocumentWriter.Write(document);

    [Benchmark(Description = "PDF")]
    public long Pdf()
    {
        using var stream = new MemoryStream();
        PdfDocumentWriter.Write(document, stream);
        return stream.Length;
    }

    [Benchmark(Description = "XLSX (with the 51 lines)")]
    public long Xlsx()
    {
        using var stream = new MemoryStream();
        XlsxDocumentWriter.Write(document, lines, stream);
        return stream.Length;
    }

    [Benchmark(Description = "DOCX")]
    public long Docx()
    {
        using var stream = new MemoryStream();
        DocxDocumentWriter.Write(document, stream);
        return stream.Length;
    }

    [Benchmark(Description = "all four + PDF/XLSX read-back (yusuan build)")]
    public int All() => Publisher.Render(disclosure, lines).Findings.Count;
}
