using Yusuan.Core.Disclosures;
using Yusuan.Core.Model;

namespace Yusuan.Core.Narrative;

/// <summary>
/// Last year's figures for this year's comparisons, as last year's published budget printed them: a new fiscal year
/// compares with what readers saw, not with last year's exact sums (which controlled rounding may print one unit apart).
/// </summary>
public static class PriorYearFigures
{
    /// <summary>
    /// The figures (元) the text of a published budget states — income, expenditure, basic and project expenditure,
    /// procurement, each "三公" item, 机关运行经费 and each project category — read from its narrative figures (万元, 元 or
    /// 亿元 as printed); a figure the text does not state is 0.
    /// </summary>
    public static PriorYear FromPublished(Disclosure published)
    {
        var figures = published.Narrative.SelectMany(s => s.Figures).ToList();
        decimal Yuan(NarrativeFigure figure) => figure.Value * figure.Unit switch
        {
            "万元" => 10_000m,
            "亿元" => 100_000_000m,
            _ => 1m,
        };
        decimal Stated(string subject) => figures.FirstOrDefault(f => f.Subject == subject) is { } figure ? Yuan(figure) : 0m;
        return new PriorYear
        {
            FiscalYear = published.FiscalYear,
            Income = Stated(Subjects.Income),
            Expenditure = Stated(Subjects.Expenditure),
            BasicExpenditure = Stated(Subjects.Personnel) + Stated(Subjects.Operating) + Stated(Subjects.Households),
            ProjectExpenditure = Stated(Subjects.Project),
            OperatingExpense = Stated(Subjects.OperatingExpense),
            ProcurementTotal = Stated(Subjects.Procurement),
            OfficialExpenses = new Dictionary<OfficialExpenseCategory, decimal>
            {
                [OfficialExpenseCategory.OverseasTravel] = Stated(Subjects.OfficialAbroad),
                [OfficialExpenseCategory.Reception] = Stated(Subjects.OfficialReception),
                [OfficialExpenseCategory.VehiclePurchase] = Stated(Subjects.OfficialVehiclePurchase),
                [OfficialExpenseCategory.VehicleOperation] = Stated(Subjects.OfficialVehicleOperation),
            },
            ProjectCategories = figures.Where(f => f.Subject.StartsWith(Subjects.CategoryPrefix, StringComparison.Ordinal))
                .GroupBy(f => f.Subject[Subjects.CategoryPrefix.Length..]).ToDictionary(g => g.Key, g => Yuan(g.First())),
        };
    }
}
