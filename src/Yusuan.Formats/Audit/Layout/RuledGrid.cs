namespace Yusuan.Formats.Audit.Layout;

/// <summary>
/// One ruled table on a page: the x of its column rules and the y of its row rules (top down), and which grid elements are one
/// printed cell because the rule between them is missing (merged header cells, a 合计 label across the code columns).
/// Text is placed by the centre of each glyph, so a figure printed against the next cell's label stays in its own cell.
/// </summary>
internal sealed class RuledGrid
{
    private readonly int[] parent;

    private RuledGrid(double[] xs, double[] ys, int[] parent)
    {
        Xs = xs;
        Ys = ys;
        this.parent = parent;
    }

    /// <summary>Column rules, left to right.</summary>
    public double[] Xs { get; }

    /// <summary>Row rules, top to bottom (PDF y falls down the page).</summary>
    public double[] Ys { get; }

    public int Columns => Xs.Length - 1;

    public int Rows => Ys.Length - 1;

    public double Left => Xs[0];

    public double Right => Xs[^1];

    public double Top => Ys[0];

    public double Bottom => Ys[^1];

    /// <summary>The grid elements (row, column) that are the top-left of their printed cell.</summary>
    public bool IsCellStart(int row, int column) => Find(Index(row, column)) == Index(row, column);

    /// <summary>The printed cell a grid element belongs to, as the (row, column) of its top-left element.</summary>
    public (int Row, int Column) CellOf(int row, int column)
    {
        var root = Find(Index(row, column));
        return (root / Columns, root % Columns);
    }

    /// <summary>The grid elements a printed cell spans, from its top-left element.</summary>
    public (int Rows, int Columns) Span(int row, int column)
    {
        var root = Find(Index(row, column));
        var (r, c) = (1, 1);
        while (column + c < Columns && Find(Index(row, column + c)) == root)
        {
            c++;
        }

        while (row + r < Rows && Find(Index(row + r, column)) == root)
        {
            r++;
        }

        return (r, c);
    }

    /// <summary>The grid element holding a point, or null outside the grid.</summary>
    public (int Row, int Column)? Locate(double x, double y)
    {
        if (x < Left || x > Right || y > Top || y < Bottom)
        {
            return null;
        }

        var column = 0;
        while (column < Columns - 1 && x >= Xs[column + 1])
        {
            column++;
        }

        var row = 0;
        while (row < Rows - 1 && y <= Ys[row + 1])
        {
            row++;
        }

        return (row, column);
    }

    /// <summary>
    /// A grid from a source that states its cells (a worksheet, an HTML or Word table): one unit per row and column, the
    /// merged cells as given (row, column of the top-left element, and how many rows and columns the cell spans).
    /// </summary>
    public static RuledGrid FromCells(int rows, int columns, IEnumerable<(int Row, int Column, int Rows, int Columns)> merges)
    {
        var parent = Enumerable.Range(0, rows * columns).ToArray();
        foreach (var (row, column, height, width) in merges)
        {
            for (var r = row; r < Math.Min(rows, row + height); r++)
            {
                for (var c = column; c < Math.Min(columns, column + width); c++)
                {
                    parent[r * columns + c] = row * columns + column;
                }
            }
        }

        return new RuledGrid(Enumerable.Range(0, columns + 1).Select(x => (double)x).ToArray(), Enumerable.Range(0, rows + 1).Select(y => (double)(rows - y)).ToArray(), parent);
    }

    /// <summary>
    /// The ruled tables of a page: groups of rules that touch one another, each with at least two row and two column rules.
    /// </summary>
    public static List<RuledGrid> Find(PageRulings rulings)
    {
        var horizontal = rulings.Horizontal;
        var vertical = rulings.Vertical;
        var all = horizontal.Count + vertical.Count;
        var group = Enumerable.Range(0, all).ToArray();
        int Root(int i) => group[i] == i ? i : group[i] = Root(group[i]);
        const double touch = 2.5;
        for (var h = 0; h < horizontal.Count; h++)
        {
            for (var v = 0; v < vertical.Count; v++)
            {
                if (horizontal[h].From - touch <= vertical[v].At && vertical[v].At <= horizontal[h].To + touch
                    && vertical[v].From - touch <= horizontal[h].At && horizontal[h].At <= vertical[v].To + touch)
                {
                    group[Root(h)] = Root(horizontal.Count + v);
                }
            }
        }

        var grids = new List<RuledGrid>();
        foreach (var members in Enumerable.Range(0, all).GroupBy(Root))
        {
            var hs = members.Where(i => i < horizontal.Count).Select(i => horizontal[i]).ToList();
            var vs = members.Where(i => i >= horizontal.Count).Select(i => vertical[i - horizontal.Count]).ToList();
            if (Build(hs, vs) is { } grid)
            {
                grids.Add(grid);
            }
        }

        // A frame around the page or a paragraph has one column; a frame around other tables holds them: neither is a table.
        grids.RemoveAll(g => g.Columns < 2 || grids.Any(o => o != g && o.Left >= g.Left - 1 && o.Right <= g.Right + 1 && o.Top <= g.Top + 1 && o.Bottom >= g.Bottom - 1));
        return grids.OrderByDescending(g => g.Top).ToList();
    }

    private static RuledGrid? Build(List<Rule> horizontal, List<Rule> vertical)
    {
        // A band narrower than a glyph (a double border, a frame drawn just outside the cells) holds no text: no column or row.
        var xs = Spaced(PageRulings.Cluster(vertical.Select(r => r.At)), 4).ToArray();
        var ys = Spaced(PageRulings.Cluster(horizontal.Select(r => r.At)), 3).OrderDescending().ToArray();
        if (xs.Length < 2 || ys.Length < 2 || xs[^1] - xs[0] < 30 || ys[0] - ys[^1] < 8)
        {
            return null;
        }

        var (columns, rows) = (xs.Length - 1, ys.Length - 1);
        var atX = xs.Select(x => vertical.Where(v => Math.Abs(v.At - x) <= PageRulings.Snap).ToList()).ToArray();
        var atY = ys.Select(y => horizontal.Where(h => Math.Abs(h.At - y) <= PageRulings.Snap).ToList()).ToArray();
        var parent = Enumerable.Range(0, rows * columns).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        void Join(int a, int b)
        {
            var (ra, rb) = (Root(a), Root(b));
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }

        // Two neighbouring elements are one cell where no rule separates them along the middle of their shared side.
        for (var r = 0; r < rows; r++)
        {
            var (top, bottom) = (ys[r], ys[r + 1]);
            var margin = (top - bottom) * 0.3;
            for (var c = 0; c + 1 < columns; c++)
            {
                if (!atX[c + 1].Any(v => v.Covers(bottom + margin, top - margin, 1)))
                {
                    Join(r * columns + c, r * columns + c + 1);
                }
            }
        }

        // Down the page, a run of merged elements joins the run below only where that run spans the same columns and no rule
        // separates them, so every printed cell stays a rectangle (a frame's empty margin never joins header and footer).
        var start = new int[rows, columns];
        var end = new int[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                start[r, c] = c > 0 && Root(r * columns + c - 1) == Root(r * columns + c) ? start[r, c - 1] : c;
            }

            for (var c = columns - 1; c >= 0; c--)
            {
                end[r, c] = c < columns - 1 && Root(r * columns + c + 1) == Root(r * columns + c) ? end[r, c + 1] : c;
            }
        }

        for (var r = 0; r + 1 < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (start[r, c] != c || start[r + 1, c] != c || end[r, c] != end[r + 1, c])
                {
                    continue;
                }

                var (left, right) = (xs[c], xs[end[r, c] + 1]);
                var margin = Math.Min((right - left) * 0.3, 20);
                if (!atY[r + 1].Any(h => h.Covers(left + margin, right - margin, 1)))
                {
                    Join(r * columns + c, (r + 1) * columns + c);
                }
            }
        }

        for (var i = 0; i < parent.Length; i++)
        {
            Root(i);
        }

        return new RuledGrid(xs, ys, parent);
    }

    private static List<double> Spaced(List<double> positions, double least)
    {
        var kept = new List<double>();
        foreach (var p in positions)
        {
            if (kept.Count == 0 || p - kept[^1] >= least)
            {
                kept.Add(p);
            }
            else if (p == positions[^1])
            {
                kept[^1] = p;
            }
        }

        return kept;
    }

    private int Index(int row, int column) => row * Columns + column;

    private int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
}
