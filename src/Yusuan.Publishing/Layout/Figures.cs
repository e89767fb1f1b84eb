using System.Globalization;

namespace Yusuan.Publishing.Layout;

/// <summary>How figures are printed in the tables: 7,656; two-decimal tables drop trailing zeros as the seed does (8.47, 8, 0).</summary>
public static class Figures
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static string Format(decimal value, int decimals) =>
        decimals == 0 ? decimal.Round(value, 0).ToString("#,##0", Zh) : (value / 1.000000000000000000000000000000000m).ToString("#,##0.##", Zh);
}
