using System.Globalization;
using Yusuan.Core.Model;

namespace Yusuan.Core.Performance;

/// <summary>
/// How a self-evaluation (绩效自评) is scored; a region can change any part. Default: budget execution 10 points
/// (10 × execution rate, capped), 产出 50, 效益 30, 满意度 10, each shared evenly among its indicators unless weights are
/// given; a deadline completed late earns <see cref="LateDeadlineShare"/> of its weight.
/// </summary>
public sealed record ScoringScheme
{
    public static ScoringScheme Default { get; } = new();

    public decimal Execution { get; init; } = 10;

    public decimal Output { get; init; } = 50;

    public decimal Effect { get; init; } = 30;

    public decimal Satisfaction { get; init; } = 10;

    public decimal LateDeadlineShare { get; init; } = 0.5m;

    /// <summary>Weights of single indicators by name; the rest of a level's points are shared among the others.</summary>
    public IReadOnlyDictionary<string, decimal> Weights { get; init; } = new Dictionary<string, decimal>();
}

/// <summary>One indicator's score, with how it was computed.</summary>
public sealed record IndicatorScore(Indicator Indicator, decimal Weight, decimal Score, string Reasoning);

/// <summary>A scored self-evaluation: the total (0–100), its grade, and the reasoning for every part.</summary>
public sealed record Evaluation(decimal Total, string Grade, decimal ExecutionScore, string ExecutionReasoning, IReadOnlyList<IndicatorScore> Indicators);

public static class SelfEvaluation
{
    public static string Grade(decimal total) => total switch
    {
        >= 90 => "优",
        >= 80 => "良",
        >= 60 => "中",
        _ => "差",
    };

    /// <summary>Which share of the points an indicator's 一级指标 draws from (成本 counts with 产出).</summary>
    private static string Group(Indicator indicator) =>
        indicator.Level1.Contains("效益", StringComparison.Ordinal) ? "效益"
        : indicator.Level1.Contains("满意度", StringComparison.Ordinal) ? "满意度"
        : "产出";

    public static Evaluation Evaluate(PerformancePlan plan, decimal budget, ActualsSheet actuals, ScoringScheme? scheme = null)
    {
        scheme ??= ScoringScheme.Default;
        var rate = actuals.Executed is { } executed && budget > 0 ? executed / budget : 0m;
        var executionScore = Round(scheme.Execution * Math.Min(1, rate));
        var executionReasoning = $"预算执行率 {Percent(rate)}（{Number(actuals.Executed ?? 0)} ÷ {Number(budget)} 万元），{Number(scheme.Execution)} × {Percent(Math.Min(1, rate))} = {Number(executionScore)} 分";

        var points = new Dictionary<string, decimal> { ["产出"] = scheme.Output, ["效益"] = scheme.Effect, ["满意度"] = scheme.Satisfaction };
        var scores = new List<IndicatorScore>();
        foreach (var group in plan.Indicators.GroupBy(Group))
        {
            var fixedWeights = group.Where(i => scheme.Weights.ContainsKey(i.Name)).Sum(i => scheme.Weights[i.Name]);
            var shared = group.Count(i => !scheme.Weights.ContainsKey(i.Name));
            var each = shared == 0 ? 0 : Math.Max(0, points[group.Key] - fixedWeights) / shared;
            foreach (var indicator in group)
            {
                var weight = scheme.Weights.TryGetValue(indicator.Name, out var w) ? w : each;
                scores.Add(Score(indicator, weight, actuals.For(indicator.Name), scheme));
            }
        }

        var total = Math.Min(100, Round(executionScore + scores.Sum(s => s.Score)));
        return new Evaluation(total, Grade(total), executionScore, executionReasoning, scores);
    }

    private static IndicatorScore Score(Indicator indicator, decimal weight, Actual? actual, ScoringScheme scheme)
    {
        var target = Target.Parse(indicator.Target);
        if (!target.Success)
        {
            return new IndicatorScore(indicator, weight, 0, $"目标值无法识别：{target.Error}");
        }

        if (actual is null)
        {
            return new IndicatorScore(indicator, weight, 0, "未填报实际值，记 0 分");
        }

        var t = target.Value;
        var w = Number(weight);
        switch (t.Kind)
        {
            case TargetKind.Deadline:
                if (actual.CompletedOn is not { } done)
                {
                    return new IndicatorScore(indicator, weight, 0, $"期限 {t.Deadline:yyyy-MM-dd}，未完成，记 0 分");
                }

                return done <= t.Deadline!.Value
                    ? new IndicatorScore(indicator, weight, Round(weight), $"{done:yyyy-MM-dd} 完成，不晚于期限 {t.Deadline:yyyy-MM-dd}，得满分 {w}")
                    : new IndicatorScore(indicator, weight, Round(weight * scheme.LateDeadlineShare), $"{done:yyyy-MM-dd} 完成，晚于期限 {t.Deadline:yyyy-MM-dd}，得 {w} × {Percent(scheme.LateDeadlineShare)} = {Number(Round(weight * scheme.LateDeadlineShare))}");
            case TargetKind.Qualitative:
                if (actual.Judgement is not { } j)
                {
                    return new IndicatorScore(indicator, weight, 0, $"实际值“{actual.Text}”不是 达成/部分达成/未达成，记 0 分");
                }

                return new IndicatorScore(indicator, weight, Round(weight * j.Share), $"评价为“{j.Band}”（{Percent(j.Share)}），{w} × {Percent(j.Share)} = {Number(Round(weight * j.Share))}");
        }

        if (actual.Number is not { } value)
        {
            return new IndicatorScore(indicator, weight, 0, $"实际值“{actual.Text}”不是数字，记 0 分");
        }

        if (t.Met(value))
        {
            return new IndicatorScore(indicator, weight, Round(weight), $"实际 {actual.Text} 达到目标 {t.Print()}，得满分 {w}");
        }

        var ratio = Monitoring.Ratio(t, value);
        var how = t.Comparator is Comparator.AtMost or Comparator.Less ? "目标 ÷ 实际" : t.Comparator == Comparator.Equal ? "实际与目标之比" : "实际 ÷ 目标";
        return new IndicatorScore(indicator, weight, Round(weight * ratio), $"实际 {actual.Text} 未达到目标 {t.Print()}，按 {how} = {Percent(ratio)}，{w} × {Percent(ratio)} = {Number(Round(weight * ratio))}");
    }

    private static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    private static string Number(decimal value) => (value / 1.000000000000000000000000000000000m).ToString("#,##0.##", CultureInfo.InvariantCulture);

    private static string Percent(decimal share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
