using Yusuan.Core.Disclosures;
using Yusuan.Core.Tables;

namespace Yusuan.Core.Tests.Tables;

public class TableSpecificationsTests
{
    [Theory]
    // The seed (Shenzhen) and the Ministry of Finance's names.
    [InlineData("收支总表", "T01")]
    [InlineData("一般公共预算“三公”经费支出表", "T09")]
    [InlineData("部门（单位）整体支出绩效目标表", "T12")]
    [InlineData("一般公共预算支出表（按功能分类）", "T07")]
    [InlineData("一般公共预算支出表（按经济分类）", "T08")]
    // Titles printed across the corpus, by city.
    [InlineData("2026年部门收支总体情况表", "T01")] // Chongqing
    [InlineData("收支总体情况表", "T01")] // Guangzhou
    [InlineData("收入总体情况表", "T02")]
    [InlineData("本年支出总体情况表", "T03")]
    [InlineData("财政拨款收支总体情况表", "T06")]
    [InlineData("一般公共预算支出情况表 （按功能分类科目）", "T07")]
    [InlineData("一般公共预算基本支出情况表 （按经济分类科目）", "T08")]
    [InlineData("政府性基金预算支出情况表", "T10")]
    [InlineData("国有资本经营预算支出情况表", "T11")]
    [InlineData("2026年预算单位财务收支预算总表", "T01")] // Shanghai
    [InlineData("2026年预算单位收入预算总表", "T02")]
    [InlineData("2026年预算单位支出预算总表", "T03")]
    [InlineData("2026年预算单位财政拨款收支预算总表", "T06")]
    [InlineData("2026年预算单位一般公共预算支出功能分类预算表", "T07")]
    [InlineData("2026年预算单位一般公共预算基本支出部门预算经济分类预算表", "T08")]
    [InlineData("2026年预算单位政府性基金预算支出功能分类预算表", "T10")]
    [InlineData("2026年预算单位国有资本经营预算支出功能分类预算表", "T11")]
    [InlineData("2026年单位“三公”经费和机关运行经费预算表", "T09")]
    [InlineData("2022年部门综合预算收支总表", "T01")] // Xi'an
    [InlineData("2022 年部门综合预算一般公共预算支出明细表（按支出功能分类科目）", "T07")]
    [InlineData("2022 年部门综合预算一般公共预算支出明细表（按支出经济分类科目）", "T08")]
    [InlineData("一般公共预算“三公”经费、 会议费、 培训费支出表", "T09")] // Suzhou
    [InlineData("一般公共预算基本支出表", "T08")]
    [InlineData("预算02表 收入总表", "T02")] // Beijing
    // 福州, 江苏高院, 西安: 拨款 in the title, 财政拨款 after the fund, 收支表 for a fund's two-sided table, 按…科目分.
    [InlineData("2026年度一般公共预算拨款支出预算表", "T07")]
    [InlineData("2026年度政府性基金预算拨款支出预算表", "T10")]
    [InlineData("2026年度国有资本经营预算拨款支出预算表", "T11")]
    [InlineData("政府性基金预算财政拨款支出预算表", "T10")]
    [InlineData("“三公”经费、 会议费、 培训费支出预算表", "T09")]
    [InlineData("2022年部门综合预算政府性基金收支表（不含上年结转）", "T10")]
    [InlineData("2022年部门综合预算一般公共预算支出明细表（按功能科目分）", "T07")]
    [InlineData("2022年部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表（不含上年结转）", "T09")]
    // 西安 2021: the scope inside the bracket (按支出功能分类科目-不含上年结转), or cut where the title broke over a line.
    [InlineData("2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）", "T07")]
    [InlineData("2021年部门综合预算一般公共预算支出明细表（按支出经济分类科目-不含上年结转）", "T08")]
    [InlineData("2021年部门综合预算一般公共预算支出明细表（按支出功能分类科", "T07")]
    [InlineData("2021年部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表（不含上年结转）", "T09")]
    // Not one of the twelve: another table, or a scope the title does not print.
    [InlineData("财政拨款支出表 （功能科目）", null)]
    [InlineData("财政拨款基本支出表 （经济科目）", null)]
    [InlineData("2022 年部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）", null)]
    [InlineData("一般公共预算项目支出情况表 （按经济分类科目）", null)]
    [InlineData("政府采购预算表", null)]
    [InlineData("2026年市级部门国有资本经营预算支出表", "T11")]
    [InlineData("部门收支总体情况说明", null)]
    [InlineData("本部门2026年收入预算如下，详见收入总表", null)]
    public void A_printed_title_names_its_standard_table(string title, string? id) =>
        Assert.Equal(id, TableSpecifications.Identify(title));

    [Fact]
    public void Each_table_has_one_specification_and_its_own_title_identifies_it()
    {
        Assert.Equal(12, TableSpecifications.All.Select(t => t.Id).Distinct().Count());
        Assert.All(TableSpecifications.All, t => Assert.Equal(t.Id, TableSpecifications.Identify(t.Title)));
    }

    [Fact]
    public void Each_cross_table_identity_names_rows_and_columns_its_tables_specify()
    {
        Assert.Equal(9, TableSpecifications.Identities.Count);
        Assert.Equal(TableSpecifications.Identities.Count, TableSpecifications.Identities.Select(i => i.Rule).Distinct().Count());
        Assert.All(TableSpecifications.Identities.SelectMany(i => i.Pairs).SelectMany(p => new[] { p.Figure, p.Same }), figure =>
        {
            var table = TableSpecifications.Get(figure.Table);
            Assert.True(figure.Row is "top" or "total" || table.NamedRows.Any(r => r.Key == figure.Row), $"{figure.Table} names no row {figure.Row}");
            Assert.True(figure.Key is null ? figure.Place < table.Columns.Count : table.Columns.Contains(figure.Key), $"{figure.Table} has no column {figure.Key ?? figure.Place.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        });
        var income = TableSpecifications.Identities.Single(i => i.Rule == "X.T01-T02.income").Pairs;
        Assert.Contains((new TableFigure("T01", "income.general"), new TableFigure("T02", "top", Key: "general")), income);
    }

    [Fact]
    public void Each_column_has_the_seeds_header_and_the_year_is_filled_in()
    {
        Assert.All(TableSpecifications.All, t => Assert.Equal(t.Columns.Count, t.Headers.Count));
        var t03 = TableSpecifications.Get("T03").ColumnsFor(2023);
        Assert.Equal(("procurement", "2023 年政府采购项目小计"), (t03[3].Key, t03[3].Title));
        Assert.Equal(["合计", "一般公共预算拨款"], TableSpecifications.Get("T02").ColumnsFor(2023).Take(2).Select(c => c.Title));
        Assert.Equal(ColumnMeanings.Funds.Select(f => f.Key), ColumnMeanings.FundSources);
    }

    /// <summary>
    /// 收入 beside 支出 is a 收支总表 by its shape and fits T01; a sheet that prints 支出 again by two more classifications (西安's
    /// 收支总表: 功能科目, 部门预算支出经济科目, 政府预算支出经济分类科目 side by side) keeps every list but is not judged as T01.
    /// </summary>
    [Fact]
    public void Income_beside_expenditure_is_a_statement_of_income_and_expenditure_and_a_further_list_is_not()
    {
        static TableRow Row(string section, string name, decimal value) =>
            new() { Section = section, Name = name, Values = [value], Printed = [value.ToString(System.Globalization.CultureInfo.InvariantCulture)] };
        var twoSided = new List<TableRow> { Row("income", "一、财政拨款", 100m), Row("expenditure", "一般公共服务支出", 100m) };
        DisclosureTable Table(IReadOnlyList<TableRow> rows) => new() { Id = "X01", Title = "收支总表", Unit = "万元", Columns = [new TableColumn("total", "预算数")], Rows = rows };

        Assert.Equal("T01", TableSpecifications.IdentifyByShape(Table(twoSided)));
        Assert.True(TableSpecifications.Fits(TableSpecifications.Get("T01"), Table(twoSided)));
        var threeLists = Table([.. twoSided, Row("expenditure-economic", "工资福利支出", 100m)]);
        Assert.Null(TableSpecifications.IdentifyByShape(threeLists));
        Assert.False(TableSpecifications.Fits(TableSpecifications.Get("T01"), threeLists));
        Assert.False(TableSpecifications.Fits(TableSpecifications.Get("T06"), threeLists));
    }

    [Theory]
    [InlineData("上年结余、结转", "carryover")]
    [InlineData("上年结余、 结转", "carryover")]
    [InlineData("上年结转结余", "carryover")]
    [InlineData("上年结转", "carryover")]
    [InlineData("上年预算数", "prior")]
    public void A_column_of_last_years_balances_is_carried_over_money_not_last_years_budget(string header, string key) =>
        Assert.Equal(key, ColumnMeanings.KeyOf(header));

    [Theory]
    [InlineData("上年结余、 结转", "income.carryover")]
    [InlineData("本年收入 合计", "income.current")]
    [InlineData("收入总计", "income.total")]
    [InlineData("上年结转结余", "income.carryover")]
    [InlineData("本年收入", "income.current")]
    public void A_named_row_is_known_whatever_spaces_the_text_layer_puts_in_it(string name, string key) =>
        Assert.Equal(key, RowMeanings.KeyOf("income", name));
}
