using System.Numerics;
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
/// </summary>
public sealed class ControlledRounder
{
    // The search runs in exact integers: every value times 10^k (k = the most decimal places any value has), so one display
    // unit is 10^k and comparisons with the bound are exact — in 64-bit integers when every sum fits, else in 128-bit.
    private readonly Int128[] values;
    private readonly Int128 one;
    private readonly IReadOnlyList<IReadOnlyList<Term>> figures;

    /// <param name="values">Atom values in display units (e.g. 万元).</param>
    /// <param name="figures">Each figure's terms; atoms not named by any figure are still rounded.</param>
    public ControlledRounder(decimal[] values, IReadOnlyList<IReadOnlyList<Term>> figures)
    {
        var places = values.Length == 0 ? 0 : values.Max(v => (int)(v / 1.0000000000000000000000000000m).Scale);
        var factor = 1m;
        for (var i = 0; i < places; i++)
        {
            factor *= 10;
        }

        one = (Int128)factor;
        this.values = values.Select(v => (Int128)(v * factor)).ToArray();
        this.figures = figures;
    }

    /// <summary>The rounded value of each atom, and the indices of figures that could not be kept within one unit.</summary>
    public (decimal[] Atoms, IReadOnlyList<int> Unaligned) Solve(int maxIterations = 0)
    {
        // Every quantity the search forms is a signed sum of atoms and units, so it is bounded by the sum of |values| plus a
        // unit per atom (with room for the doubling in 四舍五入).
        var bound = values.Aggregate(Int128.Zero, (sum, v) => sum + Int128.Abs(v) + one) * 4;
        return bound < long.MaxValue
            ? new RoundingSearch<long>(values.Select(v => (long)v).ToArray(), (long)one, figures).Solve(maxIterations)
            : new RoundingSearch<Int128>(values, one, figures).Solve(maxIterations);
    }
}

/// <summary>Controlled rounding's search over atoms in exact integers of type <typeparamref name="T"/> (see <see cref="ControlledRounder"/>).</summary>
internal sealed class RoundingSearch<T>
    where T : struct, IBinaryInteger<T>, ISignedNumber<T>
{
    private readonly T[] values;
    private readonly T one;
    private readonly IReadOnlyList<IReadOnlyList<Term>> figures;

    /// <param name="values">Atom values in display units, times 10^k so that <paramref name="one"/> (10^k) is one unit.</param>
    public RoundingSearch(T[] values, T one, IReadOnlyList<IReadOnlyList<Term>> figures)
    {
        this.values = values;
        this.one = one;
        this.figures = figures;
    }

    /// <summary>The rounded value of each atom, and the indices of figures that could not be kept within one unit.</summary>
    public (decimal[] Atoms, IReadOnlyList<int> Unaligned) Solve(int maxIterations = 0)
    {
        var n = values.Length;
        var floor = new T[n];
        var up = new bool[n];
        var flexible = new bool[n];
        T cumulative = T.Zero, previous = T.Zero;
        for (var a = 0; a < n; a++)
        {
            floor[a] = Floor(values[a]);
            flexible[a] = floor[a] != values[a];
            cumulative += values[a];
            var rounded = Round(cumulative);
            up[a] = flexible[a] && rounded - previous > floor[a];
            previous = rounded;
        }

        var memberships = new List<(int Figure, int Sign)>[n];
        for (var a = 0; a < n; a++)
        {
            memberships[a] = [];
        }

        var error = new T[figures.Count];
        for (var f = 0; f < figures.Count; f++)
        {
            foreach (var t in figures[f])
            {
                memberships[t.Atom].Add((f, t.Sign));
                error[f] += Signed(t.Sign, floor[t.Atom] + (up[t.Atom] ? one : T.Zero) - values[t.Atom]);
            }
        }

        var limit = maxIterations > 0 ? maxIterations : 5000 + 100 * figures.Count;
        var best = Search(up, floor, flexible, memberships, error, limit, seed: 1);
        if (best.Violations > 0)
        {
            // Restart from the nearest rounding of each atom: a different basin for the search.
            var nearest = new bool[n];
            for (var a = 0; a < n; a++)
            {
                nearest[a] = flexible[a] && values[a] - floor[a] + (values[a] - floor[a]) >= one;
            }

            var nearestError = new T[figures.Count];
            RecomputeErrors(nearest, floor, nearestError);
            var second = Search(nearest, floor, flexible, memberships, nearestError, limit, seed: 2);
            if (second.Violations < best.Violations)
            {
                best = second;
            }
        }

        up = best.Up;
        RecomputeErrors(up, floor, error);
        PreferConventional(up, floor, flexible, memberships, error);

        var result = new decimal[n];
        for (var a = 0; a < n; a++)
        {
            result[a] = decimal.CreateChecked((floor[a] + (up[a] ? one : T.Zero)) / one);
        }

        var unaligned = new List<int>();
        RecomputeErrors(up, floor, error);
        for (var f = 0; f < figures.Count; f++)
        {
            if (Violates(error[f]))
            {
                unaligned.Add(f);
            }
        }

        return (result, unaligned);
    }

    /// <summary>
    /// First phase: a WalkSAT-style search that repairs the worst figure out of bounds by flipping one of its atoms — usually the
    /// flip that costs least elsewhere, sometimes (one in five, from a fixed seed so runs repeat) any flip that helps it —
    /// with a short tabu list against undoing the last moves. Returns the best assignment seen.
    /// </summary>
    private (bool[] Up, int Violations) Search(bool[] up, T[] floor, bool[] flexible, List<(int Figure, int Sign)>[] memberships, T[] error, int limit, int seed)
    {
        var random = new Random(seed);
        var lastFlipped = new int[up.Length];
        Array.Fill(lastFlipped, -1_000_000);
        const int tabu = 5;
        var violated = new SortedSet<int>();
        for (var f = 0; f < figures.Count; f++)
        {
            if (Violates(error[f]))
            {
                violated.Add(f);
            }
        }

        var bestCount = violated.Count;
        var best = (bool[])up.Clone();
        var candidates = new List<(int Atom, T Delta)>();
        var stuck = new HashSet<int>();
        for (var iteration = 0; iteration < limit && violated.Count > stuck.Count; iteration++)
        {
            var target = random.Next(4) == 0 ? AnyOpen(violated, stuck, random) : WorstOpen(violated, stuck, error);
            var wantDown = T.IsPositive(error[target]) && error[target] != T.Zero;
            candidates.Clear();
            foreach (var t in figures[target])
            {
                var a = t.Atom;
                var step = up[a] ? -1 : 1;
                if (!flexible[a] || t.Sign * step < 0 != wantDown)
                {
                    continue;
                }

                var delta = T.Zero;
                foreach (var (g, sign) in memberships[a])
                {
                    delta += Cost(error[g] + Signed(sign * step, one)) - Cost(error[g]);
                }

                candidates.Add((a, delta));
            }

            if (candidates.Count == 0)
            {
                stuck.Add(target); // no atom can move it towards its bound; it will be reported
                continue;
            }

            int chosen;
            if (random.Next(5) == 0)
            {
                chosen = candidates[random.Next(candidates.Count)].Atom;
            }
            else
            {
                var allowed = candidates.Where(c => iteration - lastFlipped[c.Atom] >= tabu || T.IsNegative(c.Delta)).ToList();
                var pool = allowed.Count > 0 ? allowed : candidates;
                var least = pool.Min(c => c.Delta);
                var ties = pool.Where(c => c.Delta == least).ToList();
                chosen = ties[random.Next(ties.Count)].Atom;
            }

            var change = up[chosen] ? -one : one;
            up[chosen] = !up[chosen];
            lastFlipped[chosen] = iteration;
            foreach (var (g, sign) in memberships[chosen])
            {
                error[g] += Signed(sign, change);
                if (Violates(error[g]))
                {
                    violated.Add(g);
                }
                else
                {
                    violated.Remove(g);
                }
            }

            if (violated.Count < bestCount)
            {
                bestCount = violated.Count;
                best = (bool[])up.Clone();
            }
        }

        var remaining = 0;
        var check = new T[figures.Count];
        RecomputeErrors(best, floor, check);
        for (var f = 0; f < figures.Count; f++)
        {
            remaining += Violates(check[f]) ? 1 : 0;
        }

        return (best, remaining);
    }

    /// <summary>A figure out of bounds and not stuck, chosen at random.</summary>
    private static int AnyOpen(SortedSet<int> violated, HashSet<int> stuck, Random random)
    {
        var open = violated.Where(f => !stuck.Contains(f)).ToList();
        return open[random.Next(open.Count)];
    }

    /// <summary>The figure out of bounds and not stuck with the largest error (the first such in figure order), in one pass.</summary>
    private static int WorstOpen(SortedSet<int> violated, HashSet<int> stuck, T[] error)
    {
        var (target, worst) = (-1, -T.One);
        foreach (var f in violated)
        {
            if (!stuck.Contains(f) && T.Abs(error[f]) > worst)
            {
                (target, worst) = (f, T.Abs(error[f]));
            }
        }

        return target;
    }

    /// <summary>
    /// Second phase: among the roundings that keep every figure in bounds, move towards the one a reader expects — each figure
    /// printed as its conventional (四舍五入) rounding wherever the constraints allow. Greedy: flip an atom when that makes more
    /// figures print conventionally and puts none out of bounds.
    /// </summary>
    private void PreferConventional(bool[] up, T[] floor, bool[] flexible, List<(int Figure, int Sign)>[] memberships, T[] error)
    {
        var truth = new T[figures.Count];
        for (var f = 0; f < figures.Count; f++)
        {
            foreach (var t in figures[f])
            {
                truth[f] += Signed(t.Sign, values[t.Atom]);
            }
        }

        var conventional = truth.Select(Round).ToArray();
        bool Conventional(int f, T e) => truth[f] + e == conventional[f];

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
                foreach (var (g, sign) in memberships[a])
                {
                    var after = error[g] + Signed(sign, step);
                    if (Violates(after) && T.Abs(after) >= T.Abs(error[g]))
                    {
                        safe = false;
                        break;
                    }

                    gain += (Conventional(g, after) ? 1 : 0) - (Conventional(g, error[g]) ? 1 : 0);
                }

                if (!safe || gain <= 0)
                {
                    continue;
                }

                up[a] = !up[a];
                foreach (var (g, sign) in memberships[a])
                {
                    error[g] += Signed(sign, step);
                }

                improved = true;
            }

            if (!improved)
            {
                break;
            }
        }
    }

    private void RecomputeErrors(bool[] up, T[] floor, T[] error)
    {
        for (var f = 0; f < figures.Count; f++)
        {
            error[f] = T.Zero;
            foreach (var t in figures[f])
            {
                error[f] += Signed(t.Sign, floor[t.Atom] + (up[t.Atom] ? one : T.Zero) - values[t.Atom]);
            }
        }
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

    private bool Violates(T error) => T.Abs(error) >= one;

    /// <summary>Zero inside the bound; outside it, growing with the distance, so repairs prefer moves that keep others in bounds.</summary>
    private T Cost(T error) => T.Abs(error) >= one ? T.Abs(error) : T.Zero;

    /// <summary>The value with the sign of a term (±1).</summary>
    private static T Signed(int sign, T value) => sign < 0 ? -value : value;
}
