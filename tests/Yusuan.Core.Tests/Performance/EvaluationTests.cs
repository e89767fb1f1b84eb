using Yusuan.Core.Model;
using Yusuan.Core.Performance;

namespace Yusuan.Core.Tests.Performance;

/// <summary>Scoring worked out by hand (default scheme: execution 10, 产出 50, 效益 30, 满意度 10).</summary>
public class EvaluationTests
{
    private static readonly DateOnly YearEnd = new(2023, 12, 31);

    private static PerformancePlan Plan(params Indicator[] indicators) => new() { Indicators = indicators };

    private static ActualsSheet Sheet(decimal? executed, params (string Name, string Text)[] actuals) =>
        new(YearEnd, actuals.Select(a => new Actual(a.Name, a.Text, YearEnd)).ToList(), executed);

    private static IndicatorScore Only(Evaluation evaluation, string name) => evaluation.Indicators.Single(s => s.Indicator.Name == name);

    [Fact]
    public void Met_target_scores_full_marks_and_a_third_missed_scores_two_thirds()
    {
        var plan = Plan(new Indicator("产出指标", "数量指标", "宣传", "≥1200 次"), new Indicator("产出指标", "数量指标", "评审", "≥120 个"));
        var evaluation = SelfEvaluation.Evaluate(plan, 1000, Sheet(1000, ("宣传", "1300 次"), ("评审", "80 个")));
        Assert.Equal(10m, evaluation.ExecutionScore);
        Assert.Equal(25m, Only(evaluation, "宣传").Score);
        Assert.Equal(16.67m, Only(evaluation, "评审").Score); // 25 × 80 ÷ 120
        Assert.Contains("实际 ÷ 目标 = 66.67%", Only(evaluation, "评审").Reasoning, StringComparison.Ordinal);
        Assert.Equal(51.67m, evaluation.Total);
        Assert.Equal("差", evaluation.Grade);
    }

    [Fact]
    public void Exceeded_at_most_target_scores_target_over_actual()
    {
        var plan = Plan(new Indicator("产出指标", "时效指标", "排障", "≤24 小时"));
        var evaluation = SelfEvaluation.Evaluate(plan, 100, Sheet(50, ("排障", "30 小时")));
        Assert.Equal(5m, evaluation.ExecutionScore); // 10 × 50%
        Assert.Equal(40m, Only(evaluation, "排障").Score); // 50 × 24 ÷ 30
        Assert.Contains("目标 ÷ 实际 = 80%", Only(evaluation, "排障").Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_met_scores_full_late_scores_the_configured_share_and_missed_scores_nothing()
    {
        var plan = Plan(
            new Indicator("产出指标", "时效指标", "按时", "2023 年 11 月 30 日前"),
            new Indicator("产出指标", "时效指标", "逾期", "2023 年 11 月 30 日前"),
            new Indicator("产出指标", "时效指标", "未完成", "2023 年 11 月 30 日前"),
            new Indicator("产出指标", "时效指标", "宽松", "2023 年 11 月 30 日前"));
        var sheet = Sheet(100, ("按时", "2023 年 11 月 29 日"), ("逾期", "2023 年 12 月 10 日"), ("宽松", "2023 年 12 月 10 日"));
        var evaluation = SelfEvaluation.Evaluate(plan, 100, sheet);
        Assert.Equal(12.5m, Only(evaluation, "按时").Score);
        Assert.Equal(6.25m, Only(evaluation, "逾期").Score);
        Assert.Equal(0m, Only(evaluation, "未完成").Score);

        var lenient = SelfEvaluation.Evaluate(plan, 100, sheet, new ScoringScheme { LateDeadlineShare = 0.8m });
        Assert.Equal(10m, Only(lenient, "宽松").Score);
    }

    [Theory]
    [InlineData("达成", 27)]
    [InlineData("达成 85", 25.5)]
    [InlineData("部分达成", 19.5)]
    [InlineData("部分达成 95", 24)]
    [InlineData("未达成", 7.5)]
    [InlineData("未达成 10", 3)]
    public void Qualitative_indicator_takes_the_band_and_the_score_inside_it(string actual, decimal score)
    {
        var plan = Plan(new Indicator("效益指标", "社会效益指标", "保障", "有效保障"));
        var evaluation = SelfEvaluation.Evaluate(plan, 100, Sheet(100, ("保障", actual)));
        Assert.Equal(score, Only(evaluation, "保障").Score); // 30 points × the band's share (clamped into the band)
    }

    [Fact]
    public void Given_weights_take_their_points_and_the_rest_is_shared()
    {
        var plan = Plan(new Indicator("产出指标", "数量指标", "甲", "≥10 个"), new Indicator("产出指标", "数量指标", "乙", "≥10 个"), new Indicator("产出指标", "数量指标", "丙", "≥10 个"));
        var scheme = new ScoringScheme { Weights = new Dictionary<string, decimal> { ["甲"] = 30 } };
        var evaluation = SelfEvaluation.Evaluate(plan, 100, Sheet(100, ("甲", "10 个"), ("乙", "10 个"), ("丙", "5 个")), scheme);
        Assert.Equal((30m, 30m), (Only(evaluation, "甲").Weight, Only(evaluation, "甲").Score));
        Assert.Equal((10m, 10m), (Only(evaluation, "乙").Weight, Only(evaluation, "乙").Score));
        Assert.Equal(5m, Only(evaluation, "丙").Score);
        Assert.Equal(55m, evaluation.Total);
    }

    [Theory]
    [InlineData(95, "优")]
    [InlineData(90, "优")]
    [InlineData(89.99, "良")]
    [InlineData(80, "良")]
    [InlineData(60, "中")]
    [InlineData(59.99, "差")]
    public void Grades_follow_the_bands(decimal total, string grade) => Assert.Equal(grade, SelfEvaluation.Grade(total));

    [Fact]
    public void Sample_year_end_scores_between_0_and_100_with_reasoning_for_every_indicator()
    {
        var clean = Rules.Sample.Clean;
        var sheet = Formats.Performance.ActualsReader.Read(Path.Combine(Rules.Sample.Folder, "actuals-yearend.csv"), clean.Plan).Sheet!;
        var evaluation = SelfEvaluation.Evaluate(clean.Plan, 7656, sheet);
        Assert.InRange(evaluation.Total, 0, 100);
        Assert.Equal(29, evaluation.Indicators.Count);
        Assert.All(evaluation.Indicators, s => Assert.False(string.IsNullOrWhiteSpace(s.Reasoning)));
        Assert.Equal(100m, evaluation.Indicators.Sum(s => s.Weight) + 10m, 6);
    }

    [Fact]
    public void Mid_year_monitoring_lists_what_is_behind_schedule()
    {
        var clean = Rules.Sample.Clean;
        var sheet = Formats.Performance.ActualsReader.Read(Path.Combine(Rules.Sample.Folder, "actuals-midyear.csv"), clean.Plan, new DateOnly(2023, 8, 31)).Sheet!;
        var report = Monitoring.Check(clean.Plan, 7656, sheet, 2023);
        Assert.Equal(243m / 365m, report.Elapsed);
        Assert.True(report.ExecutionBehind); // 4,100 ÷ 7,656 = 53.6% against 66.6% of the year
        var behind = report.Indicators.Where(s => s.Status == "进度滞后").Select(s => s.Indicator.Name).ToList();
        Assert.Equal(["公益宣传活动次数", "完成网络安全等级保护测评目标系统的数量（个）", "完成评审并出具评审意见的项目数量", "技术指南编制完成率"], behind);
        Assert.Contains(report.Indicators, s => s.Status == "未达标" && s.Indicator.Name == "市生态环境局托管机房虚拟化平台软件维保服务项目漏洞修复率");
    }

    [Fact]
    public void Deadline_within_thirty_days_unmet_is_at_risk()
    {
        var plan = Plan(new Indicator("产出指标", "时效指标", "宣传活动", "2023 年 11 月 30 日前"));
        var report = Monitoring.Check(plan, 100, new ActualsSheet(new DateOnly(2023, 11, 10), [], 90), 2023);
        var status = Assert.Single(report.Indicators);
        Assert.Equal(("期限临近", true), (status.Status, status.Warning));
    }
}
