using System.Text;
using Yusuan.Core.Text;

namespace Yusuan.Core.Tests.Text;

/// <summary>
/// The first CSV reader, one character at a time: kept as the oracle the fast reader is compared with (CsvRecordReaderTests).
/// RFC 4180 records from a stream of text: quoted fields may hold commas, quotes ("") and line breaks.
/// Lines starting with '#' before the header are comments (the catalogue files carry their edition there).
/// Reports an unclosed quote instead of throwing.
/// </summary>
internal sealed class ReferenceCsvReader(TextReader reader)
{
    private int line = 1;

    /// <summary>No ledger, catalogue or actuals file has a cell this long; a longer one is a broken or hostile file.</summary>
    public const int MaxFieldLength = 65_536;

    /// <summary>No file Yusuan reads has this many columns.</summary>
    public const int MaxFields = 1_024;

    /// <summary>The line of an unclosed quote, when reading stopped because of one.</summary>
    public int? UnclosedQuoteLine { get; private set; }

    /// <summary>The line of a record with a cell over <see cref="MaxFieldLength"/> or more than <see cref="MaxFields"/> cells, when reading stopped because of one.</summary>
    public int? OversizedLine { get; private set; }

    public IEnumerable<CsvRecord> Read(bool skipLeadingComments = false)
    {
        var leading = skipLeadingComments;
        while (true)
        {
            var startLine = line;
            var record = ReadRecord();
            if (record is null)
            {
                yield break;
            }

            if (leading && record.Count > 0 && record[0].StartsWith('#'))
            {
                continue;
            }

            leading = false;
            if (record.Count == 1 && record[0].Length == 0)
            {
                continue; // blank line
            }

            if (OversizedLine is not null)
            {
                yield break;
            }

            yield return new CsvRecord(startLine, record);
            if (UnclosedQuoteLine is not null)
            {
                yield break;
            }
        }
    }

    private List<string>? ReadRecord()
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var any = false;
        var startLine = line;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (!any)
                {
                    return null;
                }

                if (inQuotes)
                {
                    UnclosedQuoteLine = startLine;
                }

                fields.Add(field.ToString());
                return fields;
            }

            any = true;
            if (field.Length >= MaxFieldLength || fields.Count >= MaxFields)
            {
                // Stop before memory follows the file: what was read so far is dropped with the record.
                OversizedLine = startLine;
                return fields;
            }

            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    line++;
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append(ch);
                    break;
            }
        }
    }
}
