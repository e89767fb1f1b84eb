using System.Globalization;
using System.Text;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Narrative;

namespace Yusuan.Web;

/// <summary>One headline figure this year and last year, in 万元 as printed.</summary>
public sealed record ComparisonRow(string Item, decimal? LastYear, decimal ThisYear)
{
    public decimal? Change => LastYear is { } last ? ThisYear - last : null;
}

/// <summary>
/// The public page's comparison with last year. When last year's budget of the same department is published here, every
/// headline comes from it; otherwise only what this document itself states about last year is used (第二部分's 比上年增减 of
/// income and expenditure, and the 上年 row of 表9), so no figure on the page is one the department did not publish.
/// </summary>
public static class YearComparison
{
    public static (string Source, IReadOnlyList<ComparisonRow> Rows) Compare(Disclosure current, Disclosure? previous, int? previousVersion = null)
    {
        var now = Headlines(current);
        if (previous is not null)
        {
            var then = Headlines(previous).ToDictionary(h => h.Item, h => h.Value);
            var items = now.Select(h => h.Item).Union(then.Keys);
            var thisYear = now.ToDictionary(h => h.Item, h => h.Value);
            return ($"上年数取自本站公开的 {previous.FiscalYear} 年部门预算" + (previousVersion is int v ? $"（第 {v} 版）" : string.Empty),
                items.Select(i => new ComparisonRow(i, then.GetValueOrDefault(i) ?? 0, thisYear.GetValueOrDefault(i) ?? 0)).ToList());
        }

        var stated = StatedLastYear(current);
        return ($"本站没有 {current.FiscalYear - 1} 年的部门预算，上年数取自本文件第二部分所述的比上年增减和表9的上年数",
            now.Select(h => new ComparisonRow(h.Item, stated.TryGetValue(h.Item, out var last) ? last : null, h.Value ?? 0)).ToList());
    }

    public static string Html(string source, IReadOnlyList<ComparisonRow> rows)
    {
        static string Format(decimal? value) => value is { } v ? v.ToString("#,##0.##", CultureInfo.InvariantCulture) : "—";
        static string Signed(decimal? value) => value is { } v ? (v > 0 ? "+" : string.Empty) + Format(v) : "—";

        var html = new StringBuilder("<section id=\"comparison\" style=\"margin:12px 0\"><h2>与上年比较</h2><table><caption>单位：万元。")
            .Append(System.Net.WebUtility.HtmlEncode(source))
            .Append("。</caption><thead><tr><th scope=\"col\">项目</th><th scope=\"col\">上年</th><th scope=\"col\">本年</th><th scope=\"col\">增减</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(System.Net.WebUtility.HtmlEncode(row.Item)).Append("</th><td>").Append(Format(row.LastYear))
                .Append("</td><td>").Append(Format(row.ThisYear)).Append("</td><td>").Append(Signed(row.Change)).Append("</td></tr>");
        }

        return html.Append("</tbody></table></section>").ToString();
    }

    /// <summary>The figures compared, in order: totals, the split of spending, 三公 and each 功能分类 类.</summary>
    private static List<(string Item, decimal? Value)> Headlines(Disclosure disclosure)
    {
        var headlines = new List<(string, decimal?)>
        {
            ("收入总计", Value(disclosure, "T01", r => r.Key == "income.total", 0)),
            ("支出总计", Value(disclosure, "T01", r => r.Key == "expenditure.total", 0)),
            ("基本支出", Value(disclosure, "T03", r => r.Key == "department", "basic")),
            ("项目支出", Value(disclosure, "T03", r => r.Key == "department", "project")),
            ("政府采购预算", Value(disclosure, "T03", r => r.Key == "department", "procurement")),
            ("“三公”经费", Value(disclosure, "T09", r => r.Key == "current", 0)),
        };
        if (disclosure.Table("T03") is { } t03)
        {
            var total = t03.ColumnIndex("total");
            // A department of several agencies prints its classes first for the whole department, then again under each
            // agency: the department's, which come first.
            headlines.AddRange(t03.Rows.Where(r => r.Level == 1 && r.Code is { Length: 3 } && total >= 0).DistinctBy(r => r.Code)
                .Select(r => ($"{r.Code} {r.Name}", (decimal?)r.Values[total])));
        }

        return headlines;
    }

    private static decimal? Value(Disclosure disclosure, string table, Func<TableRow, bool> row, string column) =>
        disclosure.Table(table) is { } t ? Value(t, row, t.ColumnIndex(column)) : null;

    private static decimal? Value(Disclosure disclosure, string table, Func<TableRow, bool> row, int column) =>
        disclosure.Table(table) is { } t ? Value(t, row, column) : null;

    private static decimal? Value(DisclosureTable table, Func<TableRow, bool> row, int column) =>
        table.Rows.FirstOrDefault(row) is { } found && column >= 0 && column < found.Values.Count ? found.Values[column] : null;

    /// <summary>Last year's figures as this document states them.</summary>
    private static Dictionary<string, decimal> StatedLastYear(Disclosure disclosure)
    {
        var stated = new Dictionary<string, decimal>();
        var figures = disclosure.Narrative.SelectMany(s => s.Figures).ToList();
        foreach (var (item, refers) in new[] { ("收入总计", "T01.income.total"), ("支出总计", "T01.expenditure.total") })
        {
            // The change is the 比上年增减 stated right after the figure it is about, in the same sentence or the next.
            var at = figures.FindIndex(f => f.Refers == refers);
            if (at >= 0 && figures.Skip(at + 1).TakeWhile(f => f.Refers is null).FirstOrDefault(f => f.Subject == Subjects.Change) is { } change)
            {
                stated[item] = figures[at].Value - change.Value;
            }
        }

        if (Value(disclosure, "T09", r => r.Key == "prior", 0) is { } official)
        {
            stated["“三公”经费"] = official;
        }

        return stated;
    }
}
