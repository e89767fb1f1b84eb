using System.Diagnostics;
using System.Globalization;
using System.Text;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Findings;
using Yusuan.Formats.Audit;

namespace Yusuan.Bench;

/// <summary>
/// `corpus FOLDER`: audits every PDF of a folder of real published documents, one at a time, and prints a Markdown table per
/// document — tables extracted (id and printed title), the amount-like figures printed on its table pages (pdftotext -layout)
/// against those in its extracted cells, cells, findings by severity and seconds — then the summary (docs/corpus.md).
/// </summary>
internal static class CorpusReport
{
    public static int Run(string folder)
    {
        var catalogue = ClassificationCatalogue.BuiltIn();
        var rows = new List<string>();
        var (documents, printed, found, atLeast99, cells) = (0, 0, 0, 0, 0);
        var coverages = new List<decimal>();
        var errors = 0;
        foreach (var pdf in Directory.EnumerateFiles(folder, "*.pdf").Order(StringComparer.Ordinal))
        {
            var clock = Stopwatch.StartNew();
            var audit = Auditor.Audit(pdf, catalogue);
            var seconds = clock.Elapsed.TotalSeconds;
            var coverage = FigureCoverage.Measure(PageTexts(pdf), audit.Disclosure);
            var tables = audit.Disclosure?.Tables ?? [];
            var tableCells = tables.Sum(t => t.Rows.Sum(r => r.Values.Count));
            var bySeverity = audit.Findings.GroupBy(f => f.Severity).ToDictionary(g => g.Key, g => g.Count());
            documents++;
            printed += coverage.Printed;
            found += coverage.Found;
            cells += tableCells;
            errors += bySeverity.GetValueOrDefault(Severity.Error);
            coverages.Add(coverage.Coverage);
            atLeast99 += coverage.Coverage >= 0.99m ? 1 : 0;
            var titles = string.Join("；", tables.Select(t => $"{t.Id} {t.Heading}".Replace("|", "/", StringComparison.Ordinal)));
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {Path.GetFileName(pdf)} | {tables.Count} | {coverage.Found}/{coverage.Printed} | {coverage.Coverage:0.000} | {tableCells} | {bySeverity.GetValueOrDefault(Severity.Error)} / {bySeverity.GetValueOrDefault(Severity.Warning)} / {bySeverity.GetValueOrDefault(Severity.Info)} | {seconds:0.00} | {(titles.Length > 300 ? titles[..300] + "…" : titles)} |"));
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{documents} documents: figures printed on table pages {printed}, found in extracted cells {found} ({(printed == 0 ? 1 : (decimal)found / printed):0.000}); mean coverage per document {(coverages.Count == 0 ? 0 : coverages.Average()):0.000}; documents at 0.99 or more {atLeast99}/{documents}; cells {cells}; error findings {errors} ({(documents == 0 ? 0 : (decimal)errors / documents):0.0} a document)");
        text.AppendLine();
        text.AppendLine("| document | tables | figures found / printed | coverage | cells | errors / warnings / info | seconds | tables extracted |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        rows.ForEach(r => text.AppendLine(r));
        Console.Write(text.ToString());
        return 0;
    }

    private static string[] PageTexts(string pdf)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text.Split('\f');
    }
}
