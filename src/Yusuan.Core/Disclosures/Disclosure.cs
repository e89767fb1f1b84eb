namespace Yusuan.Core.Disclosures;

/// <summary>
/// What a reader sees: the tables in their display unit, the narrative and the table of contents (schema yusuan.disclosure/1).
/// Authoring compiles one from a budget; auditing extracts one from a published document.
/// </summary>
public sealed record Disclosure
{
    public const string SchemaId = "yusuan.disclosure/1";

    public string Schema { get; init; } = SchemaId;

    public string Kind { get; init; } = "部门预算";

    /// <summary>
    /// The name of the template a published document follows (shenzhen, standard, shanghai, beijing: regions/templates), as
    /// the audit detects it; null for Yusuan's own budgets, which follow the seed's.
    /// </summary>
    public string? Template { get; init; }

    /// <summary>
    /// Which attachment of a budget published in two this document is: 说明 (the text, its tables in the other attachment:
    /// 北京's "附件：…部门预算报表"), or null for a whole budget.
    /// </summary>
    public string? Attachment { get; init; }

    public required DisclosureEntity Department { get; init; }

    public required int FiscalYear { get; init; }

    /// <summary>independent or controlled.</summary>
    public required string Rounding { get; init; }

    public IReadOnlyList<ContentsEntry> Contents { get; init; } = [];

    public IReadOnlyList<DisclosureTable> Tables { get; init; } = [];

    public IReadOnlyList<NarrativeSentence> Narrative { get; init; } = [];

    public DisclosureTable? Table(string id) => Tables.FirstOrDefault(t => t.Id == id);
}

public sealed record DisclosureEntity(string Code, string Name);

/// <summary>One entry of the 目录: a text part (Part) or a table (Table id).</summary>
public sealed record ContentsEntry(string Title, string? Table = null, int? Part = null);

/// <summary>A column: its meaning (Key: total, basic, general … or c1, c2 … for a header that maps to nothing), its leaf header
/// as printed, and — in an extracted table — its full header path (本年收入/小计).</summary>
public sealed record TableColumn(string Key, string Title, string? Path = null);

/// <summary>
/// One printed row. Values are in the table's display unit, one per column.
/// Section splits two-sided tables (T01, T06: income ∥ expenditure); Key names rows that have no code (totals).
/// </summary>
public sealed record TableRow
{
    public string? Section { get; init; }

    public string? Key { get; init; }

    /// <summary>The 预算单位 cell: set on the department and agency rows.</summary>
    public string? Unit { get; init; }

    public string? Code { get; init; }

    public required string Name { get; init; }

    /// <summary>0 = total or unit row, 1 = 类, 2 = 款, 3 = 项.</summary>
    public int Level { get; init; }

    /// <summary>T05: the function code a project row is spent under.</summary>
    public string? FunctionCode { get; init; }

    /// <summary>Free text printed with the row (T12: the task's 主要内容).</summary>
    public string? Text { get; init; }

    /// <summary>
    /// In an extracted table that prints a second classification beside the 部门预算支出经济分类 (Yantai, Xi'an): the row's
    /// 政府预算支出经济分类 code as printed (501 01 → 50101) and its name.
    /// </summary>
    public string? GovernmentEconomicCode { get; init; }

    /// <summary>The 政府预算支出经济分类 name printed with <see cref="GovernmentEconomicCode"/>.</summary>
    public string? GovernmentEconomicName { get; init; }

    public required IReadOnlyList<decimal> Values { get; init; }

    /// <summary>
    /// In an extracted table, each value cell as printed ("" for a blank cell, the text of a text column), one per column:
    /// Values holds 0 for a blank or text cell, this says which it was.
    /// </summary>
    public IReadOnlyList<string>? Printed { get; init; }
}

/// <summary>The T12 parts that are not figures.</summary>
public sealed record PerformanceSection(IReadOnlyList<string> Goals, IReadOnlyList<PerformanceIndicator> Indicators, string Supervisor);

public sealed record PerformanceIndicator(string Level1, string Level2, string Name, string Target);

public sealed record TableSource(IReadOnlyList<int> Pages);

public sealed record DisclosureTable
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string Unit { get; init; } = "万元";

    /// <summary>The unit the document printed (元, 万元, 千元) when an extracted table was converted to <see cref="Unit"/>; null when not read.</summary>
    public string? PrintedUnit { get; init; }

    /// <summary>The number printed with the title (表1, 公开02表, 预算01表), if any.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// The standard table (T01 … T12) a read table's printed title names when its columns could not all be understood, so it
    /// keeps an X id and no table rule judges it; the table is nevertheless published. Null otherwise.
    /// </summary>
    public string? TitledAs { get; init; }

    /// <summary>
    /// The part of a printed table read apart from the rest, or null for a whole table: a performance form's blocks (项目资金,
    /// 绩效指标, 年度主要任务), with the project's name where one title heads the forms of several projects. Not printed as
    /// such: <see cref="Title"/> stays the printed title.
    /// </summary>
    public string? Part { get; init; }

    /// <summary>The title with the part read apart (政策和项目预算绩效目标表（实施公车统管费用，项目资金）), for people.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Heading => Part is null ? Title : Title.Length == 0 ? Part : $"{Title}（{Part}）";

    public int Decimals { get; init; }

    public required IReadOnlyList<TableColumn> Columns { get; init; }

    public required IReadOnlyList<TableRow> Rows { get; init; }

    /// <summary>The statement printed under the table, e.g. 本表本年无发生额。</summary>
    public string? Note { get; init; }

    public PerformanceSection? Performance { get; init; }

    public TableSource? Source { get; init; }

    public int ColumnIndex(string key)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }
}

public sealed record NarrativeFigure(string Subject, decimal Value, string Unit, string? Refers = null);

public sealed record NarrativeSource(int? Page, int? Line);

public sealed record NarrativeSentence(int Part, string Sentence, IReadOnlyList<NarrativeFigure> Figures, NarrativeSource? Source = null);
