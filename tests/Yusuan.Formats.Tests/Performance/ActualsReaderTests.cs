using Yusuan.Core.Model;
using Yusuan.Formats.Performance;
using Yusuan.Formats.Tests.Ledger;

namespace Yusuan.Formats.Tests.Performance;

public class ActualsReaderTests
{
    private static readonly PerformancePlan Plan = new() { Indicators = [new Indicator("产出指标", "数量指标", "宣传报道次数", "≥1000 次")] };

    [Fact]
    public void Actuals_read_from_csv_and_from_a_workbook_alike()
    {
        using var folder = new TempFolder();
        var csv = folder.Write("actuals.csv", "# 演示数据\nindicator,actual,as_of\n预算执行,4100 万元,2023-08-31\n宣传报道次数,720 次,2023-08-31\n");
        var xlsx = Path.Combine(folder.Path, "actuals.xlsx");
        LedgerFileTests.WriteWorkbook(xlsx, [["# 演示数据"], ["indicator", "actual", "as_of"], ["预算执行", 4100m, "2023-08-31"], ["宣传报道次数", "720 次", "2023-08-31"]]);
        foreach (var path in new[] { csv, xlsx })
        {
            var (sheet, problems) = ActualsReader.Read(path, Plan);
            Assert.Empty(problems);
            Assert.Equal((new DateOnly(2023, 8, 31), 4100m), (sheet!.AsOf, sheet.Executed!.Value));
            Assert.Equal(720m, sheet.For("宣传报道次数")!.Number);
        }
    }

    [Fact]
    public void Bad_date_and_unknown_indicator_are_named_by_row_and_column()
    {
        using var folder = new TempFolder();
        var csv = folder.Write("actuals.csv", "indicator,actual,as_of\n宣传报道次数,720 次,2023/08/31\n不存在,1 次,2023-08-31\n");
        var (_, problems) = ActualsReader.Read(csv, Plan);
        Assert.Equal([(2, "as_of"), (3, "indicator")], problems.Select(p => (p.Row!.Value, p.Column!)));
    }
}
