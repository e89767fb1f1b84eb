using System.Globalization;

namespace Yusuan.Core.Disclosures;

/// <summary>
/// Finds printed figures by reference: "T01.income.total" (table, row key or code, and optionally a column key:
/// "T03.department.basic", "T04.301.total"). A code that appears in several agency blocks sums over them — the department's
/// figure — and so does a project code that T05 prints once per function code.
/// </summary>
public sealed class DisclosureLookup(Disclosure disclosure)
{
    public Disclosure Disclosure { get; } = disclosure;

    /// <summary>The rows a reference names, the column index and the table; null when the table, row or column is not there.</summary>
    public (DisclosureTable Table, IReadOnlyList<TableRow> Rows, int Column)? Resolve(string refers)
    {
        var dot = refers.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        var table = Disclosure.Table(refers[..dot]);
        if (table is null || table.Columns.Count == 0)
        {
            return null;
        }

        var rest = refers[(dot + 1)..];
        var column = 0;
        var last = rest.LastIndexOf('.');
        if (last > 0 && table.ColumnIndex(rest[(last + 1)..]) is var c and >= 0 && !HasRow(table, rest))
        {
            column = c;
            rest = rest[..last];
        }

        var rows = Rows(table, rest);
        return rows.Count == 0 ? null : (table, rows, column);
    }

    public decimal? Value(string refers) =>
        Resolve(refers) is { } r ? r.Rows.Sum(row => column(row, r.Column)) : null;

    /// <summary>Reference text for a table cell, the inverse of <see cref="Resolve"/>.</summary>
    public static string Reference(string table, string row, string? column = null) =>
        column is null ? $"{table}.{row}" : string.Create(CultureInfo.InvariantCulture, $"{table}.{row}.{column}");

    private static bool HasRow(DisclosureTable table, string key) => Rows(table, key).Count > 0;

    /// <summary>
    /// The rows of a key or code; a row read from a published document under the name it prints (收入总计), its role not
    /// stored, is known by that name.
    /// </summary>
    private static List<TableRow> Rows(DisclosureTable table, string key)
    {
        var rows = table.Rows.Where(r => r.Key == key || r.Code == key).ToList();
        return rows.Count > 0 ? rows
            : table.Rows.Where(r => r.Key is null && r.Code is null && r.Section is not null && Tables.RowMeanings.KeyOf(r.Section, Rules.TableView.StripOrdinal(r.Name)) == key).ToList();
    }

    private static decimal column(TableRow row, int index) => index < row.Values.Count ? row.Values[index] : 0m;
}
