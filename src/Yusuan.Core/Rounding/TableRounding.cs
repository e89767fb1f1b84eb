using System.Buffers;
using System.Runtime.CompilerServices;
using Yusuan.Core.Compile;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;

namespace Yusuan.Core.Rounding;

/// <summary>
/// Turns the exact tables (元) into printed tables in their display unit, by independent or controlled rounding. Its loops over
/// cells and terms are compiled fully optimised at once ([MethodImpl(AggressiveOptimization)]), as the tables' are (see
/// TableSet).
/// </summary>
public static class TableRounding
{
    /// <summary>Columns that are part of another in the same row (column keys, Core.Tables): 面向中小企业 of 政府采购, 面向小微企业 of 面向中小企业.</summary>
    private static readonly (string Whole, string Part)[] WholesAndParts = [("procurement", "sme"), ("sme", "micro")];

    public static (IReadOnlyList<DisclosureTable> Tables, IReadOnlyList<Finding> Findings) Apply(
        IReadOnlyList<TableDraft> drafts, IReadOnlyList<decimal> atomValues, RoundingMode mode)
    {
        var (tables, findings, _) = Apply(drafts, atomValues, mode, null, null);
        return (tables, findings);
    }

    /// <summary>
    /// Rounds the tables; under controlled rounding against <paramref name="previous"/> when given (atoms named by
    /// <paramref name="identity"/>), and returns how this rounding rounded its atoms, for the next version.
    /// </summary>
    /// <param name="inCents">Whether controlled rounding may count the atoms in 分 (as it does whenever they are whole 分); false
    /// rounds them through their values in display units, as decimals — the same rounding, which the tests compare.</param>
    internal static (IReadOnlyList<DisclosureTable> Tables, IReadOnlyList<Finding> Findings, Func<RoundingMemory> Memory) Apply(
        IReadOnlyList<TableDraft> drafts, IReadOnlyList<decimal> atomValues, RoundingMode mode, Func<int, string>? identity, RoundingMemory? previous, bool inCents = true)
    {
        var remembered = new List<Func<IEnumerable<RememberedAtom>>>();
        var printed = drafts.ToDictionary(d => d, d => d.Rows.Select(r => new decimal[r.Cells.Length]).ToArray());
        var findings = new List<Finding>();
        if (mode == RoundingMode.Independent)
        {
            foreach (var draft in drafts)
            {
                for (var r = 0; r < draft.Rows.Count; r++)
                {
                    for (var c = 0; c < draft.Rows[r].Cells.Length; c++)
                    {
                        printed[draft][r][c] = decimal.Round(draft.Rows[r].Cells[c].Truth / 10_000m, draft.Decimals, MidpointRounding.AwayFromZero);
                    }
                }
            }
        }
        else
        {
            // One rounding per display precision: figures printed at the same precision share atoms, so they agree across tables.
            foreach (var group in drafts.GroupBy(d => d.Decimals))
            {
                RoundControlled(group.ToList(), atomValues, printed, findings, identity, previous, remembered, inCents);
            }
        }

        var tables = drafts.Select(d => new DisclosureTable
        {
            Id = d.Id,
            Title = d.Title,
            Unit = "万元",
            Decimals = d.Decimals,
            Columns = d.Columns,
            Note = d.Note,
            Performance = d.Performance,
            Rows = d.Rows.Select((row, r) => row.Template with { Values = printed[d][r] }).ToList(),
        }).ToList();
        return (tables, findings, () => new RoundingMemory(remembered.SelectMany(r => r())));
    }

    /// <summary>
    /// The most, in 元 either way, an atom counted in 分 may hold (10^17 分, well within 64-bit integers); whether a department's
    /// sums stay within them the search checks (<see cref="ControlledRounder.TrySolve"/>).
    /// </summary>
    private const decimal MaxInCents = 1_000_000_000_000_000m;

    /// <summary><see cref="MaxInCents"/> in 分.</summary>
    private const ulong MaxCents = 100_000_000_000_000_000;

    /// <summary>
    /// Each atom in 分, with the display unit (<paramref name="unitSize"/> 元) in 分 — when every atom is a whole number of 分
    /// within ±10^15 元 and the unit is a whole number of 分; else null.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long[]? InCents(IReadOnlyList<decimal> atomValues, decimal unitSize, out long centsPerUnit)
    {
        centsPerUnit = 0;
        var perUnit = unitSize * 100m;
        if (perUnit < 1 || perUnit != decimal.Truncate(perUnit))
        {
            return null;
        }

        var cents = new long[atomValues.Count];
        Span<int> bits = stackalloc int[4];
        for (var a = 0; a < cents.Length; a++)
        {
            // A decimal is a 96-bit integer over 10^scale: one of no more than two places (a sum of amounts in 元 and 分 is) is
            // read as it stands, without decimal arithmetic; any other through decimals.
            var value = atomValues[a];
            decimal.GetBits(value, bits);
            var scale = (bits[3] >> 16) & 0xFF;
            var magnitude = unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]); // the low 64 bits, as bits
            if (bits[2] == 0 && scale <= 2 && magnitude <= MaxCents / 100)
            {
                var inCents = (long)magnitude * (scale == 0 ? 100 : scale == 1 ? 10 : 1);
                cents[a] = bits[3] < 0 ? -inCents : inCents;
                continue;
            }

            if (value > MaxInCents || value < -MaxInCents)
            {
                return null;
            }

            var scaled = value * 100m;
            var whole = decimal.Truncate(scaled);
            if (whole != scaled)
            {
                return null;
            }

            cents[a] = (long)whole;
        }

        centsPerUnit = (long)perUnit;
        return cents;
    }

    /// <summary>Signed terms with every sign turned.</summary>
    private static int[] Negated(ReadOnlySpan<int> terms)
    {
        var negated = new int[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            negated[i] = -terms[i];
        }

        return negated;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RoundControlled(
        List<TableDraft> drafts,
        IReadOnlyList<decimal> atomValues,
        Dictionary<TableDraft, decimal[][]> printed,
        List<Finding> findings,
        Func<int, string>? identity,
        RoundingMemory? previous,
        List<Func<IEnumerable<RememberedAtom>>> remembered,
        bool inCents)
    {
        var unitSize = drafts[0].UnitSize;
        var scale = unitSize / 10_000m;
        // The search counts in 分 when the atoms are whole 分 (a ledger's amounts are): no decimal division per atom to put them
        // in display units, nor the search's own scaling of those. Otherwise in display units (decimals), scaled by the search.
        var centsPerUnit = 0L;
        var cents = inCents ? InCents(atomValues, unitSize, out centsPerUnit) : null;
        decimal[]? values = null;
        decimal[] Values() => values ??= atomValues.Select(v => v / unitSize).ToArray();
        bool IsWhole(int a) => cents is not null ? cents[a] % centsPerUnit == 0 : decimal.Floor(Values()[a]) == Values()[a];
        // Cells that sum the same atoms with the same signs are one figure (in the order first met), so they print alike. A
        // figure keeps the terms of the first cell met, in their order (the order the search starts from); the lookup goes by
        // the terms in canonical order (by atom, then sign), copied only for a figure not met before. The tables add atoms in
        // atom order, so a cell's terms are almost always in that order already and need no sorting.
        // Each whole less its part (see below): the two cells' terms, with the part's signs turned.
        var wholesLessParts = new List<(CellDraft Whole, CellDraft Part)>();
        foreach (var draft in drafts)
        {
            var keys = draft.Columns.Select(c => c.Key).ToList();
            foreach (var (wholeColumn, partColumn) in WholesAndParts.Select(p => (keys.IndexOf(p.Whole), keys.IndexOf(p.Part))).Where(p => p.Item1 >= 0 && p.Item2 >= 0))
            {
                wholesLessParts.AddRange(draft.Rows.Where(row => !row.Cells[partColumn].IsEmpty).Select(row => (row.Cells[wholeColumn], row.Cells[partColumn])));
            }
        }

        // Room for every cell's terms (figures shared by several cells take less), rented once from the shared pool and given
        // back when the rounding is done: a city's departments hold up to half a million terms, and a list sized or grown here
        // per department was most of what rounding allocated.
        var (cellCount, termCount) = (0, 0);
        foreach (var draft in drafts)
        {
            foreach (var row in draft.Rows)
            {
                cellCount += row.Cells.Length;
                foreach (var cell in row.Cells)
                {
                    termCount += cell.SignedTerms.Length;
                }
            }
        }

        foreach (var (wholeCell, partCell) in wholesLessParts)
        {
            termCount += wholeCell.SignedTerms.Length + partCell.SignedTerms.Length;
        }

        var figureStart = ArrayPool<int>.Shared.Rent(cellCount + wholesLessParts.Count + 1);
        var figureTerms = ArrayPool<int>.Shared.Rent(termCount);
        var cellFigure = ArrayPool<int>.Shared.Rent(cellCount); // each cell's figure, cells in table, row, column order
        using var signatures = new FigureSignatures(termCount, cellCount + wholesLessParts.Count);
        try
        {
            var (figureCount, figureTermCount) = (0, 0);
            figureStart[0] = 0;
            var sorted = new int[16];
            int FigureOf(ReadOnlySpan<int> terms)
            {
                var signature = terms;
                if (!Signature.IsCanonical(terms))
                {
                    if (sorted.Length < terms.Length)
                    {
                        sorted = new int[Math.Max(terms.Length, sorted.Length * 2)];
                    }

                    var copy = sorted.AsSpan(0, terms.Length);
                    Signature.Sort(terms, copy);
                    signature = copy;
                }

                if (!signatures.TryFind(signature, out var f))
                {
                    f = signatures.Add(signature);
                    terms.CopyTo(figureTerms.AsSpan(figureTermCount));
                    figureTermCount += terms.Length;
                    figureStart[++figureCount] = figureTermCount;
                }

                return f;
            }

            var cell = 0;
            foreach (var draft in drafts)
            {
                foreach (var row in draft.Rows)
                {
                    foreach (var draftCell in row.Cells)
                    {
                        cellFigure[cell++] = FigureOf(draftCell.SignedTerms);
                    }
                }
            }

            // A part printed above its whole (面向小微企业 above 面向中小企业 above 政府采购, T03) is ruled out: each whole less its
            // part is a figure of the search too, with no cell of its own. Its true value is not negative (a line's parts are
            // checked not to pass its whole), so printed within one unit of it, it is not negative.
            foreach (var (wholeCell, partCell) in wholesLessParts)
            {
                FigureOf([.. wholeCell.SignedTerms, .. Negated(partCell.SignedTerms)]);
            }

            var figures = new FlatFigures(figureStart, figureTerms, figureCount);
            string Key(int atom) => $"{drafts[0].Decimals}|{identity!(atom)}";
            var directions = identity is null || previous is null
                ? null
                : atomValues.Select((amount, a) => IsWhole(a) ? null : previous.Direction(Key(a), amount, unitSize)).ToArray();
            if (directions?.All(d => d is null) == true)
            {
                directions = null; // nothing in common with the previous version: a first rounding
            }

            // Each atom rounded to whole display units: from the search in 分 when it could count in them, else in decimals.
            long[]? units = null;
            decimal[]? atoms = null;
            IReadOnlyList<int> unaligned;
            if (cents is not null && ControlledRounder.TrySolve(cents, centsPerUnit, figures, directions) is { } solved)
            {
                (units, unaligned) = solved;
            }
            else
            {
                (atoms, unaligned) = new ControlledRounder(Values(), figures, directions).Solve();
            }

            var count = atomValues.Count;
            decimal Rounded(int a) => units is not null ? units[a] : atoms![a];
            if (identity is not null)
            {
                // Named only when asked for (a rounding kept or written): naming every atom costs more than a check needs.
                remembered.Add(() => Enumerable.Range(0, count)
                    .Where(a => !IsWhole(a))
                    .Select(a => new RememberedAtom(Key(a), atomValues[a], Rounded(a))));
            }

            var outOfBounds = unaligned.ToHashSet();
            // Rounded atoms are whole display units: summed as integers.
            var whole = ArrayPool<Int128>.Shared.Rent(count);
            for (var a = 0; a < count; a++)
            {
                whole[a] = units is not null ? units[a] : (Int128)atoms![a];
            }

            var figurePrinted = new decimal[figures.Count];
            for (var f = 0; f < figures.Count; f++)
            {
                var sum = Int128.Zero;
                for (var t = figures.Start[f]; t < figures.Start[f + 1]; t++)
                {
                    var signed = figures.Signed[t];
                    sum += signed > 0 ? whole[signed - 1] : -whole[-signed - 1];
                }

                figurePrinted[f] = (decimal)sum;
            }

            ArrayPool<Int128>.Shared.Return(whole);

            cell = 0;
            foreach (var draft in drafts)
            {
                for (var r = 0; r < draft.Rows.Count; r++)
                {
                    for (var c = 0; c < draft.Rows[r].Cells.Length; c++)
                    {
                        var f = cellFigure[cell++];
                        var sum = figurePrinted[f];
                        printed[draft][r][c] = sum * scale;
                        if (outOfBounds.Contains(f))
                        {
                            var row = draft.Rows[r].Template;
                            findings.Add(new Finding(
                                "rounding.controlled.unaligned",
                                Severity.Info,
                                "rounding",
                                Messages.RoundingUnaligned(draft.Id, row.Code ?? row.Key ?? row.Name, draft.Columns[c].Title, draft.Rows[r].Cells[c].Truth / 10_000m, sum * scale),
                                new Location { Table = draft.Id, TableRow = row.Code ?? row.Key ?? row.Name, TableColumn = draft.Columns[c].Key },
                                Expected: draft.Rows[r].Cells[c].Truth / 10_000m,
                                Actual: sum * scale,
                                Tolerance: scale));
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(figureStart);
            ArrayPool<int>.Shared.Return(figureTerms);
            ArrayPool<int>.Shared.Return(cellFigure);
        }
    }
}

/// <summary>
/// Equality of a figure's atoms with their signs (sign × (atom + 1), in canonical order: <see cref="Order"/>): equal for two
/// cells exactly when they sum alike.
/// Looked up by span, so a cell whose figure is known allocates nothing.
/// </summary>
internal static class Signature
{
    /// <summary>The canonical order of signed terms (sign × (atom + 1)): by atom, then by sign.</summary>
    public static Comparison<int> Order { get; } = (x, y) => Math.Abs(x) != Math.Abs(y) ? Math.Abs(x).CompareTo(Math.Abs(y)) : x.CompareTo(y);

    /// <summary>
    /// Signed terms into <paramref name="into"/> (as long as <paramref name="terms"/>) in the canonical order: in one pass when
    /// they are two runs each in that order (a whole and its negated part, <see cref="TableRounding"/>), else by sorting a key
    /// per term (<see cref="Key"/>) as plain integers — sorting through <see cref="Order"/> took
    /// about a sixth of a department's compile outside the search, much of it in the sorter's heap-sort fallback.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(ReadOnlySpan<int> terms, Span<int> into)
    {
        var split = Math.Min(1, terms.Length);
        while (split < terms.Length && Key(terms[split - 1]) <= Key(terms[split]))
        {
            split++;
        }

        if (IsCanonical(terms[split..]))
        {
            var a = terms[..split];
            var b = terms[split..];
            int i = 0, j = 0, k = 0;
            while (i < a.Length && j < b.Length)
            {
                into[k++] = Key(a[i]) <= Key(b[j]) ? a[i++] : b[j++];
            }

            a[i..].CopyTo(into[k..]);
            b[j..].CopyTo(into[(k + a.Length - i)..]);
            return;
        }

        for (var t = 0; t < terms.Length; t++)
        {
            into[t] = Key(terms[t]);
        }

        into.Sort();
        for (var t = 0; t < into.Length; t++)
        {
            into[t] = (into[t] & 1) == 1 ? into[t] >> 1 : -(into[t] >> 1);
        }
    }

    /// <summary>
    /// A signed term's place in the canonical order (<see cref="Order"/>) as a plain integer: 2 |x| + 1 when x &gt; 0, 2 |x|
    /// when x &lt; 0 — compared without a delegate where terms are ordered in bulk.
    /// </summary>
    private static int Key(int term) => (Math.Abs(term) * 2) + (term > 0 ? 1 : 0);

    /// <summary>Whether signed terms are in the canonical order (<see cref="Order"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsCanonical(ReadOnlySpan<int> terms)
    {
        for (var i = 1; i < terms.Length; i++)
        {
            if (Key(terms[i - 1]) > Key(terms[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash of signed terms, seeded at random per process (as string hashes are), so no file can make them collide on purpose.</summary>
    public static int Hash(ReadOnlySpan<int> signature)
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(signature));
        return hash.ToHashCode();
    }
}

/// <summary>
/// The figures of one rounding met so far, numbered 0, 1, … as they are added, each found by its signature (its terms in
/// canonical order, <see cref="Signature"/>). The signatures are held flat in arrays rented from the shared pool and given
/// back on <see cref="Dispose"/>: finding a cell's figure allocates nothing, and neither does adding one (an array of its
/// own for each figure's signature was about 140 MB of the 2.9 GB that checking the 1,000,000-line city allocated).
/// </summary>
internal sealed class FigureSignatures : IDisposable
{
    // Figure f's signature is terms[start[f] .. start[f + 1]).
    private readonly int[] terms;
    private readonly int[] start;
    private readonly HashSet<int> figures;
    private readonly HashSet<int>.AlternateLookup<ReadOnlySpan<int>> lookup;
    private int count;

    /// <param name="maxTerms">At least as many terms as all the figures added will hold.</param>
    /// <param name="maxFigures">At least as many figures as will be added.</param>
    public FigureSignatures(int maxTerms, int maxFigures)
    {
        terms = ArrayPool<int>.Shared.Rent(maxTerms);
        start = ArrayPool<int>.Shared.Rent(maxFigures + 1);
        start[0] = 0;
        figures = new HashSet<int>(new BySignature(this));
        lookup = figures.GetAlternateLookup<ReadOnlySpan<int>>();
    }

    /// <summary>The number of the figure with this signature, if one has been added.</summary>
    public bool TryFind(ReadOnlySpan<int> signature, out int figure) => lookup.TryGetValue(signature, out figure);

    /// <summary>Adds a figure not added before (<see cref="TryFind"/> said so); returns its number.</summary>
    public int Add(ReadOnlySpan<int> signature)
    {
        lookup.Add(signature); // stores it through BySignature.Create
        return count - 1;
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(terms);
        ArrayPool<int>.Shared.Return(start);
    }

    private ReadOnlySpan<int> Of(int figure) => terms.AsSpan(start[figure], start[figure + 1] - start[figure]);

    private int Store(ReadOnlySpan<int> signature)
    {
        signature.CopyTo(terms.AsSpan(start[count]));
        start[count + 1] = start[count] + signature.Length;
        return count++;
    }

    /// <summary>Figures (by number) equal when their signatures are; a signature looked up as a span.</summary>
    private sealed class BySignature(FigureSignatures owner) : IEqualityComparer<int>, IAlternateEqualityComparer<ReadOnlySpan<int>, int>
    {
        public bool Equals(int x, int y) => owner.Of(x).SequenceEqual(owner.Of(y));

        public int GetHashCode(int figure) => Signature.Hash(owner.Of(figure));

        public bool Equals(ReadOnlySpan<int> alternate, int other) => alternate.SequenceEqual(owner.Of(other));

        public int GetHashCode(ReadOnlySpan<int> alternate) => Signature.Hash(alternate);

        public int Create(ReadOnlySpan<int> alternate) => owner.Store(alternate);
    }
}
