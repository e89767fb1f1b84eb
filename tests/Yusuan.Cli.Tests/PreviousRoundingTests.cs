using System.Text.Json;

namespace Yusuan.Cli.Tests;

/// <summary>
/// <c>yusuan build … --previous DIR</c>: a revision rounded against the previous build (its rounding.json) keeps every figure
/// whose true value did not change, as an officer revising a budget expects (issue 16).
/// </summary>
public class PreviousRoundingTests
{
    [Fact]
    public void A_revision_built_against_the_last_build_moves_no_figure_whose_truth_did_not_change()
    {
        var work = Directory.CreateTempSubdirectory("yusuan-previous-").FullName;
        var first = Path.Combine(work, "v1");
        Assert.Equal(0, Yusuan.Run("build", Repository.Sample, "--out", first).ExitCode);
        using (var rounding = JsonDocument.Parse(File.ReadAllText(Path.Combine(first, "rounding.json"))))
        {
            Assert.Equal("yusuan.rounding/1", rounding.RootElement.GetProperty("schema").GetString());
            Assert.Equal("139001", rounding.RootElement.GetProperty("department").GetString());
            Assert.True(rounding.RootElement.GetProperty("atoms").GetArrayLength() > 20);
        }

        // The issue's revision: 1,000 元 more on the 卫生健康 line (2101102, 42.9 万元 → 43.0 万元).
        var revised = Path.Combine(work, "revised");
        CopyFolder(Repository.Sample, revised);
        var ledger = Path.Combine(revised, "ledger.csv");
        var text = File.ReadAllText(ledger);
        Assert.Contains(",2101102,30110,50501,人员经费,,,,一般公共预算拨款,429000.00,", text, StringComparison.Ordinal);
        File.WriteAllText(ledger, text.Replace(",2101102,30110,50501,人员经费,,,,一般公共预算拨款,429000.00,", ",2101102,30110,50501,人员经费,,,,一般公共预算拨款,430000.00,", StringComparison.Ordinal));

        var against = Yusuan.Run("build", revised, "--out", Path.Combine(work, "v2"), "--previous", first);
        Assert.True(against.ExitCode == 0, against.Out + against.Error);
        Assert.Contains("按上一版", against.Out, StringComparison.Ordinal);
        Assert.Equal(0, Yusuan.Run("build", revised, "--out", Path.Combine(work, "fresh")).ExitCode);

        var before = Figures(first);
        var kept = Figures(Path.Combine(work, "v2"));
        var fresh = Figures(Path.Combine(work, "fresh"));
        Assert.Empty(before.Where(f => kept[f.Key] != f.Value).Select(f => $"{f.Key}: {f.Value} → {kept[f.Key]}"));

        // Rounded afresh the same revision prints 社会保障和就业支出 173 as 172 and 节能环保支出 7,073 as 7,074 (the issue's report).
        Assert.Equal((173m, 172m), (before["T01 208 budget"], fresh["T01 208 budget"]));
        Assert.Equal((7073m, 7074m), (before["T01 211 budget"], fresh["T01 211 budget"]));
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public void A_previous_build_of_another_department_or_a_broken_file_is_refused_with_its_reason()
    {
        var work = Directory.CreateTempSubdirectory("yusuan-previous-").FullName;
        var other = Path.Combine(work, "other.json");
        File.WriteAllText(other, """{ "schema": "yusuan.rounding/1", "department": "999", "fiscalYear": 2023, "atoms": [] }""");
        var result = Yusuan.Run("build", Repository.Sample, "--out", Path.Combine(work, "out"), "--previous", other);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("上一版是部门 999 的 2023 年预算，不是本数据集（部门 139001，2023 年）的", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(work, "out")));

        var broken = Path.Combine(work, "broken.json");
        File.WriteAllText(broken, """{ "schema": "yusuan.rounding/1", "department": "139001", "fiscalYear": 2023, "atoms": [ { "key": "a", "amount": 1, "printed": 0.5 }, { "key": "a", "amount": 1, "printed": 0 } ] }""");
        result = Yusuan.Run("check", Repository.Sample, "--previous", broken);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("broken.json 列“atoms[0]”：printed 为 0.5，应为整数个显示单位", result.Error, StringComparison.Ordinal);
        Assert.Contains("broken.json 列“atoms[1]”：key“a”重复", result.Error, StringComparison.Ordinal);

        result = Yusuan.Run("check", Repository.Sample, "--previous", work);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("目录中没有 rounding.json", result.Error, StringComparison.Ordinal);

        result = Yusuan.Run("check", Repository.Sample, "--previous", other, "--rounding", "independent");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("按上一版舍入只用于受控舍入", result.Error, StringComparison.Ordinal);
        Directory.Delete(work, recursive: true);
    }

    /// <summary>Every printed figure of a build's disclosure.json by table, row code (or key) and column key.</summary>
    private static Dictionary<string, decimal> Figures(string output)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "disclosure.json")));
        var figures = new Dictionary<string, decimal>();
        foreach (var table in document.RootElement.GetProperty("tables").EnumerateArray())
        {
            var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList();
            var seen = new Dictionary<string, int>();
            foreach (var row in table.GetProperty("rows").EnumerateArray())
            {
                var id = row.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString()
                    : row.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString()
                    : row.GetProperty("name").GetString();
                var unit = row.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() + " " : string.Empty;
                var name = $"{table.GetProperty("id").GetString()} {unit}{id}";
                seen[name] = seen.GetValueOrDefault(name) + 1;
                name += seen[name] > 1 ? $" ({seen[name]})" : string.Empty;
                var values = row.GetProperty("values").EnumerateArray().ToList();
                for (var c = 0; c < values.Count; c++)
                {
                    figures[$"{name} {columns[c]}"] = values[c].GetDecimal();
                }
            }
        }

        return figures;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
