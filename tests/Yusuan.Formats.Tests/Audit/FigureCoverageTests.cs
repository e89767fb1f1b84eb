using Yusuan.Core.Disclosures;
using Yusuan.Formats.Audit;

namespace Yusuan.Formats.Tests.Audit;

public class FigureCoverageTests
{
    private static Disclosure Holding(params decimal[] values) => new()
    {
        Department = new DisclosureEntity("1", "测试单位"),
        FiscalYear = 2026,
        Rounding = "independent",
        Tables =
        [
            new DisclosureTable
            {
                Id = "T01",
                Title = "收支总表",
                Decimals = 2,
                Columns = [new TableColumn("total", "预算数")],
                Rows = values.Select(v => new TableRow { Name = "行", Values = [v] }).ToList(),
            },
        ],
    };

    [Fact]
    public void A_figure_whose_decimals_pdftotext_drops_a_line_is_counted_whole()
    {
        // As pdftotext -layout gives the Chongqing 收支总表: the font sets ".62" lower than "14,770".
        const string page = """
                   合   计                   14,770
                                                .62         合   计                  14,770
                                                                                        .62
            一、一般公共预算资金                     12,672
                                                .73 一、社会保障和就业支出                      120
                                                                                       .17
            """;
        var result = FigureCoverage.Measure([page], Holding(14770.62m, 12672.73m, 120.17m));
        Assert.Equal(new FigureCoverage.Result(1, 4, 4), result);
    }

    [Fact]
    public void Figures_missing_from_the_extraction_lower_the_coverage_and_prose_pages_are_not_counted()
    {
        const string table = "合计 1,234.50  一般公共预算 1,000.00  其他 234.50  事业 9.99\n注：本表合计 1,234.50万元，上年 2,000.00 万元，增长 12.34%，面积 5137.26 平方米\n成本指标 ≤102.07 5";
        const string prose = "本年收入 1,234.50 万元；比上年增加 1.00 万元；主要原因是人员增加。";
        var result = FigureCoverage.Measure([table, prose], Holding(1234.50m, 1000m, 234.50m));
        Assert.Equal(new FigureCoverage.Result(1, 4, 3), result);
        Assert.Equal(0.75m, result.Coverage);
    }
}
