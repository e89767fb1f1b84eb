using System.Globalization;
using System.Net;
using System.Text;
using Yusuan.Core.Findings;

namespace Yusuan.Formats.Audit;

/// <summary>
/// The audit as one self-contained HTML page: per document, the findings, then every extracted table with each cell a finding
/// points at marked, numbered and explained beside the printed figures.
/// </summary>
public static class AuditReportWriter
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static string Write(IReadOnlyList<AuditResult> results)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>预算公开审计报告</title>\n<style>")
            .Append("body{font-family:\"Noto Sans SC\",\"Microsoft YaHei\",sans-serif;max-width:1200px;margin:0 auto;padding:20px;color:#1f2328}")
            .Append("table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:13px}th,td{border:1px solid #8c959f;padding:2px 6px}")
            .Append("td.n{text-align:right;font-variant-numeric:tabular-nums}.error{background:#ffd7d5}.warning{background:#fff1c2}.info{background:#ddf4ff}")
            .Append("sup{color:#a40e26;font-weight:bold}caption{text-align:left;font-weight:bold}</style>\n</head>\n<body>\n<h1>预算公开审计报告</h1>\n");
        foreach (var result in results)
        {
            html.Append("<section><h2>").Append(E(result.File)).Append("</h2>");
            if (result.Disclosure is { } d)
            {
                var template = (TemplateLibrary.Find(d.Template)?.Title ?? d.Template) is { } t ? $"按{t}核对；" : string.Empty;
                html.Append("<p>").Append(E($"{d.FiscalYear} 年 {d.Department.Name} {d.Kind}；{template}提取表格 {d.Tables.Count} 张、文字说明 {d.Narrative.Count} 句。")).Append("</p>");
            }

            var numbered = result.Findings.Select((f, i) => (Finding: f, Number: i + 1)).ToList();
            html.Append("<table><caption>检查结果（错误 ").Append(result.Findings.Count(f => f.Severity == Severity.Error))
                .Append("，警告 ").Append(result.Findings.Count(f => f.Severity == Severity.Warning))
                .Append("，提示 ").Append(result.Findings.Count(f => f.Severity == Severity.Info))
                .Append("）</caption><thead><tr><th scope=\"col\">#</th><th scope=\"col\">级别</th><th scope=\"col\">规则</th><th scope=\"col\">位置</th><th scope=\"col\">说明</th></tr></thead><tbody>");
            foreach (var (f, n) in numbered)
            {
                html.Append("<tr class=\"").Append(Class(f.Severity)).Append("\"><td>").Append(n).Append("</td><td>").Append(Title(f.Severity)).Append("</td><td>")
                    .Append("<code>").Append(E(f.Rule)).Append("</code></td><td>").Append(E(f.Location.ToString())).Append("</td><td>").Append(E(f.Message)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
            foreach (var table in result.Disclosure?.Tables ?? [])
            {
                html.Append("<table><caption>").Append(E($"{table.Id} {table.Heading}（单位：{table.Unit}；第 {string.Join("、", table.Source?.Pages ?? [])} 页）"))
                    .Append("</caption><thead><tr><th scope=\"col\">预算单位</th><th scope=\"col\">编码</th><th scope=\"col\">名称</th>");
                foreach (var column in table.Columns)
                {
                    html.Append("<th scope=\"col\">").Append(E(column.Title)).Append("</th>");
                }

                html.Append("</tr></thead><tbody>");
                foreach (var row in table.Rows)
                {
                    var rowId = row.Code ?? row.Key ?? row.Name;
                    html.Append("<tr><td>").Append(E(row.Unit ?? string.Empty)).Append("</td><td>").Append(E(row.Code ?? string.Empty)).Append("</td><td>").Append(E(row.Name)).Append("</td>");
                    for (var c = 0; c < row.Values.Count; c++)
                    {
                        var key = c < table.Columns.Count ? table.Columns[c].Key : null;
                        var marks = numbered.Where(x => x.Finding.Location.Table == table.Id && x.Finding.Location.TableRow == rowId && x.Finding.Location.TableColumn == key).ToList();
                        var worst = marks.Select(m => m.Finding.Severity).DefaultIfEmpty(Severity.Info).Max();
                        html.Append("<td class=\"n").Append(marks.Count > 0 ? " " + Class(worst) : string.Empty).Append('"');
                        if (marks.Count > 0)
                        {
                            html.Append(" title=\"").Append(E(string.Join("\n", marks.Select(m => m.Finding.Message)))).Append('"');
                        }

                        html.Append('>').Append(E((row.Values[c] / 1.000000000000000000000000000000000m).ToString("#,##0.####", Zh)));
                        foreach (var (_, n) in marks)
                        {
                            html.Append("<sup>").Append(n).Append("</sup>");
                        }

                        html.Append("</td>");
                    }

                    html.Append("</tr>");
                }

                html.Append("</tbody></table>");
            }

            html.Append("</section>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Class(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Title(Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        _ => "提示",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
