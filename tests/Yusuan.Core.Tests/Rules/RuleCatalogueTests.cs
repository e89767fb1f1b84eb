using Yusuan.Core.Findings;
using Yusuan.Core.Rounding;
using Yusuan.Core.Rules;

namespace Yusuan.Core.Tests.Rules;

public class RuleCatalogueTests
{
    public static TheoryData<string> RuleIds() => new(RuleCatalogue.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_fires_on_the_sample_with_its_fault(string id)
    {
        var findings = Sample.Check(Faults.All[id].Fires()).Where(f => f.Rule == id).ToList();
        var rule = RuleCatalogue.Find(id)!;
        Assert.True(findings.Any(f => f.Severity == rule.Severity), $"{id} did not report its fault at {rule.Severity}; got: {string.Join(" | ", findings.Select(f => f.Severity + " " + f.Message))}");
        Assert.All(findings, f =>
        {
            Assert.Equal(rule.Category, f.Category);
            Assert.False(string.IsNullOrWhiteSpace(f.Message));
        });
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_stays_silent_on_the_sample_without_the_fault(string id)
    {
        var findings = Sample.Check(Faults.All[id].Silent()).Where(f => f.Rule == id).ToList();
        Assert.True(findings.Count == 0, $"{id} reported: {string.Join(" | ", findings.Select(f => f.Message))}");
    }

    [Fact]
    public void Every_rule_has_a_unique_id_a_category_a_title_a_policy_and_both_tests()
    {
        string[] categories = ["completeness", "arithmetic", "consistency", "text", "classification", "policy", "performance", "input", "rounding", "render"];
        Assert.Equal(RuleCatalogue.All.Count, RuleCatalogue.All.Select(r => r.Id).Distinct().Count());
        Assert.All(RuleCatalogue.All, r =>
        {
            Assert.Contains(r.Category, categories);
            Assert.False(string.IsNullOrWhiteSpace(r.Title), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Policy), r.Id);
            Assert.True(Faults.All.ContainsKey(r.Id), $"{r.Id} has no fault test");
        });
        Assert.Empty(Faults.All.Keys.Except(RuleCatalogue.All.Select(r => r.Id)));
        Assert.True(RuleCatalogue.All.Count > 80, $"only {RuleCatalogue.All.Count} rules");
    }

    [Fact]
    public void Sample_with_controlled_rounding_has_no_error_and_only_the_seed_own_warnings()
    {
        var findings = Sample.Check(Sample.Clean);
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        Assert.Equal(["X.T12-supervisor", "performance.target.measurable", "text.reasons.sum"], findings.Select(f => f.Rule).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
    }

    [Fact]
    public void Sample_with_independent_rounding_adds_only_rounding_differences()
    {
        var findings = Sample.Check(Sample.Clean with { Rounding = RoundingMode.Independent });
        var extra = findings.Where(f => f.Rule is not ("X.T12-supervisor" or "performance.target.measurable" or "text.reasons.sum")).ToList();
        Assert.NotEmpty(extra);
        Assert.All(extra, f =>
        {
            Assert.Equal(Severity.Info, f.Severity);
            Assert.Contains("尾数误差", f.Message, StringComparison.Ordinal);
        });
        Assert.Contains(extra, f => f.Rule == "T03.sum.columns" && f.Location.TableRow == "211" && f.Actual == 7074m && f.Expected == 7073m && f.Tolerance == 1.5m);
        Assert.Contains(extra, f => f.Rule == "T12.sum.tasks" && f.Actual == 7656m && f.Expected == 7658m);
    }

    [Fact]
    public void Unknown_ledger_code_is_reported_once_at_its_row_not_in_every_table()
    {
        var findings = Sample.Check(Faults.All["catalogue.function.unknown"].Fires());
        var finding = Assert.Single(findings, f => f.Severity == Severity.Error);
        Assert.Equal(("catalogue.function.unknown", 7, "exp_func_code"), (finding.Rule, finding.Location.Row, finding.Location.Column));
    }

    [Fact]
    public void Disclosure_without_lines_is_checked_with_every_rule_that_needs_no_lines()
    {
        var findings = Sample.Check(Sample.Clean with { DisclosureOnly = true });
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        Assert.Equal(["X.T12-supervisor", "performance.target.measurable", "text.reasons.sum"], findings.Select(f => f.Rule).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Part_seven_states_each_project_goal_with_the_amount_of_its_projects()
    {
        var clean = Sample.Clean;
        var disclosure = new Yusuan.Core.Compile.BudgetCompiler(Yusuan.Core.Catalogue.ClassificationCatalogue.BuiltIn()).Compile(clean.Profile, clean.Plan, clean.Lines, RoundingMode.Independent).Disclosure;
        var part7 = disclosure.Narrative.Where(s => s.Part == 7).Skip(1).ToList();
        Assert.Equal(["信息化类：预算数3,491万元", "生态环境管理：预算数2,249万元", "生态环境专项资金：预算数114万元"], part7.Select(s => s.Sentence[..s.Sentence.IndexOf('。', StringComparison.Ordinal)]));
        Assert.Contains("设置并编报3个项目绩效目标", disclosure.Narrative.Single(s => s.Part == 6 && s.Figures.Count > 0).Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_cell_is_an_error_naming_table_row_column_and_figures()
    {
        var findings = Sample.Check(Sample.Clean.EditDisclosure(d => d.SetCell("T03", "2080505", "total", v => v + 2)));
        var finding = Assert.Single(findings, f => f.Rule == "T03.sum.columns");
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(("T03", "2080505", "total"), (finding.Location.Table, finding.Location.TableRow, finding.Location.TableColumn));
        Assert.Equal(128m, finding.Actual);
        Assert.Equal(126m, finding.Expected);
        Assert.Equal(0m, finding.Tolerance);
        Assert.Contains("机关事业单位基本养老保险缴费支出", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Edited_text_figure_is_an_error_naming_part_and_sentence()
    {
        var findings = Sample.Check(Sample.Clean.EditDisclosure(d => d.EditFigure(Narrative.Subjects.Income, _ => 7665)));
        var finding = Assert.Single(findings, f => f.Rule == "text.income.total");
        Assert.Equal((2, 1), (finding.Location.Part, finding.Location.Sentence));
        Assert.Equal((7656m, 7665m), (finding.Expected, finding.Actual));
    }

    [Fact]
    public void Regional_profile_switches_rules_off_and_regrades_them()
    {
        var variant = Faults.All["T05.present"].Fires();
        Assert.Contains(Sample.Check(variant), f => f.Rule == "T05.present" && f.Severity == Severity.Error);
        var region = new RegionalProfile
        {
            Off = new HashSet<string> { "T05.present" },
            Severities = new Dictionary<string, Severity> { ["text.reasons.sum"] = Severity.Error },
        };
        var catalogue = Yusuan.Core.Catalogue.ClassificationCatalogue.BuiltIn();
        var compiled = new Yusuan.Core.Compile.BudgetCompiler(catalogue).Compile(variant.Profile, variant.Plan, variant.Lines, variant.Rounding);
        var findings = RuleEngine.Run(new RuleContext(variant.Edit!(compiled.Disclosure), catalogue) { Profile = variant.Profile, Plan = variant.Plan, Budget = compiled }, region);
        Assert.DoesNotContain(findings, f => f.Rule == "T05.present");
        Assert.Contains(findings, f => f.Rule == "text.reasons.sum" && f.Severity == Severity.Error);
    }
}
