using Yusuan.Core.Findings;

namespace Yusuan.Core.Rules;

/// <summary>Runs the catalogue on a disclosure (and its budget, when there is one), as a regional profile directs.</summary>
public static class RuleEngine
{
    public static IReadOnlyList<Finding> Run(RuleContext context, RegionalProfile? region = null)
    {
        region ??= RegionalProfile.None;
        var findings = new List<Finding>();
        foreach (var rule in RuleCatalogue.All)
        {
            if (region.Off.Contains(rule.Id))
            {
                continue;
            }

            List<Finding> found;
            try
            {
                found = rule.Check(context).ToList();
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or OverflowException or DivideByZeroException)
            {
                // A hand-edited or extracted disclosure can be shaped in ways no rule foresaw: report it, never crash the check.
                found = [new Finding("engine.rule-failed", Severity.Error, "engine", $"规则 {rule.Id} 无法检查此文件：{e.Message}", new Location())];
            }

            if (region.Severities.TryGetValue(rule.Id, out var severity))
            {
                found = found.Select(f => f.Severity == rule.Severity ? f with { Severity = severity } : f).ToList();
            }

            findings.AddRange(found);
        }

        return findings;
    }
}
