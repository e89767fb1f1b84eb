using Yusuan.Core.Catalogue;
using Yusuan.Core.Compile;
using Yusuan.Core.Rounding;
using Yusuan.Formats.Audit;
using Yusuan.Formats.Datasets;
using Yusuan.Publishing.Layout;

namespace Yusuan.Publishing.Tests;

/// <summary>The sample laid out in 上海's template: its parts, its table order and titles, its 类 | 款 | 项 columns, in 元.</summary>
public class TemplateLayoutTests
{
    private static readonly Lazy<(CompiledBudget Compiled, PrintedDocument Document)> Shanghai = new(() =>
    {
        var (dataset, problems) = Dataset.Load(SamplePublication.Folder);
        Assert.Empty(problems);
        var compiled = dataset!.Compile(ClassificationCatalogue.BuiltIn(), RoundingMode.Controlled);
        var template = TemplateLibrary.Find("shanghai")!;
        return (compiled, DocumentLayout.From(TemplateRestatement.Restate(compiled, template), template));
    });

    [Fact]
    public void Parts_are_headed_and_numbered_as_the_template_heads_them_and_no_sentence_is_lost()
    {
        var (compiled, document) = Shanghai.Value;
        // 上海 prints its 预算表 as a part among the others: 四、部门预算表, then 五、其他相关情况说明 after the tables.
        Assert.Equal(["一、部门主要职能", "二、名词解释", "三、部门预算编制说明"], document.PartsBeforeTables.Select(p => p.Title));
        Assert.Equal("四、部门预算表", document.TablesHeading);
        Assert.Equal(["五、其他相关情况说明"], document.PartsAfterTables.Select(p => p.Title));
        Assert.Null(document.TextHeading);
        Assert.Equal(compiled.Disclosure.Narrative.Count, document.Parts.Sum(p => p.Paragraphs.Count));
        Assert.Contains(document.Parts[1].Paragraphs, p => p.Contains("按元列示", StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_follow_the_template_in_order_title_and_unit_with_codes_split_into_class_section_and_item()
    {
        var (compiled, document) = Shanghai.Value;
        Assert.Equal(["T01", "T02", "T03", "T06", "T07", "T08", "T09", "T10", "T11"], document.Tables.Select(t => t.Id));
        Assert.Equal(Enumerable.Range(1, 9), document.Tables.Select(t => t.Number));
        Assert.Equal("2023年部门一般公共预算支出功能分类预算表", document.Tables[4].Title);
        Assert.All(document.Tables, t => Assert.Equal("元", t.Unit));

        var t07 = ((GridBlock)document.Tables[4].Blocks[0]).Grid;
        Assert.Equal(["类", "款", "项"], t07.Header[1].Take(3).Select(h => h.Text));
        var row = t07.Rows.Single(r => r[1].Text == "208" && r[2].Text == "05" && r[3].Text == "05");
        Assert.Equal("机关事业单位基本养老保险缴费支出", row[4].Text);

        // The exact sum of the lines in 元, where the seed prints 125.9 万元.
        var truth = compiled.Drafts.Single(d => d.Id == "T07").Rows.Single(r => r.Template.Code == "2080505").Cells[0].Truth;
        Assert.Equal(truth, row[5].Value);
        Assert.Equal(1_259_000m, row[5].Value);

        // Economic codes have no 项: 类 | 款 only.
        var t08 = ((GridBlock)document.Tables[5].Blocks[0]).Grid;
        Assert.Equal(["类", "款"], t08.Header[1].Select(h => h.Text));
        Assert.Contains(t08.Rows, r => r[1].Text == "301" && r[2].Text == "01" && r[3].Text == "基本工资");
        Assert.All(t08.Rows.Concat(t07.Rows), r => Assert.Equal(r.Count, (t08.Rows.Contains(r) ? t08 : t07).Widths.Count));
    }

    [Fact]
    public void The_template_layout_renders_in_all_four_formats_and_reads_back_without_a_difference()
    {
        var (compiled, _) = Shanghai.Value;
        var template = TemplateLibrary.Find("shanghai")!;
        var publication = Publisher.Render(TemplateRestatement.Restate(compiled, template), null, template);
        Assert.DoesNotContain(publication.Findings, f => f.Severity == Core.Findings.Severity.Error);
        Assert.Contains("财务收支预算总表", publication.Html, StringComparison.Ordinal);

        // In every format the other matters follow the tables, as 上海 prints them.
        var html = publication.Html;
        Assert.True(html.LastIndexOf("五、其他相关情况说明", StringComparison.Ordinal) > html.LastIndexOf("财务收支预算总表", StringComparison.Ordinal));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(publication.Pdf);
        var pages = pdf.GetPages().Select(p => p.Text.Replace(" ", string.Empty, StringComparison.Ordinal)).ToList();
        Assert.True(pages.FindLastIndex(p => p.Contains("五、其他相关情况说明", StringComparison.Ordinal)) > pages.FindLastIndex(p => p.Contains("国有资本经营预算支出功能分类预算表", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_template_that_names_no_parts_prints_the_nine_parts_then_its_tables()
    {
        var (compiled, _) = Shanghai.Value;
        var template = TemplateLibrary.Find("shanghai")!;
        template = template with { Publishing = template.Publishing! with { Parts = [], TablesAfter = 0 } };
        var document = DocumentLayout.From(TemplateRestatement.Restate(compiled, template), template);
        Assert.Equal(["一、部门概况", "九、名词解释"], document.PartsBeforeTables.Where((_, i) => i is 0 or 8).Select(p => p.Title));
        Assert.Empty(document.PartsAfterTables);
        Assert.Equal("十、部门预算表", document.TablesHeading);
    }
}
