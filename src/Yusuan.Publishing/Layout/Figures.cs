using System.Globalization;

namespace Yusuan.Publishing.Layout;

/// <summary>
/// How figures are printed in the tables: 7,656; in a table of two decimals every figure with both (8.47, 8.00, 0.00), so a
/// column reads in one precision — where the seed dropped trailing zeros (8.47, 8, 0).
/// </summary>
public static class Figures
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The figure with thousands separators and exactly <paramref name="decimals"/> decimals (rounded half away from zero).</summary>
    public static string Format(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero).ToString(decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals), Zh);
}
