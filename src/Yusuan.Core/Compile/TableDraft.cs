using Yusuan.Core.Disclosures;

namespace Yusuan.Core.Compile;

/// <summary>One term of a figure: an atom, added or subtracted.</summary>
public readonly record struct Term(int Atom, int Sign);

/// <summary>
/// One cell before rounding: its exact amount in 元 and the atoms it sums.
/// Every printed figure is such a sum, which is what lets controlled rounding keep totals additive across all tables.
/// </summary>
public sealed class CellDraft
{
    private readonly List<Term> terms = [];

    public decimal Truth { get; private set; }

    public IReadOnlyList<Term> Terms => terms;

    internal void Add(int atom, int sign, decimal value)
    {
        terms.Add(new Term(atom, sign));
        Truth += sign * value;
    }

    internal void AddAll(CellDraft other, IReadOnlyList<decimal> atomValues)
    {
        foreach (var t in other.terms)
        {
            Add(t.Atom, t.Sign, atomValues[t.Atom]);
        }
    }
}

/// <summary>A table row before rounding.</summary>
public sealed class RowDraft(TableRow template, int columns)
{
    public TableRow Template { get; set; } = template;

    public CellDraft[] Cells { get; } = Enumerable.Range(0, columns).Select(_ => new CellDraft()).ToArray();
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

    public RowDraft AddRow(TableRow template)
    {
        var row = new RowDraft(template, Columns.Count);
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
