using Yusuan.Core.Compile;

namespace Yusuan.Core.Tests.Rounding;

/// <summary>
/// The controlled-rounding search as it was written first (issue 8), with a list of memberships per atom and LINQ in its
/// steps: kept here only as the oracle for <see cref="RoundingSearch{T}"/>, the flat, allocation-free search that replaced it
/// (issue 16), which must choose exactly the same flips. The breakout weights (issue 16) were added to both, each in its own
/// way, so the comparison still holds the flat search to the algorithm as written.
/// </summary>
internal sealed class ReferenceRoundingSearch
{
    private readonly long[] values;
    private readonly long one;
    private readonly IReadOnlyList<IReadOnlyList<Term>> figures;

    /// <param name="values">Atom values in display units, times 10^k so that <paramref name="one"/> (10^k) is one unit.</param>
    public ReferenceRoundingSearch(long[] values, long one, IReadOnlyList<IReadOnlyList<Term>> figures)
    {
        this.values = values;
        this.one = one;
        this.figures = figures;
    }

    /// <summary>The rounded value of each atom, and the indices of figures that could not be kept within one unit.</summary>
    public (decimal[] Atoms, IReadOnlyList<int> Unaligned) Solve(int maxIterations = 0)
    {
        var n = values.Length;
        var floor = new long[n];
        var up = new bool[n];
        var flexible = new bool[n];
        long cumulative = 0L, previous = 0L;
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

        var error = new long[figures.Count];
        for (var f = 0; f < figures.Count; f++)
        {
            foreach (var t in figures[f])
            {
                memberships[t.Atom].Add((f, t.Sign));
                error[f] += Signed(t.Sign, floor[t.Atom] + (up[t.Atom] ? one : 0L) - values[t.Atom]);
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

            var nearestError = new long[figures.Count];
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
            result[a] = decimal.CreateChecked((floor[a] + (up[a] ? one : 0L)) / one);
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
    /// First phase: a WalkSAT-style search that repairs a figure out of bounds (chosen at random) by flipping one of its atoms — usually the
    /// flip that costs least elsewhere, sometimes (one in ten, from a fixed seed so runs repeat) any flip that helps it —
    /// with a short tabu list against undoing the last moves, each figure's distance out of bounds weighed by a weight raised
    /// at local minima (breakout). Returns the best assignment seen.
    /// </summary>
    private (bool[] Up, int Violations) Search(bool[] up, long[] floor, bool[] flexible, List<(int Figure, int Sign)>[] memberships, long[] error, int limit, int seed)
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
        var candidates = new List<(int Atom, long Delta)>();
        var weight = Enumerable.Repeat(1L, figures.Count).ToArray();
        var minima = 0;
        var stuck = new HashSet<int>();
        for (var iteration = 0; iteration < limit && violated.Count > stuck.Count; iteration++)
        {
            var target = AnyOpen(violated, stuck, random);
            var wantDown = long.IsPositive(error[target]) && error[target] != 0L;
            candidates.Clear();
            foreach (var t in figures[target])
            {
                var a = t.Atom;
                var step = up[a] ? -1 : 1;
                if (!flexible[a] || t.Sign * step < 0 != wantDown)
                {
                    continue;
                }

                var delta = 0L;
                foreach (var (g, sign) in memberships[a])
                {
                    delta += weight[g] * (Cost(error[g] + Signed(sign * step, one)) - Cost(error[g]));
                }

                candidates.Add((a, delta));
            }

            if (candidates.Count == 0)
            {
                stuck.Add(target); // no atom can move it towards its bound; it will be reported
                continue;
            }

            (int Atom, long Delta) chosenCandidate;
            if (random.Next(10) == 0)
            {
                chosenCandidate = candidates[random.Next(candidates.Count)];
            }
            else
            {
                var allowed = candidates.Where(c => iteration - lastFlipped[c.Atom] >= tabu || long.IsNegative(c.Delta)).ToList();
                var pool = allowed.Count > 0 ? allowed : candidates;
                var least = pool.Min(c => c.Delta);
                var ties = pool.Where(c => c.Delta == least).ToList();
                chosenCandidate = ties[random.Next(ties.Count)];
            }

            // Breakout: a step that improves nothing marks a local minimum; the figures then out of bounds weigh more (at most 4),
            // and at every second minimum every weight above 1 weighs one less.
            if (chosenCandidate.Delta >= 0)
            {
                minima++;
                foreach (var f in violated)
                {
                    weight[f] = Math.Min(weight[f] + 1, 4);
                }

                if (minima % 2 == 0)
                {
                    for (var f = 0; f < weight.Length; f++)
                    {
                        weight[f] = Math.Max(weight[f] - 1, 1);
                    }
                }
            }

            var chosen = chosenCandidate.Atom;

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
        var check = new long[figures.Count];
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

    /// <summary>
    /// Second phase: among the roundings that keep every figure in bounds, move towards the one a reader expects — each figure
    /// printed as its conventional (四舍五入) rounding wherever the constraints allow. Greedy: flip an atom when that makes more
    /// figures print conventionally and puts none out of bounds.
    /// </summary>
    private void PreferConventional(bool[] up, long[] floor, bool[] flexible, List<(int Figure, int Sign)>[] memberships, long[] error)
    {
        var truth = new long[figures.Count];
        for (var f = 0; f < figures.Count; f++)
        {
            foreach (var t in figures[f])
            {
                truth[f] += Signed(t.Sign, values[t.Atom]);
            }
        }

        var conventional = truth.Select(Round).ToArray();
        bool Conventional(int f, long e) => truth[f] + e == conventional[f];

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
                    if (Violates(after) && long.Abs(after) >= long.Abs(error[g]))
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

    private void RecomputeErrors(bool[] up, long[] floor, long[] error)
    {
        for (var f = 0; f < figures.Count; f++)
        {
            error[f] = 0L;
            foreach (var t in figures[f])
            {
                error[f] += Signed(t.Sign, floor[t.Atom] + (up[t.Atom] ? one : 0L) - values[t.Atom]);
            }
        }
    }

    /// <summary>The largest whole number of units not above the value (in scaled integers).</summary>
    private long Floor(long value)
    {
        var whole = long.DivRem(value, one);
        return (long.IsNegative(whole.Remainder) ? whole.Quotient - 1L : whole.Quotient) * one;
    }

    /// <summary>四舍五入 to whole units: halves away from zero (in scaled integers).</summary>
    private long Round(long value)
    {
        var two = 1L + 1L;
        var rounded = (two * long.Abs(value) + one) / (two * one) * one;
        return long.IsNegative(value) ? -rounded : rounded;
    }

    private bool Violates(long error) => long.Abs(error) >= one;

    /// <summary>Zero inside the bound; outside it, growing with the distance, so repairs prefer moves that keep others in bounds.</summary>
    private long Cost(long error) => long.Abs(error) >= one ? long.Abs(error) : 0L;

    /// <summary>The value with the sign of a term (±1).</summary>
    private static long Signed(int sign, long value) => sign < 0 ? -value : value;
}
