using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;

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
}
