using System.Globalization;
using System.Text.RegularExpressions;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Model;

namespace Yusuan.Core.Tables;

/// <summary>The classification a table's rows are coded by.</summary>
public enum RowCodes
{
    /// <summary>Named rows without codes (the two-sided 收支 tables, the "三公" table, goals).</summary>
    None,

    /// <summary>支出功能分类科目 (类/款/项, 201 … 2010101).</summary>
    Function,

    /// <summary>部门支出经济分类科目 (类/款, 301 … 30101).</summary>
    Economic,
}

/// <summary>How a standard table is laid out, which decides how it is compiled, printed, read back and checked.</summary>
public enum TableShape
{
    /// <summary>Rows coded by a classification (类/款/项) and figure columns: 收入总表, 支出总表, the fund tables.</summary>
    Coded,

    /// <summary>收入 | 支出 side by side, named rows on the 收入 side, function classes on the 支出 side (T01, T06).</summary>
    TwoSided,

    /// <summary>One row per project under its 预算单位, with the project's function code (项目支出总表).</summary>
    Projects,

    /// <summary>The "三公" table: this year's and last year's figures and their change in one block (T09).</summary>
    Official,

    /// <summary>A performance form: amounts, tasks and indicators (整体支出绩效目标表).</summary>
    Goals,
}

/// <summary>
/// One of the twelve standard tables of a 部门预算 (DESIGN.md's table list): its stable id, the title the seed prints, the
/// titles regions print for it, the classification of its rows and the keys of its figure columns. The compiler names its
/// tables from here, the writers print these titles, and the reader of published documents identifies a printed table by
/// <see cref="TableSpecifications.Identify"/>.
/// </summary>
/// <param name="Id">T01 … T12, stable across documents and in rule ids (T03.sum.rows).</param>
/// <param name="Title">The title the seed prints (收支总表).</param>
/// <param name="PrintedTitles">
/// Titles regions print for this table, in the normalised form of <see cref="TableSpecifications.Normalise"/>: without year,
/// department, 情况, 明细 or 预算 before 表, with a qualifier (功能) or (经济) where the title prints one.
/// </param>
/// <param name="Codes">The classification of the rows; a printed title qualified (按功能分类) or (按经济分类) must agree.</param>
/// <param name="Columns">The keys of the figure columns the seed prints (ColumnMeanings), in order.</param>
/// <param name="Headers">The seed's header of each column, in order; <c>{year}</c> stands for the fiscal year (2023 年预算数).</param>
public sealed record TableSpecification(string Id, string Title, IReadOnlyList<string> PrintedTitles, RowCodes Codes, IReadOnlyList<string> Columns, IReadOnlyList<string> Headers)
{
    /// <summary>
    /// The rows the table names rather than codes, in the seed's order (the 收入 side of T01 and T06 and the totals of their
    /// 支出 side); empty for a table whose rows are all coded or all free (项目, goals).
    /// </summary>
    public IReadOnlyList<NamedRow> NamedRows { get; init; } = [];

    /// <summary>Totals across the columns of each row: the total column's key and the keys of the columns it adds up.</summary>
    public IReadOnlyList<TableSum> ColumnSums { get; init; } = [];

    /// <summary>Totals down the named rows: the total row's key and the keys of the rows it adds up (T01, T06).</summary>
    public IReadOnlyList<TableSum> RowSums { get; init; } = [];

    /// <summary>How the table is laid out (coded rows unless said otherwise).</summary>
    public TableShape Shape { get; init; } = TableShape.Coded;

    /// <summary>Whether the seed prints it on a landscape page (its columns need the width: T02, T03, T05, T12).</summary>
    public bool Landscape { get; init; }

    /// <summary>Whether its rows, or the rows of its 支出 side, are coded by 支出功能分类科目.</summary>
    public bool FunctionCoded => Codes == RowCodes.Function || Shape == TableShape.TwoSided;

    /// <summary>The columns as the compiler lays them out for a fiscal year: each key under the seed's header.</summary>
    public IReadOnlyList<TableColumn> ColumnsFor(int fiscalYear) =>
        Columns.Zip(Headers, (key, header) => new TableColumn(key, header.Replace("{year}", fiscalYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))).ToList();
}

/// <summary>
/// A row a table names: its key (income.general, expenditure.total — the same in every table and in the rules), the name the
/// seed prints, and the fund sources whose amounts the compiler puts in it (null: it is filled otherwise, the 支出 side's
/// totals from the expenditure).
/// </summary>
public sealed record NamedRow(string Key, string Title, Func<FundSource, bool>? Funds = null);

/// <summary>
/// A total and its parts (keys of columns or of named rows), the rule that checks it (its id is the table's id, a dot and
/// <paramref name="Rule"/>: T03.sum.columns) and the identity as a reader states it (支出总计 = 基本支出 + 项目支出).
/// </summary>
public sealed record TableSum(string Rule, string Total, IReadOnlyList<string> Parts, string Statement)
{
    /// <summary>Parts only some documents print (a 决算's 使用非财政拨款结余 and 结余分配): their absence leaves the sum whole.</summary>
    public IReadOnlyList<string> Optional { get; init; } = [];
}

/// <summary>
/// One figure of a table as the rules find it: a named row's key (income.general) or "top" (the table's first unit row, its
/// total), and a column — by its place in the seed's layout (<paramref name="Place"/>) or, where <paramref name="Key"/> is
/// given, by its key in whatever layout was read (total, basic).
/// </summary>
public sealed record TableFigure(string Table, string Row, int Place = 0, string? Key = null);

/// <summary>
/// Figures of two tables that are the same money and must be equal (收支总表 一般公共预算拨款 = 收入总表 合计/一般公共预算),
/// checked by the rule <paramref name="Rule"/> (X.T01-T02.income); <paramref name="Title"/> and <paramref name="Statement"/>
/// are the rule's title and the reason it holds.
/// </summary>
public sealed record TableIdentity(string Rule, string Title, string Statement, IReadOnlyList<(TableFigure Figure, TableFigure Same)> Pairs)
{
    /// <summary>
    /// Money the second figure of each pair may add to the first, or null: an appropriation's spending includes what was
    /// carried over from last year (T01 上年结余、结转), so 一般公共预算支出 may exceed 一般公共预算拨款 by up to that much.
    /// </summary>
    public TableFigure? Carryover { get; init; }
}

/// <summary>The names regions print for the named rows of two-sided tables, by key: how a printed row is recognised.</summary>
public static class RowMeanings
{
    /// <summary>Printed names of the 收入 side's rows, without their ordinals (一、 1. （一）), and their keys.</summary>
    public static IReadOnlyList<(string Name, string Key)> Income { get; } =
    [
        ("政府预算拨款", "income.government"), ("财政拨款", "income.government"), ("一般公共预算拨款", "income.general"), ("政府性基金预算拨款", "income.fund"),
        ("国有资本经营预算拨款", "income.capital"), ("财政专户管理资金", "income.special"), ("单位资金", "income.unit"), ("事业收入", "income.institution"),
        ("事业单位经营收入", "income.business"), ("上级补助收入", "income.superior"), ("附属单位上缴收入", "income.subordinate"), ("其他收入", "income.other"),
        ("本年收入合计", "income.current"), ("本年收入", "income.current"), ("上年结余、结转", "income.carryover"), ("上年结转", "income.carryover"), ("上年结余结转", "income.carryover"),
        ("上年结转结余", "income.carryover"), ("收入总计", "income.total"),

        // A 决算's 收入支出决算总表 and 财政拨款收入支出决算总表.
        ("年初结转和结余", "income.carryover"), ("年初财政拨款结转和结余", "income.carryover"), ("使用非财政拨款结余", "income.reserve"), ("总计", "income.total"),
    ];

    /// <summary>Printed names of the 支出 side's uncoded rows and their keys.</summary>
    public static IReadOnlyList<(string Name, string Key)> Expenditure { get; } =
    [
        ("本年支出合计", "expenditure.current"), ("结转下年", "expenditure.carryforward"), ("年末结转和结余", "expenditure.carryforward"), ("支出总计", "expenditure.total"),
        ("年末财政拨款结转和结余", "expenditure.carryforward"), ("结余分配", "expenditure.distribution"), ("总计", "expenditure.total"),
    ];

    /// <summary>
    /// The key of a printed row of a two-sided table by its section and its name without ordinal, or null. Spaces do not
    /// count: a reader of the page sees 上年结余、结转 where the text layer has "上年结余、 结转".
    /// </summary>
    public static string? KeyOf(string? section, string name)
    {
        var bare = name.Any(char.IsWhiteSpace) ? new string(name.Where(c => !char.IsWhiteSpace(c)).ToArray()) : name;
        return section switch
        {
            "income" => Income.FirstOrDefault(n => n.Name == bare).Key,
            "expenditure" => Expenditure.FirstOrDefault(n => n.Name == bare).Key,
            _ => null,
        };
    }
}

/// <summary>The twelve standard tables, and how a printed title is recognised as one of them.</summary>
public static partial class TableSpecifications
{
    private static readonly string[] Spending = ["total", "basic", "project"];

    private static readonly string[] SpendingHeaders = ["支出总计", "基本支出", "项目支出"];

    private static readonly string[] FundHeaders = ["合计", .. ColumnMeanings.Funds.Select(f => f.Fund.Title())];

    private static readonly TableSum[] SpendingSum = [new("sum.columns", "total", ["basic", "project"], "支出总计 = 基本支出 + 项目支出")];

    /// <summary>The 支出 side of T01 and T06 below the function classes: the seed's totals.</summary>
    private static readonly NamedRow[] ExpenditureTotals =
        [new("expenditure.current", "本年支出合计"), new("expenditure.carryforward", "结转下年"), new("expenditure.total", "支出总计")];

    /// <summary>
    /// The totals a two-sided table prints side by side below both lists, line by line: 本年收入合计 ∥ 本年支出合计, 上年结余、结转 ∥
    /// 结转下年, 收入总计 ∥ 支出总计.
    /// </summary>
    public static IReadOnlyList<(string Income, string Expenditure)> TwoSidedTotals { get; } =
        [("income.current", "expenditure.current"), ("income.carryover", "expenditure.carryforward"), ("income.total", "expenditure.total")];

    /// <summary>The sums both two-sided tables keep: appropriations, totals and the balance of the two sides.</summary>
    private static readonly TableSum[] TwoSidedSums =
    [
        new("income.government", "income.government", ["income.general", "income.fund", "income.capital"], "政府预算拨款 = 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款"),
        new("income.total", "income.total", ["income.current", "income.carryover", "income.reserve"], "收入总计 = 本年收入合计 + 上年结余、结转（决算：+ 使用非财政拨款结余）")
        {
            Optional = ["income.reserve"],
        },
        new("expenditure.total", "expenditure.total", ["expenditure.current", "expenditure.carryforward", "expenditure.distribution"], "支出总计 = 本年支出合计 + 结转下年（决算：+ 结余分配）")
        {
            Optional = ["expenditure.distribution"],
        },
        new("balance", "income.total", ["expenditure.total"], "收入总计 = 支出总计"),
    ];

    /// <summary>
    /// The figures two of the twelve tables share (the same money seen from two sides), in the order the rules check them. The
    /// source of each is the seed's layout (深圳 2023 部门预算): the 收入 side of 收支总表 is 收入总表's 合计 row, 基本支出总表 is
    /// 支出总表's 基本支出 column, each fund's expenditure table spends that fund's income, and so on.
    /// </summary>
    public static IReadOnlyList<TableIdentity> Identities { get; } =
    [
        new("X.T01-T02.income", "收支总表收入 = 收入总表合计", "收支总表各项收入与收入总表各栏合计相等",
            [.. new[] { "total", "general", "fund", "capital", "special", "carryover" }.Select(k => (new TableFigure("T01", $"income.{k}"), new TableFigure("T02", "top", Key: k)))]),
        new("X.T01-T06.income", "收支总表与政府预算拨款收支总表的拨款收入相等", "两表政府预算拨款收入一致",
            [.. new[] { "government", "general", "fund", "capital" }.Select(k => (new TableFigure("T01", $"income.{k}"), new TableFigure("T06", $"income.{k}")))]),
        new("X.T04-T03.basic", "基本支出总表合计 = 支出总表基本支出", "基本支出总表是支出总表的基本支出部分",
            [(new TableFigure("T03", "top", 1), new TableFigure("T04", "top", Key: "total"))]),
        new("X.T05-T03.project", "项目支出总表合计 = 支出总表项目支出", "项目支出总表是支出总表的项目支出部分",
            [(new TableFigure("T03", "top", 2), new TableFigure("T05", "top", Key: "total"))]),
        new("X.T07-T08.total", "一般公共预算支出按功能分类与按经济分类合计相等", "同一笔一般公共预算支出的两种分类",
            [.. new[] { "total", "basic", "project" }.Select((k, i) => (new TableFigure("T07", "top", i), new TableFigure("T08", "top", Key: k)))]),
        new("X.T07-T01.general", "一般公共预算支出 = 一般公共预算拨款收入", "一般公共预算收支平衡",
            [(new TableFigure("T01", "income.general"), new TableFigure("T07", "top", Key: "total"))]) { Carryover = new TableFigure("T01", "income.carryover") },
        new("X.T10-T01.fund", "政府性基金预算支出 = 政府性基金预算拨款收入", "政府性基金预算收支平衡",
            [(new TableFigure("T01", "income.fund"), new TableFigure("T10", "top", Key: "total"))]) { Carryover = new TableFigure("T01", "income.carryover") },
        new("X.T11-T01.capital", "国有资本经营预算支出 = 国有资本经营预算拨款收入", "国有资本经营预算收支平衡",
            [(new TableFigure("T01", "income.capital"), new TableFigure("T11", "top", Key: "total"))]) { Carryover = new TableFigure("T01", "income.carryover") },
        new("X.T12-T01.total", "绩效目标表金额合计 = 部门预算支出总计", "整体支出绩效目标覆盖全部预算资金",
            [(new TableFigure("T01", "expenditure.total"), new TableFigure("T12", "total", Key: "total"))]),
    ];

    /// <summary>The twelve tables in the seed's order.</summary>
    public static IReadOnlyList<TableSpecification> All { get; } =
    [
        new("T01", "收支总表", ["收支总表", "财务收支总表", "收支表"], RowCodes.None, ["budget"], ["{year} 年预算数"])
        {
            Shape = TableShape.TwoSided,
            NamedRows =
            [
                new("income.government", "一、政府预算拨款", f => f.IsGovernmentAppropriation()),
                new("income.general", "1. 一般公共预算拨款", f => f == FundSource.GeneralPublicBudget),
                new("income.fund", "2. 政府性基金预算拨款", f => f == FundSource.GovernmentFund),
                new("income.capital", "3. 国有资本经营预算拨款", f => f == FundSource.StateCapital),
                new("income.special", "二、财政专户管理资金", f => f == FundSource.FiscalSpecialAccount),
                new("income.unit", "三、单位资金", f => f.IsUnitFund()),
                new("income.institution", "1. 事业收入", f => f == FundSource.InstitutionIncome),
                new("income.business", "2. 事业单位经营收入", f => f == FundSource.InstitutionBusinessIncome),
                new("income.superior", "3. 上级补助收入", f => f == FundSource.SuperiorSubsidy),
                new("income.subordinate", "4. 附属单位上缴收入", f => f == FundSource.SubordinateRemittance),
                new("income.other", "5. 其他收入", f => f == FundSource.OtherIncome),
                new("income.current", "本年收入合计", f => f != FundSource.PriorYearCarryover),
                new("income.carryover", "上年结余、结转", f => f == FundSource.PriorYearCarryover),
                new("income.total", "收入总计", _ => true),
                .. ExpenditureTotals,
            ],
            RowSums =
            [
                .. TwoSidedSums,
                new("income.current", "income.current", ["income.government", "income.special", "income.unit"], "本年收入合计 = 政府预算拨款 + 财政专户管理资金 + 单位资金"),
                new("income.unit", "income.unit", ["income.institution", "income.business", "income.superior", "income.subordinate", "income.other"],
                    "单位资金 = 事业收入 + 事业单位经营收入 + 上级补助收入 + 附属单位上缴收入 + 其他收入"),
            ],
        },
        new("T02", "收入总表", ["收入总表"], RowCodes.Function, ["total", .. ColumnMeanings.FundSources], FundHeaders)
        {
            Landscape = true,
            ColumnSums = [new("sum.columns", "total", [.. ColumnMeanings.FundSources, .. ColumnMeanings.RegionalIncome], "合计 = 各收入来源之和")],
        },
        new("T03", "支出总表", ["支出总表"], RowCodes.Function, ["total", "basic", "project", "procurement", "sme", "micro"],
            [.. SpendingHeaders, "{year} 年政府采购项目小计", "其中：面向中小企业政府采购项目", "其中：面向小型、微型企业政府采购项目"])
        {
            Landscape = true,
            ColumnSums = SpendingSum,
        },
        new("T04", "基本支出总表", ["基本支出总表", "基本支出表"], RowCodes.Economic, ["total", "personnel", "operating"], ["合计", "人员经费", "公用经费"])
        {
            ColumnSums = [new("sum.columns", "total", ["personnel", "operating"], "合计 = 人员经费 + 公用经费")],
        },
        new("T05", "项目支出总表", ["项目支出总表", "项目支出表"], RowCodes.None, ["total", .. ColumnMeanings.FundSources], FundHeaders)
        {
            Shape = TableShape.Projects,
            Landscape = true,
            ColumnSums = [new("sum.columns", "total", ColumnMeanings.FundSources, "合计 = 各资金来源之和")],
        },
        new("T06", "政府预算拨款收支总表", ["政府预算拨款收支总表", "财政拨款收支总表"], RowCodes.None, ["budget"], ["{year} 年预算数"])
        {
            Shape = TableShape.TwoSided,
            NamedRows =
            [
                new("income.government", "政府预算拨款", f => f.IsGovernmentAppropriation()),
                new("income.general", "一般公共预算拨款", f => f == FundSource.GeneralPublicBudget),
                new("income.fund", "政府性基金预算拨款", f => f == FundSource.GovernmentFund),
                new("income.capital", "国有资本经营预算拨款", f => f == FundSource.StateCapital),
                new("income.current", "本年收入合计", f => f.IsGovernmentAppropriation()),
                new("income.carryover", "上年结余、结转", f => f == FundSource.PriorYearCarryover),
                new("income.total", "收入总计", f => f.IsGovernmentAppropriation() || f == FundSource.PriorYearCarryover),
                .. ExpenditureTotals,
            ],
            RowSums = [.. TwoSidedSums, new("income.current", "income.current", ["income.government"], "本年收入合计 = 政府预算拨款")],
        },
        new("T07", "一般公共预算支出表（按功能分类）", ["一般公共预算支出表(功能)", "一般公共预算支出表", "一般公共预算拨款支出表"], RowCodes.Function, Spending, SpendingHeaders) { ColumnSums = SpendingSum },
        new("T08", "一般公共预算支出表（按经济分类）", ["一般公共预算支出表(经济)", "一般公共预算基本支出表(经济)", "一般公共预算基本支出表", "一般公共预算支出经济分类表"], RowCodes.Economic, Spending, SpendingHeaders)
        {
            ColumnSums = SpendingSum,
        },
        new("T09", "一般公共预算“三公”经费支出表", ["三公经费支出表", "三公经费表", "三公经费和机关运行经费表", "一般公共预算三公经费支出表", "一般公共预算三公经费、会议费、培训费支出表", "财政拨款三公经费支出表",
            "三公经费、会议费、培训费支出表", "一般公共预算拨款三公经费及会议费、培训费支出表", "一般公共预算拨款三公经费、会议费、培训费表"], RowCodes.None,
            ["total", "abroad", "reception", "vehicle", "vehicle_purchase", "vehicle_operation"], ["总计", "因公出国(境)费", "公务接待费", "公务用车购置及运行维护费小计", "公务用车购置费", "公务用车运行维护费"])
        {
            Shape = TableShape.Official,
            ColumnSums =
            [
                new("sum.columns", "total", ["abroad", "reception", "vehicle"], "总计 = 因公出国(境)费 + 公务接待费 + 公务用车购置及运行维护费"),
                new("sum.vehicle", "vehicle", ["vehicle_purchase", "vehicle_operation"], "公务用车购置及运行维护费小计 = 购置费 + 运行维护费"),
            ],
        },
        new("T10", "政府性基金预算支出表", ["政府性基金预算支出表", "政府性基金支出表", "政府性基金预算拨款支出表", "政府性基金预算财政拨款支出表", "政府性基金收支表", "政府性基金收支总表"], RowCodes.Function, Spending, SpendingHeaders) { ColumnSums = SpendingSum },
        new("T11", "国有资本经营预算支出表", ["国有资本经营预算支出表", "国有资本经营预算拨款支出表"], RowCodes.Function, Spending, SpendingHeaders) { ColumnSums = SpendingSum },
        new("T12", "部门（单位）整体支出绩效目标表", ["整体支出绩效目标表"], RowCodes.None, ["total", "fiscal", "other"], ["总额", "其中：财政拨款", "其中：其他资金"])
        {
            Shape = TableShape.Goals,
            Landscape = true,
            ColumnSums = [new("sum.columns", "total", ["fiscal", "other"], "总额 = 财政拨款 + 其他资金")],
        },
    ];

    /// <summary>Words that scope a table to part of the budget: a printed title and the title it matches print the same ones.</summary>
    private static readonly string[] Scopes = ["一般公共预算", "政府性基金", "国有资本经营", "财政拨款", "政府预算拨款"];

    /// <summary>Every printed title of every table as <see cref="Identify"/> compares it, worked out once.</summary>
    private static readonly PrintedForm[] PrintedForms = All.SelectMany(table => table.PrintedTitles.Select(printed => PrintedForm.Of(table, printed))).ToArray();

    /// <summary>The specification of a standard id.</summary>
    /// <exception cref="KeyNotFoundException">The id is not T01 … T12.</exception>
    public static TableSpecification Get(string id) => Find(id) ?? throw new KeyNotFoundException($"No standard table {id}");

    /// <summary>The specification of a standard id, or null for any other (an X id of a table read from a published document).</summary>
    public static TableSpecification? Find(string id) => All.FirstOrDefault(t => t.Id == id);

    [GeneratedRegex(@"\((?:按)?(?:支出)?(功能|经济)(?:分类)?(?:科目?)?(?:分)?(?:[-—－、，,]?不?(?:含上年结转)?)?(?:\)|$)")]
    private static partial Regex Qualifier();

    [GeneratedRegex(@"(?:支出)?(?:部门预算|政府预算)?(?:支出)?(功能|经济)分类(?:预算)?表$")]
    private static partial Regex QualifiedSuffix();

    [GeneratedRegex(@"(收入|支出|收支|经费)(?:预算)?(总)?表")]
    private static partial Regex BudgetWord();

    /// <summary>
    /// A printed title in comparable form: no spaces, quotes or 情况/明细, no (不含上年结转); brackets half-width; 总体情况表 as 总表; 支出预算表 as
    /// 支出表; a classification qualifier as (功能) or (经济), also where it is printed as a suffix (…支出功能分类预算表).
    /// </summary>
    public static string Normalise(string title)
    {
        var text = new string(title.Where(c => !char.IsWhiteSpace(c) && c is not ('“' or '”' or '"' or '‘' or '’' or '\'')).ToArray())
            .Replace('（', '(').Replace('）', ')').Replace("(续表)", string.Empty, StringComparison.Ordinal).Replace("续表", string.Empty, StringComparison.Ordinal)
            .Replace("总体情况", "总", StringComparison.Ordinal).Replace("情况", string.Empty, StringComparison.Ordinal)
            .Replace("明细", string.Empty, StringComparison.Ordinal)
            .Replace("(不含上年结转)", string.Empty, StringComparison.Ordinal).Replace("(含上年结转)", string.Empty, StringComparison.Ordinal);
        text = Qualifier().Replace(text, "($1)");
        text = QualifiedSuffix().Replace(text, "支出表($1)");
        return BudgetWord().Replace(text, "$1$2表");
    }

    /// <summary>
    /// The standard table a printed title names (收支总体情况表 → T01, 预算单位一般公共预算支出功能分类预算表 → T07), or null;
    /// a 决算 table is none of the twelve budget tables. The
    /// title ends with one of a table's printed titles, allowing a department or year before it; scope words (一般公共预算,
    /// 财政拨款 …) must be the same in both (the "三公" and goals tables excepted: 财政拨款安排的行政经费及“三公”经费预算表 is still
    /// the "三公" table); a qualifier (功能)/(经济) must agree with the table's rows. The longest printed title
    /// that fits wins (基本支出总表 over 支出总表).
    /// </summary>
    public static string? Identify(string title)
    {
        var text = Normalise(title);
        if (text.Length is 0 or > 60 || text.Contains("说明", StringComparison.Ordinal) || text.Contains("决算", StringComparison.Ordinal))
        {
            return null;
        }

        var qualifier = Qualifier().Match(text) is { Success: true } q ? q.Groups[1].Value : null;
        var bare = qualifier is null ? text : Qualifier().Replace(text, string.Empty);
        var scopes = Scopes.Where(s => bare.Contains(s, StringComparison.Ordinal)).ToHashSet();
        string? best = null;
        var longest = 0;
        foreach (var (table, printed, printedQualified, printedBare, printedScopes) in PrintedForms)
        {
            if (printed.Length <= longest)
            {
                continue;
            }

            var agrees = qualifier is null || printedQualified ? text.EndsWith(printed, StringComparison.Ordinal)
                : bare.EndsWith(printedBare, StringComparison.Ordinal) && table.Codes == (qualifier == "功能" ? RowCodes.Function : RowCodes.Economic);
            var prefix = text.AsSpan()[..^Math.Min(text.Length, qualifier is null || printedQualified ? printed.Length : printedBare.Length)];
            if (agrees && prefix.Length <= 30 && prefix.IndexOfAny('，', '。', '；') < 0
                && (table.Id is "T09" or "T12" || scopes.SetEquals(printedScopes)))
            {
                (best, longest) = (table.Id, printed.Length);
            }
        }

        return best;
    }

    /// <summary>A printed title of a table: whether it carries a (功能)/(经济) qualifier, the title without it, its scope words.</summary>
    private sealed record PrintedForm(TableSpecification Table, string Printed, bool Qualified, string Bare, HashSet<string> Scopes)
    {
        public static PrintedForm Of(TableSpecification table, string printed)
        {
            var bare = Qualifier().Replace(printed, string.Empty);
            return new PrintedForm(table, printed, Qualifier().IsMatch(printed), bare, TableSpecifications.Scopes.Where(s => bare.Contains(s, StringComparison.Ordinal)).ToHashSet());
        }
    }

    /// <summary>
    /// Whether a table read from a published document has the shape its standard id promises, so that the id's rules can judge
    /// it: every printed figure column maps to a known meaning (an unknown one, 专项业务经费支出 beside 人员经费, would make
    /// every column sum look wrong); coded rows carry codes of the table's classification; a two-sided table has both sides.
    /// A table that does not fit keeps its printed title and cells under an X id, so no rule judges what was not understood.
    /// </summary>
    public static bool Fits(TableSpecification specification, DisclosureTable table)
    {
        var figureColumns = Enumerable.Range(0, table.Columns.Count)
            .Where(c => table.Rows.Any(r => r.Printed is { } printed && c < printed.Count && IsFigure(printed[c])));
        // A key may be compound (carryover.general: 上年结转 / 一般公共预算); each of its parts must be a meaning.
        if (figureColumns.Any(c => !specification.Columns.Contains(table.Columns[c].Key)
                && !table.Columns[c].Key.Split('.').All(part => ColumnMeanings.All.Any(m => m.Key == part))))
        {
            return false;
        }

        // 收入 beside 支出, and nothing else: a sheet that prints 支出 again by other classifications (西安: by 部门预算支出经济科目
        // and by 政府预算支出经济分类科目, its 收入 nested 一、… 1、… (1)…) is a shape whose sums these rules do not know.
        if (specification.Id is "T01" or "T06")
        {
            return table.Rows.Any(r => r.Section == "income") && table.Rows.Any(r => r.Section == "expenditure")
                && table.Rows.All(r => r.Section is "income" or "expenditure");
        }

        // 项目支出总表: projects, each with the function code it is spent under (烟台's 项目支出预算情况表 groups projects
        // under categories instead, a shape its rules do not know).
        if (specification.Id == "T05")
        {
            return table.Rows.Any(r => r.FunctionCode is not null);
        }

        var coded = table.Rows.Where(r => r.Code is not null).Select(r => r.Code!).ToList();
        return specification.Codes switch
        {
            RowCodes.Function => coded.Count(c => c.Length is 3 or 5 or 7 && c[0] == '2') * 10 >= coded.Count * 9,
            RowCodes.Economic => coded.Count(c => c.Length is 3 or 5 or 7 && c[0] is '3' or '5') * 10 >= coded.Count * 9,
            _ => true,
        };
    }

    /// <summary>
    /// The standard table a table with an unknown title is by its shape alone, where the shape is unmistakable: income and
    /// expenditure side by side is a 收支总表 (T01); function-coded rows by fund source (合计 and at least three of 一般公共预算,
    /// 政府性基金 …) are a 收入总表 (T02). Null for every other shape: a function-coded table with 基本/项目 columns could be
    /// T03, T07, T10 or T11, and guessing would judge it by the wrong table's rules.
    /// </summary>
    public static string? IdentifyByShape(DisclosureTable table)
    {
        if (table.Rows.Any(r => r.Section == "income") && table.Rows.Any(r => r.Section == "expenditure")
            && table.Rows.All(r => r.Section is "income" or "expenditure"))
        {
            return "T01";
        }

        var keys = table.Columns.Select(c => c.Key).ToHashSet();
        var functionCoded = table.Rows.Count(r => r.Code is { Length: 3 or 5 or 7 } code && code[0] == '2') >= 2;
        return functionCoded && keys.Contains("total") && ColumnMeanings.FundSources.Count(keys.Contains) >= 3 && !keys.Contains("basic") ? "T02" : null;
    }

    /// <summary>A printed amount; six or more digits with no separator or point are a code (项目编码, 2080505), not an amount.</summary>
    private static bool IsFigure(string printed) =>
        printed.Length > 0 && !(printed.Length >= 6 && printed.All(char.IsAsciiDigit)) && decimal.TryParse(printed.Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('%'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
