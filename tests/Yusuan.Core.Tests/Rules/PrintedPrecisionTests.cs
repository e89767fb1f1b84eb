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
}
