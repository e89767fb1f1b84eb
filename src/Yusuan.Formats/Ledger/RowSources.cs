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

/// <summary>A CSV ledger's rows; <paramref name="open"/> gives the file's bytes from the start, each time it is called (a file, or bytes in memory).</summary>
internal sealed class CsvRowSource(Func<Stream> open, string displayName) : IRowSource
{
    public IEnumerable<RawRow> Rows(List<InputProblem> problems)
    {
        ParseResult<Encoding> encoding;
        int? badLine;
        using (var detect = open())
        {
            (encoding, badLine) = Text.TextDecoding.DetectWithLine(detect);
        }

        if (!encoding.Success)
        {
            problems.Add(new InputProblem(displayName, badLine, null, encoding.Error!));
            yield break;
        }

        using var reader = new StreamReader(open(), encoding.Value, detectEncodingFromByteOrderMarks: true);
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
            var header = true;
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
                var fields = record.Fields;
                if (fields.Count > 0 && fields[0].Length > 0 && fields[0][0] == '\uFEFF')
                {
                    fields = [fields[0][1..], .. fields.Skip(1)];
                }

                if (header)
                {
                    // Amounts seldom repeat from line to line: not looked up among the texts read before.
                    csv.DoNotShare(Enumerable.Range(0, fields.Count).Where(i => LedgerColumn.IsAmount(fields[i])));
                    header = false;
                }

                yield return new RawRow(record.Line, fields);
            }
        }

        if (csv.UnclosedQuoteLine is int line)
        {
            problems.Add(new InputProblem(displayName, line, null, Messages.UnclosedQuote));
        }

        if (csv.OversizedLine is int oversized)
        {
            problems.Add(new InputProblem(displayName, oversized, null, Messages.RecordTooLong(CsvRecordReader.MaxFieldLength, CsvRecordReader.MaxFields, CsvRecordReader.MaxRecordLength)));
        }
    }
}

/// <summary>
/// Reads the first worksheet of a workbook with the streaming OpenXML reader; numbers are taken as written, never through
/// double. <paramref name="open"/> gives the workbook's bytes as a seekable stream.
/// </summary>
internal sealed class XlsxRowSource(Func<Stream> open, string displayName) : IRowSource
{
    public IEnumerable<RawRow> Rows(List<InputProblem> problems)
    {
        using var stream = open();
        if (Text.ZipLimits.Refuse(stream) is { } bomb)
        {
            problems.Add(new InputProblem(displayName, null, null, Messages.ZipTooLarge(bomb)));
            yield break;
        }

        stream.Position = 0;
        SpreadsheetDocument document;
        WorksheetPart? part;
        string[] shared;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            part = workbook is not null && sheet?.Id?.Value is string id ? workbook.GetPartById(id) as WorksheetPart : null;
            shared = workbook?.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        }
        catch (System.Xml.XmlException e)
        {
            problems.Add(new InputProblem(displayName, null, null, Messages.XmlRefused(e.Message)));
            yield break;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The OpenXML SDK reads untrusted bytes; whatever it throws on a damaged package means: not a usable workbook.
            problems.Add(new InputProblem(displayName, null, null, Messages.NotAWorkbook(e.Message)));
            yield break;
        }

        using (document)
        {
            if (part is null)
            {
                problems.Add(new InputProblem(displayName, null, null, Messages.WorkbookHasNoSheet));
                yield break;
            }

            OpenXmlReader? reader = null;
            try
            {
                while (true)
                {
                    (RawRow Row, bool TooLarge)? read;
                    try
                    {
                        reader ??= OpenXmlReader.Create(part);
                        read = NextRow(reader) is { } next ? Fields(next, shared) : null;
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // The OpenXML SDK reads untrusted XML: a DTD, broken markup or an attribute it cannot parse all land here.
                        problems.Add(new InputProblem(displayName, null, null, Messages.XmlRefused(e.Message)));
                        yield break;
                    }

                    if (read is null)
                    {
                        break;
                    }

                    var (row, tooLarge) = read.Value;

                    if (tooLarge)
                    {
                        problems.Add(new InputProblem(displayName, row.Number, null, Messages.RecordTooLarge(Core.Text.CsvRecordReader.MaxFieldLength, MaxColumns)));
                        yield break;
                    }

                    if (row.Fields.Count > 0)
                    {
                        yield return row;
                    }
                }
            }
            finally
            {
                reader?.Dispose();
            }
        }
    }

    /// <summary>A row's cells as text, in their columns; or, for a cell too long or beyond the last column, the row marked too large.</summary>
    private static (RawRow Row, bool TooLarge) Fields(Row row, string[] shared)
    {
        var number = (int)Math.Min(row.RowIndex?.Value ?? 0, int.MaxValue);
        var fields = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnIndex(cell.CellReference?.Value) ?? fields.Count;
            var text = CellText(cell, shared);
            if (column >= MaxColumns || text.Length > Core.Text.CsvRecordReader.MaxFieldLength)
            {
                return (new RawRow(number, []), true);
            }

            while (fields.Count < column)
            {
                fields.Add(string.Empty);
            }

            fields.Add(text);
        }

        while (fields.Count > 0 && fields[^1].Length == 0)
        {
            fields.RemoveAt(fields.Count - 1);
        }

        return (new RawRow(number, fields), false);
    }

    /// <summary>Columns beyond this (the last column of Excel is XFD, 16,384) do not belong to a ledger.</summary>
    private const int MaxColumns = 16_384;

    private static Row? NextRow(OpenXmlReader reader)
    {
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                return (Row)reader.LoadCurrentElement()!;
            }
        }

        return null;
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
            if (c is < 'A' or > 'Z' || index > MaxColumns)
            {
                break;
            }

            index = index * 26 + (c - 'A' + 1);
        }

        return index - 1;
    }
}
