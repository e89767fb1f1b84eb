using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;

namespace Yusuan.Core.Tests.Rules;

/// <summary>The 决算's own tables (财决08 基本支出决算表) judged as a reader adds them up.</summary>
public class FinalAccountsTests
{
    /// <summary>A 基本支出决算表 whose 301 lists regional 7-digit items straight under the 类 (西安: 301 → 3010201, no 30102).</summary>
    private static List<Finding> Rollup(decimal second) =>
        Sample.Check(Sample.Clean.EditDisclosure(d => d.With(tables:
            [
                .. d.Tables,
                new DisclosureTable
                {
                    Id = "X01",
                    Title = "一般公共预算财政拨款基本支出决算表",
                    Decimals = 2,
                    Columns = [new TableColumn("total", "决算数")],
                    Rows =
                    [
                        new TableRow { Code = "301", Name = "工资福利支出", Level = 1, Values = [100m] },
                        new TableRow { Code = "3010201", Name = "津贴", Level = 3, Values = [60m] },
                        new TableRow { Code = "3010202", Name = "补贴", Level = 3, Values = [second] },
                        new TableRow { Name = "人员经费合计", Values = [100m] },
                    ],
                },
            ]) with { Kind = "部门决算" }))
            .Where(f => f.Rule == "final.basic.rollup").ToList();

    [Fact]
    public void Regional_items_listed_under_their_class_add_up_to_it() => Assert.Empty(Rollup(40m));

    [Fact]
    public void Regional_items_that_do_not_add_up_to_their_class_are_an_error() =>
        Assert.Equal(Severity.Error, Assert.Single(Rollup(45m)).Severity);
}
