using System.Globalization;
using System.Text.RegularExpressions;

namespace Yusuan.Core.Performance;

public enum TargetKind
{
    /// <summary>A number with a comparator and a unit: ≥1000 次, ≤24 小时, =100%.</summary>
    Quantitative,

    /// <summary>A date to finish by: 2023 年 11 月 30 日前.</summary>
    Deadline,

    /// <summary>A judgement: 有效保障, 合理, 提高.</summary>
    Qualitative,
}

public enum Comparator
{
    AtLeast,
    AtMost,
    Equal,
    Greater,
    Less,
}

/// <summary>
/// A performance target (目标值) read into its parts and printed back exactly as written: the comparator as printed
/// (≥, ≤, =, or none — 100% means =), the spaces, the number with its decimals, and the unit (次, %, (%), 万元 …).
/// </summary>
public sealed partial record Target
{
    public required TargetKind Kind { get; init; }

    /// <summary>The comparator as printed ("≥", "≤", "=", "＝", ">", "<"); empty when implied.</summary>
    public string ComparatorText { get; init; } = string.Empty;

    public string SpaceAfterComparator { get; init; } = string.Empty;

    /// <summary>The number as printed ("1000", "100.00").</summary>
    public string NumberText { get; init; } = string.Empty;

    public string SpaceBeforeUnit { get; init; } = string.Empty;

    public string Unit { get; init; } = string.Empty;

    public DateOnly? Deadline { get; init; }

    /// <summary>Text after the date (前, 之前, 以前) or the qualitative wording.</summary>
    public string Wording { get; init; } = string.Empty;

    public Comparator Comparator => ComparatorText switch
    {
        "≥" or "≧" => Comparator.AtLeast,
        "≤" or "≦" => Comparator.AtMost,
        ">" => Comparator.Greater,
        "<" => Comparator.Less,
        _ => Comparator.Equal,
    };

    public decimal Value => decimal.Parse(NumberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    public bool IsPercent => Unit.Contains('%', StringComparison.Ordinal);

    [GeneratedRegex(@"^(?<cmp>≥|≤|=|＝|>|<|≧|≦)?(?<sp1>\s*)(?<num>\d{1,20}(?:\.\d{1,8})?)(?<sp2>\s*)(?<unit>[^\d\s][^\d]*)?$")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"^(?<y>\d{4})(?<s1>\s*)年(?<s2>\s*)(?<m>\d{1,2})(?<s3>\s*)月(?<s4>\s*)(?<d>\d{1,2})(?<s5>\s*)日(?<w>前|之前|以前|止)?$")]
    private static partial Regex Date();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{2,16}$")]
    private static partial Regex Quality();

    private string DateSpaces { get; init; } = string.Empty;

    public static ParseResult<Target> Parse(string? text)
    {
        var t = (text ?? string.Empty).Trim();
        if (Quantity().Match(t) is { Success: true } q && (q.Groups["cmp"].Success || q.Groups["unit"].Success))
        {
            return ParseResult<Target>.ForValue(new Target
            {
                Kind = TargetKind.Quantitative,
                ComparatorText = q.Groups["cmp"].Value,
                SpaceAfterComparator = q.Groups["sp1"].Value,
                NumberText = q.Groups["num"].Value,
                SpaceBeforeUnit = q.Groups["sp2"].Value,
                Unit = q.Groups["unit"].Value,
            });
        }

        if (Date().Match(t) is { Success: true } d)
        {
            var y = int.Parse(d.Groups["y"].Value, CultureInfo.InvariantCulture);
            var m = int.Parse(d.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(d.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (m is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(y, m))
            {
                return ParseResult<Target>.ForError($"目标值“{t}”不是有效的日期");
            }

            return ParseResult<Target>.ForValue(new Target
            {
                Kind = TargetKind.Deadline,
                Deadline = new DateOnly(y, m, day),
                Wording = d.Groups["w"].Value,
                DateSpaces = string.Join("|", Enumerable.Range(1, 5).Select(i => d.Groups["s" + i].Value)),
                NumberText = d.Groups["m"].Value + "|" + d.Groups["d"].Value,
            });
        }

        if (Quality().IsMatch(t))
        {
            return ParseResult<Target>.ForValue(new Target { Kind = TargetKind.Qualitative, Wording = t });
        }

        return ParseResult<Target>.ForError(t.Length == 0 ? "目标值为空" : $"无法识别目标值“{t}”：应为 ≥/≤/= 加数值和单位（如 ≥1000 次）、完成期限（如 2023 年 11 月 30 日前）或定性表述（如 有效保障）");
    }

    /// <summary>The target as it was written.</summary>
    public string Print()
    {
        switch (Kind)
        {
            case TargetKind.Quantitative:
                return ComparatorText + SpaceAfterComparator + NumberText + SpaceBeforeUnit + Unit;
            case TargetKind.Deadline:
                var s = DateSpaces.Split('|');
                var md = NumberText.Split('|');
                return $"{Deadline!.Value.Year}{s[0]}年{s[1]}{md[0]}{s[2]}月{s[3]}{md[1]}{s[4]}日{Wording}";
            default:
                return Wording;
        }
    }

    /// <summary>Whether an actual value meets the target (quantitative targets only).</summary>
    public bool Met(decimal actual) => Comparator switch
    {
        Comparator.AtLeast => actual >= Value,
        Comparator.AtMost => actual <= Value,
        Comparator.Greater => actual > Value,
        Comparator.Less => actual < Value,
        _ => actual == Value,
    };
}
