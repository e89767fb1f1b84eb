using Yusuan.Core.Model;

namespace Yusuan.Core.Tests.Model;

public class CodeTests
{
    [Theory]
    [InlineData("208", 1)]
    [InlineData("20805", 2)]
    [InlineData("2080505", 3)]
    [InlineData(" 2080505 ", 3)]
    public void Function_code_knows_its_level(string text, int level)
    {
        var code = FunctionCode.Parse(text);
        Assert.True(code.Success);
        Assert.Equal(level, code.Value.Level);
    }

    [Theory]
    [InlineData("")]
    [InlineData("20")]
    [InlineData("2080")]
    [InlineData("208050")]
    [InlineData("20805055")]
    [InlineData("20805A5")]
    [InlineData("２０８")]
    public void Function_code_rejects_malformed_text_with_a_reason(string text)
    {
        var code = FunctionCode.Parse(text);
        Assert.False(code.Success);
        Assert.Contains("3、5 或 7 位数字", code.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Function_code_path_runs_from_class_to_item()
    {
        var path = FunctionCode.Parse("2080505").Value.Path().Select(c => c.Value);
        Assert.Equal(["208", "20805", "2080505"], path);
        Assert.Equal("20805", FunctionCode.Parse("2080505").Value.Parent!.Value.Value);
        Assert.Null(FunctionCode.Parse("208").Value.Parent);
    }

    [Fact]
    public void Economic_code_has_class_and_item_levels_only()
    {
        Assert.Equal("301", EconomicCode.Parse("30101").Value.Class.Value);
        Assert.Equal(1, EconomicCode.Parse("301").Value.Level);
        Assert.False(EconomicCode.Parse("3010101").Success);
    }

    [Theory]
    [InlineData("1234.56", 1234.56)]
    [InlineData("1,234.56", 1234.56)]
    [InlineData("-20000000", -20000000)]
    [InlineData(" 7656000 ", 7656000)]
    public void Amount_reads_as_exact_decimal(string text, decimal expected)
    {
        var amount = Terms.ParseAmount(text);
        Assert.True(amount.Success, amount.Error);
        Assert.Equal(expected, amount.Value);
    }

    [Theory]
    [InlineData("12a", "不是数字")]
    [InlineData("1e5", "不是数字")]
    [InlineData("1.234", "超过两位小数")]
    [InlineData("", "金额为空")]
    public void Amount_rejects_what_is_not_money(string text, string reason)
    {
        var amount = Terms.ParseAmount(text);
        Assert.False(amount.Success);
        Assert.Contains(reason, amount.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("一般公共预算拨款", FundSource.GeneralPublicBudget)]
    [InlineData("一般公共预算", FundSource.GeneralPublicBudget)]
    [InlineData("11", FundSource.GeneralPublicBudget)]
    [InlineData("上年结转", FundSource.PriorYearCarryover)]
    [InlineData("事业收入", FundSource.InstitutionIncome)]
    public void Fund_source_reads_titles_and_codes(string text, FundSource fund) =>
        Assert.Equal(fund, Terms.ParseFund(text).Value);

    [Theory]
    [InlineData("人员经费", ExpenditureKind.Personnel)]
    [InlineData("基本支出-公用经费", ExpenditureKind.Operating)]
    [InlineData("项目支出", ExpenditureKind.Project)]
    [InlineData("3", ExpenditureKind.Project)]
    public void Expenditure_kind_reads_titles_and_codes(string text, ExpenditureKind kind) =>
        Assert.Equal(kind, Terms.ParseKind(text).Value);

    [Fact]
    public void Unknown_kind_lists_the_accepted_values()
    {
        var kind = Terms.ParseKind("基本");
        Assert.False(kind.Success);
        Assert.Contains("人员经费、公用经费、项目支出", kind.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("货物", ProcurementType.Goods)]
    [InlineData("货物类", ProcurementType.Goods)]
    [InlineData(" 服务采购 ", ProcurementType.Services)]
    [InlineData("B", ProcurementType.Works)]
    [InlineData("无", ProcurementType.None)]
    [InlineData("", ProcurementType.None)]
    public void Procurement_type_reads_titles_codes_and_their_usual_endings(string text, ProcurementType type) =>
        Assert.Equal(type, Terms.ParseProcurement(text).Value);

    [Theory]
    [InlineData("因公出国(境)费", OfficialExpenseCategory.OverseasTravel)]
    [InlineData("因公出国（境）费", OfficialExpenseCategory.OverseasTravel)]
    [InlineData("公务接待", OfficialExpenseCategory.Reception)]
    [InlineData("4", OfficialExpenseCategory.VehicleOperation)]
    [InlineData("无", OfficialExpenseCategory.None)]
    public void Official_expense_reads_titles_with_either_brackets_and_without_费(string text, OfficialExpenseCategory category) =>
        Assert.Equal(category, Terms.ParseOfficialExpense(text).Value);

    [Theory]
    [InlineData("政府性基金")]
    [InlineData("货物服务")]
    public void Unknown_fund_or_procurement_type_is_an_error(string text)
    {
        Assert.False(Terms.ParseFund(text).Success);
        Assert.False(Terms.ParseProcurement(text).Success);
    }

    [Theory]
    [InlineData("-1200.50", -1200.50)]
    [InlineData("68200.00", 68200.00)]
    [InlineData(" 1,234.5 ", 1234.5)]
    [InlineData("1，234", 1234)]
    [InlineData("12 000", 12000)]
    public void Amount_reads_plain_figures_and_those_with_separators_alike(string text, double expected) =>
        Assert.Equal((decimal)expected, Terms.ParseAmount(text).Value);

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("-")]
    [InlineData("1-2")]
    public void Amount_made_only_of_digits_points_and_minus_signs_may_still_be_malformed(string text) =>
        Assert.Contains("不是数字", Terms.ParseAmount(text).Error, StringComparison.Ordinal);
}
