using Yusuan.Core.Catalogue;
using Yusuan.Core.Compile;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Model;
using Yusuan.Core.Rounding;

namespace Yusuan.Core.Tests.Compile;

/// <summary>Small budgets built in code for compiler tests.</summary>
internal static class Budgets
{
    public static readonly ClassificationCatalogue Catalogue = ClassificationCatalogue.BuiltIn();

    public static Profile Profile(params (string Code, string Name)[] agencies) => new()
    {
        FiscalYear = 2023,
        Department = new Entity("D1", "测试部门"),
        Supervisor = new Entity("S1", "测试主管部门"),
        Agencies = agencies.Length == 0 ? [new Entity("D1", "测试部门")] : agencies.Select(a => new Entity(a.Code, a.Name)).ToList(),
        PriorYear = new PriorYear
        {
            FiscalYear = 2022,
            OfficialExpenses = new Dictionary<OfficialExpenseCategory, decimal>
            {
                [OfficialExpenseCategory.Reception] = 4_700m,
                [OfficialExpenseCategory.VehicleOperation] = 80_000m,
            },
        },
    };

    public static BudgetLine Line(
        string function,
        string economic,
        decimal amount,
        ExpenditureKind kind = ExpenditureKind.Personnel,
        FundSource fund = FundSource.GeneralPublicBudget,
        string agency = "D1",
        string? project = null,
        decimal procurement = 0,
        decimal sme = 0,
        decimal micro = 0,
        OfficialExpenseCategory official = OfficialExpenseCategory.None,
        int row = 0) => new()
    {
        AgencyCode = agency,
        Function = FunctionCode.Parse(function).Value,
        Economic = EconomicCode.Parse(economic).Value,
        Kind = project is null ? kind : ExpenditureKind.Project,
        ProjectCode = project,
        ProjectName = project is null ? null : "项目" + project,
        Fund = fund,
        Amount = amount,
        Procurement = procurement > 0 ? ProcurementType.Services : ProcurementType.None,
        ProcurementAmount = procurement,
        SmeAmount = sme,
        MicroAmount = micro,
        OfficialExpense = official,
        Source = new LineSource("ledger.csv", row),
    };

    public static CompiledBudget CompileBudget(IEnumerable<BudgetLine> lines, RoundingMode rounding = RoundingMode.Independent, Profile? profile = null, PerformancePlan? plan = null) =>
        new BudgetCompiler(Catalogue).Compile(profile ?? Profile(), plan ?? PerformancePlan.Empty, lines, rounding);

    public static TableRow Row(this DisclosureTable table, string codeOrKey) =>
        table.Rows.Single(r => r.Code == codeOrKey || r.Key == codeOrKey);

    public static decimal Value(this DisclosureTable table, string row, string column) =>
        table.Row(row).Values[table.ColumnIndex(column)];
}
