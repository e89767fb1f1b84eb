using System.Globalization;

namespace Yusuan.Core.Narrative;

/// <summary>
/// How the text writes figures (docs/wording.md lists every sentence): 7,656万元, 0.47万元 — no space between a figure and
/// its unit or 年; 增加/减少 and 增长/下降 by sign; percentages with one decimal (下降4.3%), as most published documents print them.
/// </summary>
public static class Wording
{
    /// <summary>Decimals of every percentage the text prints.</summary>
    public const int PercentDecimals = 1;

    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>An amount in 万元 as the text prints it: thousands separators, no trailing zeros.</summary>
    public static string Wan(decimal value) => Normalise(Math.Abs(value)).ToString("#,##0.##", Zh);

    public static string Number(decimal value) => Normalise(value).ToString("#,##0.##", Zh);

    /// <summary>A percentage's figure as printed, always with <see cref="PercentDecimals"/> decimals: 4.3, 80.0, 100.0.</summary>
    public static string PercentText(decimal percent) => Math.Abs(percent).ToString("#,##0.0", Zh);

    public static string AmountVerb(decimal change) => change < 0 ? "减少" : "增加";

    public static string RateVerb(decimal change) => change < 0 ? "下降" : "增长";

    /// <summary>
    /// The change as a percentage of last year's figure, rounded to <paramref name="decimals"/> places (四舍五入).
    /// Last year 0 and an increase reads 100%, as the seed writes it (第三部分, 生态环境专项资金); the text itself says
    /// 上年无此项 instead (<see cref="YearOnYear.Percent"/>).
    /// </summary>
    public static decimal Percent(decimal current, decimal prior, int decimals)
    {
        var change = current - prior;
        if (prior == 0)
        {
            return change == 0 ? 0 : 100 * Math.Sign(change);
        }

        return decimal.Round(change / Math.Abs(prior) * 100m, decimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// A figure against last year's, in the words the text uses (<paramref name="lead"/> is 比 or 较; <paramref name="against"/> what
    /// last year's figure was: 预算, or nothing):
    /// "比2022年预算减少343万元，下降4.3%"; no change: "与2022年预算持平"; nothing last year: "比2022年预算增加114万元，上年无此项".
    /// </summary>
    public static string Comparison(int priorYear, YearOnYear figures, string against = "", string lead = "比")
    {
        if (figures.IsFlat)
        {
            return $"与{priorYear}年{against}持平";
        }

        var amount = $"{lead}{priorYear}年{against}{AmountVerb(figures.Change)}{Wan(figures.Change)}万元";
        return figures.Percent is { } percent ? $"{amount}，{RateVerb(figures.Change)}{PercentText(percent)}%" : $"{amount}，上年无此项";
    }

    /// <summary>一 … 九十九, as the seed numbers its parts, tables and reasons.</summary>
    public static string ChineseCount(int n) => Compile.TableTitles.ChineseOrdinal(n);

    private static decimal Normalise(decimal value) => value / 1.000000000000000000000000000000000m;
}

/// <summary>A figure this year and last year (万元), as the text compares them.</summary>
public readonly record struct YearOnYear(decimal Current, decimal Prior)
{
    public decimal Change => Current - Prior;

    /// <summary>No change: the text says 持平 and states no rate.</summary>
    public bool IsFlat => Change == 0;

    /// <summary>Nothing last year and something this year: no rate can be stated (上年无此项).</summary>
    public bool IsNew => Prior == 0 && Current != 0;

    /// <summary>The rate the text states, with <see cref="Wording.PercentDecimals"/> decimals; null when it states none (flat or new).</summary>
    public decimal? Percent => IsFlat || IsNew ? null : Wording.Percent(Current, Prior, Wording.PercentDecimals);
}
