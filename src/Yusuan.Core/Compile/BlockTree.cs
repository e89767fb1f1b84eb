using Yusuan.Core.Disclosures;

namespace Yusuan.Core.Compile;

/// <summary>
/// The row structure the seed's tables share: an optional 主管部门 row, the department's total row, then — when the department
/// consolidates agencies — each agency's total row followed by that agency's classified rows; otherwise the classified rows directly.
/// Classified rows sort by code, which puts a 类 before its 款 and a 款 before its 项.
/// </summary>
internal sealed class BlockTree
{
    private readonly int columns;
    private readonly bool perAgency;
    private readonly List<RowDraft> headers = [];
    private readonly List<(string Code, RowDraft Row)> agencyRows = [];
    private readonly Dictionary<string, RowDraft> agencyRowOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, RowDraft>> codeRows = new(StringComparer.Ordinal);
    private readonly Func<string, string, TableRow> codeRow;
    private readonly CellTerms terms;

    /// <param name="codeRow">Makes the template of a classified row from (agency, row key).</param>
    /// <param name="terms">Where the rows' cells keep their atoms.</param>
    public BlockTree(int columns, bool perAgency, Func<string, string, TableRow> codeRow, CellTerms terms)
    {
        this.terms = terms;
        this.columns = columns;
        this.perAgency = perAgency;
        this.codeRow = codeRow;
    }

    public RowDraft AddHeader(TableRow template)
    {
        var row = new RowDraft(template, terms, columns);
        headers.Add(row);
        return row;
    }

    public void AddAgency(string code, string name)
    {
        if (perAgency && !agencyRowOf.ContainsKey(code))
        {
            var row = new RowDraft(new TableRow { Unit = name, Name = name, Key = "agency:" + code, Values = [] }, terms, columns);
            agencyRows.Add((code, row));
            agencyRowOf.Add(code, row);
        }
    }

    // The rows of the last call: atoms come in table order (agency, function code, …), so consecutive atoms mostly add to the
    // same rows, and their row keys are often the very same array (TableSet shares one path array per code).
    private string? lastAgency;
    private string[]? lastKeys;
    private RowDraft[] lastRows = [];

    /// <summary>Every row an atom of this agency with these row keys (e.g. its code path) adds to: the headers, the agency's
    /// total row when the tables are per agency, then one row per key. The array is the tree's own; it is read, not kept.</summary>
    public RowDraft[] Rows(string agency, string[] rowKeys)
    {
        if (lastKeys is not null && agency == lastAgency && (ReferenceEquals(rowKeys, lastKeys) || rowKeys.AsSpan().SequenceEqual(lastKeys)))
        {
            return lastRows;
        }

        var rows = new RowDraft[headers.Count + (perAgency ? 1 : 0) + rowKeys.Length];
        var n = 0;
        foreach (var h in headers)
        {
            rows[n++] = h;
        }

        var block = perAgency ? agency : string.Empty;
        if (perAgency)
        {
            AddAgency(agency, agency);
            rows[n++] = agencyRowOf[agency];
        }

        if (!codeRows.TryGetValue(block, out var blockRows))
        {
            blockRows = new Dictionary<string, RowDraft>(StringComparer.Ordinal);
            codeRows.Add(block, blockRows);
        }

        foreach (var key in rowKeys)
        {
            if (!blockRows.TryGetValue(key, out var row))
            {
                row = new RowDraft(codeRow(agency, key), terms, columns);
                blockRows.Add(key, row);
            }

            rows[n++] = row;
        }

        (lastAgency, lastKeys, lastRows) = (agency, rowKeys, rows);
        return rows;
    }

    public List<RowDraft> Ordered()
    {
        var result = new List<RowDraft>(headers);
        if (perAgency)
        {
            foreach (var (code, row) in agencyRows)
            {
                result.Add(row);
                if (codeRows.TryGetValue(code, out var rows))
                {
                    result.AddRange(InCodeOrder(rows));
                }
            }
        }
        else if (codeRows.TryGetValue(string.Empty, out var rows))
        {
            result.AddRange(InCodeOrder(rows));
        }

        return result;
    }

    private static IEnumerable<RowDraft> InCodeOrder(Dictionary<string, RowDraft> rows) =>
        rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value);
}
