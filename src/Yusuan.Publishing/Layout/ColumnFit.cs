namespace Yusuan.Publishing.Layout;

/// <summary>
/// How the PDF and DOCX writers share a page's width among a grid's columns: in the grid's proportions, widened where a
/// figure or a code would not fit on one line (a table in 元 prints 76,559,000.00; a project code 13900122009), the room
/// taken from the columns of text — which wrap — never below a quarter of their share.
/// </summary>
public static class ColumnFit
{
    /// <summary>A code of a classification or a project (208, 2080505, 13900122009): digits only, never broken across lines.</summary>
    public static bool IsCode(string text) => text.Length is > 0 and <= 14 && text.All(char.IsAsciiDigit);

    /// <summary>Whether a cell must stay on one line: a figure, or a code.</summary>
    public static bool IsWhole(PrintedCell cell) => cell.Value is not null || IsCode(cell.Text);

    /// <summary>Each column's width, in the unit of <paramref name="total"/> (pt for the PDF, twips for the DOCX).</summary>
    /// <param name="grid">The grid, whose <see cref="Grid.Widths"/> give the proportions.</param>
    /// <param name="total">The width to share.</param>
    /// <param name="width">The width a whole cell (<see cref="IsWhole"/>) needs, padding included, in the unit of <paramref name="total"/>.</param>
    public static double[] Fit(Grid grid, double total, Func<PrintedCell, double> width)
    {
        var shares = grid.Widths.Sum();
        var widths = grid.Widths.Select(w => w / shares * total).ToArray();
        var needed = new double[widths.Length];
        foreach (var row in grid.Rows)
        {
            for (var i = 0; i < row.Count && i < widths.Length; i++)
            {
                if (IsWhole(row[i]))
                {
                    needed[i] = Math.Max(needed[i], width(row[i]));
                }
            }
        }

        var lacking = Enumerable.Range(0, widths.Length).Sum(i => Math.Max(0, needed[i] - widths[i]));
        var text = Enumerable.Range(0, widths.Length).Where(i => needed[i] == 0).ToList();
        var spare = text.Sum(i => widths[i] * 0.75);
        if (lacking <= 0 || spare <= 0)
        {
            return widths;
        }

        var take = Math.Min(lacking, spare);
        var textTotal = text.Sum(i => widths[i]);
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] = needed[i] > 0
                ? Math.Max(widths[i], needed[i]) - (needed[i] > widths[i] ? (needed[i] - widths[i]) * (1 - take / lacking) : 0)
                : widths[i] - take * widths[i] / textTotal;
        }

        return widths;
    }
}
