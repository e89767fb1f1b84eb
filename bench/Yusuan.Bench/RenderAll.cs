using System.Diagnostics;
using System.Text;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Rounding;
using Yusuan.Formats.Datasets;
using Yusuan.Publishing.Html;
using Yusuan.Publishing.Layout;
using Yusuan.Publishing.Office;
using Yusuan.Publishing.Pdf;

namespace Yusuan.Bench;

/// <summary>
/// <c>render-all FOLDER [ROUNDS]</c>: every department of a generated dataset compiled once, then each department's document
/// written as HTML, PDF and XLSX files — on one core and on all cores, alternating, side by side in one run. Prints documents
/// per second (a document = its three files) for each and the speed-up.
/// </summary>
internal static class RenderAll
{
    public static int Run(string folder, int rounds)
    {
        var (set, problems) = DepartmentSet.Load(folder);
        if (set is null)
        {
            Console.Error.WriteLine("数据集有错：" + string.Join("; ", problems.Take(3)));
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var (results, check) = set.CompileAll(ClassificationCatalogue.BuiltIn(), RoundingMode.Controlled);
        if (check.Problems.Count > 0)
        {
            Console.Error.WriteLine("数据集有错：" + string.Join("; ", check.Problems.Take(3)));
            return 2;
        }

        var disclosures = results.Select(r => r.Compiled.Disclosure).ToList();
        Console.WriteLine($"数据集：{folder}，{disclosures.Count} 个部门，编制 {clock.Elapsed.TotalSeconds:0.0} s（不计入下面的渲染）");
        var output = Path.Combine(Path.GetTempPath(), "yusuan-render-all-" + Guid.NewGuid().ToString("N"));
        try
        {
            Render(disclosures, output, 1); // warm-up: the first document pays for loading fonts and JIT
            for (var round = 1; round <= rounds; round++)
            {
                var one = Render(disclosures, output, 1);
                var all = Render(disclosures, output, Environment.ProcessorCount);
                Console.WriteLine(
                    $"第 {round} 轮：1 个核 {one:0.00} s（{disclosures.Count / one:0.0} 份/秒），{Environment.ProcessorCount} 个核 {all:0.00} s" +
                    $"（{disclosures.Count / all:0.0} 份/秒），加速 {one / all:0.00} 倍");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }

        return 0;
    }

    /// <summary>Writes every department's HTML, PDF and XLSX under <paramref name="output"/>; returns the seconds taken.</summary>
    private static double Render(IReadOnlyList<Disclosure> disclosures, string output, int cores)
    {
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(disclosures, new ParallelOptions { MaxDegreeOfParallelism = cores }, disclosure =>
        {
            var dir = Path.Combine(output, disclosure.Department.Code);
            Directory.CreateDirectory(dir);
            var document = DocumentLayout.From(disclosure);
            File.WriteAllText(Path.Combine(dir, "disclosure.html"), HtmlDocumentWriter.Write(document), new UTF8Encoding(false));
            using (var pdf = File.Create(Path.Combine(dir, "disclosure.pdf")))
            {
                PdfDocumentWriter.Write(document, pdf);
            }

            using var xlsx = File.Create(Path.Combine(dir, "disclosure.xlsx"));
            XlsxDocumentWriter.Write(document, null, xlsx);
        });
        return clock.Elapsed.TotalSeconds;
    }
}
