using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;

namespace Yusuan.Core.Tests.Rules;

/// <summary>A table the body prints is in the 目录 by its id, or — a table of the region's own — by its title or 表号.</summary>
public class ContentsTests
{
    private static readonly DisclosureTable Procurement = new()
    {
        Id = "X01",
        Title = "政府采购预算表",
        Label = "表13",
        Columns = [new TableColumn("total", "合计")],
        Rows = [new TableRow { Name = "合计", Values = [10m] }],
        Source = new TableSource([40]),
    };

    private static List<Finding> Check(DisclosureTable table, params ContentsEntry[] extra) =>
        Sample.Check(Sample.Clean.EditDisclosure(d => d.With(tables: [.. d.Tables, table], contents: [.. d.Contents, .. extra])))
            .Where(f => f.Rule == "contents.tables.listed").ToList();

    [Fact]
    public void A_regions_own_table_is_listed_by_its_title_in_the_contents_wording()
    {
        // 烟台: 目录 "十二、政府采购预算情况表", body "政府采购预算表".
        Assert.Empty(Check(Procurement, new ContentsEntry("十三、政府采购预算情况表")));
        Assert.Empty(Check(Procurement, new ContentsEntry("表13 2023年部门政府采购预算明细")));
        Assert.Single(Check(Procurement));
    }

    [Fact]
    public void A_grid_in_the_text_is_no_table_the_contents_must_list()
    {
        // 西安: 三、部门预算单位构成, a small table inside 第一部分.
        Assert.Empty(Check(Procurement with { Title = "三、部门预算单位构成", Label = null }));
    }
}
