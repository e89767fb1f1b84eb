using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Yusuan.Formats.Audit;

/// <summary>
/// Reads a published workbook: every sheet in order (a sheet counts as a page), each row a line, each cell in its column so
/// blank cells keep their place. Numbers are taken as written in the file, never through a double.
/// </summary>
public static class XlsxDocumentReader
{
    public static SourceDocument Read(string path)
    {
        var name = Path.GetFileName(path);
        if (Formats.Text.ZipLimits.Refuse(path) is { } bomb)
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
            var page = 0;
            foreach (var sheet in book.Workbook.Sheets.Elements<Sheet>())
            {
                page++;
                if (sheet.Id?.Value is not string id || book.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                using var reader = OpenXmlReader.Create(part);
                while (reader.Read())
                {
                    if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                    {
                        continue;
                    }

                    var row = (Row)reader.LoadCurrentElement()!;
                    var cells = new List<string>();
                    foreach (var cell in row.Elements<Cell>())
                    {
                        var column = Column(cell.CellReference?.Value) ?? cells.Count;
                        while (cells.Count < column)
                        {
                            cells.Add(string.Empty);
                        }

                        cells.Add(Text(cell, shared));
                    }

                    lines.Add(new SourceLine(page, (int)(row.RowIndex?.Value ?? (uint)lines.Count + 1), cells));
                }
            }

            return lines.All(l => l.IsBlank) ? new SourceDocument(name, [], "工作簿没有内容") : new SourceDocument(name, lines, null);
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

    private static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            index = index * 26 + (c - 'A' + 1);
        }

        return index - 1;
    }
}
