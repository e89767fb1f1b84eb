using CsCheck;
using Yusuan.Core.Text;

namespace Yusuan.Core.Tests.Text;

/// <summary>
/// The CSV reader (Sep) gives exactly what the first, one-character-at-a-time reader gave on every file quoted as RFC 4180
/// says, wherever its blocks end; where the two part (a stray quote inside an unquoted cell, a lone carriage return) it reads
/// as Sep and Excel do, and says so.
/// </summary>
public class CsvRecordReaderTests
{
    /// <summary>Hands out at most <c>chunk</c> characters per read, so every position is sometimes a block's end.</summary>
    private sealed class Trickle(string text, int chunk) : TextReader
    {
        private int at;

        public int Consumed => at;

        public override int Peek() => at < text.Length ? text[at] : -1;

        public override int Read() => at < text.Length ? text[at++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), text.Length - at);
            text.CopyTo(at, buffer, index, n);
            at += n;
            return n;
        }
    }

    private static (string Records, int? Unclosed, int? Oversized) Fast(TextReader input, bool comments)
    {
        var reader = new CsvRecordReader(input);
        var records = string.Join("\n", reader.Read(comments).Select(r => r.Line + ":" + string.Join("|", r.Fields)));
        return (records, reader.UnclosedQuoteLine, reader.OversizedLine);
    }

    private static (string Records, int? Unclosed, int? Oversized) Reference(TextReader input, bool comments)
    {
        var reader = new ReferenceCsvReader(input);
        var records = string.Join("\n", reader.Read(comments).Select(r => r.Line + ":" + string.Join("|", r.Fields)));
        return (records, reader.UnclosedQuoteLine, reader.OversizedLine);
    }

    [Fact]
    public void Any_file_quoted_as_rfc_4180_says_reads_as_the_reference_reader_reads_it_wherever_the_blocks_end()
    {
        // Records of cells of any of these characters; a cell holding a comma, quote or line break is quoted with its quotes
        // doubled; lines end in \n or \r\n, the last one perhaps not at all; blank lines and '#' lines anywhere.
        var alphabet = new[] { "a", "b", ",", "\"", "\n", "\r\n", "#", "中", " " };
        var cell = Gen.Int[0, alphabet.Length - 1].Array[0, 6].Select(ix => string.Concat(ix.Select(i => alphabet[i])));
        var record = cell.Array[1, 4].Select(cells => string.Join(",", cells.Select(c =>
            c.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c)));
        Gen.Select(record.Array[0, 8], Gen.Bool.Array[8], Gen.Int[1, 9], Gen.Bool)
            .Sample((records, crlf, chunk, comments) =>
            {
                var text = string.Concat(records.Select((r, i) => r + (i == records.Length - 1 && crlf[7] ? string.Empty : crlf[i] ? "\r\n" : "\n")));
                Assert.Equal(Reference(new StringReader(text), comments), Fast(new Trickle(text, chunk), comments));
            }, iter: 20_000);
    }

    [Fact]
    public void A_stray_quote_in_an_unquoted_cell_opens_quoted_text_and_a_lone_carriage_return_ends_a_line()
    {
        // Sep pairs every quote: 27"显示器 opens quoted text that runs to the next quote (here none: reported, with its line).
        Assert.Equal(("1:a|b\n2:c|27\"显示器,1\nd,2\n", (int?)2, (int?)null), Fast(new StringReader("a,b\nc,27\"显示器,1\nd,2\n"), comments: false));
        // Paired, the quotes stay in the cell as written (only a cell that begins with a quote is unquoted).
        Assert.Equal(("1:c|关于\"绿色\"项目|1", (int?)null, (int?)null), Fast(new StringReader("c,关于\"绿色\"项目,1\n"), comments: false));
        // A lone \r ends a line as \n and \r\n do (files saved by old Mac programs), and lines are counted so.
        Assert.Equal(("1:a|b\n2:c|d\n4:e|f", (int?)null, (int?)null), Fast(new StringReader("a,b\rc,d\r\n\re,f"), comments: false));
    }

    [Fact]
    public void A_record_past_the_limits_stops_the_reading_at_its_line_without_holding_it()
    {
        var cell = "a,b\nc,\"" + new string('x', CsvRecordReader.MaxFieldLength + 1) + "\"\nd,e\n";
        Assert.Equal(("1:a|b", (int?)null, (int?)2), Fast(new StringReader(cell), comments: false));
        var wide = "a\n" + string.Join(",", Enumerable.Repeat("x", CsvRecordReader.MaxFields + 1)) + "\n";
        Assert.Equal(("1:a", (int?)null, (int?)2), Fast(new StringReader(wide), comments: false));
        // Never closed and never ending: cut off once the record passes MaxRecordLength, not read to the end of the file.
        var endless = new Trickle("a\n\"" + string.Concat(Enumerable.Repeat("x,y\n", CsvRecordReader.MaxRecordLength)), 4096);
        Assert.Equal(("1:a", (int?)null, (int?)2), Fast(endless, comments: false));
        Assert.True(endless.Consumed < CsvRecordReader.MaxRecordLength + 100_000, $"read {endless.Consumed} characters");
    }

    [Fact]
    public void A_ledger_longer_than_one_block_reads_as_the_reference_reader_reads_it()
    {
        var row = "139001,\"深圳市生态环境智能管控中心\",2023,2080505,30108,\"项目,\"\"甲\"\"\n第二行\",一般公共预算拨款,1259000.00\r\n";
        var text = "# edition 2023\nagency_code,agency_name,fiscal_year,exp_func_code,dep_bgt_eco_code,pro_name,fund_type_code,amount\n"
            + string.Concat(Enumerable.Repeat(row, 5_000));
        Assert.True(text.Length > 3 * (1 << 16));
        var fast = Fast(new StringReader(text), comments: true);
        Assert.Equal(Reference(new StringReader(text), comments: true), fast);
        Assert.EndsWith("10001:139001|深圳市生态环境智能管控中心|2023|2080505|30108|项目,\"甲\"\n第二行|一般公共预算拨款|1259000.00", fast.Records, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_met_before_out_of_order_is_the_same_string_again()
    {
        var records = new CsvRecordReader(new StringReader("2050101,30101,项目甲\n2080505,30108,项目乙\n2050101,30101,项目甲\n")).Read().ToList();
        Assert.Equal(["2050101", "30101", "项目甲"], records[2].Fields);
        for (var c = 0; c < 3; c++)
        {
            Assert.Same(records[0].Fields[c], records[2].Fields[c]);
        }
    }

    [Fact]
    public void A_column_not_shared_reads_as_written_with_a_string_of_its_own_for_each_field()
    {
        var reader = new CsvRecordReader(new StringReader("2050101,100.00\n2080505,100.00\n2050101,100.00\n"));
        reader.DoNotShare([1]);
        var records = reader.Read().ToList();
        Assert.Equal(["2050101", "100.00"], records[2].Fields);
        Assert.Same(records[0].Fields[0], records[2].Fields[0]);
        Assert.Equal(records[0].Fields[1], records[1].Fields[1]);
        Assert.NotSame(records[0].Fields[1], records[1].Fields[1]);
        Assert.NotSame(records[0].Fields[1], records[2].Fields[1]);
    }

    [Fact]
    public void Many_more_distinct_fields_than_the_reader_keeps_are_each_read_as_written()
    {
        // Tens of thousands of codes fall in the same few thousand slots, and long texts are never kept: every field still
        // reads exactly as written, whichever string it is.
        var rows = Enumerable.Range(0, 30_000).Select(i => $"{i % 7_919:D7},{new string('长', 70)}{i % 3}").ToList();
        var records = new CsvRecordReader(new StringReader(string.Join("\n", rows))).Read().ToList();
        Assert.Equal(rows, records.Select(r => string.Join(",", r.Fields)));
    }
}
