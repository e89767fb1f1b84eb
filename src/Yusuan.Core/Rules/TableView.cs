using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;

namespace Yusuan.Core.Rules;

/// <summary>
/// Reads the structure of a printed table without assuming Yusuan printed it: row roles from keys when present, otherwise from
/// the printed names (本年收入合计, 金额合计, 2022 年 …); unit rows (预算单位) and the blocks of coded rows under them.
/// </summary>
public sealed class TableView(DisclosureTable table, int fiscalYear)
{
    public DisclosureTable Table { get; } = table;

    public string Id => Table.Id;

    /// <summary>The shape of the standard table (null for a table of no standard id).</summary>
    public Tables.TableShape? Shape { get; } = Tables.TableSpecifications.Find(table.Id)?.Shape;

    /// <summary>The row's role: its key, or one recognised from its printed name.</summary>
    public string? KeyOf(TableRow row)
    {
        if (row.Key is not null)
        {
            return row.Key;
        }

        var name = StripOrdinal(row.Name);
        if (row.Section is "income" || row.Section is "expenditure" && row.Code is null)
        {
            return Tables.RowMeanings.KeyOf(row.Section, name);
        }

        if (Shape == Tables.TableShape.Official)
        {
            if (name.Contains("增减", StringComparison.Ordinal))
            {
                return "change";
            }

            var year = new string(name.TakeWhile(char.IsAsciiDigit).ToArray());
            if (year.Length == 4)
            {
                return year == fiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture) ? "current" : "prior";
            }
        }

        if (Shape == Tables.TableShape.Goals && name is "金额合计" or "合计")
        {
            return "total";
        }

        return null;
    }

    public TableRow? Row(string key) => Table.Rows.FirstOrDefault(r => KeyOf(r) == key);

    public decimal? Value(string key, string column)
    {
        var row = Row(key);
        var c = Table.ColumnIndex(column);
        return row is null || c < 0 || c >= row.Values.Count ? null : row.Values[c];
    }

    public decimal? Value(string key, int column = 0)
    {
        var row = Row(key);
        return row is null || column >= row.Values.Count ? null : row.Values[column];
    }

    public static int LevelOf(TableRow row) =>
        row.Level > 0 ? row.Level : row.Code is { Length: > 0 } code ? (code.Length - 1) / 2 : 0;

    /// <summary>A row that names a budget unit rather than a classification (预算单位 rows, totals).</summary>
    public bool IsUnitRow(TableRow row) => row.Code is null && row.Section is null && KeyOf(row) is null or "supervisor" or "department" || (row.Key?.StartsWith("agency:", StringComparison.Ordinal) ?? false);

    /// <summary>
    /// The unit rows above all blocks (e.g. 主管部门, 部门), and the blocks: a unit row followed by its coded rows.
    /// In the seed's 表7 that is [深圳市生态环境局] and one block [深圳市生态环境智能管控中心 + codes].
    /// </summary>
    public (List<TableRow> Headers, List<(TableRow Head, List<TableRow> Rows)> Blocks) Blocks()
    {
        var headers = new List<TableRow>();
        var blocks = new List<(TableRow Head, List<TableRow> Rows)>();
        var rows = Table.Rows;

        // A table that prints its classification by name alone (杭州: no code column, names indented) has no unit rows to
        // tell apart from its other rows: many rows without a code and no agency among them are not units but the rows.
        if (!rows.Any(r => r.Code is not null || (r.Key?.StartsWith("agency:", StringComparison.Ordinal) ?? false)) && rows.Count(IsUnitRow) > 2)
        {
            return (headers, blocks);
        }
        for (var i = 0; i < rows.Count; i++)
        {
            if (!IsUnitRow(rows[i]))
            {
                continue;
            }

            var coded = new List<TableRow>();
            var j = i + 1;
            while (j < rows.Count && !IsUnitRow(rows[j]))
            {
                coded.Add(rows[j]);
                j++;
            }

            // Yusuan's own tables name their agency rows: an agency without rows here (nothing of this kind of money) still
            // heads a block. Published tables do not, so a unit row before the first classified rows is a header.
            var agency = rows[i].Key?.StartsWith("agency:", StringComparison.Ordinal) == true;
            if (!agency && coded.Count == 0 && blocks.Count == 0)
            {
                headers.Add(rows[i]);
            }
            else
            {
                blocks.Add((rows[i], coded));
            }

            i = j - 1;
        }

        // A published table of unit rows alone under its 合计 whose first unit is not that total, rounding aside (福州: 合计 24,995.94, then
        // 福州市商务发展促进中心 337.92 and 福州市商务局 24,658.02): the units are siblings and the 合计 heads them.
        if (blocks.Count == 0 && headers.Count >= 2 && rows.FirstOrDefault(r => KeyOf(r) == "total") is { } total
            && rows.ToList().IndexOf(total) < rows.ToList().IndexOf(headers[0])
            && total.Values.Zip(headers[0].Values).Any(p => Math.Abs(p.First - p.Second) > 2 * RuleContext.Unit(Table.Decimals)))
        {
            return ([total], [.. headers.Select(h => (h, new List<TableRow>()))]);
        }

        // A Yusuan single-agency table or a published one with only unit rows: the last header heads an empty block.
        if (blocks.Count == 0 && headers.Count > 0)
        {
            blocks.Add((headers[^1], []));
            headers.RemoveAt(headers.Count - 1);
        }

        return (headers, blocks);
    }

    /// <summary>The department's total row: the first unit row.</summary>
    /// <summary>
    /// The row that holds the table's total: its first unit row (the seed's 部门 row), or, in a table that prints its
    /// classification by name alone (no codes, no agencies: every row looks like a unit row), its 合计 row where it prints one.
    /// </summary>
    public TableRow? TopRow() => Table.Rows.Any(r => r.Code is not null || (r.Key?.StartsWith("agency:", StringComparison.Ordinal) ?? false))
        ? Table.Rows.FirstOrDefault(IsUnitRow)
        : Table.Rows.FirstOrDefault(r => r.Key == "total") ?? Table.Rows.FirstOrDefault(IsUnitRow);

    /// <summary>
    /// The decimals a figure is known to, in the table's unit: the table's own, or fewer where the document printed the cell
    /// with fewer (西安 prints 936647884.3 元 for a total whose parts add up to 936,647,884.33: it is known to 0.1 元, that is
    /// 0.00001 万元). A sum is checked to the coarsest of its figures (普陀区司法局 prints 基本支出 22,118,861 beside
    /// 合计 86,959,408.34 and 项目支出 64,840,547.00).
    /// </summary>
    public int DecimalsOf(TableRow row, int column)
    {
        if (row.Printed is not { } printed || column >= printed.Count || printed[column].Trim() is not { Length: > 0 } text)
        {
            return Table.Decimals;
        }

        var point = text.LastIndexOf('.');
        var digits = point < 0 ? 0 : text.Length - point - 1;
        var shift = Table.PrintedUnit switch
        {
            "元" => 4,
            "千元" => 1,
            _ => 0,
        };
        return Math.Min(Table.Decimals, digits + shift);
    }

    /// <summary>
    /// The sum of a column over rows (a row too short for it adds 0): a loop, since the rules sum every column of every parent
    /// row of every table, and a lambda over the column made a closure and a delegate each time.
    /// </summary>
    public static decimal ColumnSum(List<TableRow> rows, int column)
    {
        var sum = 0m;
        foreach (var row in rows)
        {
            if (column < row.Values.Count)
            {
                sum += row.Values[column];
            }
        }

        return sum;
    }

    /// <summary>The coarsest <see cref="DecimalsOf(TableRow, int)"/> of a column's figures in the given rows.</summary>
    public int DecimalsOf(IEnumerable<TableRow> rows, int column) => rows.Select(r => DecimalsOf(r, column)).DefaultIfEmpty(Table.Decimals).Min();

    public Location At(TableRow row, int column) => new()
    {
        Table = Id,
        TableRow = row.Code ?? KeyOf(row) ?? row.Name,
        TableColumn = column < Table.Columns.Count ? Table.Columns[column].Key : null,
        Page = Table.Source?.Pages.FirstOrDefault() is int p and > 0 ? p : null,
    };

    public string Describe(TableRow row, int column) =>
        $"{Id}“{Table.Title}” {(row.Code is null ? string.Empty : row.Code + " ")}{row.Name}「{(column < Table.Columns.Count ? Table.Columns[column].Title : string.Empty)}」";

    public static string StripOrdinal(string name)
    {
        var trimmed = name.Trim();
        var separators = new[] { "、", ". ", "．", ".", "）" };
        foreach (var separator in separators)
        {
            var at = trimmed.IndexOf(separator, StringComparison.Ordinal);
            if (at is > 0 and <= 4 && trimmed[..at].TrimStart('（', '(').All(c => "一二三四五六七八九十0123456789".Contains(c)))
            {
                return trimmed[(at + separator.Length)..].Trim();
            }
        }

        return trimmed;
    }
}
