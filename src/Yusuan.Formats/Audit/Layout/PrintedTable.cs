namespace Yusuan.Formats.Audit.Layout;

/// <summary>
/// A table as printed, before any meaning is given to it: its title, label (表1, 公开02表, 预算01表), printed unit, pages, the
/// header path of each column (merged header cells joined top-down: 本年收入/小计) and its body rows, every cell as printed
/// (a blank cell is "", never dropped). A table printed over several pages is one PrintedTable.
/// </summary>
public sealed record PrintedTable
{
    public required string Title { get; init; }

    /// <summary>The number printed with the title (表1, 公开02表), or null.</summary>
    public string? Label { get; init; }

    /// <summary>元, 万元 or 千元 as printed ("单位：万元"), or null when the page prints no unit.</summary>
    public string? Unit { get; init; }

    public required IReadOnlyList<int> Pages { get; init; }

    /// <summary>Per column, the header texts from the top header row down, joined with "/"; "" for a column with no header.</summary>
    public required IReadOnlyList<string> ColumnPaths { get; init; }

    public required IReadOnlyList<PrintedRow> Rows { get; init; }

    /// <summary>
    /// The printed title of the form this table is a part of (its label | value rows: 项目名称 | …, 主管部门 | …, 总体目标 | …;
    /// or one of its blocks), or null. A form's part is no table of any standard id, whatever its title.
    /// </summary>
    public string? Form { get; init; }

    /// <summary>Which part of the form (项目资金, 绩效指标, with the project's name where the title does not name it), or null.</summary>
    public string? Part { get; init; }

    /// <summary>The statement printed under the table (注：…), if any.</summary>
    public string? Note { get; init; }
}

/// <summary>One body row: its page and one text per column of the table ("" for a blank cell).</summary>
public sealed record PrintedRow(int Page, IReadOnlyList<string> Cells);
