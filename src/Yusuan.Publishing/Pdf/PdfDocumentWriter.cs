using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Yusuan.Publishing.Layout;

namespace Yusuan.Publishing.Pdf;

/// <summary>What rendering the PDF left to check: the pages each table occupies, characters the faces could not show, the contents' pages.</summary>
public sealed record PdfRendering(IReadOnlyDictionary<string, IReadOnlyList<int>> TablePages, IReadOnlyList<(string Character, string Where)> MissingGlyphs, int PageCount)
{
    /// <summary>Each entry of the contents (一、文字部分, 第一部分 部门概况, （一）收支总表 …) and its page, 1-based, as printed.</summary>
    public IReadOnlyDictionary<string, int> Contents { get; init; } = new Dictionary<string, int>();
}

/// <summary>
/// The document as an A4 PDF with PDFsharp, set as a published 公文 (GB/T 9704 in spirit): a cover with the title, the
/// department as issuer, the fiscal year and the date of publication; the contents with page numbers and links; the nine
/// parts — headings in the 黑体-style face, body text in the 宋体-style serif at 12 pt with a two-character indent — and the
/// charts; then each table on its own page (landscape where wide), black rules, its header repeated and the page marked 续表
/// when it runs over, never leaving fewer than three of its rows on a page; lines broken between words, never inside a
/// figure or a code (<see cref="TextMeasure.Segments"/>); PDF bookmarks for every part and table; page numbers (— 3 —); both
/// faces embedded as subsets.
/// </summary>
public sealed class PdfDocumentWriter
{
    private const double Margin = 56;
    private const double Padding = 3;

    /// <summary>The fewest rows of a table a page may hold (unless the table has fewer): none is left alone at a page's foot or head.</summary>
    internal const int MinimumRowsOnAPage = 3;

    private static readonly XColor Rule = XColor.FromArgb(0, 0, 0);
    private static readonly XColor Accent = XColor.FromArgb(60, 60, 60);

    private readonly PdfDocument pdf = new();

    // The tables' rules, one pen for the document: square caps close the corners where a row's line meets a column's.
    private readonly XPen rule = new(Rule, 0.5) { LineCap = XLineCap.Square };
    private readonly XFont body = Font(12);
    private readonly XFont subheading = Font(12, family: CjkFont.Sans);
    private readonly XFont cell = Font(9);
    private readonly XFont cellBold = Font(9, bold: true);
    private readonly XFont headerCell = Font(9, family: CjkFont.Sans);
    private readonly List<(string Title, int Page, int Level)> contents = [];
    private readonly Dictionary<string, List<int>> tablePages = [];
    private readonly List<(string Character, string Where)> missing = [];
    private readonly TextMeasure measure;
    private PdfPage page = null!;
    private XGraphics gfx = null!;
    private double y;
    private string where = string.Empty;
    private string? watermark;

    private PdfDocumentWriter()
    {
        measure = new TextMeasure((text, font) => gfx.MeasureString(text, font).Width);
    }

    private double Width => page.Width.Point;

    private double Height => page.Height.Point;

    private double Bottom => Height - Margin - 14;

    /// <summary>Writes the document as a PDF (A4; landscape pages where a table needs them) to <paramref name="output"/>.</summary>
    /// <param name="watermark">
    /// A word printed large and faint across every page and small at the top of each (草稿 for a draft's preview, so no copy
    /// of it passes for the published budget); null for the document as published.
    /// </param>
    public static PdfRendering Write(PrintedDocument document, Stream output, string? watermark = null)
    {
        CjkFont.Register();
        var writer = new PdfDocumentWriter { watermark = watermark };
        return writer.Render(document, output);
    }

    private static XFont Font(double size, bool bold = false, string family = CjkFont.Serif) =>
        new(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset));

    private PdfRendering Render(PrintedDocument document, Stream output)
    {
        pdf.Info.Title = document.Title;
        pdf.Info.Author = document.Department;
        pdf.Info.Creator = "Yusuan";
        Cover(document);

        // The contents page is filled in last, when the page numbers are known; no graphics are opened on it until then,
        // since an empty content stream would be written as a broken flate stream.
        pdf.AddPage().Size = PageSize.A4;
        var tocPage = pdf.PageCount - 1;
        where = "正文";
        NewPage(false);
        if (document.TextHeading is { } textHeading)
        {
            contents.Add((textHeading, pdf.PageCount, 0));
            Heading(textHeading, 16, centred: false);
        }

        foreach (var part in document.PartsBeforeTables)
        {
            Part(part, document);
        }

        if (document.Charts.Count > 0)
        {
            NewPage(false);
            contents.Add(("图表", pdf.PageCount, 1));
            Heading("图表", 16, centred: true);
            foreach (var chart in document.Charts)
            {
                Chart(chart);
            }
        }

        contents.Add((document.TablesHeading, pdf.PageCount + 1, 0));
        var first = true;
        foreach (var table in document.Tables)
        {
            Table(table, first ? document : null);
            first = false;
        }
        if (document.PartsAfterTables.Any())
        {
            NewPage(false);
            foreach (var part in document.PartsAfterTables)
            {
                Part(part, document);
            }
        }

        gfx.Dispose();
        Contents(tocPage);
        Bookmarks();
        PageNumbers();
        if (watermark is not null)
        {
            Watermark(watermark);
        }

        var pageCount = pdf.PageCount;
        pdf.Save(output, closeStream: false);
        return new PdfRendering(tablePages.ToDictionary(p => p.Key, p => (IReadOnlyList<int>)p.Value), missing, pageCount)
        {
            Contents = contents.GroupBy(c => c.Title).ToDictionary(g => g.Key, g => g.First().Page),
        };
    }

    private void NewPage(bool landscape)
    {
        gfx?.Dispose();
        page = pdf.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = landscape ? PageOrientation.Landscape : PageOrientation.Portrait;
        gfx = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    private void Text(string text, XFont font, double x, double top, XBrush? brush = null)
    {
        foreach (var c in CjkFont.Missing(text, font.FontFamily.Name))
        {
            missing.Add((c, where));
        }

        gfx.DrawString(text, font, brush ?? XBrushes.Black, new XPoint(x, top + font.Size), XStringFormats.BaseLineLeft);
    }

    /// <summary>
    /// The cover: the title large in the serif, centred in the upper third; the issuer (the department) and the date of
    /// publication — or, where none is given, the fiscal year — centred near the foot, as a published 部门预算 has them.
    /// </summary>
    private void Cover(PrintedDocument document)
    {
        NewPage(false);
        var title = Font(26, bold: true);
        var top = Height * 0.27;
        foreach (var line in document.TitleLines.SelectMany(l => Wrap(l, title, Width - 2.6 * Margin)))
        {
            Text(line, title, (Width - measure.Width(line, title)) / 2, top);
            top += 44;
        }

        var year = Font(16);
        Text(document.FiscalYearLine, year, (Width - measure.Width(document.FiscalYearLine, year)) / 2, top + 16);

        var issuer = Font(16, family: CjkFont.Sans);
        var date = Font(15);
        var bottom = Height * 0.72;
        foreach (var line in Wrap(document.Department, issuer, Width - 2.6 * Margin))
        {
            Text(line, issuer, (Width - measure.Width(line, issuer)) / 2, bottom);
            bottom += 28;
        }

        Text(document.IssuedLine, date, (Width - measure.Width(document.IssuedLine, date)) / 2, bottom + 8);
    }

    /// <summary>A heading in the 黑体-style face: a part's (第一部分 …) centred, at <paramref name="size"/> pt.</summary>
    private void Heading(string text, double size, bool centred)
    {
        var font = Font(size, family: CjkFont.Sans);
        if (y + size * 2.5 > Bottom)
        {
            NewPage(page.Orientation == PageOrientation.Landscape);
        }

        y += size * 0.6;
        Text(text, font, centred ? (Width - measure.Width(text, font)) / 2 : Margin, y);
        y += size * 2.1;
    }

    private void Paragraph(string text, XFont font, bool indent)
    {
        var width = Width - 2 * Margin;
        var first = indent ? measure.Width("国国", font) : 0;
        var lines = Wrap(text, font, width, first);
        var lineHeight = font.Size * 1.8;
        for (var i = 0; i < lines.Count; i++)
        {
            if (y + lineHeight > Bottom)
            {
                NewPage(page.Orientation == PageOrientation.Landscape);
            }

            Text(lines[i], font, Margin + (i == 0 ? first : 0), y);
            y += lineHeight;
        }

        y += font.Size * 0.4;
    }

    /// <summary>Breaks text into lines that fit (see <see cref="TextMeasure.Wrap"/>).</summary>
    private List<string> Wrap(string text, XFont font, double width, double firstIndent = 0) => measure.Wrap(text, font, width, firstIndent);

    private void Contents(int tocPageIndex)
    {
        var tocPage = pdf.Pages[tocPageIndex];
        using var g = XGraphics.FromPdfPage(tocPage);
        var title = Font(20, family: CjkFont.Sans);
        g.DrawString("目  录", title, XBrushes.Black, new XPoint((tocPage.Width.Point - g.MeasureString("目  录", title).Width) / 2, Margin + 24), XStringFormats.BaseLineLeft);
        var top = Margin + 60;
        foreach (var (text, pageNumber, level) in contents)
        {
            var font = level == 0 ? subheading : body;
            var x = Margin + level * 24;
            g.DrawString(text, font, XBrushes.Black, new XPoint(x, top + font.Size), XStringFormats.BaseLineLeft);
            var number = pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var right = tocPage.Width.Point - Margin;
            g.DrawString(number, font, XBrushes.Black, new XPoint(right - g.MeasureString(number, font).Width, top + font.Size), XStringFormats.BaseLineLeft);
            var dotsFrom = x + g.MeasureString(text, font).Width + 6;
            var dotsTo = right - g.MeasureString(number, font).Width - 6;
            if (dotsTo > dotsFrom)
            {
                g.DrawLine(new XPen(Rule, 0.6) { DashStyle = XDashStyle.Custom, DashPattern = [0.5, 4], LineCap = XLineCap.Round }, dotsFrom, top + font.Size, dotsTo, top + font.Size);
            }

            var height = tocPage.Height.Point;
            tocPage.AddDocumentLink(new PdfRectangle(new XPoint(x, height - (top + font.Size * 1.6)), new XPoint(right, height - top)), pageNumber, null);
            top += font.Size * 1.95;
        }
    }

    private static string Wording(int n) => Yusuan.Core.Narrative.Wording.ChineseCount(n);

    private void Bookmarks()
    {
        pdf.Outlines.Add("目录", pdf.Pages[1], true);
        PdfOutline? group = null;
        foreach (var (title, pageNumber, level) in contents)
        {
            var target = pdf.Pages[Math.Min(pageNumber, pdf.PageCount) - 1];
            if (level == 0)
            {
                group = pdf.Outlines.Add(title, target, true);
            }
            else
            {
                (group?.Outlines ?? pdf.Outlines).Add(title, target, false);
            }
        }
    }

    private void PageNumbers()
    {
        var font = Font(9);
        for (var i = 1; i < pdf.PageCount; i++)
        {
            var p = pdf.Pages[i];
            using var g = XGraphics.FromPdfPage(p, XGraphicsPdfPageOptions.Append);
            var text = $"— {i + 1} —";
            g.DrawString(text, font, XBrushes.Gray, new XPoint((p.Width.Point - g.MeasureString(text, font).Width) / 2, p.Height.Point - Margin + 16), XStringFormats.BaseLineLeft);
        }
    }

    /// <summary>The watermark on every page, the cover included: across the middle, turned, faint; and at the top right.</summary>
    private void Watermark(string word)
    {
        var large = Font(110, bold: true);
        var small = Font(10, bold: true);
        var faint = new XSolidBrush(XColor.FromArgb(48, 207, 34, 46));
        var red = new XSolidBrush(XColor.FromArgb(207, 34, 46));
        foreach (var p in pdf.Pages)
        {
            using var g = XGraphics.FromPdfPage(p, XGraphicsPdfPageOptions.Append);
            var (width, height) = (p.Width.Point, p.Height.Point);
            var mark = $"{word} · 未公开";
            g.DrawString(mark, small, red, new XPoint(width - Margin - g.MeasureString(mark, small).Width, Margin - 16), XStringFormats.BaseLineLeft);
            g.RotateAtTransform(-35, new XPoint(width / 2, height / 2));
            var size = g.MeasureString(word, large);
            g.DrawString(word, large, faint, new XPoint((width - size.Width) / 2, height / 2 + size.Height / 3), XStringFormats.BaseLineLeft);
        }
    }

    private void Chart(Chart chart)
    {
        const double labelWidth = 150, rowHeight = 16;
        var series = chart.Series.Count;
        var needed = 30 + chart.Categories.Count * (rowHeight * series + 6) + (series > 1 ? 24 : 0);
        if (y + needed > Bottom)
        {
            NewPage(false);
        }

        Text($"{chart.Title}（单位：{chart.Unit}）", subheading, Margin, y);
        y += 24;
        var barWidth = Width - 2 * Margin - labelWidth - 60;
        var max = chart.Series.SelectMany(s => s.Values).Select(Math.Abs).DefaultIfEmpty(0).Max();
        XColor[] colours = [Accent, XColor.FromArgb(175, 175, 175)];
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var label = chart.Categories[c];
            Text(label, cell, Margin + labelWidth - 8 - gfx.MeasureString(label, cell).Width, y + (rowHeight * series - cell.Size) / 2 - 2);
            for (var s = 0; s < series; s++)
            {
                var value = chart.Series[s].Values[c];
                var width = max == 0 ? 0 : (double)(Math.Abs(value) / max) * barWidth;
                gfx.DrawRectangle(new XSolidBrush(colours[s % colours.Length]), Margin + labelWidth, y + s * rowHeight + 2, Math.Max(width, 0.5), rowHeight - 4);
                Text(Figures.Format(value, 0), cell, Margin + labelWidth + width + 4, y + s * rowHeight + 1);
            }

            y += rowHeight * series + 6;
        }

        if (series > 1)
        {
            for (var s = 0; s < series; s++)
            {
                var x = Margin + labelWidth + s * 90;
                gfx.DrawRectangle(new XSolidBrush(colours[s % colours.Length]), x, y + 4, 10, 9);
                Text(chart.Series[s].Name, cell, x + 14, y + 2);
            }

            y += 20;
        }

        y += 16;
    }

    /// <summary>A text part: its heading (in the 目录 under a heading over all the text, else at the top) and paragraphs.</summary>
    private void Part(PrintedPart part, PrintedDocument document)
    {
        where = part.Title;
        if (y > Bottom - 80)
        {
            NewPage(false);
        }

        contents.Add((part.Title, pdf.PageCount, document.TextHeading is null ? 0 : 1));
        Heading(part.Title, 16, centred: true);
        foreach (var paragraph in part.Paragraphs)
        {
            Paragraph(paragraph, PrintedPart.IsSubheading(paragraph) ? subheading : body, indent: true);
        }
    }

    /// <summary>
    /// One table from a new page. The first table's page opens with the heading over the tables (二、表格部分) and the 说明
    /// of their unit and rounding, where the rounding is explained once for the whole document.
    /// </summary>
    private void Table(PrintedTable table, PrintedDocument? opening)
    {
        where = $"表{table.Number} {table.Title}";
        NewPage(table.Landscape);
        tablePages[table.Id] = [pdf.PageCount - 1];
        if (opening is not null)
        {
            Heading(opening.TablesHeading, 16, centred: false);
            if (opening.RoundingNote.Length > 0)
            {
                Paragraph(opening.RoundingNote, Font(10.5), indent: true);
                y += 6;
            }
        }

        contents.Add(($"（{Wording(table.Number)}）{table.Title}", pdf.PageCount, 1));
        TableTitle(table, continued: false);
        foreach (var block in table.Blocks)
        {
            switch (block)
            {
                case GridBlock grid:
                    Grid(table, grid.Grid);
                    break;
                case TextBlock text:
                    EnsureRoom(table, body.Size * 2);
                    Paragraph(text.Text, text.Heading ? subheading : body, indent: true);
                    break;
            }
        }

        if (table.Note is not null)
        {
            EnsureRoom(table, 20);
            Paragraph("注：" + table.Note, Font(10.5), indent: false);
        }
    }

    /// <summary>The height <see cref="TableTitle"/> takes.</summary>
    private const double TitleHeight = 18 + 30 + 22;

    private void TableTitle(PrintedTable table, bool continued)
    {
        var label = Font(12, family: CjkFont.Sans);
        Text($"表{table.Number}{(continued ? "（续表）" : string.Empty)}", label, Margin, y);
        y += 18;
        var title = Font(16, bold: true);
        var text = table.Title + (continued ? "（续表）" : string.Empty);
        Text(text, title, (Width - measure.Width(text, title)) / 2, y);
        y += 30;
        var meta = Font(10.5);
        Text($"部门名称：{table.Department}", meta, Margin, y);
        var unit = $"单位：{table.Unit}";
        Text(unit, meta, Width - Margin - measure.Width(unit, meta), y);
        y += 22;
    }

    private void EnsureRoom(PrintedTable table, double height)
    {
        if (y + height > Bottom)
        {
            ContinueTable(table);
        }
    }

    private void ContinueTable(PrintedTable table)
    {
        NewPage(table.Landscape);
        tablePages[table.Id].Add(pdf.PageCount - 1);
        TableTitle(table, continued: true);
    }

    /// <summary>The grid's columns over the page (<see cref="ColumnFit"/>), each figure and code measured in its font.</summary>
    private double[] ColumnWidths(Grid grid) =>
        ColumnFit.Fit(grid, Width - 2 * Margin, c => measure.Width(c.Text, c.Bold ? cellBold : cell) + 2 * Padding + 2);

    /// <summary>
    /// Draws the body rows under the header, continuing on a new page (title and header again) where <see cref="PageStarts"/>
    /// says — never leaving fewer than three rows on a page where the rows allow it. The
    /// cells' borders are ruled once per page: a line above each row and one under the last, and one at each column's edge
    /// from the first row to the last — the same lines as a rectangle per cell, in a tenth of the drawing operations (the
    /// rectangles were the largest part of writing a table; docs/benchmarks.md, issue 16, ninth step).
    /// </summary>
    private void Grid(PrintedTable table, Grid grid)
    {
        var widths = ColumnWidths(grid);
        var right = RightEdge(widths);
        var lineHeight = cell.Size * 1.5;
        var wrapped = grid.Rows.Select(row => row.Select((c, i) => measure.WrapBalanced(c.Text, c.Bold ? cellBold : cell, widths[i] - 2 * Padding - c.Indent * 10)).ToList()).ToList();
        var heights = wrapped.Select(lines => Math.Max(1, lines.Max(l => l.Count)) * lineHeight + 2 * Padding).ToList();
        var header = grid.Header.Count * HeaderRowHeight(grid, widths);
        var fullPage = Bottom - Margin - TitleHeight - header;
        var starts = PageStarts(heights, Bottom - y - header, fullPage);
        if (starts is null)
        {
            // Too few rows would fit under what the page already holds: the grid starts on the next page (as a fresh page:
            // room for no fewer rows than any page has).
            ContinueTable(table);
            starts = PageStarts(heights, fullPage, fullPage)!;
        }

        DrawHeader(grid, widths);
        var top = y;
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var row = grid.Rows[r];
            if (r > 0 && starts.Contains(r))
            {
                RuleColumns(widths, right, top);
                ContinueTable(table);
                DrawHeader(grid, widths);
                top = y;
            }

            var x = Margin;
            gfx.DrawLine(rule, x, y, right, y);
            for (var i = 0; i < row.Count; i++)
            {
                var c = row[i];
                var font = c.Bold ? cellBold : cell;
                var lineTop = y + Padding;
                foreach (var line in wrapped[r][i])
                {
                    var left = c.Value is not null
                        ? x + widths[i] - Padding - measure.Width(line, font)
                        : x + Padding + c.Indent * 10;
                    Text(line, font, left, lineTop - 0.5);
                    lineTop += lineHeight;
                }

                x += widths[i];
            }

            y += heights[r];
        }

        RuleColumns(widths, right, top);
        y += 10;
    }

    /// <summary>
    /// Where each page of a grid's rows begins (row indices, the first 0): as many rows as fit on each page, then rows moved
    /// back from the second-last page until the last holds <see cref="MinimumRowsOnAPage"/> (or all the grid's rows, when it
    /// has fewer), never leaving fewer than that on the page they leave — so a page holds fewer only where the rows are too
    /// tall for more, or too few to fill two pages with three each. Null when fewer than that would fit in
    /// <paramref name="firstRoom"/> (what is left of a page already begun) while the grid runs on: it should start on a new
    /// page; never null for a fresh page (<paramref name="firstRoom"/> ≥ <paramref name="pageRoom"/>).
    /// </summary>
    /// <param name="heights">Each row's height, pt.</param>
    /// <param name="firstRoom">The height left for rows on the current page, under the header, pt.</param>
    /// <param name="pageRoom">The height for rows on a continuation page, under its title and header, pt.</param>
    internal static HashSet<int>? PageStarts(IReadOnlyList<double> heights, double firstRoom, double pageRoom)
    {
        var starts = new List<int> { 0 };
        var room = firstRoom;
        for (var r = 0; r < heights.Count; r++)
        {
            if (heights[r] > room && r > starts[^1])
            {
                starts.Add(r);
                room = pageRoom;
            }

            room -= heights[r];
        }

        var least = Math.Min(MinimumRowsOnAPage, heights.Count);
        if (starts.Count > 1 && starts[1] < least && firstRoom < pageRoom)
        {
            return null;
        }

        if (starts.Count > 1)
        {
            // Move rows from the foot of the page before the last to the last, while the last has too few and room for them.
            var lastRows = heights.Count - starts[^1];
            var lastHeight = heights.Skip(starts[^1]).Sum();
            while (lastRows < least && starts[^1] - starts[^2] > least && lastHeight + heights[starts[^1] - 1] <= pageRoom)
            {
                starts[^1]--;
                lastRows++;
                lastHeight += heights[starts[^1]];
            }
        }

        return [.. starts];
    }

    /// <summary>Where the last column ends: its left edge plus the widths, added in the order the cells are placed.</summary>
    private static double RightEdge(double[] widths)
    {
        var x = Margin;
        foreach (var width in widths)
        {
            x += width;
        }

        return x;
    }

    /// <summary>
    /// The line under the last row drawn (to <paramref name="right"/>, the last column's edge) and the columns' edges from
    /// <paramref name="top"/> down to it.
    /// </summary>
    private void RuleColumns(double[] widths, double right, double top)
    {
        if (y <= top)
        {
            return; // no row on this page
        }

        var x = Margin;
        gfx.DrawLine(rule, x, y, right, y);
        gfx.DrawLine(rule, x, top, x, y);
        foreach (var width in widths)
        {
            x += width;
            gfx.DrawLine(rule, x, top, x, y);
        }
    }

    /// <summary>
    /// Where each header cell sits: its row, first column, left edge and width — a cell beside one spanning rows from above
    /// takes the next free column, as in an HTML table.
    /// </summary>
    private static List<(int Row, int Column, double X, double Width, HeaderCell Cell)> HeaderPlaces(Grid grid, double[] widths)
    {
        var places = new List<(int, int, double, double, HeaderCell)>();
        var occupied = new bool[grid.Header.Count, widths.Length];
        for (var r = 0; r < grid.Header.Count; r++)
        {
            var column = 0;
            foreach (var h in grid.Header[r])
            {
                while (column < widths.Length && occupied[r, column])
                {
                    column++;
                }

                if (column >= widths.Length)
                {
                    break;
                }

                places.Add((r, column, Margin + widths.Take(column).Sum(), widths.Skip(column).Take(h.ColSpan).Sum(), h));
                for (var rr = r; rr < r + h.RowSpan && rr < grid.Header.Count; rr++)
                {
                    for (var cc = column; cc < column + h.ColSpan && cc < widths.Length; cc++)
                    {
                        occupied[rr, cc] = true;
                    }
                }

                column += h.ColSpan;
            }
        }

        return places;
    }

    /// <summary>The height of one header row: enough for the longest wrapped header text (at least two lines).</summary>
    private double HeaderRowHeight(Grid grid, double[] widths)
    {
        var lineHeight = cell.Size * 1.5;
        var lines = 2;
        foreach (var (_, _, _, w, h) in HeaderPlaces(grid, widths))
        {
            lines = Math.Max(lines, (measure.WrapBalanced(h.Text, headerCell, w - 2 * Padding).Count + h.RowSpan - 1) / h.RowSpan);
        }

        return lines * lineHeight + 2 * Padding;
    }

    /// <summary>Draws the header rows with their merged cells: a cell spanning rows or columns is one box, its text centred.</summary>
    private void DrawHeader(Grid grid, double[] widths)
    {
        var rowHeight = HeaderRowHeight(grid, widths);
        foreach (var (r, _, x, w, h) in HeaderPlaces(grid, widths))
        {
            var height = rowHeight * h.RowSpan;
            var top = y + r * rowHeight;
            gfx.DrawRectangle(new XPen(Rule, 0.5), x, top, w, height);
            var lines = measure.WrapBalanced(h.Text, headerCell, w - 2 * Padding);
            var textTop = top + (height - lines.Count * cell.Size * 1.5) / 2;
            foreach (var line in lines)
            {
                Text(line, headerCell, x + (w - measure.Width(line, headerCell)) / 2, textTop - 1);
                textTop += cell.Size * 1.5;
            }
        }

        y += grid.Header.Count * rowHeight;
    }
}
