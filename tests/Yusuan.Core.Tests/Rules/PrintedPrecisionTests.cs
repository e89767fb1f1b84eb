using Yusuan.Core.Disclosures;
using Yusuan.Core.Rules;

namespace Yusuan.Core.Tests.Rules;

/// <summary>A figure is known to the decimals the document printed it with: 936647884.3 元 is known to 0.1 元.</summary>
public class PrintedPrecisionTests
{
    private static TableView View(string? unit, params string[] printed) => new(new DisclosureTable
    {
        Id = "X01",
        Title = "支出表",
        Unit = "万元",
        PrintedUnit = unit,
        Decimals = unit == "元" ? 6 : 2,
        Columns = [new TableColumn("total", "合计")],
        Rows = [new TableRow { Name = "合计", Values = [93_664.78843m], Printed = printed.Length == 0 ? null : printed }],
    }, 2022);

    [Theory]
    [InlineData("元", "936647884.3", 5)]
    [InlineData("元", "94,995,790", 4)]
    [InlineData("元", "936647884.33", 6)]
    [InlineData("万元", "93,664.79", 2)]
    [InlineData("万元", "93,665", 0)]
    public void The_decimals_of_a_figure_are_those_it_was_printed_with_in_the_tables_unit(string unit, string printed, int decimals)
    {
        var view = View(unit, printed);
        Assert.Equal(decimals, view.DecimalsOf(view.Table.Rows[0], 0));
    }

    [Fact]
    public void A_figure_not_printed_is_known_to_the_tables_decimals()
    {
        var view = View("元");
        Assert.Equal(6, view.DecimalsOf(view.Table.Rows[0], 0));
    }

    [Fact]
    public void A_sum_is_checked_to_the_coarsest_figure_it_adds()
    {
        // 普陀区司法局 2026 支出预算总表, 合计 row: 86,959,408.34 = 22,118,861 (printed without its decimals) + 64,840,547.00.
        var table = new DisclosureTable
        {
            Id = "T03",
            Title = "2026年预算单位支出预算总表",
            Unit = "万元",
            PrintedUnit = "元",
            Decimals = 6,
            Columns = [new TableColumn("total", "合计"), new TableColumn("basic", "基本支出"), new TableColumn("project", "项目支出")],
            Rows =
            [
                new TableRow { Key = "total", Name = "合计", Values = [8_695.940834m, 2_211.8861m, 6_484.0547m], Printed = ["86,959,408.34", "22,118,861", "64,840,547.00"] },
                new TableRow { Code = "2040601", Name = "行政运行", Level = 3, Values = [1_434.885334m, 1_434.885334m, 6_484.0547m], Printed = ["14,348,853.34", "14,348,853.34", "64,840,547.00"] },
            ],
        };
        var findings = Sample.Check((Sample.Clean with { DisclosureOnly = true }).EditDisclosure(d => d.With(tables: [.. d.Tables.Where(t => t.Id != "T03"), table]) with { Rounding = "independent" }))
            .Where(f => f.Rule == "T03.sum.columns").ToList();
        Assert.Equal(Findings.Severity.Info, Assert.Single(findings, f => f.Location.TableRow == "total").Severity);
        // The row that cannot add up at any precision is still the fault it is.
        Assert.Equal(Findings.Severity.Error, Assert.Single(findings, f => f.Location.TableRow == "2040601").Severity);
    }
}
