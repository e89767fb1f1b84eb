namespace Yusuan.Core.Rules;

/// <summary>Every rule Yusuan knows, in a stable order. Ids never change meaning; a retired rule keeps its id out of use.</summary>
public static class RuleCatalogue
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        .. CompletenessRules.All(),
        .. ArithmeticRules.All(),
        .. ConsistencyRules.All(),
        .. FinalAccountsRules.All(),
        .. TextRules.All(),
        .. StatementRules.All(),
        .. ClassificationRules.All(),
        .. PolicyRules.All(),
        .. PerformanceRules.All(),
        .. PassThroughRules.All(),
    ];

    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
