namespace Yusuan.Core.Rounding;

public enum RoundingMode
{
    /// <summary>Each figure rounded on its own (四舍五入), as most publishers do: printed sums may miss by a few units.</summary>
    Independent,

    /// <summary>Every printed total equals the sum of its printed parts, each cell within one unit, shared figures alike.</summary>
    Controlled,
}

public static class RoundingModes
{
    public static string Name(this RoundingMode mode) => mode == RoundingMode.Controlled ? "controlled" : "independent";

    /// <summary>The mode a disclosure's rounding field names (controlled; anything else was rounded figure by figure).</summary>
    public static RoundingMode Of(Disclosures.Disclosure disclosure) => disclosure.Rounding == Name(RoundingMode.Controlled) ? RoundingMode.Controlled : RoundingMode.Independent;

    /// <summary>The mode as a reader names it: 受控舍入 or 独立四舍五入.</summary>
    public static string Title(this RoundingMode mode) => mode == RoundingMode.Controlled ? "受控舍入" : "独立四舍五入";
}
