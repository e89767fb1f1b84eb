using System.Text.Json;
using System.Text.Json.Nodes;

namespace Yusuan.Cli.Tests;

/// <summary>`yusuan check disclosure.json`: a build's own output is clean; one edited by hand gets errors that say where and by how much.</summary>
public class CheckDisclosureTests
{
    private static readonly Lazy<string> Built = new(() =>
    {
        var output = Path.Combine(Path.GetTempPath(), "yusuan-built-" + Guid.NewGuid().ToString("N"));
        var result = Yusuan.Run("build", Repository.Sample, "--out", output);
        Assert.Equal(0, result.ExitCode);
        return Path.Combine(output, "disclosure.json");
    });

    private static string Edited(Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(Built.Value))!;
        edit(node);
        var path = Path.Combine(Path.GetTempPath(), "yusuan-edited-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    private static JsonNode Table(JsonNode root, string id) => root["tables"]!.AsArray().First(t => (string?)t!["id"] == id)!;

    private static JsonNode Row(JsonNode table, string codeOrKey) =>
        table["rows"]!.AsArray().First(r => (string?)r!["code"] == codeOrKey || (string?)r!["key"] == codeOrKey)!;

    private static List<JsonElement> Findings(Yusuan.Result result)
    {
        using var json = JsonDocument.Parse(result.Out);
        return json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.Clone()).ToList();
    }

    [Fact]
    public void Built_disclosure_checks_clean_of_errors()
    {
        var result = Yusuan.Run("check", Built.Value, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(Findings(result), f => f.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void One_changed_cell_exits_1_naming_table_row_column_expected_and_actual()
    {
        var path = Edited(root => Row(Table(root, "T03"), "2080506")["values"]![0] = 57);
        var result = Yusuan.Run("check", path, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var finding = Findings(result).First(f => f.GetProperty("rule").GetString() == "T03.sum.columns");
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        var location = finding.GetProperty("location");
        Assert.Equal(("T03", "2080506", "total"), (location.GetProperty("table").GetString(), location.GetProperty("tableRow").GetString(), location.GetProperty("tableColumn").GetString()));
        Assert.Equal(47m, finding.GetProperty("expected").GetDecimal());
        Assert.Equal(57m, finding.GetProperty("actual").GetDecimal());
    }

    [Fact]
    public void One_removed_row_exits_1_with_the_broken_sum()
    {
        var path = Edited(root => Table(root, "T08")["rows"]!.AsArray().Remove(Row(Table(root, "T08"), "30102")));
        var result = Yusuan.Run("check", path);
        Assert.Equal(1, result.ExitCode);

        // The place in words a reader knows: the table's title, the row's code and the column's header, never its key.
        Assert.Contains("[错误] T08.sum.rollup “一般公共预算支出表（按经济分类）” 行 301 栏 合计：", result.Out, StringComparison.Ordinal);
        Assert.Contains("列示 1,608，各分项之和 1,347", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void One_edited_text_figure_exits_1_naming_part_and_sentence()
    {
        var path = Edited(root =>
        {
            var sentence = root["narrative"]!.AsArray().First(s => s!["figures"]?.AsArray().Any(f => (string?)f!["subject"] == "公用支出") == true)!;
            sentence["figures"]!.AsArray().First(f => (string?)f!["subject"] == "公用支出")!["value"] = 126;
        });
        var result = Yusuan.Run("check", path, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var finding = Findings(result).First(f => f.GetProperty("rule").GetString() == "text.operating");
        var location = finding.GetProperty("location");
        Assert.Equal((3, 1), (location.GetProperty("part").GetInt32(), location.GetProperty("sentence").GetInt32()));
        Assert.Equal((123m, 126m), (finding.GetProperty("expected").GetDecimal(), finding.GetProperty("actual").GetDecimal()));
    }

    [Fact]
    public void Disclosure_that_is_not_json_exits_2_with_its_line()
    {
        var path = Path.Combine(Path.GetTempPath(), "broken-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{\n  \"schema\": \"yusuan.disclosure/1\",\n  \"tables\": [ oops ]\n}");
        var result = Yusuan.Run("check", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("第 3 行", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Disclosure_of_another_schema_exits_2()
    {
        var path = Edited(root => root["schema"] = "something/9");
        var result = Yusuan.Run("check", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("应为“yusuan.disclosure/1”", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_profile_switches_off_the_tables_it_does_not_publish()
    {
        var path = Edited(root => root["tables"]!.AsArray().Remove(Table(root, "T05")));
        Assert.Contains("[错误] T05.present", Yusuan.Run("check", path).Out, StringComparison.Ordinal);

        var region = Path.Combine(Path.GetTempPath(), "region-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(region, "schema: yusuan.region/1\nname: 测试地区\ntables: [T01, T02, T03, T04, T06, T07, T08, T09, T10, T11, T12]\nrules:\n  text.reasons.sum: error\n  contents.tables.present: off\n");
        var result = Yusuan.Run("check", path, "--region", region);
        Assert.DoesNotContain("T05.present", result.Out, StringComparison.Ordinal);
        Assert.Contains("[错误] text.reasons.sum", Yusuan.Run("check", Repository.Sample, "--region", region).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_region_profile_exits_2_naming_the_rule()
    {
        var region = Path.Combine(Path.GetTempPath(), "region-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(region, "rules:\n  no.such.rule: off\n");
        var result = Yusuan.Run("check", Repository.Sample, "--region", region);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("rules.no.such.rule", result.Error, StringComparison.Ordinal);
    }
}
