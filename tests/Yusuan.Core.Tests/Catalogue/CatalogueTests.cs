using Yusuan.Core.Catalogue;

namespace Yusuan.Core.Tests.Catalogue;

public class CatalogueTests
{
    [Fact]
    public void Built_in_lists_say_which_edition_they_are()
    {
        var catalogue = ClassificationCatalogue.BuiltIn();
        Assert.Contains(catalogue.Edition(ClassificationKind.Function), e => e.Contains("2023 政府收支分类科目", StringComparison.Ordinal));
        Assert.Contains(catalogue.Edition(ClassificationKind.DepartmentEconomic), e => e.Contains("部门预算支出经济分类", StringComparison.Ordinal));
        Assert.Contains(catalogue.Edition(ClassificationKind.GovernmentEconomic), e => e.Contains("政府预算支出经济分类", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2110104", "生态环境保护宣传", "seed")]
    [InlineData("2110203", "建设项目环评审查与监督", "seed")]
    [InlineData("2111101", "生态环境监测与信息", "seed")]
    [InlineData("2080505", "机关事业单位基本养老保险缴费支出", "ref")]
    [InlineData("2210203", "购房补贴", "ref")]
    public void Built_in_function_codes_name_their_source(string code, string name, string source)
    {
        var entry = ClassificationCatalogue.BuiltIn().Find(ClassificationKind.Function, code);
        Assert.NotNull(entry);
        Assert.Equal(name, entry.Name);
        Assert.Equal(source, entry.Source);
        Assert.Equal(3, entry.Level);
        Assert.Equal(code[..5], entry.ParentCode);
    }

    [Fact]
    public void Every_built_in_code_has_its_parent_in_the_list()
    {
        var catalogue = ClassificationCatalogue.BuiltIn();
        foreach (var kind in Enum.GetValues<ClassificationKind>())
        {
            Assert.True(catalogue.Count(kind) > 0);
        }

        // Walk the seed's codes: each 项 has its 款 and 类.
        foreach (var code in new[] { "2080505", "2080506", "2101102", "2110104", "2110203", "2111101", "2210201", "2210203" })
        {
            Assert.NotNull(catalogue.Find(ClassificationKind.Function, code[..5]));
            Assert.NotNull(catalogue.Find(ClassificationKind.Function, code[..3]));
        }
    }

    [Fact]
    public void Unknown_code_is_a_lookup_miss_not_an_exception()
    {
        var catalogue = ClassificationCatalogue.BuiltIn();
        Assert.Null(catalogue.Find(ClassificationKind.Function, "2999999"));
        Assert.Equal("（未知科目）", catalogue.NameOf(ClassificationKind.Function, "2999999"));
    }

    [Fact]
    public void User_list_extends_the_built_in_one_and_records_its_edition()
    {
        var catalogue = ClassificationCatalogue.BuiltIn();
        var before = catalogue.Count(ClassificationKind.Function);
        var csv = "# 2024 政府收支分类科目（官方）\ncode,name\n2119901,其他节能环保支出测试\n2110104,生态环境保护宣传（改）\n";
        var problems = catalogue.Load(ClassificationKind.Function, new StringReader(csv), "official-2024.csv", replace: false);
        Assert.Empty(problems);
        Assert.Equal(before + 1, catalogue.Count(ClassificationKind.Function));
        Assert.Equal("生态环境保护宣传（改）", catalogue.Find(ClassificationKind.Function, "2110104")!.Name);
        Assert.Equal("official-2024.csv", catalogue.Find(ClassificationKind.Function, "2119901")!.Source);
        Assert.Contains("2024 政府收支分类科目（官方）", catalogue.Edition(ClassificationKind.Function));
    }

    [Fact]
    public void User_list_can_replace_the_built_in_one()
    {
        var catalogue = ClassificationCatalogue.BuiltIn();
        var problems = catalogue.Load(ClassificationKind.Function, new StringReader("code,name\n201,一般公共服务支出\n"), "only.csv", replace: true);
        Assert.Empty(problems);
        Assert.Equal(1, catalogue.Count(ClassificationKind.Function));
        Assert.Null(catalogue.Find(ClassificationKind.Function, "2110104"));
    }

    [Fact]
    public void Bad_user_list_names_row_and_column_and_changes_nothing()
    {
        var catalogue = ClassificationCatalogue.BuiltIn();
        var before = catalogue.Count(ClassificationKind.Function);
        var problems = catalogue.Load(ClassificationKind.Function, new StringReader("code,name\n2119901,好的\n21199X,坏的\n2119902,\n"), "bad.csv", replace: true);
        Assert.Equal(2, problems.Count);
        Assert.Equal(("bad.csv", 3, "code"), (problems[0].File, problems[0].Row, problems[0].Column));
        Assert.Equal(("bad.csv", 4, "name"), (problems[1].File, problems[1].Row, problems[1].Column));
        Assert.Equal(before, catalogue.Count(ClassificationKind.Function));
    }

    [Fact]
    public void Crosswalk_tells_matching_pairs_from_mismatches_and_unknowns()
    {
        var catalogue = ClassificationCatalogue.BuiltIn();
        Assert.True(catalogue.CrosswalkAllows("30101", "50101"));
        Assert.True(catalogue.CrosswalkAllows("30101", "501"));
        Assert.False(catalogue.CrosswalkAllows("30101", "50201"));
        Assert.Null(catalogue.CrosswalkAllows("39999", "599"));
    }
}
