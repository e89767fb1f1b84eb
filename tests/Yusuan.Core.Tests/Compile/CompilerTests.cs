using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Rounding;
using static Yusuan.Core.Tests.Compile.Budgets;

namespace Yusuan.Core.Tests.Compile;

public class CompilerTests
{
    [Fact]
    public void Function_rows_roll_up_item_to_section_to_class_to_total()
    {
        var compiled = CompileBudget(
        [
            Line("2080505", "30108", 1_259_000m),
            Line("2080506", "30109", 468_000m),
            Line("2101102", "30110", 429_000m),
        ]);
        var t03 = compiled.Disclosure.Table("T03")!;
        Assert.Equal(["department", "208", "20805", "2080505", "2080506", "210", "21011", "2101102"], t03.Rows.Select(r => r.Code ?? r.Key));
        Assert.Equal(216m, t03.Value("department", "total"));
        Assert.Equal(173m, t03.Value("208", "total"));
        Assert.Equal(173m, t03.Value("20805", "basic"));
        Assert.Equal(126m, t03.Value("2080505", "total"));
        Assert.Equal([0, 1, 2, 3, 3, 1, 2, 3], t03.Rows.Select(r => r.Level));
        Assert.Equal("行政事业单位养老支出", t03.Row("20805").Name);
    }

    [Fact]
    public void Consolidated_department_prints_its_row_then_each_agency_with_its_own_codes()
    {
        var profile = Profile(("A1", "甲单位"), ("A2", "乙单位"));
        var compiled = CompileBudget(
        [
            Line("2080505", "30108", 1_000_000m, agency: "A2"),
            Line("2101102", "30110", 2_000_000m, agency: "A1"),
        ], profile: profile);
        var t07 = compiled.Disclosure.Table("T07")!;
        Assert.Equal(
            ["测试主管部门", "测试部门", "甲单位", "210", "21011", "2101102", "乙单位", "208", "20805", "2080505"],
            t07.Rows.Select(r => r.Unit ?? r.Code));
        Assert.Equal(300m, t07.Rows[0].Values[0]);
        Assert.Equal(300m, t07.Rows[1].Values[0]);
        Assert.Equal(200m, t07.Rows[2].Values[0]);
        Assert.Equal(100m, t07.Rows[6].Values[0]);

        // T03 has no supervisor row; T01 consolidates the agencies by function.
        Assert.Equal("测试部门", compiled.Disclosure.Table("T03")!.Rows[0].Unit);
        var t01 = compiled.Disclosure.Table("T01")!;
        Assert.Equal(["一、社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出", "二、卫生健康支出", "行政事业单位医疗", "事业单位医疗"],
            t01.Rows.Where(r => r.Section == "expenditure" && r.Code is not null).Select(r => r.Name));
    }

    [Fact]
    public void Income_side_splits_by_fund_source_and_balances_expenditure()
    {
        var compiled = CompileBudget(
        [
            Line("2080505", "30108", 10_000_000m),
            Line("2080505", "30108", 3_000_000m, fund: FundSource.GovernmentFund),
            Line("2101102", "30110", 2_000_000m, fund: FundSource.InstitutionIncome),
            Line("2101102", "30110", 1_000_000m, fund: FundSource.PriorYearCarryover),
        ]);
        var t01 = compiled.Disclosure.Table("T01")!;
        Assert.Equal(1300m, t01.Value("income.government", "budget"));
        Assert.Equal(1000m, t01.Value("income.general", "budget"));
        Assert.Equal(300m, t01.Value("income.fund", "budget"));
        Assert.Equal(200m, t01.Value("income.unit", "budget"));
        Assert.Equal(200m, t01.Value("income.institution", "budget"));
        Assert.Equal(1500m, t01.Value("income.current", "budget"));
        Assert.Equal(100m, t01.Value("income.carryover", "budget"));
        Assert.Equal(1600m, t01.Value("income.total", "budget"));
        Assert.Equal(1600m, t01.Value("expenditure.total", "budget"));
        Assert.Equal(0m, t01.Value("expenditure.carryforward", "budget"));

        var t06 = compiled.Disclosure.Table("T06")!;
        Assert.Equal(1300m, t06.Value("income.current", "budget"));
        Assert.Equal(1400m, t06.Value("income.total", "budget"));
        Assert.Equal(1400m, t06.Value("expenditure.total", "budget"));

        var t02 = compiled.Disclosure.Table("T02")!;
        Assert.Equal(1600m, t02.Value("department", "total"));
        Assert.Equal(300m, t02.Value("2080505", "fund"));
        Assert.Equal(100m, t02.Value("2101102", "carryover"));
        Assert.Equal(1000m, compiled.Disclosure.Table("T07")!.Value("department", "total"));
        Assert.Equal(300m, compiled.Disclosure.Table("T10")!.Value("department", "total"));
    }

    [Fact]
    public void Empty_government_fund_and_state_capital_tables_carry_their_statement()
    {
        var compiled = CompileBudget([Line("2080505", "30108", 1_000_000m)]);
        foreach (var id in new[] { "T10", "T11" })
        {
            var table = compiled.Disclosure.Table(id)!;
            Assert.Equal("本表本年无发生额。", table.Note);
            Assert.Equal(["supervisor", "department"], table.Rows.Select(r => r.Key));
            Assert.All(table.Rows, r => Assert.All(r.Values, v => Assert.Equal(0m, v)));
        }

        Assert.Null(compiled.Disclosure.Table("T07")!.Note);
    }

    [Fact]
    public void Basic_table_splits_personnel_and_operating_by_economic_code()
    {
        var compiled = CompileBudget(
        [
            Line("2111101", "30101", 7_951_000m),
            Line("2111101", "30201", 113_000m, kind: ExpenditureKind.Operating),
            Line("2111101", "30227", 5_000_000m, project: "P1"),
        ]);
        var t04 = compiled.Disclosure.Table("T04")!;
        Assert.Equal(["department", "301", "30101", "302", "30201"], t04.Rows.Select(r => r.Code ?? r.Key));
        Assert.Equal(806m, t04.Value("department", "total"));
        Assert.Equal(795m, t04.Value("department", "personnel"));
        Assert.Equal(11m, t04.Value("department", "operating"));

        var t05 = compiled.Disclosure.Table("T05")!;
        Assert.Equal("P1", t05.Rows[1].Code);
        Assert.Equal("项目P1", t05.Rows[1].Name);
        Assert.Equal("2111101", t05.Rows[1].FunctionCode);
        Assert.Equal(500m, t05.Rows[1].Values[0]);
    }

    [Fact]
    public void Procurement_columns_sum_the_procurement_parts_of_lines()
    {
        var compiled = CompileBudget(
        [
            Line("2111101", "30213", 10_716_000m, project: "P4", procurement: 10_716_000m),
            Line("2111101", "30227", 12_139_000m, project: "P2", procurement: 12_139_000m, sme: 11_302_000m, micro: 1_000_000m),
        ]);
        var t03 = compiled.Disclosure.Table("T03")!;
        Assert.Equal(2286m, t03.Value("2111101", "procurement"));
        Assert.Equal(1130m, t03.Value("2111101", "sme"));
        Assert.Equal(100m, t03.Value("2111101", "micro"));
    }

    [Fact]
    public void Official_expense_table_compares_with_last_year_in_two_decimals()
    {
        var compiled = CompileBudget(
        [
            Line("2111101", "30231", 80_000m, kind: ExpenditureKind.Operating, official: OfficialExpenseCategory.VehicleOperation),
            Line("2111101", "30217", 12_345m, kind: ExpenditureKind.Operating, official: OfficialExpenseCategory.Reception),
        ]);
        var t09 = compiled.Disclosure.Table("T09")!;
        Assert.Equal(2, t09.Decimals);
        Assert.Equal([8.47m, 0m, 0.47m, 8m, 0m, 8m], t09.Row("prior").Values);
        Assert.Equal([9.23m, 0m, 1.23m, 8m, 0m, 8m], t09.Row("current").Values);
        Assert.Equal([0.76m, 0m, 0.76m, 0m, 0m, 0m], t09.Row("change").Values);
    }

    [Fact]
    public void Performance_task_amounts_come_from_the_lines_they_name()
    {
        var plan = new PerformancePlan
        {
            Tasks =
            [
                new PerformanceTask("信息化", "内容", ["P1", "P2"], false),
                new PerformanceTask("基本支出", "人员、公用", [], true),
                new PerformanceTask("不存在", "", ["P9"], false),
            ],
        };
        var compiled = CompileBudget(
        [
            Line("2111101", "30101", 1_000_000m),
            Line("2111101", "30227", 2_000_000m, project: "P1"),
            Line("2111101", "30227", 3_000_000m, project: "P2", fund: FundSource.InstitutionIncome),
        ], plan: plan);
        var t12 = compiled.Disclosure.Table("T12")!;
        Assert.Equal([500m, 200m, 300m], t12.Rows[0].Values);
        Assert.Equal([100m, 100m, 0m], t12.Rows[1].Values);
        Assert.Equal([0m, 0m, 0m], t12.Rows[2].Values);
        Assert.Equal([600m, 300m, 300m], t12.Row("total").Values);
        var finding = Assert.Single(compiled.Findings, f => f.Rule == "performance.task.project-unknown");
        Assert.Contains("P9", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_and_wrong_level_codes_are_error_findings_naming_the_row()
    {
        var compiled = CompileBudget(
        [
            Line("2999999", "30101", 1m, row: 2),
            Line("20805", "30101", 1m, row: 3),
            Line("2080505", "301", 1m, row: 4),
            Line("2080505", "39998", 1m, row: 5),
            Line("2080505", "30101", 1m, agency: "ZZ", row: 6),
        ]);
        var errors = compiled.Findings.Where(f => f.Severity == Severity.Error).ToList();
        Assert.Equal(
            [
                ("catalogue.function.unknown", 2, "exp_func_code"),
                ("catalogue.function.level", 3, "exp_func_code"),
                ("catalogue.economic.level", 4, "dep_bgt_eco_code"),
                ("catalogue.economic.unknown", 5, "dep_bgt_eco_code"),
                ("ledger.agency.unknown", 6, "agency_code"),
            ],
            errors.Select(f => (f.Rule, f.Location.Row!.Value, f.Location.Column!)));
        Assert.All(errors, f => Assert.Equal("ledger.csv", f.Location.File));
        Assert.Contains("2999999", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("（未知科目）", compiled.Disclosure.Table("T03")!.Row("2999999").Name);
    }

    [Fact]
    public void Lines_sharing_every_attribute_fold_into_one_atom()
    {
        var lines = Enumerable.Range(0, 10_000).Select(i => Line("2080505", "30108", 1.01m, row: i + 2));
        var compiled = CompileBudget(lines);
        Assert.Equal(10_000, compiled.LineCount);
        Assert.Equal(10_100m, compiled.Drafts.Single(d => d.Id == "T03").Rows[0].Cells[0].Truth);
        Assert.Single(compiled.Drafts.Single(d => d.Id == "T03").Rows[0].Cells[0].Terms);
    }

    [Fact]
    public void Contents_list_the_nine_parts_and_twelve_tables()
    {
        var disclosure = CompileBudget([Line("2080505", "30108", 1m)], RoundingMode.Controlled).Disclosure;
        Assert.Equal(9, disclosure.Contents.Count(c => c.Part is not null));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"T{i:00}"), disclosure.Contents.Where(c => c.Table is not null).Select(c => c.Table));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"T{i:00}"), disclosure.Tables.Select(t => t.Id));
        Assert.Equal("controlled", disclosure.Rounding);
        Assert.Equal("yusuan.disclosure/1", disclosure.Schema);
    }
}
