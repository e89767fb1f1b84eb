using Yusuan.Core.Disclosures;

namespace Yusuan.Core.Compile;

/// <summary>One term of a figure: an atom, added or subtracted.</summary>
public readonly record struct Term(int Atom, int Sign);

/// <summary>
/// One cell before rounding: its exact amount in 元 and the atoms it sums (held with every other cell of the department's
/// tables in one <see cref="CellTerms"/>, which sums them when the exact amount is asked for; a cell of tables built without
/// their terms adds up its amount as its atoms are added).
/// Every printed figure is such a sum, which is what lets controlled rounding keep totals additive across all tables.
/// </summary>
public sealed class CellDraft
{
    private readonly CellTerms store;
    private readonly int cell;
    private int count;
    private decimal added; // the exact amount, when the store keeps no terms

    internal CellDraft(CellTerms store)
    {
        this.store = store;
        cell = store.NewCell();
    }

    /// <summary>The exact amount in 元.</summary>
    public decimal Truth => store.Keeps ? store.Sum(cell) : added;

    /// <summary>The atoms the cell sums, each with its sign (+1 or −1), in the order they were added.</summary>
    public IReadOnlyList<Term> Terms => [.. SignedTerms.ToArray().Select(s => new Term(Math.Abs(s) - 1, Math.Sign(s)))];

    /// <summary>Whether the cell sums no atom at all (an empty cell, as opposed to atoms that add to zero).</summary>
    public bool IsEmpty => count == 0;

    /// <summary>The terms as sign × (atom + 1), in the order they were added.</summary>
    internal ReadOnlySpan<int> SignedTerms => store.Of(cell);

    internal void Add(int atom, int sign, decimal value)
    {
        if (store.Keeps)
        {
            store.Add(cell, atom, sign);
        }
        else
        {
            added = sign > 0 ? added + value : added - value; // not sign × value: a decimal product per term for nothing
        }

        count++;
    }
}

/// <summary>A table row before rounding.</summary>
public sealed class RowDraft
{
    internal RowDraft(TableRow template, CellTerms terms, int columns)
    {
        Template = template;
        Cells = new CellDraft[columns];
        for (var c = 0; c < columns; c++)
        {
            Cells[c] = new CellDraft(terms);
        }
    }

    public TableRow Template { get; set; }

    public CellDraft[] Cells { get; }
}

/// <summary>A table before rounding: the exact figures in 元 and the atoms behind each.</summary>
public sealed class TableDraft
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public int Decimals { get; init; }

    public required IReadOnlyList<TableColumn> Columns { get; init; }

    public List<RowDraft> Rows { get; } = [];

    public string? Note { get; set; }

    public PerformanceSection? Performance { get; init; }

    /// <summary>The size of one display unit in 元: 10,000 for 万元 with no decimals, 100 for 万元 with two.</summary>
    public decimal UnitSize => 10_000m / Pow10(Decimals);

    internal RowDraft AddRow(TableRow template, CellTerms terms)
    {
        var row = new RowDraft(template, terms, Columns.Count);
        Rows.Add(row);
        return row;
    }

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }
}
