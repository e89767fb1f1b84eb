namespace Yusuan.Formats.Ledger;

/// <summary>
/// A ledger column: its 预算管理一体化 element name and the Chinese titles accepted for it, so an export from a
/// province's system loads as it is.
/// </summary>
public sealed record LedgerColumn(string Element, bool Required, params string[] Titles)
{
    // Columns are numbered as they are made (a static field is zero before any initialiser runs).
    private static int made;

    public static readonly LedgerColumn AgencyCode = new("agency_code", true, "单位编码", "预算单位编码", "单位代码") { Ordinal = made++ };
    public static readonly LedgerColumn AgencyName = new("agency_name", false, "单位名称", "预算单位名称", "预算单位") { Ordinal = made++ };
    public static readonly LedgerColumn FiscalYear = new("fiscal_year", false, "预算年度", "年度") { Ordinal = made++ };
    public static readonly LedgerColumn RegionCode = new("mof_div_code", false, "财政区划编码", "财政区划") { Ordinal = made++ };
    public static readonly LedgerColumn FunctionCode = new("exp_func_code", true, "功能科目编码", "支出功能分类科目编码", "功能分类科目编码", "科目编码") { Ordinal = made++ };
    public static readonly LedgerColumn FunctionName = new("exp_func_name", false, "功能科目名称", "科目名称") { Ordinal = made++ };
    public static readonly LedgerColumn EconomicCode = new("dep_bgt_eco_code", true, "经济科目编码", "部门经济科目编码", "部门预算支出经济分类科目编码", "部门经济分类科目编码") { Ordinal = made++ };
    public static readonly LedgerColumn EconomicName = new("dep_bgt_eco_name", false, "经济科目名称", "部门经济科目名称") { Ordinal = made++ };
    public static readonly LedgerColumn GovernmentEconomicCode = new("gov_bgt_eco_code", false, "政府经济科目编码", "政府预算支出经济分类科目编码", "政府经济分类科目编码") { Ordinal = made++ };
    public static readonly LedgerColumn Kind = new("exp_kind", true, "支出类型", "支出类别") { Ordinal = made++ };
    public static readonly LedgerColumn ProjectCode = new("pro_code", false, "项目编码", "项目代码") { Ordinal = made++ };
    public static readonly LedgerColumn ProjectName = new("pro_name", false, "项目名称") { Ordinal = made++ };
    public static readonly LedgerColumn ProjectCategory = new("pro_cat_name", false, "项目类别") { Ordinal = made++ };
    public static readonly LedgerColumn Fund = new("fund_type_code", true, "资金性质", "资金来源", "收入来源") { Ordinal = made++ };
    public static readonly LedgerColumn Amount = new("amount", true, "金额", "预算数", "预算金额", "amt", "bgt_amt") { Ordinal = made++ };
    public static readonly LedgerColumn ProcurementType = new("gov_purchase_type", false, "政府采购类型", "采购类型") { Ordinal = made++ };
    public static readonly LedgerColumn ProcurementAmount = new("gov_purchase_amt", false, "政府采购金额") { Ordinal = made++ };
    public static readonly LedgerColumn SmeAmount = new("sme_amt", false, "面向中小企业金额", "面向中小企业政府采购金额") { Ordinal = made++ };
    public static readonly LedgerColumn MicroAmount = new("micro_amt", false, "面向小微企业金额", "面向小型微型企业政府采购金额") { Ordinal = made++ };
    public static readonly LedgerColumn OfficialExpense = new("three_public_type", false, "三公经费类别", "“三公”经费类别", "\"三公\"经费类别") { Ordinal = made++ };
    public static readonly LedgerColumn OperatingExpense = new("is_operating_expense", false, "机关运行经费") { Ordinal = made++ };
    public static readonly LedgerColumn Remark = new("remark", false, "备注") { Ordinal = made++ };

    /// <summary>A number of the column's own, 0 to <see cref="All"/>.Count − 1: a row parser finds a column's cell by it, not by a lookup.</summary>
    public int Ordinal { get; private init; }

    public static IReadOnlyList<LedgerColumn> All { get; } =
    [
        AgencyCode, AgencyName, FiscalYear, RegionCode, FunctionCode, FunctionName, EconomicCode, EconomicName, GovernmentEconomicCode,
        Kind, ProjectCode, ProjectName, ProjectCategory, Fund, Amount, ProcurementType, ProcurementAmount, SmeAmount, MicroAmount,
        OfficialExpense, OperatingExpense, Remark,
    ];

    /// <summary>
    /// A ledger column as a budget officer reads it: its Chinese title (金额 for amount, whichever header the file used); a
    /// header Yusuan does not know, as written.
    /// </summary>
    public static string Describe(string header) =>
        All.FirstOrDefault(c => c.Matches(header)) is { Titles.Length: > 0 } column ? column.Titles[0] : header.Trim();

    /// <summary>A finding's location as a person reads it: a ledger column by its Chinese title (功能科目编码, not exp_func_code).</summary>
    public static Core.Findings.Location Described(Core.Findings.Location at) => at with { Column = at.Column is { } column ? Describe(column) : null };

    /// <summary>Whether a header names one of the amount columns (金额, 政府采购金额, 面向中小企业金额, 面向小微企业金额).</summary>
    public static bool IsAmount(string header) =>
        Amount.Matches(header) || ProcurementAmount.Matches(header) || SmeAmount.Matches(header) || MicroAmount.Matches(header);

    public bool Matches(string header)
    {
        var h = header.Trim();
        return string.Equals(h, Element, StringComparison.OrdinalIgnoreCase) || Titles.Contains(h, StringComparer.Ordinal);
    }
}
