using Yusuan.Formats.Performance;
using Yusuan.Formats.Tests.Ledger;

namespace Yusuan.Formats.Tests.Performance;

public class IndicatorSheetTests
{
    [Fact]
    public void Declaration_form_reads_with_merged_levels_filled_down()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "performance.xlsx");
        LedgerFileTests.WriteWorkbook(path,
        [
            ["项目支出绩效目标申报表"],
            ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
            ["年度绩效指标", "产出指标", "数量指标", "宣传报道次数", "≥1000 次"],
            ["年度绩效指标", "", "", "公益宣传活动次数", "≥13 次"],
            ["年度绩效指标", "", "时效指标", "公益宣传活动完成时间", "2023 年 11 月 30 日前"],
            ["年度绩效指标", "满意度指标", "服务对象满意度指标", "环境宣教活动满意度", "≥60%"],
        ]);
        var (indicators, problems) = IndicatorSheetReader.Read(path);
        Assert.Empty(problems);
        Assert.Equal(
            [("产出指标", "数量指标", "宣传报道次数", "≥1000 次"), ("产出指标", "数量指标", "公益宣传活动次数", "≥13 次"), ("产出指标", "时效指标", "公益宣传活动完成时间", "2023 年 11 月 30 日前"), ("满意度指标", "服务对象满意度指标", "环境宣教活动满意度", "≥60%")],
            indicators!.Select(i => (i.Level1, i.Level2, i.Name, i.Target)));
    }

    [Fact]
    public void Missing_column_and_missing_target_are_named()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "performance.xlsx");
        LedgerFileTests.WriteWorkbook(path, [["一级指标", "二级指标", "三级指标"], ["产出指标", "数量指标", "宣传报道次数"]]);
        var problem = Assert.Single(IndicatorSheetReader.Read(path).Problems);
        Assert.Equal((1, "指标值"), (problem.Row!.Value, problem.Column!));

        LedgerFileTests.WriteWorkbook(path, [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "宣传报道次数", ""]]);
        problem = Assert.Single(IndicatorSheetReader.Read(path).Problems);
        Assert.Equal((2, "指标值"), (problem.Row!.Value, problem.Column!));
    }
}
