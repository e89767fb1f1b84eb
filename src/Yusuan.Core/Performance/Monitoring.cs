using System.Globalization;
using Yusuan.Core.Model;

namespace Yusuan.Core.Performance;

/// <summary>The state of one indicator at the check date.</summary>
public sealed record IndicatorStatus(Indicator Indicator, string Status, decimal? Completion, bool Warning, string Reason);

/// <summary>A mid-year monitoring report (绩效监控): each indicator's progress, budget execution against time, and warnings.</summary>
public sealed record MonitoringReport(DateOnly AsOf, decimal Elapsed, decimal Budget, decimal? Executed, decimal? ExecutionRate, bool ExecutionBehind, IReadOnlyList<IndicatorStatus> Indicators);

/// <summary>
/// Monitoring: a cumulative count (≥1000 次) is behind schedule when its completion trails the share of the year elapsed by
/// more than 10 points; a rate, quality or limit is judged as it stands; a deadline is at risk within 30 days of it, unmet;
/// budget execution is behind when it trails time elapsed by more than 10 percentage points.
/// </summary>
public static class Monitoring
{
    public const decimal Tolerance = 0.10m;

    public static MonitoringReport Check(PerformancePlan plan, decimal budget, ActualsSheet actuals, int fiscalYear)
    {
        var start = new DateOnly(fiscalYear, 1, 1);
        var days = DateTime.IsLeapYear(fiscalYear) ? 366m : 365m;
        var elapsed = Math.Clamp((actuals.AsOf.DayNumber - start.DayNumber + 1) / days, 0m, 1m);
        var rate = actuals.Executed is { } executed && budget > 0 ? executed / budget : (decimal?)null;
        var behind = rate is not null && elapsed - rate > Tolerance;
        var statuses = plan.Indicators.Select(i => Status(i, actuals, elapsed)).ToList();
        return new MonitoringReport(actuals.AsOf, elapsed, budget, actuals.Executed, rate, behind, statuses);
    }

    private static string P(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static IndicatorStatus Status(Indicator indicator, ActualsSheet sheet, decimal elapsed)
    {
        var target = Target.Parse(indicator.Target);
        var actual = sheet.For(indicator.Name);
        if (!target.Success)
        {
            return new IndicatorStatus(indicator, "目标值无法识别", null, true, target.Error!);
        }

        var t = target.Value;
        if (actual is null && t.Kind != TargetKind.Deadline)
        {
            return new IndicatorStatus(indicator, "无数据", null, true, "未填报实际值");
        }

        switch (t.Kind)
        {
            case TargetKind.Deadline:
                if (actual?.CompletedOn is { } done)
                {
                    return done <= t.Deadline!.Value
                        ? new IndicatorStatus(indicator, "已完成", 1, false, $"{done:yyyy-MM-dd} 完成，期限 {t.Deadline:yyyy-MM-dd}")
                        : new IndicatorStatus(indicator, "逾期完成", 1, true, $"{done:yyyy-MM-dd} 完成，晚于期限 {t.Deadline:yyyy-MM-dd}");
                }

                var left = t.Deadline!.Value.DayNumber - sheet.AsOf.DayNumber;
                return left < 0
                    ? new IndicatorStatus(indicator, "已逾期", 0, true, $"期限 {t.Deadline:yyyy-MM-dd} 已过，尚未完成")
                    : left <= 30
                        ? new IndicatorStatus(indicator, "期限临近", 0, true, $"距期限 {t.Deadline:yyyy-MM-dd} 仅 {left} 天，尚未完成")
                        : new IndicatorStatus(indicator, "进行中", 0, false, $"距期限 {left} 天");
            case TargetKind.Qualitative:
                return actual!.Judgement is { } j
                    ? new IndicatorStatus(indicator, j.Band, j.Share, j.Band != "达成", $"评价为“{j.Band}”")
                    : new IndicatorStatus(indicator, "无评价", null, true, $"实际值“{actual.Text}”不是 达成/部分达成/未达成");
        }

        if (actual!.Number is not { } value)
        {
            return new IndicatorStatus(indicator, "无数据", null, true, $"实际值“{actual.Text}”不是数字");
        }

        if (t.Met(value))
        {
            return new IndicatorStatus(indicator, "已达成", 1, false, $"实际 {actual.Text}，目标 {t.Print()}");
        }

        // A count to reach over the year (≥1000 次) is judged against the share of the year elapsed; rates, limits and times as they stand.
        // A completion rate (完成率) accumulates like a count; other rates (故障排除率, 满意度) are judged as they stand.
        var rising = t.Comparator is Comparator.AtLeast or Comparator.Greater || (t.Comparator == Comparator.Equal && t.ComparatorText.Length == 0);
        var cumulative = rising && ((!t.IsPercent && !t.Unit.Contains("分", StringComparison.Ordinal)) || indicator.Name.Contains("完成率", StringComparison.Ordinal));
        if (cumulative)
        {
            var completion = t.Value == 0 ? 1 : value / t.Value;
            return completion + Tolerance < elapsed
                ? new IndicatorStatus(indicator, "进度滞后", completion, true, $"完成 {P(completion)}，时间已过 {P(elapsed)}（实际 {actual.Text}，目标 {t.Print()}）")
                : new IndicatorStatus(indicator, "进度正常", completion, false, $"完成 {P(completion)}，时间已过 {P(elapsed)}");
        }

        return new IndicatorStatus(indicator, "未达标", Ratio(t, value), true, $"实际 {actual.Text}，未达到目标 {t.Print()}");
    }

    /// <summary>How close an unmet value is: actual ÷ target for at-least targets, target ÷ actual for at-most ones.</summary>
    public static decimal Ratio(Target target, decimal actual) => target.Comparator switch
    {
        Comparator.AtMost or Comparator.Less => actual == 0 ? 1 : Math.Min(1, target.Value / actual),
        Comparator.Equal => target.Value == 0 || actual == 0 ? 0 : Math.Min(actual / target.Value, target.Value / actual),
        _ => target.Value == 0 ? 1 : Math.Clamp(actual / target.Value, 0, 1),
    };
}
