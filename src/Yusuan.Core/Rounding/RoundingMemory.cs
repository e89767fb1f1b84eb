namespace Yusuan.Core.Rounding;

/// <summary>
/// How a compiled budget rounded each of its atoms under controlled rounding — the amount in 元 and what it was rounded to, as a
/// whole number of display units (1234 for 12.34 万元 in a table with two decimals) — kept so that the next version of the same budget can be rounded
/// against it: an atom whose amount is unchanged is printed as before, and a figure made only of such atoms keeps its printed
/// value wherever the constraints allow (issue 16: a revision must not move figures whose true values did not change).
/// Only atoms that are not whole display units are kept; a whole one has nothing to decide.
/// </summary>
public sealed class RoundingMemory
{
    private readonly Dictionary<string, RememberedAtom> atoms;

    /// <param name="atoms">The atoms, each under its <see cref="RememberedAtom.Key"/>; a key given twice is an error.</param>
    /// <exception cref="ArgumentException">Two atoms with the same key.</exception>
    public RoundingMemory(IEnumerable<RememberedAtom> atoms)
    {
        this.atoms = new Dictionary<string, RememberedAtom>(StringComparer.Ordinal);
        foreach (var atom in atoms)
        {
            if (!this.atoms.TryAdd(atom.Key, atom))
            {
                throw new ArgumentException($"原子 {atom.Key} 出现了两次", nameof(atoms));
            }
        }
    }

    /// <summary>Nothing remembered: a first rounding.</summary>
    public static RoundingMemory Empty { get; } = new([]);

    /// <summary>The atoms, in key order.</summary>
    public IEnumerable<RememberedAtom> Atoms => atoms.Values.OrderBy(a => a.Key, StringComparer.Ordinal);

    public int Count => atoms.Count;

    /// <summary>
    /// The direction an atom was rounded (true = up) if it is remembered with exactly <paramref name="amount"/> 元, else null.
    /// <paramref name="unitSize"/> is the display unit in 元 (10,000 for 万元 with no decimals).
    /// </summary>
    internal bool? Direction(string key, decimal amount, decimal unitSize) =>
        atoms.TryGetValue(key, out var atom) && atom.Amount == amount ? atom.Printed > decimal.Floor(amount / unitSize) : null;
}

/// <summary>
/// One atom as a budget printed it. <see cref="Key"/> names it across versions: the display precision and the atom's
/// cross-classification (agency, function code, kind, economic code, project, fund source, 三公, procurement, 机关运行经费 and
/// the measure), or for an atom that is not a line (last year's figures) its place among those.
/// </summary>
/// <param name="Key">For example <c>0|001001|2110101|Personnel|30101||GeneralPublicBudget|None|None|False|Amount</c>.</param>
/// <param name="Amount">The atom's exact amount, 元.</param>
/// <param name="Printed">What it was rounded to, as a whole number of display units (1234 for 12.34 万元 at two decimals).</param>
public sealed record RememberedAtom(string Key, decimal Amount, decimal Printed);
