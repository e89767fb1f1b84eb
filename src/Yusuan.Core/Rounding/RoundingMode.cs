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
}
