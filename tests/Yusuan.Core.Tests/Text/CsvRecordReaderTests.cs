using CsCheck;
using Yusuan.Core.Text;

namespace Yusuan.Core.Tests.Text;

/// <summary>The block-reading CSV reader gives exactly what the first, one-character-at-a-time reader gave, wherever its blocks end.</summary>
public class CsvRecordReaderTests
{
    /// <summary>Hands out at most <c>chunk</c> characters per read, so every position is sometimes a block's end.</summary>
    private sealed class Trickle(string text, int chunk) : TextReader
    {
        private int at;

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
    public void Any_text_reads_as_the_reference_reader_reads_it_wherever_the_blocks_end()
    {
        var alphabet = new[] { 'a', 'b', ',', ',', '"', '"', '\r', '\n', '\n', '#', '中', ' ' };
        Gen.Select(Gen.Int[0, alphabet.Length - 1].Array[0, 120], Gen.Int[1, 9], Gen.Bool)
            .Sample((chars, chunk, comments) =>
            {
                var text = new string(chars.Select(i => alphabet[i]).ToArray());
                Assert.Equal(Reference(new StringReader(text), comments), Fast(new Trickle(text, chunk), comments));
            }, iter: 20_000);
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
}
