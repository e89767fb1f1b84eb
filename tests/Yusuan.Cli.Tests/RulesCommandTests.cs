using System.Text.Json;

namespace Yusuan.Cli.Tests;

public class RulesCommandTests
{
    [Fact]
    public void Rules_lists_the_catalogue_as_json()
    {
        var result = Yusuan.Run("rules", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var rules = json.RootElement.EnumerateArray().ToList();
        Assert.True(rules.Count > 80);
        var rule = rules.Single(r => r.GetProperty("id").GetString() == "T03.sum.columns");
        Assert.Equal("error", rule.GetProperty("severity").GetString());
        Assert.Equal("arithmetic", rule.GetProperty("category").GetString());
        Assert.Equal("支出总计 = 基本支出 + 项目支出", rule.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(rule.GetProperty("policy").GetString()));
    }

    [Fact]
    public void Rules_lists_the_catalogue_as_text()
    {
        var result = Yusuan.Run("rules");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("text.reasons.sum", result.Out, StringComparison.Ordinal);
        Assert.Contains("条规则。", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Docs_rules_md_is_generated_from_the_catalogue()
    {
        // Regenerate deliberately with: dotnet run --project src/Yusuan.Cli -- rules --format markdown > docs/rules.md
        var generated = Yusuan.Run("rules", "--format", "markdown").Out;
        var committed = File.ReadAllText(Path.Combine(Repository.Root, "docs", "rules.md"));
        Assert.True(generated == committed, "docs/rules.md is out of date: run `dotnet run --project src/Yusuan.Cli -- rules --format markdown > docs/rules.md`");
    }
}
