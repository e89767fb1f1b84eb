using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Narrative;

namespace Yusuan.Core.Tests.Rules;

/// <summary>What the text states, in any template's phrasing: only a sentence that is wrong is an error.</summary>
public class StatementRulesTests
{
    private static List<Finding> Check(string sentence, string kind = "部门预算", params NarrativeFigure[] figures) =>
        Sample.Check(Sample.Clean.EditDisclosure(d => d.With(narrative: [.. d.Narrative, new NarrativeSentence(0, sentence, figures, new NarrativeSource(6, 1))]) with { Kind = kind })).ToList();

    [Theory]
    [InlineData("人员增加是收入增长的主要原因。")]
    [InlineData("主要原因是业务量增加。")]
    [InlineData("增减变化的原因为：人员调整。")]
    public void A_reason_given_is_no_missing_reason(string sentence) =>
        Assert.DoesNotContain(Check(sentence), f => f.Rule == "text.reason.missing");

    [Theory]
    [InlineData("公务接待费0.73万元，与2025年预算数持平，原因为。", "原因为")]
    [InlineData("主要原因：；其中公务用车购置费0万元。", "主要原因")]
    public void A_reason_announced_and_not_given_is_named_as_printed(string sentence, string announced)
    {
        var finding = Assert.Single(Check(sentence), f => f.Rule == "text.reason.missing");
        Assert.Contains($"写了“{announced}”", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("主要原因是参与2023年省运会的保障经费增加。")] // 参与 is no comparison
    [InlineData("合同2023年到期，相关经费增加。")]
    [InlineData("比较2023年各项支出，结构有所优化。")]
    [InlineData("比2022年预算增加343万元。")]
    public void Words_that_only_look_like_a_comparison_with_this_year_are_not_one(string sentence) =>
        Assert.DoesNotContain(Check(sentence), f => f.Rule == "text.year.compared");

    [Fact]
    public void A_final_account_compares_with_its_own_years_budget()
    {
        Assert.DoesNotContain(Check("支出决算比2023年年初预算增加12万元。", "部门决算"), f => f.Rule == "text.year.compared");
        Assert.Contains(Check("支出决算比2024年年初预算增加12万元。", "部门决算"), f => f.Rule == "text.year.compared");
        Assert.Contains(Check("收入预算比2023年预算增加12万元。"), f => f.Rule == "text.year.compared");
    }

    [Theory]
    [InlineData("具体数据请详见2023年部门预算表。")]
    [InlineData("本局所属单位2023年单位预算表已另行公开。")]
    public void A_sentence_pointing_at_the_tables_is_no_heading(string sentence) =>
        Assert.DoesNotContain(Check(sentence), f => f.Rule == "text.department.heading");

    [Fact]
    public void Amounts_beyond_any_budget_are_not_checked_and_never_fail_the_rule()
    {
        var findings = Check("2025年预算执行数为0.00000001万元，2026年预算安排99999999999999999999.99999999万元，比2025年增加1.10%。", "部门预算",
            new(Subjects.Compared, 0.00000001m, "万元"), new(Subjects.ComparedWith, 99999999999999999999.99999999m, "万元"), new(Subjects.StatedRate, 1.10m, "%"));
        Assert.DoesNotContain(findings, f => f.Rule.StartsWith("text.rate.", StringComparison.Ordinal) || f.Rule.StartsWith("engine.", StringComparison.Ordinal));
    }
}
