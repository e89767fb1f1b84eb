using Yusuan.Formats.Audit;

namespace Yusuan.Formats.Tests.Audit;

/// <summary>A 决算 statement is known by the budget table it mirrors (财政部's 部门决算 set), so the same sums check it.</summary>
public class TableTitleMatcherTests
{
    [Theory]
    [InlineData("收入支出决算总表", "T01")]
    [InlineData("收入决算表", "T02")]
    [InlineData("支出决算表", "T03")]
    [InlineData("财政拨款收入支出决算总表", "T06")]
    [InlineData("一般公共预算财政拨款支出决算表", "T07")]
    [InlineData("财政拨款“三公”经费支出决算表", "T09")]
    [InlineData("国有资本经营预算财政拨款支出决算表", "T11")]
    // Printed as two lists side by side (人员经费 | 公用经费): not its budget twin's shape.
    [InlineData("一般公共预算财政拨款基本支出决算表", null)]
    [InlineData("2024 年度部门决算情况说明", null)]
    [InlineData("收支总表", null)] // a budget's title is no 决算 table
    [InlineData("部门收入支出决算表", "T01")] // two-sided, whatever its wording
    [InlineData("政府性基金预算财政拨款收入支出决算表", null)] // 年初结转和结余 … 年末结转和结余: not the budget's 政府性基金预算支出表
    [InlineData("项目支出决算表", null)]
    public void A_final_accounts_title_names_the_budget_table_it_mirrors(string title, string? id) =>
        Assert.Equal(id, TableTitleMatcher.MatchFinal(title));
}
