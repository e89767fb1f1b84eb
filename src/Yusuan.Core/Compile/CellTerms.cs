using System.Buffers;
using System.Runtime.CompilerServices;

namespace Yusuan.Core.Compile;

/// <summary>
/// The atoms behind every cell of one department's tables, held flat and shared by all its cells: while the tables are built
/// each term is appended as (cell, sign × (atom + 1)) to two arrays; the first time a cell's terms are read they are grouped by
/// cell with one counting sort (compressed rows: one array of starts, one of signed atoms), each cell's terms in the order they
/// were added. A department's tables hold tens of millions of terms across the city (42 million for 1,000,000 lines); one list
/// per cell grew and copied each of them (issue 16). Once grouped, only the grouped form is kept (the appended pairs are let go);
/// a cell added to after that — no table does so today — ungroups them first.
/// </summary>
/// <param name="atomValues">The atoms' exact values in 元, for cells whose terms are kept: a cell's exact figure is then the sum of
/// its terms' values, worked out when asked for (<see cref="Sum"/>) — controlled rounding reads a figure's terms, and its exact
/// value only to report it. Null for tables whose cells need their exact figures only: no term is kept, every cell reads as
/// having none, and each cell adds up its figure as its atoms are added.</param>
internal sealed class CellTerms(List<decimal>? atomValues)
{
    private readonly bool keep = atomValues is not null;

    // The appended pairs live only until the terms are grouped: rented from the shared pool and given back then, so that the
    // next department compiled on the thread reuses them (a city's departments appended 42 million pairs in arrays that
    // doubled as they grew).
    private int[]? cellOf = atomValues is not null ? ArrayPool<int>.Shared.Rent(1024) : null;
    private int[]? signedOf = atomValues is not null ? ArrayPool<int>.Shared.Rent(1024) : null;
    private int count;
    private int cells;

    // After Group: cell c's signed atoms are grouped[start[c] .. start[c + 1]).
    private int[]? start;
    private int[]? grouped;

    /// <summary>Whether the cells' terms are kept (and their exact figures summed from them, <see cref="Sum"/>).</summary>
    public bool Keeps => keep;

    /// <summary>A new cell with no terms; its number for <see cref="Add"/> and <see cref="Of"/>.</summary>
    public int NewCell()
    {
        if (start is not null)
        {
            Ungroup();
        }

        return cells++;
    }

    /// <summary>Adds an atom to a cell with sign +1 or −1.</summary>
    public void Add(int cell, int atom, int sign)
    {
        if (!keep)
        {
            return;
        }

        if (start is not null)
        {
            Ungroup();
        }

        if (count == cellOf!.Length)
        {
            cellOf = Grown(cellOf, count);
            signedOf = Grown(signedOf!, count);
        }

        cellOf[count] = cell;
        signedOf![count] = sign * (atom + 1);
        count++;
    }

    /// <summary>A cell's terms as sign × (atom + 1), in the order they were added.</summary>
    public ReadOnlySpan<int> Of(int cell)
    {
        if (start is null)
        {
            Group();
        }

        return grouped.AsSpan(start![cell], start[cell + 1] - start[cell]);
    }

    /// <summary>A cell's exact figure in 元: its terms' values with their signs, added in the order the terms were.</summary>
    public decimal Sum(int cell)
    {
        var sum = 0m;
        foreach (var signed in Of(cell))
        {
            sum = signed > 0 ? sum + atomValues![signed - 1] : sum - atomValues![-signed - 1];
        }

        return sum;
    }

    // Compiled fully optimised at once, as the tables' loops are (see TableSet).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Group()
    {
        var starts = new int[cells + 1];
        for (var i = 0; i < count; i++)
        {
            starts[cellOf![i] + 1]++;
        }

        for (var c = 0; c < cells; c++)
        {
            starts[c + 1] += starts[c];
        }

        var next = ArrayPool<int>.Shared.Rent(cells); // where each cell's next term goes
        starts.AsSpan(0, cells).CopyTo(next);
        grouped = new int[count];
        for (var i = 0; i < count; i++)
        {
            grouped[next[cellOf![i]]++] = signedOf![i];
        }

        ArrayPool<int>.Shared.Return(next);

        if (cellOf is not null)
        {
            ArrayPool<int>.Shared.Return(cellOf);
            ArrayPool<int>.Shared.Return(signedOf!);
        }

        (start, cellOf, signedOf) = (starts, null, null);
    }

    /// <summary>A pooled array twice as long holding the first <paramref name="count"/> entries of <paramref name="from"/>, which goes back to the pool.</summary>
    private static int[] Grown(int[] from, int count)
    {
        var to = ArrayPool<int>.Shared.Rent(count * 2);
        from.AsSpan(0, count).CopyTo(to);
        ArrayPool<int>.Shared.Return(from);
        return to;
    }

    /// <summary>Back to appended pairs (cell, signed atom), in cell order, so that more can be appended (once grouped).</summary>
    private void Ungroup()
    {
        var start = this.start!;
        (cellOf, signedOf) = (ArrayPool<int>.Shared.Rent(Math.Max(1024, count * 2)), ArrayPool<int>.Shared.Rent(Math.Max(1024, count * 2)));
        for (var c = 0; c < cells; c++)
        {
            for (var i = start[c]; i < start[c + 1]; i++)
            {
                (cellOf[i], signedOf[i]) = (c, grouped![i]);
            }
        }

        (this.start, grouped) = (null, null);
    }
}
