using CsCheck;
using Yusuan.Core.Performance;

namespace Yusuan.Core.Tests.Performance;

public class TargetTests
{
    [Theory]
    [InlineData("≥1000 次", TargetKind.Quantitative, Comparator.AtLeast, 1000, "次")]
    [InlineData("≤24 小时", TargetKind.Quantitative, Comparator.AtMost, 24, "小时")]
    [InlineData("=100%", TargetKind.Quantitative, Comparator.Equal, 100, "%")]
    [InlineData("≥90%", TargetKind.Quantitative, Comparator.AtLeast, 90, "%")]
    [InlineData("≥ 98%", TargetKind.Quantitative, Comparator.AtLeast, 98, "%")]
    [InlineData("100%", TargetKind.Quantitative, Comparator.Equal, 100, "%")]
    [InlineData("≤400 万元", TargetKind.Quantitative, Comparator.AtMost, 400, "万元")]
    [InlineData("=100.00(%)", TargetKind.Quantitative, Comparator.Equal, 100, "(%)")]
    public void Quantitative_targets_read_comparator_number_and_unit_and_print_back_unchanged(string text, TargetKind kind, Comparator comparator, decimal value, string unit)
    {
        var target = Target.Parse(text);
        Assert.True(target.Success, target.Error);
        Assert.Equal((kind, comparator, value, unit), (target.Value.Kind, target.Value.Comparator, target.Value.Value, target.Value.Unit));
        Assert.Equal(text, target.Value.Print());
    }

    [Fact]
    public void Deadline_reads_the_date_and_prints_back_unchanged()
    {
        var target = Target.Parse("2023 年 11 月 30 日前").Value;
        Assert.Equal((TargetKind.Deadline, new DateOnly(2023, 11, 30)), (target.Kind, target.Deadline!.Value));
        Assert.Equal("2023 年 11 月 30 日前", target.Print());
        Assert.Equal("2024年1月5日", Target.Parse("2024年1月5日").Value.Print());
    }

    [Theory]
    [InlineData("有效保障")]
    [InlineData("有效支持")]
    [InlineData("有效支撑")]
    [InlineData("合理")]
    [InlineData("提高")]
    [InlineData("降低")]
    public void Qualitative_targets_are_read_as_words(string text)
    {
        var target = Target.Parse(text).Value;
        Assert.Equal((TargetKind.Qualitative, text), (target.Kind, target.Print()));
    }

    [Theory]
    [InlineData("", "目标值为空")]
    [InlineData("≥", "无法识别目标值")]
    [InlineData("约 30 项左右 5", "无法识别目标值")]
    [InlineData("2023 年 2 月 30 日前", "不是有效的日期")]
    public void Unreadable_target_says_why(string text, string reason)
    {
        var target = Target.Parse(text);
        Assert.False(target.Success);
        Assert.Contains(reason, target.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_indicator_of_the_sample_parses()
    {
        var plan = Rules.Sample.Clean.Plan;
        Assert.Equal(29, plan.Indicators.Count);
        Assert.All(plan.Indicators, i => Assert.True(Target.Parse(i.Target).Success, $"{i.Name}: {i.Target}"));
        Assert.All(plan.Indicators, i => Assert.Equal(i.Target, Target.Parse(i.Target).Value.Print()));
    }

    [Fact]
    public void Parse_print_parse_round_trips()
    {
        var quantitative =
            from comparator in Gen.OneOf("", "≥", "≤", "=", "＝", ">", "<")
            from space in comparator.Length == 0 ? Gen.Const(string.Empty) : Gen.OneOf("", " ")
            from whole in Gen.Int[0, 100_000]
            from decimals in Gen.OneOf("", ".0", ".5", ".00", ".25")
            from gap in Gen.OneOf("", " ")
            from unit in Gen.OneOf("次", "个", "%", "(%)", "小时", "天", "万元", "分", "项")
            select comparator + space + whole + decimals + gap + unit;
        var deadline =
            from year in Gen.Int[2000, 2099]
            from month in Gen.Int[1, 12]
            from day in Gen.Int[1, 28]
            from spaced in Gen.Bool
            from suffix in Gen.OneOf("", "前", "之前", "以前")
            select spaced ? $"{year} 年 {month} 月 {day} 日{suffix}" : $"{year}年{month}月{day}日{suffix}";
        Gen.OneOf<string>(quantitative, deadline).Sample(text =>
        {
            var first = Target.Parse(text);
            Assert.True(first.Success, text + ": " + first.Error);
            Assert.Equal(text, first.Value.Print());
            var second = Target.Parse(first.Value.Print()).Value;
            Assert.Equal(first.Value, second);
        }, iter: 2000, threads: 1);
    }
}
