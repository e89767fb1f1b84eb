using System.Text;
using Yusuan.Core.Rules;

namespace Yusuan.Formats.Preview;

/// <summary>docs/rules.md, generated from the catalogue (`yusuan rules --format markdown > docs/rules.md`).</summary>
public static class RulesDocument
{
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("# Rule catalogue\n\n");
        text.Append("Generated from the catalogue by `yusuan rules --format markdown > docs/rules.md`; a test fails when this file is out of date.\n\n");
        text.Append($"{RuleCatalogue.All.Count} rules. Severity is the rule's own; a difference within the rounding bound of independently rounded figures ");
        text.Append("is reported as info (尾数误差) whatever the rule's severity, and a regional profile (`--region`) can switch rules off or re-grade them.\n");
        foreach (var group in RuleCatalogue.All.GroupBy(r => r.Category))
        {
            text.Append($"\n## {group.Key}\n\n| id | severity | title | policy or identity |\n|---|---|---|---|\n");
            foreach (var rule in group)
            {
                text.Append($"| `{rule.Id}` | {rule.Severity.ToString().ToLowerInvariant()} | {Escape(rule.Title)} | {Escape(rule.Policy)} |\n");
            }
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
