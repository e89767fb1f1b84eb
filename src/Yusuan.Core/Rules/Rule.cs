using Yusuan.Core.Findings;

namespace Yusuan.Core.Rules;

/// <summary>
/// One declared check: a stable id (e.g. T03.sum.columns), its severity, category, Chinese title, and the policy or table
/// identity it enforces. A rule runs on a Disclosure — and on the budget's lines when there are any — and never assumes the
/// document was made by Yusuan: the same rule audits what others published.
/// </summary>
public sealed class Rule
{
    private readonly Func<Rule, RuleContext, IEnumerable<Finding>> check;

    public Rule(string id, Severity severity, string category, string title, string policy, Func<Rule, RuleContext, IEnumerable<Finding>> check)
    {
        Id = id;
        Severity = severity;
        Category = category;
        Title = title;
        Policy = policy;
        this.check = check;
    }

    public string Id { get; }

    public Severity Severity { get; }

    /// <summary>completeness, arithmetic, consistency, text, classification, policy, performance, input, rounding.</summary>
    public string Category { get; }

    public string Title { get; }

    public string Policy { get; }

    public IEnumerable<Finding> Check(RuleContext context) => check(this, context);

    /// <summary>A finding of this rule at its declared severity (or a lower one, e.g. info for a rounding difference).</summary>
    public Finding Finding(string message, Location location, decimal? expected = null, decimal? actual = null, decimal? tolerance = null, Severity? severity = null) =>
        new(Id, severity ?? Severity, Category, message, location, expected, actual, tolerance);

    /// <summary>
    /// Compares a printed total with the sum of its printed parts, rounding-aware (DESIGN.md): exact for a controlled disclosure;
    /// otherwise a difference within (terms + 1) × half a unit is a rounding difference (info, 尾数误差), beyond it an error.
    /// </summary>
    public IEnumerable<Finding> CompareSum(RuleContext context, Location location, string what, decimal printed, decimal sum, int terms, int decimals)
    {
        var difference = printed - sum;
        if (difference == 0)
        {
            yield break;
        }

        var tolerance = context.SumTolerance(terms, decimals);
        if (Math.Abs(difference) <= tolerance)
        {
            yield return Finding(RuleMessages.RoundingDifference(what, printed, sum), location, sum, printed, tolerance, Severity.Info);
        }
        else
        {
            yield return Finding(RuleMessages.SumMismatch(what, printed, sum), location, sum, printed, tolerance);
        }
    }

    /// <summary>Compares one figure printed in two places: equal, or — when the two are printed at different precisions — within half the coarser unit.</summary>
    public IEnumerable<Finding> CompareSame(RuleContext context, Location location, string what, decimal expected, decimal actual, int terms = 1)
    {
        var difference = actual - expected;
        if (difference == 0)
        {
            yield break;
        }

        var decimals = Math.Min(RuleContext.DecimalsOf(expected), RuleContext.DecimalsOf(actual));
        var tolerance = context.SumTolerance(terms - 1, decimals);
        if (Math.Abs(difference) <= tolerance)
        {
            yield return Finding(RuleMessages.RoundingDifference(what, actual, expected), location, expected, actual, tolerance, Severity.Info);
        }
        else
        {
            yield return Finding(RuleMessages.FigureMismatch(what, actual, expected), location, expected, actual, tolerance);
        }
    }
}
