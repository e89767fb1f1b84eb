using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Yusuan.Formats.Audit;

/// <summary>
/// Reads a published Word document: each paragraph a line, each table row a line with its cells; and each table as a grid of
/// cells with its merged cells (w:gridSpan across, w:vMerge down) through the reader of ruled pages
/// (<see cref="Layout.PdfTableReader"/>), headed by the paragraphs just above it and noted by the one just below. A Word
/// document has no fixed pages: everything is page 1, and the table titles tell where the text ends.
/// </summary>
public static class DocxDocumentReader
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
            using var document = WordprocessingDocument.Open(path, false);
            if (document.MainDocumentPart?.Document?.Body is not { } body)
            {
                return new SourceDocument(name, [], "Word 文档没有正文");
            }

            var lines = new List<SourceLine>();
            var tables = new Layout.PdfTableReader.Collector();
            var above = new List<string>();
            var afterTable = false;
            foreach (var element in body.ChildElements)
            {
                if (element is Table table)
                {
                    var (rows, merges) = Grid(table);
                    lines.AddRange(rows.Select(r => new SourceLine(1, lines.Count + 1, r)));
                    if (rows.Count > 0 && Layout.PdfTableReader.Collector.Fits(rows.Count, rows.Max(r => r.Count)))
                    {
                        tables.Add(1, rows, merges, [.. above]);
                    }

                    above.Clear();
                    afterTable = true;
                    continue;
                }

                var text = string.Concat(element.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text)).Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                if (afterTable)
                {
                    tables.LineUnder(text);
                }

                afterTable = false;
                above.Add(text);
                if (above.Count > 5)
                {
                    above.RemoveAt(0);
                }

                lines.Add(new SourceLine(1, lines.Count + 1, [text]));
            }

            return lines.All(l => l.IsBlank) ? new SourceDocument(name, [], "Word 文档没有文字内容") : new SourceDocument(name, lines, null) { Tables = tables.Tables() };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new SourceDocument(name, [], "不是有效的 DOCX 文档：" + e.Message);
        }
    }

    /// <summary>
    /// A table's cells by row and grid column (a cell spanning columns keeps its place, the columns it covers blank) and its
    /// merged cells: across by w:gridSpan, down from a w:vMerge restart over the w:vMerge continue cells below it.
    /// </summary>
    private static (List<IReadOnlyList<string>> Rows, List<(int Row, int Column, int Rows, int Columns)> Merges) Grid(Table table)
    {
        var rows = new List<IReadOnlyList<string>>();
        var merges = new Dictionary<(int Row, int Column), (int Rows, int Columns)>();
        var open = new Dictionary<int, (int Row, int Column)>();
        foreach (var row in table.Elements<TableRow>())
        {
            var r = rows.Count;
            var cells = new List<string>();
            foreach (var cell in row.Elements<TableCell>())
            {
                var column = cells.Count;
                var span = Math.Clamp(cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1, 1, 64);
                var merge = cell.TableCellProperties?.VerticalMerge;
                var text = string.Join("\n", cell.Elements<Paragraph>().Select(p => string.Concat(p.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text)).Trim()).Where(t => t.Length > 0));
                if (merge is not null && merge.Val?.Value != MergedCellValues.Restart && open.TryGetValue(column, out var start))
                {
                    // A continue cell: the cell that started the merge above grows by this row.
                    merges[start] = (r - start.Row + 1, merges[start].Columns);
                    text = string.Empty;
                }
                else
                {
                    open.Remove(column);
                    if (merge?.Val?.Value == MergedCellValues.Restart || span > 1)
                    {
                        merges[(r, column)] = (1, span);
                        if (merge?.Val?.Value == MergedCellValues.Restart)
                        {
                            open[column] = (r, column);
                        }
                    }
                }

                cells.Add(text);
                cells.AddRange(Enumerable.Repeat(string.Empty, span - 1));
            }

            rows.Add(cells);
        }

        return (rows, merges.Select(m => (m.Key.Row, m.Key.Column, m.Value.Rows, m.Value.Columns)).ToList());
    }
}
