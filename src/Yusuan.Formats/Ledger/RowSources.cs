using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Yusuan.Core;
using Yusuan.Core.Findings;
using Yusuan.Core.Text;

namespace Yusuan.Formats.Ledger;

/// <summary>One row of a tabular file as text, with its row number as a spreadsheet shows it (header = 1).</summary>
public sealed record RawRow(int Number, IReadOnlyList<string> Fields);

/// <summary>The rows of a ledger file, header first. Structural faults (bad encoding, not a workbook) are problems, not exceptions.</summary>
internal interface IRowSource
{
    IEnumerable<RawRow> Rows(List<InputProblem> problems);
}

internal sealed class CsvRowSource(string path, string displayName) : IRowSource
{
    public IEnumerable<RawRow> Rows(List<InputProblem> problems)
    {
        var (encoding, badLine) = Text.TextDecoding.DetectWithLine(path);
        if (!encoding.Success)
        {
            problems.Add(new InputProblem(displayName, badLine, null, encoding.Error!));
            yield break;
        }

        using var reader = new StreamReader(path, encoding.Value, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(reader);
        IEnumerator<CsvRecord> records;
        try
        {
            records = csv.Read().GetEnumerator();
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new InputProblem(displayName, null, null, Messages.NotUtf8OrGb18030));
            yield break;
        }

        using (records)
        {
            while (true)
            {
                bool more;
                try
                {
                    more = records.MoveNext();
                }
                catch (DecoderFallbackException)
                {
                    problems.Add(new InputProblem(displayName, null, null, Messages.NotUtf8OrGb18030));
                    yield break;
                }

                if (!more)
                {
                    break;
                }

                var record = records.Current;
                var fields = record.Fields.ToList();
                if (fields.Count > 0 && fields[0].Length > 0 && fields[0][0] == '\uFEFF')
                {
                    fields[0] = fields[0][1..];
                }

                yield return new RawRow(record.Line, fields);
            }
        }

        if (csv.UnclosedQuoteLine is int line)
        {
            problems.Add(new InputProblem(displayName, line, null, Messages.UnclosedQuote));
        }
    }
}

/// <summary>Reads the first worksheet of a workbook with the streaming OpenXML reader; numbers are taken as written, never through double.</summary>
internal sealed class XlsxRowSource(string path, string displayName) : IRowSource
{
    public IEnumerable<RawRow> Rows(List<InputProblem> problems)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or ArgumentException)
        {
            problems.Add(new InputProblem(displayName, null, null, Messages.NotAWorkbook(e.Message)));
            yield break;
        }

        using (document)
        {
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not string id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                problems.Add(new InputProblem(displayName, null, null, Messages.WorkbookHasNoSheet));
                yield break;
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                var row = (Row)reader.LoadCurrentElement()!;
                var number = (int)(row.RowIndex?.Value ?? 0);
                var fields = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? fields.Count;
                    while (fields.Count < column)
                    {
                        fields.Add(string.Empty);
                    }

                    fields.Add(CellText(cell, shared));
                }

                while (fields.Count > 0 && fields[^1].Length == 0)
                {
                    fields.RemoveAt(fields.Count - 1);
                }

                if (fields.Count > 0)
                {
                    yield return new RawRow(number, fields);
                }
            }
        }
    }

    private static string CellText(Cell cell, string[] shared)
    {
        var text = cell.CellValue?.Text ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(text, out var i) && i >= 0 && i < shared.Length ? shared[i] : string.Empty;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        return text;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = index * 26 + (c - 'A' + 1);
        }

        return index - 1;
    }
}
