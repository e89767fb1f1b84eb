using System.Globalization;
using System.Text.RegularExpressions;

namespace Yusuan.Core.Performance;

/// <summary>
/// What was achieved for one indicator by a date: a number (1200 次, 96%), a completion date, or an evaluator's band for a
/// qualitative target (达成 / 部分达成 / 未达成, optionally with a score inside the band).
/// </summary>
public sealed partial record Actual(string Indicator, string Text, DateOnly AsOf)
{
    [GeneratedRegex(@"^\s*(-?\d{1,20}(?:\.\d{1,8})?)(?!\d)")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^\s*(达成|部分达成|未达成)\s*(\d{1,20}(?:\.\d{1,8})?)?")]
    private static partial Regex Band();

    public decimal? Number => LeadingNumber().Match(Text.Replace(",", string.Empty, StringComparison.Ordinal)) is { Success: true } m
        ? decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
        : null;

    public DateOnly? CompletedOn => Target.Parse(Text) is { Success: true } t && t.Value.Kind == TargetKind.Deadline ? t.Value.Deadline : null;

    /// <summary>The evaluator's band and the score inside it (a share of the weight, 0–1).</summary>
    public (string Band, decimal Share)? Judgement
    {
        get
        {
            if (Band().Match(Text) is not { Success: true } m)
            {
                return null;
            }

            var (low, high, middle) = m.Groups[1].Value switch
            {
                "达成" => (0.8m, 1m, 0.9m),
                "部分达成" => (0.5m, 0.8m, 0.65m),
                _ => (0m, 0.5m, 0.25m),
            };
            var share = m.Groups[2].Success ? Math.Clamp(decimal.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) / 100m, low, high) : middle;
            return (m.Groups[1].Value, share);
        }
    }
}

/// <summary>The actuals recorded at a date, and how much of the budget was spent by then (万元).</summary>
public sealed record ActualsSheet(DateOnly AsOf, IReadOnlyList<Actual> Actuals, decimal? Executed)
{
    public Actual? For(string indicator) => Actuals.FirstOrDefault(a => a.Indicator == indicator);
}
