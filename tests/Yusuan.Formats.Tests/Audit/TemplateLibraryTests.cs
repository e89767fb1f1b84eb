using Yusuan.Core.Disclosures;
using Yusuan.Core.Tables;
using Yusuan.Formats.Audit;
using Yusuan.Formats.Yaml;

namespace Yusuan.Formats.Tests.Audit;

/// <summary>The built-in templates are the files of regions/templates, and a region adds its own as a file.</summary>
public class TemplateLibraryTests
{
    [Fact]
    public void The_built_in_templates_are_the_files_of_regions_templates()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "regions", "templates");
        var files = Directory.GetFiles(folder, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, TemplateLibrary.BuiltIn.Select(t => t.Name).Order(StringComparer.Ordinal).ToList());
        Assert.Contains("shanghai", files);
        Assert.Contains("beijing", files);

        // The seed's template in the file requires what Yusuan compiles, but the 整体支出绩效目标表 深圳 publishes apart since 2026.
        var shenzhen = TemplateLibrary.Find("shenzhen")!;
        Assert.Equal(Core.Tables.DocumentTemplates.Shenzhen.Parts, shenzhen.Parts);
        Assert.Equal(Core.Tables.DocumentTemplates.Shenzhen.Tables.Except(["T12"]), shenzhen.Tables);
        Assert.Equal("元", TemplateLibrary.Find("shanghai")!.Unit);
    }

    [Fact]
    public void A_document_no_template_claims_is_judged_against_the_standard_set()
    {
        var disclosure = new Disclosure { Department = new DisclosureEntity(string.Empty, "广州市气象局"), FiscalYear = 2026, Rounding = "independent" };
        Assert.Equal("standard", TemplateLibrary.Detect(disclosure, "2026年广州市气象局部门预算").Name);
        Assert.Equal("shanghai", TemplateLibrary.Detect(disclosure, "上海市普陀区2025年区级部门预算预算主管部门：上海市普陀区人民政府万里街道办事处").Name);
        Assert.Equal("beijing", TemplateLibrary.Detect(disclosure, "北京市水务局2026年度部门预算信息公开").Name);
    }

    [Fact]
    public void A_region_names_its_own_template_file_and_a_bad_one_is_refused_with_its_field()
    {
        using var folder = new TempFolder();
        folder.Write("mycity.template.yaml", "schema: yusuan.template/1\nname: mycity\ntitle: 某市部门预算（七张表）\nunit: 元\ntables: [T01, T02, T03]\ndetect:\n  priority: 5\n  cover: ['^某市']\n");
        var region = YamlReader.ReadRegion(folder.Write("mycity.yaml", "schema: yusuan.region/1\nname: 某市\ntemplate: mycity.template.yaml\n"));
        Assert.Empty(region.Problems);
        Assert.Equal(["T01", "T02", "T03"], region.Value!.Template!.Tables);
        Assert.Equal("某市部门预算（七张表）", region.Value.Template.Title);

        region = YamlReader.ReadRegion(folder.Write("builtin.yaml", "schema: yusuan.region/1\ntemplate: shanghai\n"));
        Assert.Same(TemplateLibrary.Find("shanghai"), region.Value!.Template);

        var bad = YamlReader.ReadTemplate(folder.Write("bad.yaml", "schema: yusuan.template/1\nname: bad\ntables: [T01, T99]\nunit: 千元\ndetect:\n  cover: ['(']\n"));
        Assert.Null(bad.Value);
        Assert.Equal(["tables", "unit", "detect.cover"], bad.Problems.Select(p => p.Column!));

        var missing = YamlReader.ReadRegion(folder.Write("missing.yaml", "schema: yusuan.region/1\ntemplate: nowhere\n"));
        Assert.Equal("template", Assert.Single(missing.Problems).Column);
    }

    [Fact]
    public void A_template_says_how_a_budget_is_published_in_it_and_a_bad_publish_section_names_its_field()
    {
        var shanghai = TemplateLibrary.Find("shanghai")!.Publishing!;
        Assert.Equal(CodeLayout.Split, shanghai.Codes);
        Assert.Equal(PartNumbering.Ordinals, shanghai.Numbering);
        Assert.Equal("2023年部门财务收支预算总表", shanghai.Title("T01", 2023));
        Assert.Null(shanghai.Title("T04", 2023));
        Assert.Equal(("部门预算表", 3), (shanghai.TablesHeading, shanghai.TablesAfter));
        Assert.Equal(1, TemplateLibrary.Find("standard")!.Publishing!.TablesAfter);

        // Every one of Yusuan's nine parts is published somewhere, once.
        Assert.Equal(Enumerable.Range(1, 9), shanghai.Parts.SelectMany(p => p.From).Order());
        Assert.Equal(Enumerable.Range(1, 9), TemplateLibrary.Find("standard")!.Publishing!.Parts.SelectMany(p => p.From).Order());
        Assert.Null(TemplateLibrary.Find("shenzhen")!.Publishing);

        using var folder = new TempFolder();
        var bad = YamlReader.ReadTemplate(folder.Write("bad.yaml",
            "schema: yusuan.template/1\nname: bad\ntables: [T01]\npublish:\n  codes: diagonal\n  numbering: roman\n  titles:\n    T13: 某表\n  parts:\n    - title: 概况\n      from: [部门概况, 部门简介]\n    - title: 表\n      tables: true\n    - title: 又一表\n      tables: true\n"));
        Assert.Null(bad.Value);
        Assert.Equal(["publish.codes", "publish.numbering", "publish.titles", "publish.parts", "publish.parts", "publish.parts"], bad.Problems.Select(p => p.Column!));
        Assert.Contains("部门简介", bad.Problems[3].Reason, StringComparison.Ordinal);
        Assert.Contains("又一表", bad.Problems[4].Reason, StringComparison.Ordinal);

        // No text is lost or printed twice: each of Yusuan's nine parts goes into one part of the template.
        Assert.Contains("未放入任何部分：部门预算收支总体情况", bad.Problems[5].Reason, StringComparison.Ordinal);
        var twice = YamlReader.ReadTemplate(folder.Write("twice.yaml",
            "schema: yusuan.template/1\nname: twice\ntables: [T01]\npublish:\n  parts:\n    - title: 甲\n      from: [部门概况, 部门预算收支总体情况, 部门预算支出具体情况, 政府采购预算情况, 一般公共预算“三公”经费预算情况]\n    - title: 乙\n      from: [部门预算绩效管理情况, 重点项目预算绩效情况说明, 其他需要说明情况, 名词解释, 部门概况]\n"));
        Assert.Equal("publish.parts", Assert.Single(twice.Problems).Column);
        Assert.Contains("放入了不止一个部分：部门概况", twice.Problems[0].Reason, StringComparison.Ordinal);
    }
}
