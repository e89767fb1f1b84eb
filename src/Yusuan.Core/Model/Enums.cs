namespace Yusuan.Core.Model;

/// <summary>基本支出 (人员经费 / 公用经费) or 项目支出.</summary>
public enum ExpenditureKind
{
    Personnel,
    Operating,
    Project,
}

/// <summary>资金性质 / 收入来源, in the order T01 lists the income sources.</summary>
public enum FundSource
{
    GeneralPublicBudget,
    GovernmentFund,
    StateCapital,
    FiscalSpecialAccount,
    InstitutionIncome,
    InstitutionBusinessIncome,
    SuperiorSubsidy,
    SubordinateRemittance,
    OtherIncome,
    PriorYearCarryover,
}

/// <summary>政府采购 category of a line (货物 / 工程 / 服务), or none.</summary>
public enum ProcurementType
{
    None,
    Goods,
    Works,
    Services,
}

/// <summary>The "三公" category of a line, or none.</summary>
public enum OfficialExpenseCategory
{
    None,
    OverseasTravel,
    Reception,
    VehiclePurchase,
    VehicleOperation,
}

public static class ModelExtensions
{
    public static bool IsBasic(this ExpenditureKind kind) => kind != ExpenditureKind.Project;

    /// <summary>政府预算拨款: the three budget appropriations (T06).</summary>
    public static bool IsGovernmentAppropriation(this FundSource fund) =>
        fund is FundSource.GeneralPublicBudget or FundSource.GovernmentFund or FundSource.StateCapital;

    /// <summary>单位资金: the unit's own income sources.</summary>
    public static bool IsUnitFund(this FundSource fund) =>
        fund is FundSource.InstitutionIncome or FundSource.InstitutionBusinessIncome or FundSource.SuperiorSubsidy
            or FundSource.SubordinateRemittance or FundSource.OtherIncome;
}
