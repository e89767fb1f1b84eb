using System.Globalization;

namespace Yusuan.Core.Narrative;

/// <summary>How the seed writes figures in its text: 7,656 万元; 0.47 万元; 增加/减少 and 增长/下降 by sign; whole percentages.</summary>
public static class Wording
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>An amount in 万元 as the text prints it: thousands separators, no trailing zeros.</summary>
    public static string Wan(decimal value) => Normalise(Math.Abs(value)).ToString("#,##0.##", Zh);

    public static string Number(decimal value) => Normalise(value).ToString("#,##0.##", Zh);

    public static string AmountVerb(decimal change) => change < 0 ? "减少" : "增加";

    public static string RateVerb(decimal change) => change < 0 ? "下降" : "增长";

    /// <summary>
    /// The change as a percentage of last year's figure, rounded to <paramref name="decimals"/> places (四舍五入).
    /// Last year 0 and an increase reads 100%, as the seed writes it (第三部分, 生态环境专项资金).
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

    /// <summary>"比 2022 年减少 343 万元，下降 4%".</summary>
    public static string Comparison(int priorYear, decimal change, decimal percent, bool budget = false) =>
        $"比 {priorYear} 年{(budget ? "预算" : string.Empty)}{AmountVerb(change)} {Wan(change)} 万元，{RateVerb(change)} {Number(Math.Abs(percent))}%";

    /// <summary>一 … 九十九, as the seed numbers its parts, tables and reasons.</summary>
    public static string ChineseCount(int n) => Compile.TableTitles.ChineseOrdinal(n);

    private static decimal Normalise(decimal value) => value / 1.000000000000000000000000000000000m;
}
