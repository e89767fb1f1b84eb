using BenchmarkDotNet.Attributes;
using UglyToad.PdfPig;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Rounding;
using Yusuan.Formats.Audit;
using Yusuan.Formats.Datasets;
using Yusuan.Publishing;

namespace Yusuan.Bench;

/// <summary>
/// Auditing a published PDF: the sample's 26-page document as Yusuan renders it. Baseline: PdfPig reading the words of every
/// page (what any extraction must do); then reading into lines, and the whole audit (extraction and all rules).
/// </summary>
[MemoryDiagnoser]
public class AuditBenchmarks
{
    private readonly ClassificationCatalogue catalogue = ClassificationCatalogue.BuiltIn();
    private string pdf = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Yusuan.slnx")))
        {
            dir = dir.Parent;
        }

        var (dataset, _) = Dataset.Load(Path.Combine(dir.FullName, "samples", "sz-eeimc-2023"));
        var publication = Publisher.Render(dataset!.Compile(catalogue, RoundingMode.Controlled).Disclosure, null);
        pdf = Path.Combine(Path.GetTempPath(), "yusuan-bench-audit.pdf");
        File.WriteAllBytes(pdf, publication.Pdf);
    }

    [Benchmark(Baseline = true, Description = "PdfPig: words of every page")]
    public int Words()
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Sum(p => p.GetWords().Count());
    }

    [Benchmark(Description = "read into lines and cells")]
    public int Lines() => PdfDocumentReader.Read(pdf).Lines.Count;

    [Benchmark(Description = "audit: extract + all rules")]
    public int Audit() => Auditor.Audit(pdf, catalogue).Findings.Count;
}
