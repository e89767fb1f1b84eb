using System.Globalization;
using Yusuan.Core.Performance;
using Yusuan.Publishing.Layout;

namespace Yusuan.Publishing;

/// <summary>
/// Monitoring and self-evaluation reports laid out as printed documents, so the same writers that publish the budget
/// (HTML, PDF, XLSX) publish them too.
/// </summary>
public static class PerformanceReports
{
    private static string P(decimal? share) => share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    private static string N(decimal value) => (value / 1.000000000000000000000000000000000m).ToString("#,##0.##", CultureInfo.InvariantCulture);

    public static PrintedDocument Monitoring(MonitoringReport report, string department, int year)
    {
        var summary = new List<string>
        {
            $"截至 {report.AsOf:yyyy-MM-dd}，时间进度 {P(report.Elapsed)}。",
            report.ExecutionRate is { } rate
                ? $"预算执行 {N(report.Executed ?? 0)} 万元，占预算 {N(report.Budget)} 万元的 {P(rate)}{(report.ExecutionBehind ? "，落后时间进度超过 10 个百分点。" : "。")}"
                : "预算执行：未填报。",
            $"预警 {report.Indicators.Count(s => s.Warning) + (report.ExecutionBehind ? 1 : 0)} 项，其中进度滞后 {report.Indicators.Count(s => s.Status == "进度滞后")} 项。",
        };
        var rows = report.Indicators.Select(s => (IReadOnlyList<PrintedCell>)
        [
            new PrintedCell(s.Indicator.Level1), new PrintedCell(s.Indicator.Level2), new PrintedCell(s.Indicator.Name), new PrintedCell(s.Indicator.Target),
            new PrintedCell(s.Status, Bold: s.Warning), s.Completion is { } c ? new PrintedCell(P(c)) : PrintedCell.Empty, new PrintedCell(s.Reason),
        ]).ToList();
        var grid = new Grid([new[] { new HeaderCell("一级指标"), new HeaderCell("二级指标"), new HeaderCell("三级指标"), new HeaderCell("目标值"), new HeaderCell("状态"), new HeaderCell("完成"), new HeaderCell("说明") }], rows, [1.1, 1.4, 4, 1.4, 1, 0.8, 4]);
        var table = new PrintedTable("M1", 1, "绩效监控情况表", department, "万元", [new GridBlock(grid)], null, Landscape: true, Decimals: 0);
        return new PrintedDocument($"{year}年{department}绩效监控报告", department, year, [new PrintedPart(1, "监控结论", summary)], [table], [], string.Empty);
    }

    public static PrintedDocument Evaluation(Evaluation evaluation, string department, int year)
    {
        var summary = new List<string>
        {
            $"自评总分 {N(evaluation.Total)} 分，等级：{evaluation.Grade}（优 ≥ 90，良 80–90，中 60–80，差 < 60）。",
            $"预算执行 {N(evaluation.ExecutionScore)} 分：{evaluation.ExecutionReasoning}。",
        };
        var rows = evaluation.Indicators.Select(s => (IReadOnlyList<PrintedCell>)
        [
            new PrintedCell(s.Indicator.Level1), new PrintedCell(s.Indicator.Level2), new PrintedCell(s.Indicator.Name), new PrintedCell(s.Indicator.Target),
            new PrintedCell(N(s.Weight), s.Weight), new PrintedCell(N(s.Score), s.Score), new PrintedCell(s.Reasoning),
        ]).ToList();
        rows.Add([new PrintedCell("合计", Bold: true), PrintedCell.Empty, new PrintedCell("含预算执行 " + N(evaluation.ExecutionScore) + " 分"), PrintedCell.Empty,
            new PrintedCell(N(100), 100, Bold: true), new PrintedCell(N(evaluation.Total), evaluation.Total, Bold: true), new PrintedCell(evaluation.Grade, Bold: true)]);
        var grid = new Grid([new[] { new HeaderCell("一级指标"), new HeaderCell("二级指标"), new HeaderCell("三级指标"), new HeaderCell("目标值"), new HeaderCell("分值"), new HeaderCell("得分"), new HeaderCell("计分说明") }], rows, [1.1, 1.4, 3.6, 1.4, 0.7, 0.7, 5]);
        var table = new PrintedTable("E1", 1, "绩效自评评分表", department, "分", [new GridBlock(grid)], null, Landscape: true, Decimals: 2);
        return new PrintedDocument($"{year}年{department}绩效自评报告", department, year, [new PrintedPart(1, "自评结论", summary)], [table], [], string.Empty);
    }

    /// <summary>Writes report.html, report.pdf and report.xlsx into a folder.</summary>
    public static void Save(PrintedDocument document, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "report.html"), Html.HtmlDocumentWriter.Write(document), new System.Text.UTF8Encoding(false));
        using (var pdf = File.Create(Path.Combine(directory, "report.pdf")))
        {
            Pdf.PdfDocumentWriter.Write(document, pdf);
        }

        using var xlsx = File.Create(Path.Combine(directory, "report.xlsx"));
        Office.XlsxDocumentWriter.Write(document, null, xlsx);
    }
}
