using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Yusuan.Formats.Audit;

/// <summary>
/// Reads a published workbook: every sheet in order (a sheet counts as a page), each row a line, each cell in its column so
/// blank cells keep their place; and the tables of each sheet as grids of cells with their merged cells, read like a ruled
/// page (<see cref="Layout.PdfTableReader"/>). Numbers are taken as written in the file, never through a double. A cell
/// reference beyond column XFD is refused with its sheet and row.
/// </summary>
public static class XlsxDocumentReader
{
    public static SourceDocument Read(string path)
    {
        var name = Path.GetFileName(path);
        if (Formats.Text.ZipLimits.Refuse(path, Formats.Text.ZipLimits.MaxPublished) is { } bomb)
        {
            return new SourceDocument(name, [], Core.Messages.ZipTooLarge(bomb));
        }

        try
        {
            using var document = SpreadsheetDocument.Open(path, false);
            var book = document.WorkbookPart;
            if (book?.Workbook.Sheets is null)
            {
                return new SourceDocument(name, [], "工作簿中没有工作表");
            }

            var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var lines = new List<SourceLine>();
            var tables = new Layout.PdfTableReader.Collector();
            var page = 0;
            foreach (var sheet in book.Workbook.Sheets.Elements<Sheet>())
            {
                page++;
                if (sheet.Id?.Value is not string id || book.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                var rows = new List<(int Index, List<string> Cells)>();
                var merges = new List<(int Row, int Column, int Rows, int Columns)>();
                using var reader = OpenXmlReader.Create(part);
                while (reader.Read())
                {
                    if (reader.ElementType == typeof(MergeCell) && reader.IsStartElement && Range(((MergeCell)reader.LoadCurrentElement()!).Reference?.Value) is { } merged)
                    {
                        merges.Add(merged);
                        continue;
                    }

                    if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                    {
                        continue;
                    }

                    var row = (Row)reader.LoadCurrentElement()!;
                    var index = (int)(row.RowIndex?.Value ?? (uint)rows.Count + 1);
                    var cells = new List<string>();
                    foreach (var cell in row.Elements<Cell>())
                    {
                        var column = Column(cell.CellReference?.Value) ?? cells.Count;
                        if (column >= MaxColumns)
                        {
                            return new SourceDocument(name, [], $"工作表“{sheet.Name?.Value}”第 {index} 行：单元格引用“{cell.CellReference?.Value}”超出 XLSX 的列数上限（XFD 列）");
                        }

                        while (cells.Count < column)
                        {
                            cells.Add(string.Empty);
                        }

                        cells.Add(Text(cell, shared));
                    }

                    rows.Add((index, cells));
                    lines.Add(new SourceLine(page, index, cells));
                }

                AddTables(tables, page, rows, merges);
            }

            return lines.All(l => l.IsBlank) ? new SourceDocument(name, [], "工作簿没有内容") : new SourceDocument(name, lines, null) { Tables = tables.Tables() };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new SourceDocument(name, [], "不是有效的 XLSX 工作簿：" + e.Message);
        }
    }

    private static string Text(Cell cell, string[] shared)
    {
        var text = cell.CellValue?.Text ?? string.Empty;
        return cell.DataType?.Value == CellValues.SharedString
            ? int.TryParse(text, out var i) && i >= 0 && i < shared.Length ? shared[i] : string.Empty
            : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty : text.Trim();
    }

    /// <summary>Excel's last column is XFD, the 16,384th.</summary>
    private const int MaxColumns = 16_384;

    /// <summary>
    /// The tables of one sheet: blocks of rows without a blank row between them, each read as a grid with the sheet's merged
    /// cells (a title merged across the table, 本年收入 over its sources), so several tables on one sheet stay apart.
    /// </summary>
    private static void AddTables(Layout.PdfTableReader.Collector tables, int page, List<(int Index, List<string> Cells)> rows, List<(int Row, int Column, int Rows, int Columns)> merges)
    {
        var block = new List<(int Index, List<string> Cells)>();
        var added = false;
        void Flush()
        {
            // A row of one cell under a table of this sheet (注：本表本年无发生额。) is that table's note, as under a printed one.
            if (added && block.Count == 1 && block[0].Cells.Count(c => c.Trim().Length > 0) == 1 && tables.LineUnder(block[0].Cells.First(c => c.Trim().Length > 0).Trim()))
            {
                block.Clear();
                return;
            }

            if (block.Count > 0 && Layout.PdfTableReader.Collector.Fits(block.Count, block.Max(r => r.Cells.Count)))
            {
                // The rows of a block are consecutive: a gap in the row numbers ends a block.
                var first = block[0].Index;
                var last = block[^1].Index;
                var grid = block.Select(r => (IReadOnlyList<string>)r.Cells).ToList();
                var inside = merges.Where(m => m.Row + 1 >= first && m.Row + 1 <= last)
                    .Select(m => (m.Row + 1 - first, m.Column, Math.Min(m.Rows, last - m.Row), m.Columns));
                tables.Add(page, grid, inside);
                added = true;
            }

            block.Clear();
        }

        foreach (var row in rows)
        {
            if (row.Cells.All(c => c.Trim().Length == 0) || block.Count > 0 && row.Index > block[^1].Index + 1)
            {
                Flush();
            }

            if (row.Cells.Any(c => c.Trim().Length > 0))
            {
                block.Add(row);
            }
        }

        Flush();
    }

    /// <summary>A merged range (A1:F1) as the 0-based row and column of its top-left cell and the rows and columns it spans.</summary>
    private static (int Row, int Column, int Rows, int Columns)? Range(string? reference)
    {
        var parts = reference?.Split(':');
        if (parts is not { Length: 2 } || Column(parts[0]) is not { } c1 || Column(parts[1]) is not { } c2 || RowOf(parts[0]) is not { } r1 || RowOf(parts[1]) is not { } r2
            || c2 < c1 || r2 < r1 || c2 >= MaxColumns)
        {
            return null;
        }

        return (r1 - 1, c1, r2 - r1 + 1, c2 - c1 + 1);
    }

    private static int? RowOf(string reference) =>
        int.TryParse(reference.SkipWhile(char.IsAsciiLetterUpper).ToArray(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row) && row > 0 ? row : null;

    private static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            // Bounded: a reference past XFD is refused by the caller, and no longer one overflows.
            index = Math.Min(index * 26 + (c - 'A' + 1), MaxColumns + 1);
        }

        return index - 1;
    }
}
