namespace Yusuan.Core.Text;

/// <summary>One CSV record with the physical line it started on (1-based).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// RFC 4180 records from a stream of text: quoted fields may hold commas, quotes ("") and line breaks.
/// Lines starting with '#' before the header are comments (the catalogue files carry their edition there).
/// Reports an unclosed quote instead of throwing.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
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

    // The text is read in blocks; a field is copied into `field` a run of characters at a time (runs found with a vectorised
    // search), so no character goes through a virtual call of its own.
    private static readonly System.Buffers.SearchValues<char> Plain = System.Buffers.SearchValues.Create(",\"\r\n");
    private readonly char[] buffer = new char[1 << 16];
    private int position;
    private int length;
    private char[] field = new char[256];
    private int fieldLength;

    // The text each column held in the record before: a ledger repeats its agency, year, kind and fund row after row, so an
    // equal field reuses that string instead of making another.
    private readonly List<string> previous = [];

    private string Field(int column)
    {
        var text = field.AsSpan(0, fieldLength);
        if (column < previous.Count && previous[column].AsSpan().SequenceEqual(text))
        {
            return previous[column];
        }

        var made = new string(text);
        if (column < previous.Count)
        {
            previous[column] = made;
        }
        else if (column == previous.Count)
        {
            previous.Add(made);
        }

        return made;
    }

    private bool Fill()
    {
        if (position < length)
        {
            return true;
        }

        length = reader.Read(buffer, 0, buffer.Length);
        position = 0;
        return length > 0;
    }

    /// <summary>
    /// Appends a run of characters to the field; false (and the record marked oversized) when the field would pass
    /// <see cref="MaxFieldLength"/>.
    /// </summary>
    private bool Append(ReadOnlySpan<char> run, int recordLine)
    {
        if (fieldLength + run.Length > MaxFieldLength)
        {
            OversizedLine = recordLine;
            return false;
        }

        if (fieldLength + run.Length > field.Length)
        {
            Array.Resize(ref field, Math.Max(field.Length * 2, fieldLength + run.Length));
        }

        run.CopyTo(field.AsSpan(fieldLength));
        fieldLength += run.Length;
        return true;
    }

    private List<string>? ReadRecord()
    {
        // As wide as the record before: rows of a file have the same width, so the list is made once at its size.
        var fields = new List<string>(Math.Max(previous.Count, 4));
        fieldLength = 0;
        var inQuotes = false;
        var any = false;
        var startLine = line;
        while (true)
        {
            if (!Fill())
            {
                if (!any)
                {
                    return null;
                }

                if (inQuotes)
                {
                    UnclosedQuoteLine = startLine;
                }

                fields.Add(Field(fields.Count));
                return fields;
            }

            any = true;
            if (fields.Count >= MaxFields)
            {
                // Stop before memory follows the file: what was read so far is dropped with the record.
                OversizedLine = startLine;
                return fields;
            }

            var rest = buffer.AsSpan(position, length - position);
            if (inQuotes)
            {
                var quote = rest.IndexOf('"');
                var run = quote < 0 ? rest : rest[..quote];
                line += run.Count('\n');
                if (!Append(run, startLine))
                {
                    return fields;
                }

                position += run.Length;
                if (quote < 0)
                {
                    continue;
                }

                position++; // the quote
                if (!Fill() || buffer[position] != '"')
                {
                    inQuotes = false;
                    continue;
                }

                position++; // "" is one quote
                if (!Append("\"", startLine))
                {
                    return fields;
                }

                continue;
            }

            var stop = rest.IndexOfAny(Plain);
            var plain = stop < 0 ? rest : rest[..stop];
            if (!Append(plain, startLine))
            {
                return fields;
            }

            position += plain.Length;
            if (stop < 0)
            {
                continue;
            }

            var ch = buffer[position++];
            switch (ch)
            {
                case '"' when fieldLength == 0:
                    inQuotes = true;
                    break;
                case '"':
                    if (!Append("\"", startLine))
                    {
                        return fields;
                    }

                    break;
                case ',':
                    fields.Add(Field(fields.Count));
                    fieldLength = 0;
                    break;
                case '\r':
                    break;
                default: // '\n'
                    line++;
                    fields.Add(Field(fields.Count));
                    return fields;
            }
        }
    }
}
