using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Rounding;

namespace Yusuan.Core.Compile;

/// <summary>The result of compiling a budget: the disclosure as printed, the exact tables behind it, and the findings.</summary>
public sealed class CompiledBudget
{
    public required Disclosure Disclosure { get; init; }

    /// <summary>The tables before rounding (figures in 元), in the disclosure's order.</summary>
    public required IReadOnlyList<TableDraft> Drafts { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    public required IReadOnlyDictionary<string, ProjectInfo> Projects { get; init; }

    public long LineCount { get; init; }

    /// <summary>Sums the text states that no table carries (元).</summary>
    public BudgetFacts Facts { get; init; } = BudgetFacts.Empty;

    private readonly Lazy<RoundingMemory> rounding = new(RoundingMemory.Empty);

    /// <summary>
    /// How controlled rounding rounded each atom (empty under independent rounding): what the next version rounds against. Made
    /// when first asked for (naming every atom is work a check that keeps no rounding does not need).
    /// </summary>
    public RoundingMemory Rounding { get => rounding.Value; init => rounding = new(value); }

    /// <summary>Makes <see cref="Rounding"/> when it is first asked for.</summary>
    internal Func<RoundingMemory> RoundingMadeBy { init => rounding = new(value); }
}

/// <summary>
/// Exact sums (元) that the text of a budget states but no standard table prints: each project, each project category,
/// procurement by type, and 机关运行经费 (lines flagged as such, paid from appropriations).
/// </summary>
public sealed record BudgetFacts(
    IReadOnlyDictionary<string, decimal> Projects,
    IReadOnlyDictionary<string, decimal> Categories,
    IReadOnlyDictionary<Model.ProcurementType, decimal> Procurement,
    decimal OperatingExpense)
{
    public static BudgetFacts Empty { get; } = new(
        new Dictionary<string, decimal>(), new Dictionary<string, decimal>(), new Dictionary<Model.ProcurementType, decimal>(), 0m);
}
