namespace Yusuan.Core.Tables;

/// <summary>
/// What a column of a budget table stands for, as a stable key (DESIGN.md's terms: <c>general</c> 一般公共预算, <c>basic</c>
/// 基本支出 …), its standard Chinese header and the header texts regions print for it.
/// </summary>
/// <param name="Key">The column key in disclosure.json (<c>total</c>, <c>general</c>, <c>basic</c> …).</param>
/// <param name="Name">The header the seed prints, e.g. 一般公共预算.</param>
/// <param name="Headers">Texts that name the column in a printed header cell, matched as part of the cell's text.</param>
public sealed record ColumnMeaning(string Key, string Name, IReadOnlyList<string> Headers);

/// <summary>
/// The meanings of budget table columns, one list for the compiler's tables, the writers and the reader of published tables.
/// Sources: the Ministry of Finance's 部门预算 table set and the headers printed across the corpus (本年收入/一般公共预算资金,
/// 基本支出/人员经费, 财政专户管理资金, 上年结转结余 …).
/// </summary>
public static class ColumnMeanings
{
    /// <summary>Each fund source of the ledger (Model.FundSource) with its column key, in the seed's order.</summary>
    public static IReadOnlyList<(Model.FundSource Fund, string Key)> Funds { get; } =
    [
        (Model.FundSource.GeneralPublicBudget, "general"),
        (Model.FundSource.GovernmentFund, "fund"),
        (Model.FundSource.StateCapital, "capital"),
        (Model.FundSource.FiscalSpecialAccount, "special"),
        (Model.FundSource.InstitutionIncome, "institution"),
        (Model.FundSource.InstitutionBusinessIncome, "business"),
        (Model.FundSource.SuperiorSubsidy, "superior"),
        (Model.FundSource.SubordinateRemittance, "subordinate"),
        (Model.FundSource.OtherIncome, "other"),
        (Model.FundSource.PriorYearCarryover, "carryover"),
    ];

    /// <summary>
    /// The ten fund sources of a department's income, in the order the seed's 收入总表 prints them (一般公共预算 … 上年结转);
    /// their sum is the table's 合计.
    /// </summary>
    public static IReadOnlyList<string> FundSources { get; } = [.. Funds.Select(f => f.Key)];

    /// <summary>
    /// Income a region's 收入总表 prints beside the ten fund sources, part of its 合计 (西安 2019: 用事业基金弥补收支差额,
    /// 上年实户资金余额 — last year's money in the unit's own account).
    /// </summary>
    public static IReadOnlyList<string> RegionalIncome { get; } = ["reserve", "balance"];

    /// <summary>
    /// Every meaning, in the order a header cell is tested: a more specific text before the one it contains (人员经费 before
    /// 经费, 事业单位经营 before 事业收入, 其他收入 before the totals), the totals last.
    /// </summary>
    public static IReadOnlyList<ColumnMeaning> All { get; } =
    [
        new("basic", "基本支出", ["基本支出"]),
        new("personnel", "人员经费", ["人员经费", "人员支出"]),
        new("operating", "公用经费", ["公用经费", "公用支出"]),
        new("project", "项目支出", ["项目支出", "专项业务经费"]),
        new("general", "一般公共预算", ["一般公共预算"]),
        new("fund", "政府性基金预算", ["政府性基金"]),
        new("capital", "国有资本经营预算", ["国有资本经营"]),
        new("special", "财政专户管理资金", ["财政专户"]),
        new("business", "事业单位经营收入", ["事业单位经营"]),
        new("institution", "事业收入", ["事业收入"]),
        new("superior", "上级补助收入", ["上级补助"]),
        new("subordinate", "附属单位上缴收入", ["附属单位上缴"]),
        new("other", "其他收入", ["其他收入"]),
        new("carryover", "上年结转", ["上年结转", "上年结余", "结余、结转", "结余结转", "结转结余"]),
        new("reserve", "用事业基金弥补收支差额", ["用事业基金弥补", "事业基金弥补"]),
        new("balance", "上年实户资金余额", ["上年实户资金余额", "实户资金余额"]),
        new("current", "本年收入", ["本年收入"]),
        new("government", "财政拨款", ["财政拨款"]),
        new("unit", "单位资金", ["单位资金"]),
        new("micro", "面向小微企业", ["小微企业", "微型企业"]),
        new("sme", "面向中小企业", ["中小企业"]),
        new("procurement", "政府采购", ["政府采购"]),
        new("vehicle_purchase", "公务用车购置费", ["公务用车购置费", "公务用车购置", "车辆购置"]),
        new("vehicle_operation", "公务用车运行维护费", ["公务用车运行维护费", "公务用车运行费", "车辆运行维护"]),
        new("vehicle", "公务用车购置及运行维护费", ["公务用车购置及运行", "公务用车"]),
        new("abroad", "因公出国（境）费", ["因公出国", "出国（境）", "出国(境)"]),
        new("reception", "公务接待费", ["公务接待"]),
        new("change", "增减", ["增减"]),
        new("prior", "上年", ["上年"]),
        new("total", "合计", ["合计", "总计", "小计", "预算数", "金额", "决算数"]),
    ];

    /// <summary>
    /// The key of the meaning whose header text the cell contains, the text found first in the cell deciding, then the
    /// longest (上年预算数 is last year's, 公务用车购置及运行费 the whole of 公务用车购置, 其中：公务用车购置 the purchase; on a
    /// tie the first meaning); else <c>total</c> for a header that ends with 预算 (收入/预算, 支出/预算: Guangzhou's
    /// 收支总体情况表); else null.
    /// </summary>
    public static string? KeyOf(string header) =>
        All.SelectMany(m => m.Headers.Select(h => (m.Key, At: header.IndexOf(h, StringComparison.Ordinal), h.Length)))
            .Where(p => p.At >= 0).OrderBy(p => p.At).ThenByDescending(p => p.Length).Select(p => p.Key).FirstOrDefault()
        ?? (header.TrimEnd().EndsWith("预算", StringComparison.Ordinal) ? "total" : null);

    /// <summary>The standard header of a key (一般公共预算 for <c>general</c>); the key itself when it has none.</summary>
    public static string NameOf(string key) => All.FirstOrDefault(m => m.Key == key)?.Name ?? key;
}
