using System.Globalization;
using System.Text.RegularExpressions;
using Yusuan.Core.Findings;

namespace Yusuan.Core.Rules;

/// <summary>Performance: goals cover the money, the indicator tree is complete, targets can be measured.</summary>
internal static partial class PerformanceRules
{
    private const string Category = "performance";

    public static IEnumerable<Rule> All()
    {
        yield return new Rule("performance.task.coverage", Severity.Warning, Category, "每个有预算的项目都有绩效目标",
            "《中共中央 国务院关于全面实施预算绩效管理的意见》：预算支出全面设定绩效目标", CheckCoverage);
        yield return new Rule("performance.indicators.levels", Severity.Warning, Category, "绩效指标包括产出、效益和满意度指标",
            "《财政部关于印发〈中央部门项目支出核心绩效目标和指标设置及取值指引（试行）〉的通知》：一级指标包括产出、效益、满意度（和成本）", CheckLevels);
        yield return new Rule("performance.target.measurable", Severity.Warning, Category, "定量指标的目标值有比较符和计量单位",
            "目标值应可衡量：≥1000 次、≤24 小时、=100%", CheckTargets);
        yield return new Rule("performance.cost.limit", Severity.Warning, Category, "成本指标不超过其覆盖的预算资金",
            "成本指标的目标值不应超过安排的预算", CheckCost);
    }

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    /// <summary>An indicator's name ending in its unit in brackets: （吨）, （万张）, （元/人/天）.</summary>
    [GeneratedRegex(@"[（(][^（）()\d]{1,12}[）)]\s*$")]
    private static partial Regex UnitInName();

    [GeneratedRegex(@"^\s*(≥|≤|>|<|=|＝|≧|≦|不少于|不低于|不高于|不超过|大于|小于|等于)")]
    private static partial Regex Comparator();

    [GeneratedRegex(@"\d{4}\s*年.*(前|底|内)|\d+\s*月\s*\d+\s*日")]
    private static partial Regex Deadline();

    [GeneratedRegex(@"^\s*(≤|<|不超过|不高于)\s*([\d,.]+)\s*(万元|元)")]
    private static partial Regex CostLimit();

    private static IEnumerable<Finding> CheckCoverage(Rule rule, RuleContext context)
    {
        if (context.Plan is not { } plan || context.Budget is not { } budget || (plan.Tasks.Count == 0 && plan.ProjectGoals.Count == 0))
        {
            yield break;
        }

        // Project goals (第七部分) when the department set them; otherwise the tasks of 表12.
        var covered = (plan.ProjectGoals.Count > 0 ? plan.ProjectGoals.SelectMany(g => g.Projects) : plan.Tasks.SelectMany(t => t.Projects)).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, amount) in budget.Facts.Projects.Where(p => p.Value != 0 && !covered.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var name = budget.Projects.GetValueOrDefault(code)?.Name ?? code;
            yield return rule.Finding($"项目“{name}”（{code}）预算 {RuleMessages.N(amount / 10_000m)} 万元，没有设定绩效目标", new Location { Table = "T12", TableRow = code }, null, amount / 10_000m);
        }
    }

    private static IEnumerable<Finding> CheckLevels(Rule rule, RuleContext context)
    {
        var indicators = context.Table("T12")?.Performance?.Indicators;
        if (indicators is null || indicators.Count == 0)
        {
            yield break;
        }

        foreach (var level in new[] { "产出", "效益", "满意度" })
        {
            if (!indicators.Any(i => i.Level1.Contains(level, StringComparison.Ordinal)))
            {
                yield return rule.Finding($"年度绩效指标缺少{level}指标", new Location { Table = "T12", TableRow = "年度绩效指标" });
            }
        }
    }

    private static IEnumerable<Finding> CheckTargets(Rule rule, RuleContext context)
    {
        var indicators = context.Table("T12")?.Performance?.Indicators ?? [];
        foreach (var indicator in indicators)
        {
            var target = indicator.Target.Trim();
            if (!Digit().IsMatch(target) || Deadline().IsMatch(target))
            {
                continue;
            }

            var hasComparator = Comparator().IsMatch(target) || target.TrimEnd().EndsWith("以上", StringComparison.Ordinal) || target.TrimEnd().EndsWith("以下", StringComparison.Ordinal)
                || target.Replace(" ", string.Empty, StringComparison.Ordinal) is "100%" or "100.00%";
            // The unit is the target's (≥1000 次) or, as many regions print it, the indicator's (保障饲养警犬数量（只） | ≥75).
            var hasUnit = target.TrimEnd().Length > 0 && !char.IsAsciiDigit(target.TrimEnd()[^1]) || UnitInName().IsMatch(indicator.Name);
            if (!hasComparator || !hasUnit)
            {
                var missing = !hasComparator && !hasUnit ? "比较符和计量单位" : !hasComparator ? "比较符（≥、≤、=）" : "计量单位";
                yield return rule.Finding($"指标“{indicator.Name}”的目标值“{indicator.Target}”缺少{missing}", new Location { Table = "T12", TableRow = indicator.Name, TableColumn = "目标值" });
            }
        }
    }

    private static IEnumerable<Finding> CheckCost(Rule rule, RuleContext context)
    {
        var t12 = context.Table("T12");
        var total = t12 is null ? null : new TableView(t12, context.Disclosure.FiscalYear).Value("total");
        if (t12?.Performance is not { } performance || total is null)
        {
            yield break;
        }

        foreach (var indicator in performance.Indicators.Where(i => i.Level2.Contains("成本", StringComparison.Ordinal)))
        {
            var match = CostLimit().Match(indicator.Target);
            if (!match.Success || !decimal.TryParse(match.Groups[2].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var limit))
            {
                continue;
            }

            var wan = match.Groups[3].Value == "元" ? limit / 10_000m : limit;
            if (wan > total.Value)
            {
                yield return rule.Finding($"成本指标“{indicator.Name}”目标值 {indicator.Target} 超过预算总额 {RuleMessages.N(total.Value)} 万元",
                    new Location { Table = "T12", TableRow = indicator.Name, TableColumn = "目标值" }, total.Value, wan);
            }
        }
    }
}
