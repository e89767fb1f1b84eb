using System.Globalization;
using System.Net;
using System.Text;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;

namespace Yusuan.Formats.Preview;

/// <summary>A plain, self-contained HTML page with the twelve tables and the findings — the preview a build writes before the full document exists.</summary>
public static class HtmlPreviewWriter
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static string Write(Disclosure disclosure, IReadOnlyList<Finding> findings)
    {
        var title = $"{disclosure.FiscalYear} 年{disclosure.Department.Name}部门预算（表格预览）";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n");
        html.Append("<style>body{font-family:\"Noto Sans SC\",\"Microsoft YaHei\",sans-serif;margin:2em;color:#222}")
            .Append("table{border-collapse:collapse;margin:1em 0 2em}th,td{border:1px solid #999;padding:2px 8px}")
            .Append("td.n{text-align:right;font-variant-numeric:tabular-nums}caption{font-weight:bold;font-size:1.1em;text-align:left;padding:4px 0}")
            .Append("tr.l0 td,tr.l1 td{font-weight:bold}.unit{color:#555}.note{color:#555}</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n");
        html.Append("<p class=\"unit\">舍入方式：").Append(disclosure.Rounding == "controlled" ? "受控舍入（合计等于各分项之和）" : "独立四舍五入").Append("</p>\n");
        html.Append("<nav><h2>目录</h2><ol>");
        foreach (var table in disclosure.Tables)
        {
            html.Append("<li><a href=\"#").Append(table.Id).Append("\">").Append(E(table.Title)).Append("</a></li>");
        }

        html.Append("</ol></nav>\n");
        foreach (var table in disclosure.Tables)
        {
            html.Append("<section id=\"").Append(table.Id).Append("\">\n<table>\n<caption>").Append(E(table.Title))
                .Append(" <span class=\"unit\">单位：").Append(E(table.Unit)).Append("</span></caption>\n<thead><tr>");
            foreach (var h in new[] { "预算单位", "科目编码", "科目名称" })
            {
                html.Append("<th scope=\"col\">").Append(h).Append("</th>");
            }

            foreach (var column in table.Columns)
            {
                html.Append("<th scope=\"col\">").Append(E(column.Title)).Append("</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in table.Rows)
            {
                html.Append("<tr class=\"l").Append(row.Level).Append("\"><td>").Append(E(row.Unit ?? string.Empty)).Append("</td><td>")
                    .Append(E(row.Code ?? string.Empty)).Append("</td><th scope=\"row\">").Append(E(row.Name)).Append("</th>");
                foreach (var value in row.Values)
                {
                    html.Append("<td class=\"n\">").Append(Figure(value, table.Decimals)).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
            if (table.Note is not null)
            {
                html.Append("<p class=\"note\">注：").Append(E(table.Note)).Append("</p>\n");
            }

            if (table.Performance is { } p)
            {
                html.Append("<h3>年度总体目标</h3><ol>");
                foreach (var goal in p.Goals)
                {
                    html.Append("<li>").Append(E(goal)).Append("</li>");
                }

                html.Append("</ol><h3>年度绩效指标</h3><table><thead><tr><th scope=\"col\">一级指标</th><th scope=\"col\">二级指标</th><th scope=\"col\">三级指标</th><th scope=\"col\">目标值</th></tr></thead><tbody>");
                foreach (var i in p.Indicators)
                {
                    html.Append("<tr><td>").Append(E(i.Level1)).Append("</td><td>").Append(E(i.Level2)).Append("</td><td>").Append(E(i.Name))
                        .Append("</td><td>").Append(E(i.Target)).Append("</td></tr>");
                }

                html.Append("</tbody></table>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("<section id=\"findings\"><h2>检查结果</h2>");
        if (findings.Count == 0)
        {
            html.Append("<p>未发现问题。</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th scope=\"col\">级别</th><th scope=\"col\">规则</th><th scope=\"col\">位置</th><th scope=\"col\">说明</th></tr></thead><tbody>");
            foreach (var f in findings)
            {
                html.Append("<tr><td>").Append(SeverityTitle(f.Severity)).Append("</td><td>").Append(E(f.Rule)).Append("</td><td>")
                    .Append(E(f.Location.ToString())).Append("</td><td>").Append(E(f.Message)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static string SeverityTitle(Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        _ => "提示",
    };

    /// <summary>Thousands separators as the seed prints them (7,656); two-decimal tables drop trailing zeros (8.47, 8).</summary>
    public static string Figure(decimal value, int decimals) =>
        decimals == 0 ? value.ToString("#,##0", Zh) : (value / 1.000000000000000000000000000000000m).ToString("#,##0.##", Zh);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
