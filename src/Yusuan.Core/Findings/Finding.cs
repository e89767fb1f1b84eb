namespace Yusuan.Core.Findings;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>Where a finding points: a file row and column for input, a table cell for tables, a sentence for text.</summary>
public sealed record Location
{
    public string? File { get; init; }

    public int? Row { get; init; }

    public string? Column { get; init; }

    public string? Table { get; init; }

    /// <summary>The table row's code or key, e.g. 2080505 or income.total.</summary>
    public string? TableRow { get; init; }

    public string? TableColumn { get; init; }

    public int? Part { get; init; }

    public int? Sentence { get; init; }

    public int? Page { get; init; }

    public int? Line { get; init; }

    public override string ToString()
    {
        var parts = new List<string>();
        if (File is not null)
        {
            parts.Add(File);
        }

        if (Row is not null)
        {
            parts.Add($"第 {Row} 行");
        }

        if (Column is not null)
        {
            parts.Add($"列 {Column}");
        }

        if (Table is not null)
        {
            parts.Add(Tables.TableSpecifications.Find(Table) is { } table ? $"“{table.Title}”" : $"“{Table}”");
        }

        if (TableRow is not null)
        {
            parts.Add($"行 {RowName(TableRow)}");
        }

        if (TableColumn is not null)
        {
            parts.Add($"栏 {ColumnName(TableColumn)}");
        }

        if (Part is not null)
        {
            parts.Add(Rules.RuleMessages.Part(Part.Value));
        }

        if (Sentence is not null)
        {
            parts.Add($"第 {Sentence} 句");
        }

        if (Page is not null)
        {
            parts.Add($"第 {Page} 页");
        }

        if (Line is not null)
        {
            parts.Add($"第 {Line} 行（页内）");
        }

        return string.Join(" ", parts);
    }

    /// <summary>The keys of rows and columns no table prints under that name: the department's own row, a table's total, its one figure column.</summary>
    private static readonly Dictionary<string, string> OtherNames = new(StringComparer.Ordinal)
    {
        ["department"] = "部门合计", ["total"] = "合计", ["top"] = "合计", ["current"] = "本年合计", ["budget"] = "预算数", ["fiscal"] = "财政拨款", ["prior"] = "上年",
        ["change"] = "增减",
    };

    /// <summary>A table row as a reader knows it: a named row's key (income.total) by its printed name (收入总计); a code or a name as it is.</summary>
    private static string RowName(string row) =>
        Tables.RowMeanings.Income.Concat(Tables.RowMeanings.Expenditure).FirstOrDefault(n => n.Key == row).Name
        ?? Tables.TableSpecifications.All.SelectMany(t => t.NamedRows).FirstOrDefault(n => n.Key == row)?.Title
        ?? OtherNames.GetValueOrDefault(row)
        ?? row;

    /// <summary>A column as a reader knows it: its standard header (基本支出 for basic); a header as printed as it is.</summary>
    private static string ColumnName(string column) => OtherNames.GetValueOrDefault(column) ?? Tables.ColumnMeanings.NameOf(column);
}

/// <summary>One fault or remark about a budget or a disclosure. Rule ids are stable; messages are Chinese and show the figures.</summary>
public sealed record Finding(
    string Rule,
    Severity Severity,
    string Category,
    string Message,
    Location Location,
    decimal? Expected = null,
    decimal? Actual = null,
    decimal? Tolerance = null);
