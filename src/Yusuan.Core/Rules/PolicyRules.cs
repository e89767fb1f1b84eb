using Yusuan.Core.Findings;
using Yusuan.Core.Narrative;

namespace Yusuan.Core.Rules;

/// <summary>Policy: what finance rules ask of a budget beyond its arithmetic.</summary>
internal static class PolicyRules
{
    private const string Category = "policy";

    public static IEnumerable<Rule> All()
    {
        yield return new Rule("policy.official.increase", Severity.Warning, Category, "“三公”经费不超过上年",
            "中央八项规定及“过紧日子”要求：“三公”经费只减不增", CheckOfficialIncrease);
        yield return new Rule("policy.operating.administrative", Severity.Warning, Category, "机关运行经费只用于行政单位和参公事业单位",
            "机关运行经费是行政单位（含参照公务员法管理的事业单位）的公用经费", CheckOperating);
        yield return new Rule("policy.publication.deadline", Severity.Error, Category, "批复后 20 日内公开",
            "《中华人民共和国预算法》第十四条：部门预算在批复后二十日内向社会公开", CheckDeadline);
    }

    private static IEnumerable<Finding> CheckOfficialIncrease(Rule rule, RuleContext context)
    {
        if (context.Table("T09") is not { } table)
        {
            yield break;
        }

        var view = new TableView(table, context.Disclosure.FiscalYear);
        if (view.Value("current") is { } current && view.Value("prior") is { } prior && current > prior)
        {
            yield return rule.Finding($"“三公”经费本年 {RuleMessages.N(current)} 万元，比上年 {RuleMessages.N(prior)} 万元增加 {RuleMessages.N(current - prior)} 万元",
                view.At(view.Row("current")!, 0), prior, current);
        }
    }

    private static IEnumerable<Finding> CheckOperating(Rule rule, RuleContext context)
    {
        var unitKind = context.Profile?.UnitKind ?? string.Empty;
        if (unitKind.Length == 0 || unitKind.Contains("行政", StringComparison.Ordinal) || unitKind.Contains("参", StringComparison.Ordinal))
        {
            yield break;
        }

        var stated = context.Disclosure.Narrative.SelectMany(s => s.Figures).FirstOrDefault(f => f.Subject == Subjects.OperatingExpense)?.Value ?? 0;
        var lines = (context.Budget?.Facts.OperatingExpense ?? 0) / 10_000m;
        var amount = Math.Max(stated, lines);
        if (amount > 0)
        {
            yield return rule.Finding($"{context.Disclosure.Department.Name}为{unitKind}，却安排机关运行经费 {RuleMessages.N(amount)} 万元", new Location { Part = 8 }, 0, amount);
        }
    }

    private static IEnumerable<Finding> CheckDeadline(Rule rule, RuleContext context)
    {
        if (context.ApprovedOn is not { } approved || context.PublishedOn is not { } published)
        {
            yield break;
        }

        var days = published.DayNumber - approved.DayNumber;
        if (days > 20)
        {
            yield return rule.Finding($"预算于 {approved:yyyy-MM-dd} 批复，{published:yyyy-MM-dd} 公开，相隔 {days} 日，超过 20 日", new Location(), 20, days);
        }
    }
}
