using nietras.SeparatedValues;

namespace Yusuan.Core.Text;

/// <summary>One CSV record with the physical line it started on (1-based).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// RFC 4180 records from a stream of text, read by Sep (nietras/Sep, MIT): quoted fields may hold commas, quotes ("") and line
/// breaks; \r\n, \n and a lone \r end a line. Lines starting with '#' before the header are comments (the catalogue files carry
/// their edition there). An unclosed quote, a cell over <see cref="MaxFieldLength"/> characters, a record of more than
/// <see cref="MaxFields"/> cells or <see cref="MaxRecordLength"/> characters are reported (<see cref="UnclosedQuoteLine"/>,
/// <see cref="OversizedLine"/>) and end the reading, never an exception; no more than about <see cref="MaxRecordLength"/>
/// characters are ever held for one record, however the file is made (<see cref="RecordLimit"/>).
/// <para>
/// Sep pairs quotes wherever they stand: a stray quote inside an unquoted cell (<c>27"显示器</c>) opens quoted text, as in
/// Sep's and Excel's reading; left unclosed it is reported with the line of its record. The first reader, kept in the tests,
/// read such a quote as a character and a lone \r as nothing; the two agree on every file quoted as RFC 4180 says
/// (CsvRecordReaderTests).
/// </para>
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    /// <summary>No ledger, catalogue or actuals file has a cell this long; a longer one is a broken or hostile file.</summary>
    public const int MaxFieldLength = 65_536;

    /// <summary>No file Yusuan reads has this many columns.</summary>
    public const int MaxFields = 1_024;

    /// <summary>
    /// No record of a file Yusuan reads is this long (a ledger's line is a few hundred characters); reading stops at a longer
    /// one, so that no more than this is ever held for one record, whatever the file.
    /// </summary>
    public const int MaxRecordLength = 1 << 20;

    /// <summary>The line of an unclosed quote, when reading stopped because of one.</summary>
    public int? UnclosedQuoteLine { get; private set; }

    /// <summary>The line of a record with a cell over <see cref="MaxFieldLength"/> or more than <see cref="MaxFields"/> cells, when reading stopped because of one.</summary>
    public int? OversizedLine { get; private set; }

    // The text each column held in the record before: a ledger repeats its agency, year, kind and fund row after row, so an
    // equal field reuses that string instead of making another.
    private readonly List<string> previous = [];

    // Texts met before in any column, in a fixed number of slots chosen by a hash of the text, each slot holding the last
    // text that fell in it: a ledger's function and economic codes, projects and names come back row after row out of order,
    // so an equal field mostly reuses a string made before — less garbage, and equal codes that compare by reference. A
    // miss only replaces the slot: the memory is bounded, and a file made to collide gains nothing but misses.
    private readonly string?[] seen = new string?[SeenSlots];

    private const int SeenSlots = 4_096;

    /// <summary>Longer fields are not kept in <see cref="seen"/>: codes and names are short, and free text seldom repeats.</summary>
    private const int SeenLength = 64;

    // Columns whose fields are strings of their own, never reused (DoNotShare).
    private bool[] unshared = [];

    // The line the next row begins on: the line after the last row's last (Sep's LineNumberToExcl). Sep's own LineNumberFrom
    // is one too high for the first row of a file read without a header (Sep 0.17.1).
    private int nextLine = 1;

    public IEnumerable<CsvRecord> Read(bool skipLeadingComments = false)
    {
        var guard = new RecordLimit(reader);
        using var sep = Sep.Reader(o => o with { Sep = new Sep(','), HasHeader = false, DisableColCountCheck = true, Unescape = true }).From(guard);
        var leading = skipLeadingComments;
        CsvRecord? held = null;
        while (Next(sep) is { } fields)
        {
            // A record is handed over once the next one is read: the last one Sep gives may be the part of a record the guard
            // cut off, or the rest of the file after an unclosed quote.
            if (held is not null)
            {
                yield return held;
                held = null;
            }

            if (OversizedLine is not null)
            {
                yield break;
            }

            if (leading && fields.Fields[0].StartsWith('#'))
            {
                continue;
            }

            leading = false;
            if (fields.Fields.Count == 1 && fields.Fields[0].Length == 0)
            {
                continue; // blank line
            }

            held = fields;
        }

        if (guard.Cut)
        {
            OversizedLine = held?.Line ?? guard.Line;
            yield break;
        }

        if (guard.InQuotes)
        {
            UnclosedQuoteLine = held?.Line ?? guard.Line;
        }

        if (held is not null)
        {
            yield return held;
        }
    }

    /// <summary>Sep's next row as a record; null at the end. A row over the limits is noted in <see cref="OversizedLine"/>.</summary>
    private CsvRecord? Next(SepReader sep)
    {
        if (!sep.MoveNext())
        {
            return null;
        }

        var row = sep.Current;
        var line = nextLine;
        nextLine = row.LineNumberToExcl;
        if (row.ColCount > MaxFields)
        {
            OversizedLine = line;
            return new CsvRecord(line, [string.Empty]);
        }

        var fields = new List<string>(row.ColCount);
        for (var c = 0; c < row.ColCount; c++)
        {
            var text = row[c].Span;
            if (text.Length > MaxFieldLength)
            {
                OversizedLine = line;
                return new CsvRecord(line, [string.Empty]);
            }

            fields.Add(Field(c, text));
        }

        return new CsvRecord(line, fields);
    }

    /// <summary>
    /// Columns whose texts seldom repeat (a ledger's amounts): each of their fields is made a string of its own, not looked up
    /// among the texts met before — where, taking a slot, it would only push out a code or a name that does repeat. Reading
    /// the city's ledger, amounts looked up took about a tenth of the reader's time.
    /// </summary>
    public void DoNotShare(IEnumerable<int> columns)
    {
        foreach (var column in columns)
        {
            if (column >= unshared.Length)
            {
                Array.Resize(ref unshared, column + 1);
            }

            unshared[column] = true;
        }
    }

    private string Field(int column, ReadOnlySpan<char> text)
    {
        if (column < unshared.Length && unshared[column])
        {
            return text.Length == 0 ? string.Empty : new string(text);
        }

        if (column < previous.Count && previous[column].AsSpan().SequenceEqual(text))
        {
            return previous[column];
        }

        var made = Seen(text);
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

    /// <summary>The string for a field's text: one made before for equal text when its slot still holds it, else a new one.</summary>
    private string Seen(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        if (text.Length > SeenLength)
        {
            return new string(text);
        }

        var slot = (int)(unchecked((uint)string.GetHashCode(text)) % SeenSlots);
        if (seen[slot] is { } earlier && earlier.AsSpan().SequenceEqual(text))
        {
            return earlier;
        }

        return seen[slot] = new string(text);
    }

    /// <summary>
    /// The text as Sep reads it, cut off where one record (everything since the last line end outside quotes, quotes paired
    /// as Sep pairs them: every '"' opens or closes) has grown past <see cref="MaxRecordLength"/> — so Sep never buffers much
    /// more than that for one record, whatever the file. Notes whether the text ended inside quotes.
    /// </summary>
    private sealed class RecordLimit(TextReader source) : TextReader
    {
        private long record;
        private bool afterCr;

        /// <summary>Whether the text was cut off for a record too long.</summary>
        public bool Cut { get; private set; }

        /// <summary>Whether the text so far ends inside quotes.</summary>
        public bool InQuotes { get; private set; }

        /// <summary>The line the current record began on (1-based).</summary>
        public int Line { get; private set; } = 1;

        private int lines = 1;

        public override int Read(Span<char> buffer)
        {
            if (Cut)
            {
                return 0;
            }

            var n = source.Read(buffer);
            var text = buffer[..n];
            var at = 0;
            while (at < text.Length)
            {
                var rest = text[at..];
                var stop = rest.IndexOfAny('"', '\n', '\r');
                if (stop < 0)
                {
                    record += rest.Length;
                    afterCr = false;
                    break;
                }

                record += stop + 1;
                var ch = rest[stop];
                at += stop + 1;
                if (ch == '"')
                {
                    InQuotes = !InQuotes;
                    afterCr = false;
                    continue;
                }

                // \r\n is one line end; a lone \r or \n is one too.
                if (ch == '\r' || !afterCr || stop > 0)
                {
                    lines++;
                }

                afterCr = ch == '\r';
                if (!InQuotes)
                {
                    (record, Line) = (0, lines);
                }
            }

            if (record > MaxRecordLength)
            {
                Cut = true;
            }

            return n;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Peek() => -1;

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                source.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
