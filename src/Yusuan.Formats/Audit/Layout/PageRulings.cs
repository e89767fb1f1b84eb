using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Colors;

namespace Yusuan.Formats.Audit.Layout;

/// <summary>A straight rule on a page: horizontal (At = y, From..To along x) or vertical (At = x, From..To along y), in points.</summary>
internal readonly record struct Rule(double At, double From, double To)
{
    public double Length => To - From;

    public bool Covers(double from, double to, double tolerance) => From - tolerance <= from && to <= To + tolerance;
}

/// <summary>
/// The ruling lines of a page, whatever drew them: stroked lines (iText, LibreOffice), thin filled rectangles (WPS, Excel),
/// and the edges of cell rectangles — filled, stroked or only clipping (Word and iText clip each cell).
/// Collinear pieces are merged, so a ruled table gives one rule per printed line.
/// </summary>
internal sealed class PageRulings
{
    /// <summary>Rules closer than this (points) are one rule: a cell's edge and its neighbour's, a line 0.5 pt thick.</summary>
    public const double Snap = 1.6;

    /// <summary>The most subpaths read on one page; a page with more is drawn art (a chart, a seal), not a table.</summary>
    private const int MaxSubpaths = 60_000;

    /// <summary>The most merged rules of one direction on a page; a ruled table page has a few hundred.</summary>
    private const int MaxRules = 1_000;

    public required IReadOnlyList<Rule> Horizontal { get; init; }

    public required IReadOnlyList<Rule> Vertical { get; init; }

    /// <summary>
    /// The ways of reading a page's rules, the likeliest first: its visible rules alone; with its clipping paths as well (iText
    /// and Word clip each cell, but other producers clip each word or text run, whose edges would cut the cells); its clipping
    /// paths alone where nothing visible is drawn. The reader keeps the one whose grids hold the most figures.
    /// </summary>
    /// <remarks>Read lazily: a reader content with the first reading does not pay for the second.</remarks>
    public static IEnumerable<PageRulings> Candidates(Page page)
    {
        if (page.Paths.Sum(p => p.Count) > MaxSubpaths)
        {
            yield break;
        }

        var visible = page.Paths.Where(p => !p.IsClipping).ToList();
        var clipping = page.Paths.Where(p => p.IsClipping).ToList();
        foreach (var paths in new[] { visible, [.. visible, .. clipping] }.Where(p => p.Count > 0).DistinctBy(p => p.Count))
        {
            if (Read(page, paths) is { } rulings)
            {
                yield return rulings;
            }
        }
    }

    private static PageRulings? Read(Page page, List<PdfPath> paths)
    {
        var (width, height) = (page.Width, page.Height);
        // A clip of the whole page or of its margins is no cell's edge.
        var (horizontal, vertical) = Rules(paths.Where(p => !p.IsClipping || p.GetBoundingRectangle() is not { } box || box.Width < width * 0.8 || box.Height < height * 0.8));

        // A rule as long as the page at its edge is a page border, never a table's line; a landscape table may run from
        // margin to margin, its rules inside the page.
        horizontal.RemoveAll(r => r.Length > width * 0.97 && (r.At < height * 0.05 || r.At > height * 0.95));
        vertical.RemoveAll(r => r.Length > height * 0.9 && (r.At < width * 0.05 || r.At > width * 0.95));
        var (rows, columns) = (Merge(horizontal), Merge(vertical));

        // Grids are built from every pair of rules: a page with thousands of separate rules is drawn art (a hatched chart, a
        // hostile file), read as text only, so that the time a page takes stays bounded.
        return rows.Count > MaxRules || columns.Count > MaxRules || rows.Count + columns.Count < 4
            ? null
            : new PageRulings { Horizontal = rows, Vertical = columns };
    }

    private static (List<Rule> Horizontal, List<Rule> Vertical) Rules(IEnumerable<PdfPath> paths)
    {
        var horizontal = new List<Rule>();
        var vertical = new List<Rule>();
        // A white fill that is not stroked draws nothing on the page: Word shades a cell white in pieces around its paragraph
        // (江苏高院 收入预算总表), whose edges would cut the cell between a name and its figure.
        foreach (var subpath in paths.Where(p => p.IsClipping || p.IsStroked || !IsWhite(p.FillColor)).SelectMany(p => p))
        {
            AddSubpath(subpath, horizontal, vertical);
        }

        return (horizontal, vertical);
    }

    private static bool IsWhite(IColor? color) =>
        color is not null && color.ToRGBValues() is var (r, g, b) && r > 0.99 && g > 0.99 && b > 0.99;

    private static void AddSubpath(PdfSubpath subpath, List<Rule> horizontal, List<Rule> vertical)
    {
        if (subpath.GetBoundingRectangle() is not { } box || box.Width > 5_000 || box.Height > 5_000)
        {
            return;
        }

        // A thin rectangle or a short stroke is one rule along its long side.
        if (box.Height <= 2.5 && box.Width > 2.5)
        {
            horizontal.Add(new Rule((box.Bottom + box.Top) / 2, box.Left, box.Right));
            return;
        }

        if (box.Width <= 2.5 && box.Height > 2.5)
        {
            vertical.Add(new Rule((box.Left + box.Right) / 2, box.Bottom, box.Top));
            return;
        }

        if (box.Width <= 2.5 || subpath.Commands.Any(c => c is PdfSubpath.BezierCurve))
        {
            return;
        }

        // A polygon of straight lines (a cell rectangle, a frame): each axis-parallel side is a rule.
        PdfPoint? start = null, current = null;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    start = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    Side(line.From, line.To, horizontal, vertical);
                    current = line.To;
                    break;
                case PdfSubpath.Close when start is { } s && current is { } c:
                    Side(c, s, horizontal, vertical);
                    current = s;
                    break;
            }
        }
    }

    private static void Side(PdfPoint a, PdfPoint b, List<Rule> horizontal, List<Rule> vertical)
    {
        if (Math.Abs(a.Y - b.Y) < 0.5 && Math.Abs(a.X - b.X) > 2.5)
        {
            horizontal.Add(new Rule(a.Y, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
        }
        else if (Math.Abs(a.X - b.X) < 0.5 && Math.Abs(a.Y - b.Y) > 2.5)
        {
            vertical.Add(new Rule(a.X, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
        }
    }

    /// <summary>Rules on one line (neighbours within <see cref="Snap"/>) whose spans touch become one rule; sorted once, so linear after.</summary>
    private static List<Rule> Merge(List<Rule> rules)
    {
        var merged = new List<Rule>();
        var sorted = rules.OrderBy(r => r.At).ToList();
        var start = 0;
        for (var i = 1; i <= sorted.Count; i++)
        {
            if (i < sorted.Count && sorted[i].At - sorted[i - 1].At <= Snap)
            {
                continue;
            }

            var onLine = sorted.GetRange(start, i - start);
            var line = onLine.Average(r => r.At);
            onLine.Sort((a, b) => a.From.CompareTo(b.From));
            var current = onLine[0] with { At = line };
            foreach (var rule in onLine.Skip(1))
            {
                if (rule.From <= current.To + 2)
                {
                    current = current with { To = Math.Max(current.To, rule.To) };
                }
                else
                {
                    merged.Add(current);
                    current = rule with { At = line };
                }
            }

            merged.Add(current);
            start = i;
        }

        return merged;
    }

    /// <summary>Positions closer than <see cref="Snap"/> to their neighbour, as one position each (the mean of its run).</summary>
    public static List<double> Cluster(IEnumerable<double> positions)
    {
        var sorted = positions.Order().ToList();
        var result = new List<double>();
        var run = new List<double>();
        foreach (var p in sorted)
        {
            if (run.Count > 0 && p - run[^1] > Snap)
            {
                result.Add(run.Average());
                run.Clear();
            }

            run.Add(p);
        }

        if (run.Count > 0)
        {
            result.Add(run.Average());
        }

        return result;
    }
}
