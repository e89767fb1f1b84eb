using System.Text;
using Yusuan.Formats.Text;

namespace Yusuan.Formats.Tests.Text;

public class TextDecodingTests
{
    // The detection reads 64 KiB at a time; a character may be cut by the end of a chunk.
    private const int Chunk = 1 << 16;

    private static (string? Encoding, int? Line) Detect(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var (encoding, line) = TextDecoding.DetectWithLine(stream);
        return (encoding.Success ? encoding.Value.WebName : null, line);
    }

    /// <summary>ASCII lines of <paramref name="ascii"/> bytes, then 预算 and a line more (预 and 算 are three bytes each in UTF-8).</summary>
    private static byte[] ChineseAt(int ascii)
    {
        var text = new StringBuilder();
        while (text.Length < ascii)
        {
            text.Append(text.Length % 100 == 99 ? '\n' : 'a');
        }

        return Encoding.UTF8.GetBytes(text + "预算\n第二行\n");
    }

    [Fact]
    public void Utf8_is_recognised_wherever_a_character_is_cut_by_the_end_of_a_chunk()
    {
        for (var at = Chunk - 4; at <= Chunk + 1; at++)
        {
            Assert.Equal(("utf-8", null), Detect(ChineseAt(at)));
        }
    }

    [Fact]
    public void A_bad_byte_past_the_first_chunk_is_found_on_its_line()
    {
        var bytes = ChineseAt(Chunk + 10);
        var lines = bytes.AsSpan(0, Chunk + 10).Count((byte)'\n') + 1; // the line 预算 stands on
        bytes[Chunk + 11] = 0xFF; // inside 预: neither UTF-8 nor GB18030
        Assert.Equal((null, lines), Detect(bytes));
    }

    [Fact]
    public void A_character_cut_off_at_the_end_of_the_file_or_a_nul_is_not_utf8()
    {
        var cut = ChineseAt(Chunk - 1);
        Assert.NotEqual("utf-8", Detect(cut[..(Chunk + 1)]).Encoding); // the file ends two bytes into 预

        var nul = ChineseAt(Chunk + 50);
        nul[Chunk + 20] = 0;
        Assert.Equal((null, (Chunk + 20) / 100 + 1), Detect(nul));
    }
}
