using Yusuan.Core.Catalogue;
using Yusuan.Core.Compile;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Rounding;

namespace Yusuan.Core.Rules;

/// <summary>What the rules see: the disclosure, and — when Yusuan compiled it — the budget behind it.</summary>
public sealed class RuleContext
{
    public RuleContext(Disclosure disclosure, ClassificationCatalogue catalogue)
    {
        Disclosure = disclosure;
        Catalogue = catalogue;
        Lookup = new DisclosureLookup(disclosure);
    }

    public Disclosure Disclosure { get; }

    public DisclosureLookup Lookup { get; }

    public ClassificationCatalogue Catalogue { get; }

    /// <summary>
    /// The template the document is judged complete against: the one detected in a published document, else the seed's,
    /// which Yusuan's own budgets follow.
    /// </summary>
    public Tables.DocumentTemplate Template { get; init; } = Tables.DocumentTemplates.Shenzhen;

    /// <summary>The profile, when the disclosure was compiled from a dataset.</summary>
    public Profile? Profile { get; init; }

    public PerformancePlan? Plan { get; init; }

    /// <summary>The compiled budget (lines, facts and findings found while streaming them), when there is one.</summary>
    public CompiledBudget? Budget { get; init; }

    /// <summary>Findings about input files that did not stop the load (e.g. ignored ledger columns).</summary>
    public IReadOnlyList<Finding> InputFindings { get; init; } = [];

    /// <summary>Publication dates, when known (policy: publish within 20 days of approval).</summary>
    public DateOnly? ApprovedOn { get; init; }

    public DateOnly? PublishedOn { get; init; }

    /// <summary>Controlled rounding promises exact sums; anything else was rounded figure by figure.</summary>
    public bool Exact => RoundingModes.Of(Disclosure) == RoundingMode.Controlled;

    /// <summary>(terms + 1) × half a unit for independently rounded figures (DESIGN.md); zero for controlled rounding.</summary>
    public decimal SumTolerance(int terms, int decimals) => Exact ? 0m : (terms + 1) * 0.5m * Unit(decimals);

    public static decimal Unit(int decimals)
    {
        var unit = 1m;
        for (var i = 0; i < decimals; i++)
        {
            unit /= 10;
        }

        return unit;
    }

    /// <summary>The decimals a figure is printed with (8.47 → 2, 7656 → 0).</summary>
    /// <summary>
    /// The decimals a figure was stated with: as read from a published document (a parsed 4.00 keeps its two), or — for
    /// Yusuan's own figures, whose scale is arithmetic's — its significant decimals only.
    /// </summary>
    public int StatedDecimalsOf(decimal value) => Profile is null ? (decimal.GetBits(value)[3] >> 16) & 0xFF : DecimalsOf(value);

    public static int DecimalsOf(decimal value)
    {
        var normalised = value / 1.000000000000000000000000000000000m;
        return (decimal.GetBits(normalised)[3] >> 16) & 0xFF;
    }

    public DisclosureTable? Table(string id) => Disclosure.Table(id);
}
