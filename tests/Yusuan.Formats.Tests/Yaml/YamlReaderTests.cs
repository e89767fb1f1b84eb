using Yusuan.Core.Model;
using Yusuan.Formats.Yaml;

namespace Yusuan.Formats.Tests.Yaml;

public class YamlReaderTests
{
    private static string SamplePath(string file) =>
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "sz-eeimc-2023", file);

    [Fact]
    public void Sample_profile_reads_department_staffing_and_last_year()
    {
        var read = YamlReader.ReadProfile(SamplePath("profile.yaml"));
        Assert.Empty(read.Problems);
        var profile = read.Value!;
        Assert.Equal(2023, profile.FiscalYear);
        Assert.Equal("深圳市生态环境智能管控中心", profile.Department.Name);
        Assert.Equal("深圳市生态环境局", profile.Supervisor!.Name);
        Assert.True(profile.IsSingleAgency);
        Assert.Equal((35, 32, 8), (profile.Staffing.InstitutionQuota, profile.Staffing.InstitutionActual, profile.Staffing.Retired));
        Assert.Equal(4_700m, profile.PriorYear!.OfficialExpenses[OfficialExpenseCategory.Reception]);
        Assert.Equal(5, profile.InternalDivisions.Count);
        Assert.Equal(8, profile.Text.Goals.Count);
        Assert.Equal(-20_000_000m, profile.Text.ChangeReasons[^1].Amount);
        Assert.Equal(21, profile.Assets.GeneralEquipmentOver500k);
    }

    [Fact]
    public void Sample_performance_plan_holds_the_seed_table_12()
    {
        var read = YamlReader.ReadPerformance(SamplePath("performance.yaml"));
        Assert.Empty(read.Problems);
        var plan = read.Value!;
        Assert.Equal(8, plan.Tasks.Count);
        Assert.True(plan.Tasks.Single(t => t.Name == "基本支出").Basic);
        Assert.Equal(["13900123004", "13900123005"], plan.Tasks.Single(t => t.Name == "信息化建设与维护").Projects);
        Assert.Equal(7, plan.Goals.Count);
        Assert.Contains(plan.Indicators, i => i.Name == "宣传报道次数" && i.Target == "≥1000 次" && i.Level1 == "产出指标" && i.Level2 == "数量指标");
        Assert.Equal(["信息化类", "生态环境管理", "生态环境专项资金"], plan.ProjectGoals.Select(g => g.Name));
        Assert.Equal([3, 3, 1], plan.ProjectGoals.Select(g => g.Goals.Count));
        Assert.StartsWith("目标 1：完成公益宣传活动次数不少于 13 次", plan.ProjectGoals[1].Goals[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_syntax_error_names_the_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("profile.yaml", "fiscalYear: 2023\ndepartment:\n  code: \"1\n  name: x\n");
        var problem = Assert.Single(YamlReader.ReadProfile(path).Problems);
        Assert.Equal("profile.yaml", problem.File);
        Assert.NotNull(problem.Row);
        Assert.Contains("YAML 格式错误", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_field_is_refused_with_its_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("profile.yaml", "fiscalYear: 2023\ndepartment:\n  code: \"1\"\n  name: 测试\ndepartmnet_typo: 1\n");
        var problem = Assert.Single(YamlReader.ReadProfile(path).Problems);
        Assert.Equal(5, problem.Row);
        Assert.Contains("departmnet_typo", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("      tables: maybe\n", "此处应为 true 或 false")]
    [InlineData("      from: 部门概况\n", "此处应为列表")]
    [InlineData("      from: [部门概况]\n      colour: red\n", "不认识的字段“colour”")]
    public void A_value_of_the_wrong_kind_is_named_in_chinese_with_its_line(string field, string reason)
    {
        using var folder = new TempFolder();
        var path = folder.Write("mine.yaml", "schema: yusuan.template/1\nname: mine\ntables: [T01]\npublish:\n  parts:\n    - title: 甲\n" + field);
        var problem = Assert.Single(YamlReader.ReadTemplate(path).Problems);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{4,}", System.Text.RegularExpressions.Regex.Replace(problem.Reason, "YAML|true|false|colour", string.Empty));
        Assert.NotNull(problem.Row);
    }

    [Fact]
    public void Missing_department_and_year_are_reported_together()
    {
        using var folder = new TempFolder();
        var path = folder.Write("profile.yaml", "regionCode: \"440300\"\n");
        var problems = YamlReader.ReadProfile(path).Problems;
        Assert.Equal(["fiscalYear", "department"], problems.Select(p => p.Column));
    }

    [Fact]
    public void Agencies_default_to_the_department_itself()
    {
        using var folder = new TempFolder();
        var path = folder.Write("profile.yaml", "fiscalYear: 2023\ndepartment:\n  code: \"1\"\n  name: 测试\n");
        var profile = YamlReader.ReadProfile(path).Value!;
        Assert.Equal("1", Assert.Single(profile.Agencies).Code);
        Assert.True(profile.IsSingleAgency);
    }

    [Fact]
    public void Task_without_projects_or_basic_flag_is_refused()
    {
        using var folder = new TempFolder();
        var path = folder.Write("performance.yaml", "tasks:\n  - name: 空任务\n");
        var problem = Assert.Single(YamlReader.ReadPerformance(path).Problems);
        Assert.Equal("tasks[0].projects", problem.Column);
    }

    [Theory]
    [InlineData("shenzhen.yaml", 0)]
    [InlineData("nine-tables.yaml", 9)]
    public void Shipped_regional_profiles_read(string file, int rulesOff)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "regions", file);
        var read = YamlReader.ReadRegion(path);
        Assert.Empty(read.Problems);
        Assert.Equal(rulesOff, read.Value!.Off.Count);
    }

    [Fact]
    public void Regional_profile_with_an_unknown_severity_is_refused()
    {
        using var folder = new TempFolder();
        var path = folder.Write("region.yaml", "rules:\n  T03.sum.columns: fatal\n");
        var problem = Assert.Single(YamlReader.ReadRegion(path).Problems);
        Assert.Equal("rules.T03.sum.columns", problem.Column);
    }

    [Fact]
    public void Publication_dates_must_be_iso_dates()
    {
        using var folder = new TempFolder();
        var path = folder.Write("profile.yaml", "fiscalYear: 2023\ndepartment:\n  code: \"1\"\n  name: 测试\npublication:\n  approvedOn: 2023年2月1日\n");
        var problem = Assert.Single(YamlReader.ReadProfile(path).Problems);
        Assert.Equal("publication.approvedOn", problem.Column);
    }
}
