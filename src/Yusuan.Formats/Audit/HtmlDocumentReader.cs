using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Yusuan.Formats.Audit;

/// <summary>
/// Reads a published HTML page: each table row a line with its cells (a cell spanning columns keeps its place), every other
/// block of text (headings, paragraphs, list items) a line of one cell. Scripts and styles are dropped; entities decoded.
/// Each table is also read as a grid of cells with its colspan and rowspan, through the reader of ruled pages
/// (<see cref="Layout.PdfTableReader"/>), with the lines printed just above it as its heading.
/// </summary>
public static partial class HtmlDocumentReader
{
    // A page is untrusted text: the patterns that scan it run on the non-backtracking engine, in time linear in its length
    // (100 KB of unclosed "<head " took 18 s on the backtracking engine, each start scanning to the end).
    private static readonly Regex HiddenPattern = new(@"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<head\b.*?</head\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking);

    private static Regex Hidden() => HiddenPattern;

    private static readonly Regex TableRowPattern = new(@"<tr\b[^>]*>(.*?)</tr\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking);

    private static Regex TableRow() => TableRowPattern;

    private static readonly Regex TableCellPattern = new(@"<t[hd]\b([^>]*)>(.*?)</t[hd]\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking);

    private static Regex TableCell() => TableCellPattern;

    [GeneratedRegex(@"colspan\s*=\s*[""']?(\d{1,3})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex ColSpan();

    [GeneratedRegex(@"rowspan\s*=\s*[""']?(\d{1,3})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex RowSpan();

    [GeneratedRegex(@"<table\b", RegexOptions.IgnoreCase)]
    private static partial Regex TableStart();

    private static readonly Regex BlockPattern = new(@"<(?:/?(?:p|div|h[1-6]|li|br|caption|section|table|tr)\b)[^>]*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking);

    private static Regex Block() => BlockPattern;

    private static readonly Regex TagPattern = new("<[^>]+>", RegexOptions.NonBacktracking);

    private static Regex Tag() => TagPattern;

    public static SourceDocument Read(string path)
    {
        var name = Path.GetFileName(path);
        var (encoding, badLine) = Text.TextDecoding.DetectWithLine(path);
        if (!encoding.Success)
        {
            return new SourceDocument(name, [], $"{encoding.Error}（第 {badLine} 行）");
        }

        // \u0001 marks where a table row stands in for its text below; the document's own control characters must not.
        var html = Hidden().Replace(File.ReadAllText(path, encoding.Value).Replace('\u0001', ' '), " ");

        // Table rows become lines of cells; a marker keeps their place among the text blocks. A row belongs to the table whose
        // <table> tag came last before it.
        var tableStarts = TableStart().Matches(html).Select(m => m.Index).ToList();
        var rows = new List<List<string>>();
        var spans = new List<List<(int Rows, int Columns)>>();
        var rowTable = new List<int>();
        html = TableRow().Replace(html, m =>
        {
            var cells = new List<string>();
            var cellSpans = new List<(int, int)>();
            foreach (Match cell in TableCell().Matches(m.Groups[1].Value))
            {
                cells.Add(Clean(cell.Groups[2].Value));
                var span = ColSpan().Match(cell.Groups[1].Value) is { Success: true } s ? int.Parse(s.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                var down = RowSpan().Match(cell.Groups[1].Value) is { Success: true } d ? int.Parse(d.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                cellSpans.Add((Math.Clamp(down, 1, 50), Math.Clamp(span, 1, 50)));
                for (var i = 1; i < Math.Min(span, 50); i++)
                {
                    cells.Add(string.Empty);
                }
            }

            rows.Add(cells);
            spans.Add(cellSpans);
            rowTable.Add(tableStarts.BinarySearch(m.Index) is var at && at < 0 ? ~at : at);
            return $"\n\u0001{rows.Count - 1}\n";
        });
        // A list item reads as one entry of a list ("- …"), as the 目录 is printed in text exports.
        html = Regex.Replace(html, @"<li\b[^>]*>", "\n- ", RegexOptions.IgnoreCase);
        var lines = new List<SourceLine>();
        var tables = new Layout.PdfTableReader.Collector();
        var table = new List<int>();
        var above = new List<string>();
        var heading = new List<string>();
        void Flush()
        {
            if (table.Count > 0 && Layout.PdfTableReader.Collector.Fits(table.Count, table.Max(i => rows[i].Count)))
            {
                var (grid, merges) = Grid(table.Select(i => (rows[i], spans[i])).ToList());
                tables.Add(1, grid, merges, heading);
            }

            table.Clear();
        }

        var number = 0;
        foreach (var block in Block().Replace(html, "\n").Split('\n'))
        {
            var text = block.Trim();
            if (text.StartsWith('\u0001') && int.TryParse(text[1..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < rows.Count)
            {
                if (table.Count > 0 && rowTable[table[^1]] != rowTable[index])
                {
                    Flush();
                }

                if (table.Count == 0)
                {
                    heading = [.. above];
                    above.Clear();
                }

                table.Add(index);
                lines.Add(new SourceLine(1, ++number, rows[index]));
                continue;
            }

            var clean = Clean(text);
            if (clean.Length > 0)
            {
                var under = table.Count > 0;
                Flush();
                if (under)
                {
                    tables.LineUnder(clean);
                }

                above.Add(clean);
                if (above.Count > 5)
                {
                    above.RemoveAt(0);
                }

                lines.Add(new SourceLine(1, ++number, [clean]));
            }
        }

        Flush();
        return lines.Count == 0 ? new SourceDocument(name, [], "网页没有文字内容") : new SourceDocument(name, lines, null) { Tables = tables.Tables() };
    }

    /// <summary>The cells of a table's rows placed in a grid: a cell spanning rows (rowspan) pushes the cells below it right.</summary>
    private static (List<IReadOnlyList<string>> Grid, List<(int Row, int Column, int Rows, int Columns)> Merges) Grid(List<(List<string> Cells, List<(int Rows, int Columns)> Spans)> rows)
    {
        var grid = rows.Select(_ => new List<string>()).ToList();
        var taken = new HashSet<(int, int)>();
        var merges = new List<(int, int, int, int)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var column = 0;
            var text = 0;
            foreach (var (height, width) in rows[r].Spans)
            {
                while (taken.Contains((r, column)))
                {
                    column++;
                }

                var value = rows[r].Cells[text];
                text += width;
                for (var dr = 0; dr < height && r + dr < rows.Count; dr++)
                {
                    for (var dc = 0; dc < width; dc++)
                    {
                        taken.Add((r + dr, column + dc));
                        var line = grid[r + dr];
                        while (line.Count <= column + dc)
                        {
                            line.Add(string.Empty);
                        }

                        line[column + dc] = dr == 0 && dc == 0 ? value : string.Empty;
                    }
                }

                if (height > 1 || width > 1)
                {
                    merges.Add((r, column, Math.Min(height, rows.Count - r), width));
                }

                column += width;
            }
        }

        return (grid.Select(l => (IReadOnlyList<string>)l).ToList(), merges);
    }

    private static string Clean(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), @"\s+", " ").Trim();
}
