using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Rules;

namespace Yusuan.Core.Tests.Rules;

/// <summary>
/// Rules on tables as other regions print them (read by the audit from real documents): 基本支出 printed only as 人员经费 |
/// 公用经费, 财政拨款 as one column, a 收支总表 that lists only 类, a table that names its rows without codes. What holds
/// stays silent; what does not add up is still an error.
/// </summary>
public class PublishedLayoutTests
{
    private static TableRow Row(string? code, string name, params decimal[] values) => new() { Code = code, Name = name, Values = values, Level = code is null ? 0 : (code.Length - 1) / 2 };

    private static DisclosureTable Table(string id, string[] keys, params TableRow[] rows) => new()
    {
        Id = id,
        Title = id,
        Decimals = 2,
        Columns = keys.Select(k => new TableColumn(k, k)).ToList(),
        Rows = rows,
    };

    private static List<Finding> Check(params DisclosureTable[] tables) =>
        RuleEngine.Run(new RuleContext(new Disclosure { Department = new DisclosureEntity(string.Empty, "某局"), FiscalYear = 2026, Rounding = "independent", Tables = tables }, ClassificationCatalogue.BuiltIn()))
            .Where(f => f.Severity == Severity.Error && !f.Rule.EndsWith(".present", StringComparison.Ordinal) && f.Category != "completeness")
            .ToList();

    [Fact]
    public void Basic_expenditure_printed_as_personnel_and_operating_adds_up_with_the_project_column()
    {
        string[] keys = ["total", "personnel", "operating", "project"];
        var right = Table("T03", keys, Row("208", "社会保障和就业支出", 100m, 60m, 15m, 25m));
        Assert.DoesNotContain(Check(right), f => f.Rule == "T03.sum.columns");

        var wrong = Table("T03", keys, Row("208", "社会保障和就业支出", 100m, 60m, 15m, 35m));
        var finding = Assert.Single(Check(wrong), f => f.Rule == "T03.sum.columns");
        Assert.Equal((110m, 100m), (finding.Expected, finding.Actual));
    }

    [Fact]
    public void Government_funds_printed_as_one_column_stand_for_their_three_budgets()
    {
        string[] keys = ["total", "government", "institution", "other"];
        Assert.DoesNotContain(Check(Table("T02", keys, Row("208", "社会保障和就业支出", 100m, 90m, 10m, 0m))), f => f.Rule == "T02.sum.columns");
        Assert.Contains(Check(Table("T02", keys, Row("208", "社会保障和就业支出", 100m, 80m, 10m, 0m))), f => f.Rule == "T02.sum.columns");
    }

    [Fact]
    public void A_summary_table_of_classes_only_is_compared_with_the_classes_of_the_expenditure_table()
    {
        var t01 = new DisclosureTable
        {
            Id = "T01",
            Title = "收支总表",
            Decimals = 2,
            Columns = [new TableColumn("total", "预算数")],
            Rows = [new TableRow { Section = "expenditure", Code = "208", Name = "社会保障和就业支出", Level = 1, Values = [100m] }],
        };
        string[] keys = ["total", "basic", "project"];
        var t03 = Table("T03", keys, Row("208", "社会保障和就业支出", 100m, 100m, 0m), Row("20805", "行政事业单位养老支出", 100m, 100m, 0m));
        Assert.DoesNotContain(Check(t01, t03), f => f.Rule == "X.T01-T03.function");

        var t03Other = Table("T03", keys, Row("208", "社会保障和就业支出", 90m, 90m, 0m), Row("20805", "行政事业单位养老支出", 90m, 90m, 0m));
        var finding = Assert.Single(Check(t01, t03Other), f => f.Rule == "X.T01-T03.function");
        Assert.Contains("208", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_named_without_codes_are_not_taken_for_budget_units()
    {
        string[] keys = ["total", "basic", "project"];
        var t07 = Table("T07", keys,
            new TableRow { Key = "total", Name = "合计", Values = [130m, 30m, 100m] },
            Row(null, "一般公共服务支出", 100m, 0m, 100m),
            Row(null, "其他一般公共服务支出", 100m, 0m, 100m),
            Row(null, "社会保障和就业支出", 30m, 30m, 0m),
            Row(null, "行政事业单位养老支出", 30m, 30m, 0m));
        Assert.DoesNotContain(Check(t07), f => f.Rule == "T07.sum.units");
    }

    [Fact]
    public void Regional_seven_digit_economic_items_listed_under_their_class_add_up_to_it()
    {
        // 西安: 301 工资福利支出 970.84 = 30101 基本工资 237.03 + 3010201 津贴补贴 317.69 + 3010202 改革性补贴 34.76 + 30108 …, no 30102 row.
        string[] keys = ["total", "basic", "project"];
        TableRow[] rows = [new() { Key = "agency:125001", Name = "西安市安全生产监督管理局", Values = [970.84m, 970.84m, 0m] }, Row("301", "工资福利支出", 970.84m, 970.84m, 0m), Row("30101", "基本工资", 237.03m, 237.03m, 0m), Row("3010201", "津贴补贴", 317.69m, 317.69m, 0m),
            Row("3010202", "改革性补贴", 34.76m, 34.76m, 0m), Row("30108", "机关事业单位基本养老保险缴费", 381.36m, 381.36m, 0m)];
        var findings = Check(Table("T08", keys, rows));
        Assert.DoesNotContain(findings, f => f.Rule is "T08.sum.rollup" or "code.economic.parent" or "code.economic.valid");

        rows[3] = Row("3010201", "津贴补贴", 300m, 300m, 0m);
        Assert.Contains(Check(Table("T08", keys, rows)), f => f.Rule == "T08.sum.rollup" && f.Location.TableRow == "301");
    }

    [Fact]
    public void A_table_published_under_a_standard_title_but_not_understood_counts_as_published_and_is_not_judged()
    {
        var unread = Table("X01", ["c1"], Row(null, "合计", 1m)) with { TitledAs = "T04" };
        var findings = RuleEngine.Run(new RuleContext(new Disclosure { Department = new DisclosureEntity(string.Empty, "某局"), FiscalYear = 2026, Rounding = "independent", Tables = [unread] }, ClassificationCatalogue.BuiltIn()));
        Assert.DoesNotContain(findings, f => f.Rule == "T04.present");
        Assert.Contains(findings, f => f.Rule == "T03.present");
        Assert.Equal(Severity.Info, Assert.Single(findings, f => f.Rule == "tables.unchecked").Severity);
    }

    [Fact]
    public void A_summary_table_without_a_unit_funds_row_adds_the_unit_incomes_it_lists_as_rows_of_their_own()
    {
        // 杭州 2026 表1: 一、财政拨款 … 二、财政专户管理资金, 三、事业收入 … 七、其他收入, 本年收入合计 — no 单位资金 row.
        DisclosureTable T01(decimal other, decimal current) => new()
        {
            Id = "T01",
            Title = "收支总表",
            Decimals = 2,
            Columns = [new TableColumn("budget", "预算数")],
            Rows =
            [
                .. new[] { ("一、财政拨款", 91495.48m), ("二、财政专户管理资金", 0m), ("三、事业收入", 0m), ("四、事业单位经营收入", 0m), ("五、上级补助收入", 0m), ("六、附属单位上缴收入", 0m), ("七、其他收入", other), ("本年收入合计", current) }
                    .Select(r => new TableRow { Section = "income", Name = r.Item1, Values = [r.Item2] }),
            ],
        };
        Assert.DoesNotContain(Check(T01(7387.66m, 98883.14m)), f => f.Rule == "T01.income.current");
        var finding = Assert.Single(Check(T01(7000m, 98883.14m)), f => f.Rule == "T01.income.current");
        Assert.Equal((98495.48m, 98883.14m), (finding.Expected, finding.Actual));
    }

    [Fact]
    public void A_last_years_own_account_balance_is_part_of_the_income_total()
    {
        // 西安 2019 表2: 总计 3,695.91 = 一般公共预算拨款 3,643.37 + 上年结转 11.61 + 上年实户资金余额 40.93.
        var keys = new[] { "total", "general", "carryover", "balance" };
        Assert.Equal("balance", Core.Tables.ColumnMeanings.KeyOf("上年实户资金余额"));
        Assert.DoesNotContain(Check(Table("T02", keys, Row("201", "一般公共服务支出", 3695.91m, 3643.37m, 11.61m, 40.93m))), f => f.Rule == "T02.sum.columns");
        Assert.Contains(Check(Table("T02", keys, Row("201", "一般公共服务支出", 3695.91m, 3643.37m, 11.61m, 30.93m))), f => f.Rule == "T02.sum.columns");
    }

    [Fact]
    public void Unit_rows_alone_under_a_total_are_siblings_that_add_up_to_it()
    {
        // 福州市商务局 2026 收入预算总表: 合计, then its two units, no codes.
        string[] keys = ["total", "general", "fund"];
        DisclosureTable T02(decimal bureau) => Table("T02", keys,
            Row(null, "合计", 24995.94m, 23195.94m, 1800m) with { Key = "total" }, Row(null, "福州市商务发展促进中心", 337.92m, 337.92m, 0m), Row(null, "福州市商务局", bureau, bureau - 1800m, 1800m));
        Assert.DoesNotContain(Check(T02(24658.02m)), f => f.Rule == "T02.sum.units");
        Assert.Contains(Check(T02(24558.02m)), f => f.Rule == "T02.sum.units" && f.Message.Contains("合计", StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_printed_by_names_alone_are_compared_by_their_classes()
    {
        // 杭州市交通运输局 2026: 表1 prints 一般公共服务支出 6651.38, 表3 6,701.98 — neither prints a code.
        DisclosureTable T01(decimal general) => new()
        {
            Id = "T01",
            Title = "收支总表",
            Decimals = 2,
            Columns = [new TableColumn("budget", "预算数")],
            Rows = [new TableRow { Section = "expenditure", Name = "一般公共服务支出", Values = [general] }, new TableRow { Section = "expenditure", Name = "其他一般公共服务支出", Values = [6700m] }],
        };
        var t03 = Table("T03", ["total"], Row(null, "一般公共服务支出", 6701.98m), Row(null, "其他一般公共服务支出", 6700m));
        Assert.DoesNotContain(Check(T01(6701.98m), t03), f => f.Rule == "X.T01-T03.function");
        var finding = Assert.Single(Check(T01(6651.38m), t03), f => f.Rule == "X.T01-T03.function");
        Assert.Equal((6651.38m, 6701.98m), (finding.Expected, finding.Actual));
    }
}
