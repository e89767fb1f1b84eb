using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Yusuan.Core.Compile;

namespace Yusuan.Core.Rounding;

/// <summary>
/// Controlled rounding over atoms. Every figure is a signed sum of atoms; each atom is rounded down or up to a whole display unit,
/// and a figure prints as the sum of its rounded atoms. So every total equals the sum of its printed parts in every table, and
/// two cells that sum the same atoms print alike, by construction. What remains is to choose the directions so that each
/// figure lands within one unit of its true value (|printed − true| &lt; 1).
///
/// Start: cumulative rounding along the atom order (agency, function code, kind, …), which keeps every run of consecutive atoms
/// — hence every node of the function tree — within one unit. Then a local search flips atoms to repair the figures that other
/// groupings (economic codes, fund sources, columns) pushed out of bounds. For two-way tables the bound can always be met
/// (the constraints form two laminar families, Cox 1987); across many overlapping tables it may not, and the figures left out of
/// bounds are returned for the caller to report.
///
/// Against a previous version (<paramref name="remembered"/> in the constructor): an atom whose amount has not changed starts
/// in the direction it was printed last time, and a figure made only of such atoms aims at what it printed then rather than
/// at 四舍五入, so a revision moves only the figures its changes force to move — and, starting from an almost finished
/// rounding, the search has little to repair.
/// </summary>
public sealed class ControlledRounder
{
    // The search runs in exact integers: every value times 10^k (k = the most decimal places any value has), so one display
    // unit is 10^k and comparisons with the bound are exact — in 64-bit integers when every sum fits, else in 128-bit.
    private readonly decimal[] values;
    private readonly decimal factor = 1m;
    private readonly FlatFigures figures;
    private readonly bool?[]? remembered;

    /// <param name="values">Atom values in display units (e.g. 万元); held, not copied, until <see cref="Solve"/>.</param>
    /// <param name="figures">Each figure's terms; atoms not named by any figure are still rounded.</param>
    /// <param name="remembered">
    /// Per atom, the direction it was rounded in the previous version when its amount is unchanged (true = up), else null;
    /// null for a first rounding.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="remembered"/> does not give one entry per atom.</exception>
    public ControlledRounder(decimal[] values, IReadOnlyList<IReadOnlyList<Term>> figures, bool?[]? remembered = null)
        : this(values, FlatFigures.Of(figures), remembered)
    {
    }

    /// <param name="values">Atom values in display units (e.g. 万元).</param>
    /// <param name="figures">Each figure's terms, held flat.</param>
    /// <param name="remembered">Per atom, its direction in the previous version when its amount is unchanged, else null.</param>
    internal ControlledRounder(decimal[] values, FlatFigures figures, bool?[]? remembered = null)
    {
        if (remembered is not null && remembered.Length != values.Length)
        {
            throw new ArgumentException($"remembered has {remembered.Length} entries for {values.Length} atoms", nameof(remembered));
        }

        this.remembered = remembered;
        // The most decimal places any value needs (trailing zeros aside): raised while some value is not whole at that many.
        var places = 0;
        foreach (var v in values)
        {
            while (decimal.Round(v, places) != v)
            {
                places++;
            }
        }

        for (var i = 0; i < places; i++)
        {
            factor *= 10;
        }

        this.values = values;
        this.figures = figures;
    }

    /// <summary>The rounded value of each atom, and the indices of figures that could not be kept within one unit.</summary>
    public (decimal[] Atoms, IReadOnlyList<int> Unaligned) Solve(int maxIterations = 0)
    {
        // Every quantity the search forms is a signed sum of atoms and units, so it is bounded by the sum of |values| plus a
        // unit per atom (with room for the doubling in 四舍五入).
        // The values are scaled straight into the integers the search runs in (a department has tens of thousands of atoms).
        var one = (Int128)factor;
        var bound = Int128.Zero;
        foreach (var v in values)
        {
            bound += Int128.Abs((Int128)(v * factor)) + one;
        }

        return bound * 4 < long.MaxValue
            ? new RoundingSearch<long>(Scaled(v => (long)v), (long)one, figures, remembered).Solve(maxIterations)
            : new RoundingSearch<Int128>(Scaled(v => (Int128)v), one, figures, remembered).Solve(maxIterations);

        T[] Scaled<T>(Func<decimal, T> convert)
        {
            var scaled = new T[values.Length];
            for (var a = 0; a < values.Length; a++)
            {
                scaled[a] = convert(values[a] * factor);
            }

            return scaled;
        }
    }

    /// <summary>
    /// Controlled rounding of atoms given as exact integers, <paramref name="one"/> of them to a display unit (a table's
    /// atoms in 分 with a unit of 10,000 元 = 1,000,000 分): each atom's rounded value in whole units, and the indices of figures
    /// that could not be kept within one unit — the same rounding <see cref="Solve"/> finds for the values in display units
    /// (every step of the search compares sums of the values and of units, whatever they are counted in). Null when the sums
    /// could pass 64-bit integers; the caller then rounds through <see cref="Solve"/>, which counts in 128-bit ones there.
    /// </summary>
    /// <param name="scaled">Each atom's value times <paramref name="one"/>, per display unit; held, not copied.</param>
    /// <param name="remembered">Per atom, its direction in the previous version when its amount is unchanged, else null.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (long[] Units, IReadOnlyList<int> Unaligned)? TrySolve(long[] scaled, long one, FlatFigures figures, bool?[]? remembered)
    {
        // As in Solve: every quantity the search forms is bounded by the sum of |values| plus a unit per atom, doubled twice.
        var bound = Int128.Zero;
        foreach (var v in scaled)
        {
            bound += Int128.Abs(v) + one;
        }

        if (bound * 4 >= long.MaxValue)
        {
            return null;
        }

        var (units, unaligned) = new RoundingSearch<long>(scaled, one, figures, remembered).SolveScaled();
        for (var a = 0; a < units.Length; a++)
        {
            units[a] /= one;
        }

        return (units, unaligned);
    }
}

/// <summary>
/// Figures held flat (compressed rows): figure f (of <see cref="Count"/>) has terms <see cref="Signed"/>[<see cref="Start"/>[f] ..
/// Start[f + 1]), each as sign × (atom + 1), in the order the caller gave them. The arrays may run on past what they hold
/// (rented from a pool).
/// </summary>
internal readonly record struct FlatFigures(int[] Start, int[] Signed, int Count)
{
    /// <summary>Figures given as lists of terms; a term's sign is taken as +1 or −1 by its sign.</summary>
    public static FlatFigures Of(IReadOnlyList<IReadOnlyList<Term>> figures)
    {
        var start = new int[figures.Count + 1];
        for (var f = 0; f < figures.Count; f++)
        {
            start[f + 1] = start[f] + figures[f].Count;
        }

        var signed = new int[start[^1]];
        for (var f = 0; f < figures.Count; f++)
        {
            for (var i = 0; i < figures[f].Count; i++)
            {
                signed[start[f] + i] = (figures[f][i].Sign < 0 ? -1 : 1) * (figures[f][i].Atom + 1);
            }
        }

        return new FlatFigures(start, signed, figures.Count);
    }
}

/// <summary>
/// Controlled rounding's search over atoms in exact integers of type <typeparamref name="T"/> (see <see cref="ControlledRounder"/>).
/// Figures and memberships are held flat (compressed rows: one array of starts, one of entries) and the search allocates
/// nothing per step, since a department's search takes thousands of steps over figures of up to thousands of atoms. Its loops
/// are compiled fully optimised at once ([MethodImpl(AggressiveOptimization)]), as the tables' are (see TableSet).
/// </summary>
internal sealed class RoundingSearch<T>
    where T : struct, IBinaryInteger<T>, ISignedNumber<T>
{
    private const int Tabu = 5;

    /// <summary>The sign bit's place in <typeparamref name="T"/> (63 for long, 127 for Int128).</summary>
    private static int SignBit => (Unsafe.SizeOf<T>() * 8) - 1;

    /// <summary>The most a figure's weight may grow to (its weight starts at 1).</summary>
    private const int MaxWeight = 4;

    private readonly T[] values;
    private readonly T one;
    private readonly int figureCount;

    // Figure f's terms are termAtom[termStart[f] .. termStart[f + 1]) with signs termSign[…], in the caller's order.
    private readonly int[] termStart;
    private readonly int[] termAtom;
    private readonly sbyte[] termSign;

    // Atom a belongs to figures memberKey[memberStart[a] .. memberStart[a + 1]), in figure order, each as 2 × figure, plus one
    // where the atom's sign in it is −1: the place, in a search's shifts, of what the figure adds when the atom goes up.
    private readonly int[] memberStart;
    private readonly int[] memberKey;

    private readonly bool?[]? remembered;

    private bool released;

    /// <param name="values">Atom values in display units, times 10^k so that <paramref name="one"/> (10^k) is one unit.</param>
    /// <param name="figures">Each figure's terms (sign ±1).</param>
    /// <param name="remembered">Per atom, its direction in the previous version if its amount is unchanged (see <see cref="ControlledRounder"/>).</param>
    /// <exception cref="ArgumentException">A term names no atom (its atom index is not below the number of values).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RoundingSearch(T[] values, T one, FlatFigures figures, bool?[]? remembered = null)
    {
        this.values = values;
        this.remembered = remembered;
        this.one = one;
        figureCount = figures.Count;
        termStart = figures.Start;
        var terms = termStart[figureCount];
        termAtom = ArrayPool<int>.Shared.Rent(terms);
        termSign = ArrayPool<sbyte>.Shared.Rent(terms);
        memberStart = ArrayPool<int>.Shared.Rent(values.Length + 1);
        Array.Clear(memberStart, 0, values.Length + 1);
        for (var t = 0; t < terms; t++)
        {
            var signed = figures.Signed[t];
            if (signed == 0 || signed < -values.Length || signed > values.Length)
            {
                // Every term names an atom: the search reads atoms' directions by these indices without bounds checks.
                throw new ArgumentException($"figure term {signed} names no atom of {values.Length}", nameof(figures));
            }

            termAtom[t] = Math.Abs(signed) - 1;
            termSign[t] = (sbyte)Math.Sign(signed);
            memberStart[termAtom[t] + 1]++;
        }

        for (var a = 0; a < values.Length; a++)
        {
            memberStart[a + 1] += memberStart[a];
        }

        memberKey = ArrayPool<int>.Shared.Rent(terms);
        var next = ArrayPool<int>.Shared.Rent(values.Length);
        Array.Copy(memberStart, next, values.Length);
        for (var f = 0; f < figureCount; f++)
        {
            for (var t = termStart[f]; t < termStart[f + 1]; t++)
            {
                memberKey[next[termAtom[t]]++] = (2 * f) + (termSign[t] < 0 ? 1 : 0);
            }
        }

        ArrayPool<int>.Shared.Return(next);
    }

    /// <summary>
    /// The rounded value of each atom in display units, and the indices of figures that could not be kept within one unit
    /// (see <see cref="SolveScaled"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The search has already run.</exception>
    public (decimal[] Atoms, IReadOnlyList<int> Unaligned) Solve(int maxIterations = 0)
    {
        var (rounded, unaligned) = SolveScaled(maxIterations);
        var atoms = new decimal[rounded.Length];
        for (var a = 0; a < rounded.Length; a++)
        {
            atoms[a] = decimal.CreateChecked(rounded[a] / one);
        }

        return (atoms, unaligned);
    }

    /// <summary>
    /// The rounded value of each atom as the search holds it — a whole number of units, times the unit (<c>one</c>) — and
    /// the indices of figures that could not be kept within one unit. A search runs once: its terms and memberships, rented
    /// from the shared array pool (a department holds up to half a million terms), go back when it ends, for the next
    /// department on the thread.
    /// </summary>
    /// <exception cref="InvalidOperationException">The search has already run.</exception>
    public (T[] Rounded, IReadOnlyList<int> Unaligned) SolveScaled(int maxIterations = 0)
    {
        if (released)
        {
            throw new InvalidOperationException("a rounding search runs once");
        }

        try
        {
            return SolveOnce(maxIterations);
        }
        finally
        {
            released = true;
            ArrayPool<int>.Shared.Return(termAtom);
            ArrayPool<sbyte>.Shared.Return(termSign);
            ArrayPool<int>.Shared.Return(memberStart);
            ArrayPool<int>.Shared.Return(memberKey);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (T[] Rounded, IReadOnlyList<int> Unaligned) SolveOnce(int maxIterations)
    {
        var n = values.Length;
        // The arrays as long as the atoms or the figures (hundreds of kilobytes for a large department, on the large-object heap
        // if made anew for each department) are rented from the shared pool, and given back when the search ends.
        var floor = ArrayPool<T>.Shared.Rent(n);
        var up = new bool[n];
        var flexible = new bool[n];
        T cumulative = T.Zero, previous = T.Zero;
        for (var a = 0; a < n; a++)
        {
            floor[a] = Floor(values[a]);
            flexible[a] = floor[a] != values[a];
            cumulative += values[a];
            if (remembered is null)
            {
                var rounded = Round(cumulative);
                up[a] = flexible[a] && rounded - previous > floor[a];
                previous = rounded;
            }
            else
            {
                // Remembered atoms keep their direction; the others round so the printed running sum stays nearest the true one.
                up[a] = flexible[a] && (remembered[a] ?? Round(cumulative) - previous > floor[a]);
                previous += floor[a] + (up[a] ? one : T.Zero);
            }
        }

        var error = ArrayPool<T>.Shared.Rent(figureCount);
        var kept = Kept(floor, flexible);
        RecomputeErrors(up, floor, error);
        if (remembered is not null)
        {
            RepairWithNewAtoms(up, flexible, error);
        }

        var limit = maxIterations > 0 ? maxIterations : 5000 + 100 * figureCount;
        var best = Search(up, flexible, error, kept, limit, seed: 1);
        var firstViolations = CountViolations(best, floor, error);
        if (firstViolations > 0)
        {
            // Restart from the nearest rounding of each atom: a different basin for the search.
            var nearest = new bool[n];
            for (var a = 0; a < n; a++)
            {
                nearest[a] = flexible[a] && values[a] - floor[a] + (values[a] - floor[a]) >= one;
            }

            RecomputeErrors(nearest, floor, error);
            var second = Search(nearest, flexible, error, kept, limit, seed: 2);
            if (CountViolations(second, floor, error) < firstViolations)
            {
                best = second;
            }
            else
            {
                RecomputeErrors(best, floor, error);
            }
        }

        // From here on error holds the errors of up: counted above, and kept up to date by every flip below.
        up = best;
        if (remembered is not null)
        {
            Restore(up, flexible, error);
        }

        PreferConventional(up, flexible, error, kept);

        var result = new T[n];
        for (var a = 0; a < n; a++)
        {
            result[a] = floor[a] + (up[a] ? one : T.Zero);
        }

        var unaligned = new List<int>();
        for (var f = 0; f < figureCount; f++)
        {
            if (Violates(error[f]))
            {
                unaligned.Add(f);
            }
        }

        ArrayPool<T>.Shared.Return(floor);
        ArrayPool<T>.Shared.Return(error);
        return (result, unaligned);
    }

    /// <summary>
    /// First phase: a WalkSAT-style search that repairs a figure out of bounds, chosen at random, by flipping one of its atoms —
    /// usually the flip that costs least elsewhere, sometimes (one in ten, from a fixed seed so runs repeat) any flip that helps it —
    /// with a short tabu list against undoing the last moves; figures kept from the previous version (<paramref name="kept"/>)
    /// weigh against flips that would move them. Starts from <paramref name="up"/> with its errors in
    /// <paramref name="error"/>, both changed as it goes; returns the best assignment seen (fewest figures out of bounds).
    /// <para>
    /// Each figure's distance out of bounds is weighed by a weight that learns which figures keep failing (breakout, as in
    /// clause weighting for SAT: Morris 1993; Thornton's PAWS, 2004): whenever the step taken improves nothing (its weighted cost
    /// is not below zero — a local minimum), every figure then out of bounds gains one (up to <see cref="MaxWeight"/>), and every
    /// second time every weight above one loses one. Without it the search spent most of its steps wandering among a
    /// department's last few figures out of bounds. With the weights, repairing any figure out of bounds rather than the worst,
    /// and one random flip in ten rather than five, the 1,000,000-line city rounds about 6 times faster (docs/benchmarks.md).
    /// </para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool[] Search(bool[] up, bool[] flexible, T[] error, T?[]? kept, int limit, int seed)
    {
        var random = new Random(seed);
        var lastFlipped = ArrayPool<int>.Shared.Rent(up.Length);
        Array.Fill(lastFlipped, -1_000_000, 0, up.Length);
        var violated = new FigureSet(figureCount);
        for (var f = 0; f < figureCount; f++)
        {
            if (Violates(error[f]))
            {
                violated.Add(f);
            }
        }

        var bestCount = violated.Count;
        var best = (bool[])up.Clone();

        // The atoms flipped since the best was last taken: copying them alone brings the best up to date (a department has tens
        // of thousands of atoms and the best improves thousands of times); past a quarter of the atoms the whole array is copied.
        var sinceBest = new List<int>();
        var maxTerms = 0;
        for (var f = 0; f < figureCount; f++)
        {
            maxTerms = Math.Max(maxTerms, termStart[f + 1] - termStart[f]);
        }

        var candidateAtom = new int[maxTerms];
        var candidateDelta = new T[maxTerms];
        var weight = new byte[figureCount];
        Array.Fill(weight, (byte)1);
        var heavy = new List<int>();
        var shift = ArrayPool<T>.Shared.Rent(2 * figureCount);
        for (var f = 0; f < figureCount; f++)
        {
            Shift(f, error, kept, weight, shift);
        }

        var minima = 0;
        var stuck = new ulong[(figureCount + 63) / 64];
        var stuckCount = 0;
        for (var iteration = 0; iteration < limit && violated.Count > stuckCount; iteration++)
        {
            var target = AnyOpen(violated, stuck, random);
            var wantDown = T.IsPositive(error[target]) && error[target] != T.Zero;
            var count = Candidates(target, wantDown, up, flexible, candidateAtom);

            if (count == 0)
            {
                stuck[target / 64] |= 1UL << (target % 64); // no atom can move it towards its bound; it will be reported
                stuckCount++;
                continue;
            }

            // One step in ten flips any candidate; the others weigh what each flip costs elsewhere.
            int chosen;
            T cost;
            if (random.Next(10) == 0)
            {
                chosen = candidateAtom[random.Next(count)];
                cost = FlipCost(chosen, up, shift);
            }
            else
            {
                var c = LeastCostly(candidateAtom, count, up, shift, candidateDelta, lastFlipped, iteration, random);
                (chosen, cost) = (candidateAtom[c], candidateDelta[c]);
            }

            if (!T.IsNegative(cost))
            {
                Breakout(violated, weight, heavy, ++minima, error, kept, shift);
            }

            var change = up[chosen] ? -one : one;
            up[chosen] = !up[chosen];
            lastFlipped[chosen] = iteration;
            for (var m = memberStart[chosen]; m < memberStart[chosen + 1]; m++)
            {
                var (g, sign) = Member(m);
                error[g] += Signed(sign, change);
                if (Violates(error[g]))
                {
                    violated.Add(g);
                }
                else
                {
                    violated.Remove(g);
                }

                Shift(g, error, kept, weight, shift);
            }

            if (sinceBest.Count <= up.Length / 4)
            {
                sinceBest.Add(chosen);
            }

            if (violated.Count < bestCount)
            {
                bestCount = violated.Count;
                if (sinceBest.Count > up.Length / 4)
                {
                    Array.Copy(up, best, up.Length);
                }
                else
                {
                    foreach (var a in sinceBest)
                    {
                        best[a] = up[a];
                    }
                }

                sinceBest.Clear();
            }
        }

        ArrayPool<int>.Shared.Return(lastFlipped);
        ArrayPool<T>.Shared.Return(shift);
        violated.Dispose();
        return best;
    }

    /// <summary>
    /// The atoms of figure <paramref name="target"/> whose flip moves it the way it must go (down when
    /// <paramref name="wantDown"/>): flipping an atom lowers a figure when the atom adds to it and goes down, or is taken
    /// from it and goes up. Written into <paramref name="into"/> (as long as the longest figure) in the figure's order; returns
    /// how many. Without branches: every atom is written and the count moves on only for a candidate — about half of a large
    /// figure's atoms are, at random, and a mispredicted branch per atom cost about a tenth of a city's rounding (3.19–3.32 s
    /// against 2.87–2.99 s for its departments on one core, alternating in one process). The atoms' directions are read
    /// without bounds checks: the constructor checked that every term names an atom.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Candidates(int target, bool wantDown, bool[] up, bool[] flexible, int[] into)
    {
        var atoms = termAtom.AsSpan(termStart[target], termStart[target + 1] - termStart[target]);
        var signs = termSign.AsSpan(termStart[target], atoms.Length);
        ref var isUp = ref MemoryMarshal.GetArrayDataReference(up);
        ref var isFlexible = ref MemoryMarshal.GetArrayDataReference(flexible);
        var down = wantDown ? 1 : 0;
        var count = 0;
        for (var i = 0; i < atoms.Length; i++)
        {
            var a = atoms[i];
            // 1 when the flip lowers the figure: the atom adds to it (sign +1) and is up, or is taken from it and is down.
            var lowers = 1 ^ (1 + (signs[i] >> 7)) ^ Unsafe.As<bool, byte>(ref Unsafe.Add(ref isUp, a));
            into[count] = a;
            count += Unsafe.As<bool, byte>(ref Unsafe.Add(ref isFlexible, a)) & (1 ^ lowers ^ down);
        }

        return count;
    }

    /// <summary>
    /// What flipping one atom costs in the search: what each figure it is in adds for a unit in the flip's direction, as
    /// <see cref="Shift"/> keeps it — so weighing a candidate reads one number per figure, not the figure's error and weight.
    /// The search's innermost loop (most of its time): the shifts are read without bounds checks, since every membership key
    /// is 2f or 2f + 1 for a figure f below <see cref="figureCount"/> (built so in the constructor) and
    /// <paramref name="shift"/> holds two per figure.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private T FlipCost(int a, bool[] up, T[] shift)
    {
        unchecked
        {
            var down = up[a] ? 1 : 0; // going down lowers a figure the atom adds to and raises one it is taken from
            var keys = memberKey.AsSpan(memberStart[a], memberStart[a + 1] - memberStart[a]);
            ref var first = ref MemoryMarshal.GetArrayDataReference(shift);
            var sum = T.Zero;
            foreach (var key in keys)
            {
                sum += Unsafe.Add(ref first, key ^ down);
            }

            return sum;
        }
    }

    /// <summary>
    /// What figure <paramref name="f"/> adds to a flip's cost when the flip raises its error by a unit (into
    /// shift[2f]) and when it lowers it (shift[2f + 1]): the change in its distance out of bounds times its
    /// <paramref name="weight"/>, and against a previous version a unit if the figure is kept (<paramref name="kept"/>) and
    /// the flip moves it away from what it printed then, less a unit if the flip brings it back. Kept up to date as errors and
    /// weights change.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Shift(int f, T[] error, T?[]? kept, byte[] weight, T[] shift)
    {
        var e = error[f];
        var w = T.CreateTruncating(weight[f]);
        var now = Cost(e);
        var (raise, lower) = (w * (Cost(e + one) - now), w * (Cost(e - one) - now));
        if (kept?[f] is { } then)
        {
            raise += e == then ? one : e + one == then ? -one : T.Zero;
            lower += e == then ? one : e - one == then ? -one : T.Zero;
        }

        shift[2 * f] = raise;
        shift[(2 * f) + 1] = lower;
    }

    /// <summary>The change in the figures' total distance out of bounds if atom <paramref name="a"/> were flipped (unweighted).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private T DistanceChange(int a, bool[] up, T[] error)
    {
        var change = up[a] ? -one : one;
        var sum = T.Zero;
        for (var m = memberStart[a]; m < memberStart[a + 1]; m++)
        {
            var (g, sign) = Member(m);
            sum += Cost(error[g] + Signed(sign, change)) - Cost(error[g]);
        }

        return sum;
    }

    /// <summary>
    /// At a local minimum of the search (the <paramref name="minima"/>-th): every figure out of bounds weighs one more, up to
    /// <see cref="MaxWeight"/>; every second time, every weight above one weighs one less (see <see cref="Search"/>).
    /// <paramref name="heavy"/> holds the figures that weigh more than one, so that lightening them does not pass over every
    /// figure (a department has tens of thousands).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Breakout(FigureSet violated, byte[] weight, List<int> heavy, int minima, T[] error, T?[]? kept, T[] shift)
    {
        foreach (var f in violated.Members)
        {
            if (weight[f] == 1)
            {
                heavy.Add(f);
            }

            weight[f] = (byte)Math.Min(weight[f] + 1, MaxWeight);
            Shift(f, error, kept, weight, shift);
        }

        if (minima % 2 == 0)
        {
            var stillHeavy = 0;
            for (var i = 0; i < heavy.Count; i++)
            {
                var f = heavy[i];
                weight[f]--;
                Shift(f, error, kept, weight, shift);
                if (weight[f] > 1)
                {
                    heavy[stillHeavy++] = f;
                }
            }

            heavy.RemoveRange(stillHeavy, heavy.Count - stillHeavy);
        }
    }

    /// <summary>
    /// Weighs each candidate — what its flip costs elsewhere, into <paramref name="delta"/> (see <see cref="FlipCost"/>) — and
    /// returns the place of the one whose flip costs least, among those not flipped in the last <see cref="Tabu"/> steps (or
    /// that cost less than nothing) if any, else among all; ties broken at random. One pass weighs the candidates and keeps
    /// the least cost and the number of its ties both among those allowed and among all; a second finds the chosen tie.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LeastCostly(int[] atom, int count, bool[] up, T[] shift, T[] delta, int[] lastFlipped, int iteration, Random random)
    {
        bool Allowed(int c) => iteration - lastFlipped[atom[c]] >= Tabu || T.IsNegative(delta[c]);
        var (leastAllowed, tiesAllowed, leastOfAll, tiesOfAll) = (T.Zero, 0, T.Zero, 0);
        for (var c = 0; c < count; c++)
        {
            var cost = FlipCost(atom[c], up, shift);
            delta[c] = cost;
            if (tiesOfAll == 0 || cost < leastOfAll)
            {
                (leastOfAll, tiesOfAll) = (cost, 1);
            }
            else if (cost == leastOfAll)
            {
                tiesOfAll++;
            }

            if (Allowed(c))
            {
                if (tiesAllowed == 0 || cost < leastAllowed)
                {
                    (leastAllowed, tiesAllowed) = (cost, 1);
                }
                else if (cost == leastAllowed)
                {
                    tiesAllowed++;
                }
            }
        }

        var anyAllowed = tiesAllowed > 0;
        var (least, ties) = anyAllowed ? (leastAllowed, tiesAllowed) : (leastOfAll, tiesOfAll);
        var pick = random.Next(ties);
        for (var c = 0; c < count; c++)
        {
            if ((!anyAllowed || Allowed(c)) && delta[c] == least && pick-- == 0)
            {
                return c;
            }
        }

        throw new InvalidOperationException("no candidate among the ties");
    }

    /// <summary>
    /// A figure out of bounds and not stuck, chosen at random: the k-th in figure order, found by counting the bits of the two
    /// sets a word (64 figures) at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AnyOpen(FigureSet violated, ulong[] stuck, Random random)
    {
        var bits = violated.Bits;
        var count = 0;
        for (var w = 0; w < bits.Length; w++)
        {
            count += BitOperations.PopCount(bits[w] & ~stuck[w]);
        }

        var k = random.Next(count);
        for (var w = 0; ; w++)
        {
            var open = bits[w] & ~stuck[w];
            var here = BitOperations.PopCount(open);
            if (k < here)
            {
                for (; k > 0; k--)
                {
                    open &= open - 1; // drop the lowest figure
                }

                return (w * 64) + BitOperations.TrailingZeroCount(open);
            }

            k -= here;
        }
    }

    /// <summary>
    /// Against a previous version, before the search: flip atoms that are not remembered (new, or with a changed amount) while
    /// that brings figures nearer their bounds. No figure kept from the previous version holds such an atom, so these flips
    /// move none of them; the search is left only what they cannot repair.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RepairWithNewAtoms(bool[] up, bool[] flexible, T[] error)
    {
        for (var pass = 0; pass < 20; pass++)
        {
            var improved = false;
            for (var a = 0; a < up.Length; a++)
            {
                if (!flexible[a] || remembered![a] is not null)
                {
                    continue;
                }

                if (!T.IsNegative(DistanceChange(a, up, error)))
                {
                    continue;
                }

                Flip(a, up, error);
                improved = true;
            }

            if (!improved)
            {
                break;
            }
        }
    }

    /// <summary>
    /// Against a previous version, after the search: turn back every remembered atom the search flipped where that puts no
    /// figure out of bounds — the search's walk flips more than the repair needs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Restore(bool[] up, bool[] flexible, T[] error)
    {
        for (var pass = 0; pass < 20; pass++)
        {
            var restored = false;
            for (var a = 0; a < up.Length; a++)
            {
                if (!flexible[a] || remembered![a] is not { } then || up[a] == then)
                {
                    continue;
                }

                var step = up[a] ? -1 : 1;
                var safe = true;
                for (var m = memberStart[a]; m < memberStart[a + 1] && safe; m++)
                {
                    var (g, sign) = Member(m);
                    var after = error[g] + Signed(sign * step, one);
                    safe = !Violates(after) || T.Abs(after) < T.Abs(error[g]);
                }

                if (!safe)
                {
                    continue;
                }

                Flip(a, up, error);

                restored = true;
            }

            if (!restored)
            {
                break;
            }
        }
    }

    /// <summary>
    /// For each figure whose atoms that are not whole units are all remembered (at least one of them), the error against its
    /// truth now that the remembered directions give — what it printed in the previous version, where its other atoms are
    /// unchanged; null for any other figure, and no array at all for a first rounding.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private T?[]? Kept(T[] floor, bool[] flexible)
    {
        if (remembered is null)
        {
            return null;
        }

        var kept = new T?[figureCount];
        for (var f = 0; f < figureCount; f++)
        {
            var (sum, all, any) = (T.Zero, true, false);
            for (var t = termStart[f]; t < termStart[f + 1] && all; t++)
            {
                var a = termAtom[t];
                all = !flexible[a] || remembered[a] is not null;
                any |= flexible[a];
                sum += Signed(termSign[t], floor[a] + (flexible[a] && remembered[a] == true ? one : T.Zero) - values[a]);
            }

            kept[f] = all && any ? sum : null;
        }

        return kept;
    }

    /// <summary>
    /// Second phase: among the roundings that keep every figure in bounds, move towards the one a reader expects — each figure
    /// printed as its conventional (四舍五入) rounding, or as the previous version printed it where <paramref name="kept"/>
    /// says so, wherever the constraints allow. Greedy: flip an atom when that makes more
    /// figures print conventionally and puts none out of bounds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PreferConventional(bool[] up, bool[] flexible, T[] error, T?[]? kept)
    {
        var truth = new T[figureCount];
        var conventional = new T[figureCount];
        for (var f = 0; f < figureCount; f++)
        {
            for (var t = termStart[f]; t < termStart[f + 1]; t++)
            {
                truth[f] += Signed(termSign[t], values[termAtom[t]]);
            }

            conventional[f] = Round(truth[f]);
        }

        // A figure kept from the previous version aims at what it printed then; any other at 四舍五入.
        bool Conventional(int f, T e) => kept?[f] is { } then ? e == then : truth[f] + e == conventional[f];

        for (var pass = 0; pass < 20; pass++)
        {
            var improved = false;
            for (var a = 0; a < up.Length; a++)
            {
                if (!flexible[a])
                {
                    continue;
                }

                var step = up[a] ? -one : one;
                var gain = 0;
                var safe = true;
                for (var m = memberStart[a]; m < memberStart[a + 1] && safe; m++)
                {
                    var (g, sign) = Member(m);
                    var after = error[g] + Signed(sign, step);
                    // Never out of bounds, and never a kept figure away from what it printed before.
                    safe = !(Violates(after) && T.Abs(after) >= T.Abs(error[g])) && !(kept?[g] is { } then && error[g] == then);
                    gain += (Conventional(g, after) ? 1 : 0) - (Conventional(g, error[g]) ? 1 : 0);
                }

                if (!safe || gain <= 0)
                {
                    continue;
                }

                Flip(a, up, error);

                improved = true;
            }

            if (!improved)
            {
                break;
            }
        }
    }

    /// <summary>Flips an atom's direction and moves the error of every figure it is in by one unit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Flip(int a, bool[] up, T[] error)
    {
        var change = up[a] ? -one : one;
        up[a] = !up[a];
        for (var m = memberStart[a]; m < memberStart[a + 1]; m++)
        {
            var (g, sign) = Member(m);
            error[g] += Signed(sign, change);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RecomputeErrors(bool[] up, T[] floor, T[] error)
    {
        unchecked
        {
            // Each atom's rounding error once, then each figure's as the signed sum of its atoms'.
            var residual = ArrayPool<T>.Shared.Rent(up.Length);
            for (var a = 0; a < up.Length; a++)
            {
                residual[a] = floor[a] + (up[a] ? one : T.Zero) - values[a];
            }

            for (var f = 0; f < figureCount; f++)
            {
                var atoms = termAtom.AsSpan(termStart[f], termStart[f + 1] - termStart[f]);
                var signs = termSign.AsSpan(termStart[f], atoms.Length);
                var sum = T.Zero;
                for (var i = 0; i < atoms.Length; i++)
                {
                    sum += signs[i] < 0 ? -residual[atoms[i]] : residual[atoms[i]];
                }

                error[f] = sum;
            }

            ArrayPool<T>.Shared.Return(residual);
        }
    }

    /// <summary>How many figures <paramref name="up"/> leaves out of bounds (<paramref name="error"/> is overwritten).</summary>
    private int CountViolations(bool[] up, T[] floor, T[] error)
    {
        RecomputeErrors(up, floor, error);
        var count = 0;
        for (var f = 0; f < figureCount; f++)
        {
            count += Violates(error[f]) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The largest whole number of units not above the value (in scaled integers).</summary>
    private T Floor(T value)
    {
        var whole = T.DivRem(value, one);
        return (T.IsNegative(whole.Remainder) ? whole.Quotient - T.One : whole.Quotient) * one;
    }

    /// <summary>四舍五入 to whole units: halves away from zero (in scaled integers).</summary>
    private T Round(T value)
    {
        var two = T.One + T.One;
        var rounded = (two * T.Abs(value) + one) / (two * one) * one;
        return T.IsNegative(value) ? -rounded : rounded;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Violates(T error) => T.Abs(error) >= one;

    /// <summary>
    /// Zero inside the bound; outside it, growing with the distance, so repairs prefer moves that keep others in bounds. Without
    /// branches (two's-complement masks): in the search's innermost loop a figure is in or out of bounds about half the time,
    /// and a mispredicted branch there cost about a fifth of the search's time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T Cost(T error)
    {
        var sign = error >> SignBit;
        var abs = (error ^ sign) - sign;
        var inside = (abs - one) >> SignBit; // all ones when |error| < one
        return abs & ~inside;
    }

    /// <summary>Membership <paramref name="m"/>'s figure and the atom's sign (±1) in it (see <see cref="memberKey"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (int Figure, int Sign) Member(int m)
    {
        var key = memberKey[m];
        return (key >> 1, 1 - ((key & 1) << 1));
    }

    /// <summary>The value with the sign of a term (±1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Signed(int sign, T value) => sign < 0 ? -value : value;

    /// <summary>
    /// A set of figure indices with constant-time add, remove and count: its members in no particular order, and as bits in
    /// figure order (bit f % 64 of word f / 64).
    /// </summary>
    private sealed class FigureSet : IDisposable
    {
        // Each figure's place among the members, or -1; rented from the shared pool (a department has tens of thousands).
        private readonly int[] position;
        private readonly List<int> members = [];

        public int Count => members.Count;

        public List<int> Members => members;

        public FigureSet(int size)
        {
            position = ArrayPool<int>.Shared.Rent(size);
            Array.Fill(position, -1, 0, size);
            Bits = new ulong[(size + 63) / 64];
        }

        public ulong[] Bits { get; }

        public void Dispose() => ArrayPool<int>.Shared.Return(position);

        public void Add(int f)
        {
            if (position[f] < 0)
            {
                position[f] = members.Count;
                members.Add(f);
                Bits[f / 64] |= 1UL << (f % 64);
            }
        }

        public void Remove(int f)
        {
            var at = position[f];
            if (at >= 0)
            {
                var last = members[^1];
                members[at] = last;
                position[last] = at;
                members.RemoveAt(members.Count - 1);
                position[f] = -1;
                Bits[f / 64] &= ~(1UL << (f % 64));
            }
        }
    }
}
