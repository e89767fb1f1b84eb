using Yusuan.Core.Compile;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Tables;

namespace Yusuan.Core.Tests.Rules;

/// <summary>A published budget is judged complete against its own template: what only another template has is not missing.</summary>
public class DocumentTemplateTests
{
    private static List<Findings.Finding> Check(Func<Disclosure, Disclosure> edit) => Sample.Check(Sample.Clean.EditDisclosure(edit)).ToList();

    [Fact]
    public void A_document_whose_contents_name_the_seeds_parts_follows_the_seeds_template()
    {
        var contents = TableTitles.Parts.Select((title, i) => new ContentsEntry(title, Part: i + 1)).ToList();
        var disclosure = new Disclosure { Department = new DisclosureEntity(string.Empty, "深圳市生态环境局"), FiscalYear = 2026, Rounding = "independent", Contents = contents };
        Assert.Equal("shenzhen", DocumentTemplates.Detect(disclosure).Name);

        // 西安: parts of its own (部门概况, 部门预算收支情况说明, 其他重要事项说明 …): only one title is the seed's.
        var own = new[] { "：部门概况", "：部门预算收支情况说明", "：其他重要事项说明", "：专业名词解释", "：部门预算公开报表" }
            .Select((title, i) => new ContentsEntry(title, Part: i + 1)).ToList();
        Assert.Equal("standard", DocumentTemplates.Detect(disclosure with { Contents = own }).Name);
        Assert.Equal("standard", DocumentTemplates.Detect(disclosure with { Contents = [] }).Name);
    }

    [Fact]
    public void Yusuans_own_budgets_are_judged_by_the_seeds_template()
    {
        var findings = Check(d => d.With(tables: [.. d.Tables.Where(t => t.Id != "T05")]));
        Assert.Contains(findings, f => f.Rule == "T05.present");
    }

    [Fact]
    public void A_standard_budget_misses_none_of_the_tables_and_parts_only_the_seeds_template_has()
    {
        var findings = Check(d => d.With(tables: [.. d.Tables.Where(t => t.Id is not ("T04" or "T05" or "T11" or "T12"))], narrative: []) with { Template = "standard" });
        Assert.DoesNotContain(findings, f => f.Rule is "T04.present" or "T05.present" or "T11.present" or "T12.present" or "text.parts.present");

        // The standard set's own tables are still required.
        findings = Check(d => d.With(tables: [.. d.Tables.Where(t => t.Id != "T09")]) with { Template = "standard" });
        Assert.Contains(findings, f => f.Rule == "T09.present");
    }

    [Fact]
    public void The_explanation_of_a_budget_published_in_two_attachments_misses_no_table()
    {
        var findings = Check(d => d.With(tables: []) with { Attachment = "说明" });
        Assert.DoesNotContain(findings, f => f.Rule is "contents.tables.present" || f.Rule.StartsWith('T') && f.Rule.EndsWith(".present", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Rule == "document.attachment");

        // The same file as a whole budget misses them all.
        findings = Check(d => d.With(tables: []));
        Assert.Contains(findings, f => f.Rule == "T01.present");
        Assert.Contains(findings, f => f.Rule == "contents.tables.present");
    }
}
