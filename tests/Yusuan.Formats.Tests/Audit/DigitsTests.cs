using Yusuan.Formats.Audit;

namespace Yusuan.Formats.Tests.Audit;

public class DigitsTests
{
    [Theory]
    [InlineData("川办规〔２０２５〕１１ 号", "川办规〔2025〕11 号")]
    [InlineData("合计：１，２３４．５０", "合计：1，234．50")]
    [InlineData("٢٠٢٤年", "2024年")]
    [InlineData("2026年预算", "2026年预算")]
    public void Digits_of_any_script_become_ascii_and_nothing_else_changes(string text, string expected) =>
        Assert.Equal(expected, Digits.Ascii(text));

    [Fact]
    public void A_line_read_with_full_width_digits_holds_ascii_digits() =>
        Assert.Equal("2024年 预算", new SourceLine(1, 1, ["２０２４年", "预算"]).Text);
}
