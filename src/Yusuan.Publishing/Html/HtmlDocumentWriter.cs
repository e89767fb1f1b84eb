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
    // On screen a page to read; in print the PDF's pages (PdfDocumentWriter): A4 with its margins, the cover and the contents
    // on pages of their own, the text in the 宋体-style serif at 12 pt with headings in the 黑体-style sans, the charts and
    // each table from a new page — landscape where the PDF turns it — header rows repeated, no row split, page numbers
    // (— 3 —) at the foot of every page but the cover.
    private const string Style = """
        :root{--ink:#111;--rule:#000;--serif:"Noto Serif SC","Noto Serif CJK SC","Source Han Serif SC","SimSun","宋体",serif;--sans:"Noto Sans SC","Noto Sans CJK SC","Source Han Sans SC","SimHei","黑体",sans-serif}
        body{font-family:var(--serif);font-size:12pt;color:var(--ink);max-width:1100px;margin:0 auto;padding:24px;line-height:1.8}
        h1,h2,h3,h4,nav.toc,.label,th{font-family:var(--sans);font-weight:normal}
        header.cover{text-align:center;padding:120px 0 80px}
        header.cover h1{font-family:var(--serif);font-weight:bold;font-size:26pt;line-height:1.6;margin:0}
        header.cover h1 span{display:block}
        header.cover p{text-indent:0;margin:.3em 0}
        header.cover .year{font-size:16pt;margin-top:1em}
        header.cover .issuer{font-family:var(--sans);font-size:16pt;margin-top:6em}
        header.cover .date{font-size:15pt}
        nav.toc h2{text-align:center;font-size:20pt;letter-spacing:.5em;border:0}
        nav.toc ol{list-style:none;padding:0;margin:0}
        nav.toc li{display:flex;align-items:baseline;font-family:var(--serif)}
        nav.toc li.level1{font-family:var(--sans)}
        nav.toc li.level2{padding-left:2em}
        nav.toc li a{color:inherit;text-decoration:none}
        nav.toc li .dots{flex:1;border-bottom:1px dotted #555;margin:0 .4em}
        h2{font-size:16pt;line-height:1.6;margin:.6em 0 .5em}
        h3{font-size:16pt;line-height:1.6;text-align:center;margin:.6em 0 .5em}
        h4{font-size:12pt;margin:0 0 .4em;text-indent:2em}
        p{text-indent:2em;margin:0 0 .4em}
        section.table .label{font-size:12pt;margin:0}
        table{border-collapse:collapse;width:100%;margin:.2em 0 1em;font-size:9pt;line-height:1.5}
        caption{caption-side:top;text-align:center;font-size:16pt;font-weight:bold;padding:.2em 0 .4em}
        .title{text-align:center;font-size:16pt;font-weight:bold;text-indent:0;margin:.2em 0 .4em}
        caption.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
        th,td{border:.5pt solid var(--rule);padding:3pt;vertical-align:middle}
        thead th{text-align:center}
        td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td.b{font-weight:bold}
        .meta{display:flex;justify-content:space-between;font-size:10.5pt;margin:.2em 0;text-indent:0}
        .note{font-size:10.5pt}
        .charts{display:grid;grid-template-columns:1fr;gap:18px}
        figure{margin:0}
        @page{size:A4 portrait;margin:56pt 56pt 70pt;@bottom-center{content:"— " counter(page) " —";font:9pt var(--serif);color:#808080}}
        @page:first{@bottom-center{content:none}}
        @page wide{size:A4 landscape;margin:56pt 56pt 70pt}
        @media print{body{max-width:none;padding:0}
          header.cover{break-after:page;box-sizing:border-box;padding:190pt 0 0;height:700pt}header.cover .issuer{margin-top:230pt}
          nav.toc{break-after:page}nav.toc h2{margin-top:0}
          #charts,h2#tables{break-before:page}
          section.table{break-before:page}h2#tables+p+section.table,h2#tables+section.table{break-before:auto}section.table.landscape{page:wide}
          thead{display:table-header-group}tr{break-inside:avoid}
          tbody tr:nth-last-child(-n+2){break-before:avoid}tbody tr:nth-child(-n+2){break-after:avoid}
          a{color:inherit}p{orphans:2;widows:2}}
        """;

    /// <summary>The document as one HTML file.</summary>
    /// <param name="document">What to write.</param>
    /// <param name="pages">
    /// The page of each entry of the contents in the PDF (<see cref="Pdf.PdfRendering.Contents"/>), printed in the HTML's
    /// contents as the PDF's are; null (the web pages, which render no PDF): the contents without page numbers.
    /// </param>
    public static string Write(PrintedDocument document, IReadOnlyDictionary<string, int>? pages = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(E(document.Title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header class=\"cover\"><h1>");
        foreach (var line in document.TitleLines)
        {
            html.Append("<span>").Append(E(line)).Append("</span>");
        }

        html.Append("</h1><p class=\"year\">").Append(E(document.FiscalYearLine)).Append("</p><p class=\"issuer\">").Append(E(document.Department))
            .Append("</p><p class=\"date\">").Append(E(document.IssuedLine)).Append("</p></header>\n");

        html.Append("<nav class=\"toc\" aria-label=\"目录\"><h2>目录</h2><ol>");
        void Entry(string title, string href, int level)
        {
            html.Append("<li class=\"level").Append(level).Append("\"><a href=\"#").Append(href).Append("\">").Append(E(title)).Append("</a>");
            if (pages?.GetValueOrDefault(title) is > 0 and var page)
            {
                html.Append("<span class=\"dots\"></span><span class=\"page\">").Append(page).Append("</span>");
            }

            html.Append("</li>");
        }

        var under = document.TextHeading is null ? 1 : 2;
        if (document.TextHeading is { } textHeading)
        {
            Entry(textHeading, "text", 1);
        }

        foreach (var part in document.PartsBeforeTables)
        {
            Entry(part.Title, $"part{part.Number}", under);
        }

        if (document.Charts.Count > 0)
        {
            Entry("图表", "charts", 2);
        }

        Entry(document.TablesHeading, "tables", 1);
        foreach (var table in document.Tables)
        {
            Entry($"（{Core.Narrative.Wording.ChineseCount(table.Number)}）{table.Title}", table.Id, 2);
        }

        foreach (var part in document.PartsAfterTables)
        {
            Entry(part.Title, $"part{part.Number}", 1);
        }

        html.Append("</ol></nav>\n<main>\n");
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
        if (document.RoundingNote.Length > 0)
        {
            html.Append("<p class=\"note\">").Append(E(document.RoundingNote)).Append("</p>\n");
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in document.Tables)
        {
            html.Append("<section class=\"table").Append(table.Landscape ? " landscape" : string.Empty).Append("\" id=\"").Append(table.Id).Append("\">\n");
            html.Append("<p class=\"label\" style=\"text-indent:0\">表").Append(table.Number).Append("</p>");
            var first = true;
            foreach (var block in table.Blocks)
            {
                switch (block)
                {
                    case GridBlock grid:
                        WriteGrid(html, grid.Grid, first ? table : null, ids);
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

        foreach (var part in document.PartsAfterTables)
        {
            WritePart(html, part, document);
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
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

    /// <summary>A grid as a table; the table's first grid carries its title as the caption, with the department and unit under it.</summary>
    private static void WriteGrid(StringBuilder html, Grid grid, PrintedTable? titled, HashSet<string> ids)
    {
        if (titled is not null)
        {
            // The title, then 部门名称 and 单位 above the grid, as the PDF prints them; the caption — the title alone, as a
            // reader of the page (or Yusuan's audit) takes it — names the table for a screen reader.
            html.Append("<p class=\"title\" aria-hidden=\"true\">").Append(E(titled.Title)).Append("</p><p class=\"meta\"><span>部门名称：").Append(E(titled.Department))
                .Append("</span><span>单位：").Append(E(titled.Unit)).Append("</span></p><table><caption class=\"sr\">").Append(E(titled.Title)).Append("</caption>");
        }
        else
        {
            html.Append("<table>");
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
