using System.Globalization;
using System.Net;
using System.Text;
using Yusuan.Publishing.Layout;

namespace Yusuan.Publishing.Html;

/// <summary>
/// The whole document as one self-contained HTML file: no external request, semantic tables (caption, th with scope, merged
/// headers), a linked table of contents, an A4 print stylesheet (landscape pages for wide tables) and inline SVG charts.
/// All text is HTML-encoded.
/// </summary>
public static class HtmlDocumentWriter
{
    private const string Style = """
        :root{--ink:#1f2328;--rule:#8c959f;--band:#f3f6f9;--accent:#2f6f9f}
        body{font-family:"Noto Sans SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:var(--ink);max-width:1180px;margin:0 auto;padding:24px;line-height:1.7}
        header.cover{text-align:center;padding:80px 0 40px;border-bottom:2px solid var(--accent)}
        header.cover h1{font-size:2em;margin:0 0 .4em}
        nav.toc ol{columns:2;column-gap:40px}nav.toc a{color:var(--accent);text-decoration:none}
        h2{border-left:6px solid var(--accent);padding-left:10px;margin-top:2em}
        h3{margin-top:1.6em}
        p{text-indent:2em;margin:.4em 0}
        table{border-collapse:collapse;width:100%;margin:.6em 0 1.2em;font-size:13px}
        caption{caption-side:top;text-align:center;font-size:1.15em;font-weight:bold;padding:.3em}
        th,td{border:1px solid var(--rule);padding:3px 6px;vertical-align:middle}
        thead th{background:var(--band);font-weight:bold;text-align:center}
        td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td.b,th.b{font-weight:bold}
        .meta{display:flex;justify-content:space-between;font-size:13px;margin:.2em 0}
        .note{font-size:13px;color:#444}
        .charts{display:grid;grid-template-columns:1fr;gap:18px}
        figure{margin:0}
        @page{size:A4 portrait;margin:16mm 14mm}
        @page wide{size:A4 landscape;margin:12mm}
        @media print{body{max-width:none;padding:0}section.table{break-before:page}section.table.landscape{page:wide}
          header.cover{break-after:page;padding-top:200px}nav.toc{break-after:page}thead{display:table-header-group}tr{break-inside:avoid}a{color:inherit}}
        """;

    public static string Write(PrintedDocument document)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(E(document.Title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header class=\"cover\"><h1>").Append(E(document.Title)).Append("</h1><p style=\"text-indent:0\">")
            .Append(E(document.Department)).Append("</p></header>\n");

        html.Append("<nav class=\"toc\" aria-label=\"目录\"><h2>目 录</h2>");
        if (document.TextHeading is { } textHeading)
        {
            html.Append("<h3>").Append(E(textHeading)).Append("</h3>");
        }

        ContentsOf(html, document.PartsBeforeTables);
        html.Append("<h3>").Append(E(document.TablesHeading)).Append("</h3><ol>");
        foreach (var table in document.Tables)
        {
            html.Append("<li><a href=\"#").Append(table.Id).Append("\">").Append(E(table.Title)).Append("</a></li>");
        }

        html.Append("</ol>");
        ContentsOf(html, document.PartsAfterTables);
        html.Append("</nav>\n<main>\n");
        if (document.TextHeading is not null)
        {
            html.Append("<h2 id=\"text\">").Append(E(document.TextHeading)).Append("</h2>\n");
        }

        foreach (var part in document.PartsBeforeTables)
        {
            WritePart(html, part, document);
        }

        if (document.Charts.Count > 0)
        {
            html.Append("<section id=\"charts\"><h3>图表</h3><div class=\"charts\">");
            foreach (var chart in document.Charts)
            {
                html.Append("<figure>").Append(SvgChart.Render(chart)).Append("</figure>");
            }

            html.Append("</div></section>\n");
        }

        html.Append("<h2 id=\"tables\">").Append(E(document.TablesHeading)).Append("</h2>\n");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in document.Tables)
        {
            html.Append("<section class=\"table").Append(table.Landscape ? " landscape" : string.Empty).Append("\" id=\"").Append(table.Id).Append("\">\n");
            html.Append("<p class=\"meta\" style=\"text-indent:0\"><span>表 ").Append(table.Number).Append("</span></p>");
            html.Append("<p class=\"meta\" style=\"text-indent:0\"><span>部门名称：").Append(E(table.Department)).Append("</span><span>单位：").Append(E(table.Unit)).Append("</span></p>\n");
            var first = true;
            foreach (var block in table.Blocks)
            {
                switch (block)
                {
                    case GridBlock grid:
                        WriteGrid(html, grid.Grid, first ? table.Title : null, ids);
                        first = false;
                        break;
                    case TextBlock { Heading: true } text:
                        html.Append("<h4>").Append(E(text.Text)).Append("</h4>\n");
                        break;
                    case TextBlock text:
                        html.Append("<p>").Append(E(text.Text)).Append("</p>\n");
                        break;
                }
            }

            if (table.Note is not null)
            {
                html.Append("<p class=\"note\" style=\"text-indent:0\">注：").Append(E(table.Note)).Append("</p>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("<p class=\"note\">").Append(E(document.RoundingNote)).Append("</p>\n");
        foreach (var part in document.PartsAfterTables)
        {
            WritePart(html, part, document);
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The 目录's entries for some of the parts, as one list; nothing where there are none.</summary>
    private static void ContentsOf(StringBuilder html, IEnumerable<PrintedPart> parts)
    {
        var list = parts.ToList();
        if (list.Count == 0)
        {
            return;
        }

        html.Append("<ol>");
        foreach (var part in list)
        {
            html.Append("<li><a href=\"#part").Append(part.Number).Append("\">").Append(E(part.Title)).Append("</a></li>");
        }

        html.Append("</ol>");
    }

    /// <summary>A text part: its heading (one level down under a heading over all the text, 一、文字部分, else at the top) and paragraphs.</summary>
    private static void WritePart(StringBuilder html, PrintedPart part, PrintedDocument document)
    {
        var level = document.TextHeading is null ? "h2" : "h3";
        html.Append("<section id=\"part").Append(part.Number).Append("\"><").Append(level).Append('>').Append(E(part.Title)).Append("</").Append(level).Append(">\n");
        // Each sentence of the part is a paragraph with an id a finding can link to (part2-3: the part's third sentence).
        var sentence = 0;
        foreach (var paragraph in part.Paragraphs)
        {
            var tag = PrintedPart.IsSubheading(paragraph) ? "h4" : "p";
            html.Append('<').Append(tag).Append(" id=\"part").Append(part.Number).Append('-').Append(++sentence).Append("\">").Append(E(paragraph)).Append("</").Append(tag).Append(">\n");
        }

        html.Append("</section>\n");
    }

    private static void WriteGrid(StringBuilder html, Grid grid, string? caption, HashSet<string> ids)
    {
        html.Append("<table>");
        if (caption is not null)
        {
            html.Append("<caption>").Append(E(caption)).Append("</caption>");
        }

        html.Append("<colgroup>");
        var total = grid.Widths.Sum();
        foreach (var width in grid.Widths)
        {
            html.Append(CultureInfo.InvariantCulture, $"<col style=\"width:{width / total * 100:0.#}%\">");
        }

        html.Append("</colgroup><thead>");
        foreach (var row in grid.Header)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<th scope=\"").Append(cell.ColSpan > 1 ? "colgroup" : "col").Append('"');
                if (cell.ColSpan > 1)
                {
                    html.Append(" colspan=\"").Append(cell.ColSpan).Append('"');
                }

                if (cell.RowSpan > 1)
                {
                    html.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                }

                html.Append('>').Append(E(cell.Text)).Append("</th>");
            }

            html.Append("</tr>");
        }

        html.Append("</thead><tbody>\n");
        foreach (var row in grid.Rows)
        {
            html.Append("<tr>");
            for (var c = 0; c < row.Count; c++)
            {
                var cell = row[c];
                var classes = (cell.Value is not null ? "n" : string.Empty) + (cell.Bold ? " b" : string.Empty);
                html.Append("<td");
                if (classes.Trim().Length > 0)
                {
                    html.Append(" class=\"").Append(classes.Trim()).Append('"');
                }

                if (cell.Indent > 0)
                {
                    html.Append(CultureInfo.InvariantCulture, $" style=\"padding-left:{6 + cell.Indent * 14}px\"");
                }

                // A figure a finding can link to; where one code is printed for several agencies, the first.
                if (cell.Place is { } place && ids.Add(CellId(place.Table, place.Row, place.Column)))
                {
                    html.Append(" id=\"").Append(E(CellId(place.Table, place.Row, place.Column))).Append('"');
                }

                html.Append('>').Append(E(cell.Text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    /// <summary>
    /// The id of a figure's cell in the rendered document (cell-T03-2080505-basic), from its table id, row (code, key or
    /// name) and column key; whitespace becomes an underscore. A finding's link is # and this id.
    /// </summary>
    public static string CellId(string table, string row, string column) =>
        string.Concat($"cell-{table}-{row}-{column}".Select(c => char.IsWhiteSpace(c) ? '_' : c));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
