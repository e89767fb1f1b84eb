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
    // unit is `one` and comparisons with the bound are exact — and many times faster than decimal arithmetic.
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
        var n = values.Length;
        var floor = new Int128[n];
        var up = new bool[n];
        var flexible = new bool[n];
        Int128 cumulative = 0, previous = 0;
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

        var error = new Int128[figures.Count];
        for (var f = 0; f < figures.Count; f++)
        {
            foreach (var t in figures[f])
            {
                memberships[t.Atom].Add((f, t.Sign));
                error[f] += t.Sign * (floor[t.Atom] + (up[t.Atom] ? one : 0) - values[t.Atom]);
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
                nearest[a] = flexible[a] && 2 * (values[a] - floor[a]) >= one;
            }

            var nearestError = new Int128[figures.Count];
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
            result[a] = (decimal)((floor[a] + (up[a] ? one : 0)) / one);
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
    private (bool[] Up, int Violations) Search(bool[] up, Int128[] floor, bool[] flexible, List<(int Figure, int Sign)>[] memberships, Int128[] error, int limit, int seed)
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
        var candidates = new List<(int Atom, Int128 Delta)>();
        var stuck = new HashSet<int>();
        for (var iteration = 0; iteration < limit && violated.Count > stuck.Count; iteration++)
        {
            var open = violated.Where(f => !stuck.Contains(f)).ToList();
            var target = random.Next(4) == 0
                ? open[random.Next(open.Count)]
                : open.OrderByDescending(f => Int128.Abs(error[f])).ThenBy(f => f).First();
            var wantDown = error[target] > 0;
            candidates.Clear();
            foreach (var t in figures[target])
            {
                var a = t.Atom;
                var step = up[a] ? -1 : 1;
                if (!flexible[a] || t.Sign * step < 0 != wantDown)
                {
                    continue;
                }

                Int128 delta = 0;
                foreach (var (g, sign) in memberships[a])
                {
                    delta += Cost(error[g] + sign * step * one) - Cost(error[g]);
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
                var allowed = candidates.Where(c => iteration - lastFlipped[c.Atom] >= tabu || c.Delta < 0).ToList();
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
                error[g] += sign * change;
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
        var check = new Int128[figures.Count];
        RecomputeErrors(best, floor, check);
        for (var f = 0; f < figures.Count; f++)
        {
            remaining += Violates(check[f]) ? 1 : 0;
        }

        return (best, remaining);
    }

    /// <summary>
    /// Second phase: among the roundings that keep every figure in bounds, move towards the one a reader expects — each figure
    /// printed as its conventional (四舍五入) rounding wherever the constraints allow. Greedy: flip an atom when that makes more
    /// figures print conventionally and puts none out of bounds.
    /// </summary>
    private void PreferConventional(bool[] up, Int128[] floor, bool[] flexible, List<(int Figure, int Sign)>[] memberships, Int128[] error)
    {
        var truth = new Int128[figures.Count];
        for (var f = 0; f < figures.Count; f++)
        {
            foreach (var t in figures[f])
            {
                truth[f] += t.Sign * values[t.Atom];
            }
        }

        var conventional = truth.Select(Round).ToArray();
        bool Conventional(int f, Int128 e) => truth[f] + e == conventional[f];

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
                    var after = error[g] + sign * step;
                    if (Violates(after) && Int128.Abs(after) >= Int128.Abs(error[g]))
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
                    error[g] += sign * step;
                }

                improved = true;
            }

            if (!improved)
            {
                break;
            }
        }
    }

    private void RecomputeErrors(bool[] up, Int128[] floor, Int128[] error)
    {
        for (var f = 0; f < figures.Count; f++)
        {
            error[f] = 0;
            foreach (var t in figures[f])
            {
                error[f] += t.Sign * (floor[t.Atom] + (up[t.Atom] ? one : 0) - values[t.Atom]);
            }
        }
    }

    /// <summary>The largest whole number of units not above the value (in scaled integers).</summary>
    private Int128 Floor(Int128 value)
    {
        var whole = Int128.DivRem(value, one);
        return (whole.Remainder < 0 ? whole.Quotient - 1 : whole.Quotient) * one;
    }

    /// <summary>四舍五入 to whole units: halves away from zero (in scaled integers).</summary>
    private Int128 Round(Int128 value)
    {
        var rounded = (2 * Int128.Abs(value) + one) / (2 * one) * one;
        return value < 0 ? -rounded : rounded;
    }

    private bool Violates(Int128 error) => Int128.Abs(error) >= one;

    /// <summary>Zero inside the bound; outside it, growing with the distance, so repairs prefer moves that keep others in bounds.</summary>
    private Int128 Cost(Int128 error) => Int128.Abs(error) >= one ? Int128.Abs(error) : 0;
}
