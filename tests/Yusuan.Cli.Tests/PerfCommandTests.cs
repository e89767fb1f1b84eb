using System.Text.Json;

namespace Yusuan.Cli.Tests;

public class PerfCommandTests
{
    private static string Actuals(string file) => Path.Combine(Repository.Sample, file);

    [Fact]
    public void Evaluate_prints_total_grade_and_reasoning_for_every_indicator()
    {
        var result = Yusuan.Run("perf", "evaluate", Repository.Sample, "--actuals", Actuals("actuals-yearend.csv"), "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var total = json.RootElement.GetProperty("total").GetDecimal();
        Assert.InRange(total, 0m, 100m);
        Assert.Equal("优", json.RootElement.GetProperty("grade").GetString());
        var indicators = json.RootElement.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(29, indicators.Count);
        Assert.All(indicators, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("reasoning").GetString())));

        var output = Path.Combine(Path.GetTempPath(), "yusuan-perf-" + Guid.NewGuid().ToString("N"));
        var text = Yusuan.Run("perf", "evaluate", Repository.Sample, "--actuals", Actuals("actuals-yearend.csv"), "--out", output);
        Assert.Contains($"绩效自评：总分 {total:0.##}，等级 优", text.Out, StringComparison.Ordinal);

        // The report in the publishing formats: its PDF states the total and the grade.
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(output, "report.pdf"));
        var pdfText = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains($"自评总分{total:0.##}分，等级：优", pdfText.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("绩效自评评分表", File.ReadAllText(Path.Combine(output, "report.html")), StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(output, "report.xlsx")).Length > 5_000);
        Assert.Equal(total, JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json"))).RootElement.GetProperty("total").GetDecimal());
    }

    [Fact]
    public void A_region_scoring_scheme_changes_the_weights()
    {
        var scoring = Path.Combine(Path.GetTempPath(), "scoring-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(scoring, "schema: yusuan.scoring/1\nexecution: 20\noutput: 40\neffect: 30\nsatisfaction: 10\nweights:\n  完成评审并出具评审意见的项目数量: 12\n");
        var result = Yusuan.Run("perf", "evaluate", Repository.Sample, "--actuals", Actuals("actuals-yearend.csv"), "--scoring", scoring);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("20 × 95.48% = 19.1 分", result.Out, StringComparison.Ordinal);
        Assert.Contains("8/12  产出指标·完成评审并出具评审意见的项目数量", result.Out, StringComparison.Ordinal);

        File.WriteAllText(scoring, "execution: 20\noutput: 50\neffect: 30\nsatisfaction: 10\n");
        var bad = Yusuan.Run("perf", "evaluate", Repository.Sample, "--actuals", Actuals("actuals-yearend.csv"), "--scoring", scoring);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("合计应为 100 分，现为 110", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Monitor_lists_the_indicators_behind_schedule()
    {
        var result = Yusuan.Run("perf", "monitor", Repository.Sample, "--actuals", Actuals("actuals-midyear.csv"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("截至 2023-08-31", result.Out, StringComparison.Ordinal);
        Assert.Contains("【预警】进度滞后  公益宣传活动次数", result.Out, StringComparison.Ordinal);
        Assert.Contains("落后时间进度超过 10 个百分点【预警】", result.Out, StringComparison.Ordinal);

        var output = Path.Combine(Path.GetTempPath(), "yusuan-monitor-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, Yusuan.Run("perf", "monitor", Repository.Sample, "--actuals", Actuals("actuals-midyear.csv"), "--out", output).ExitCode);
        Assert.Contains("进度滞后", File.ReadAllText(Path.Combine(output, "report.html")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "report.pdf")));
    }

    [Fact]
    public void Bad_target_stops_with_the_indicator_and_the_text()
    {
        var dataset = Yusuan.CopyOfSample();
        var performance = Path.Combine(dataset, "performance.yaml");
        File.WriteAllText(performance, File.ReadAllText(performance).Replace("target: \"≥1000 次\"", "target: \"约一千次左右5\"", StringComparison.Ordinal));
        var result = Yusuan.Run("perf", "check", dataset);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("指标“宣传报道次数”：无法识别目标值“约一千次左右5”", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Actuals_naming_an_unknown_indicator_exit_2_with_the_row()
    {
        var path = Path.Combine(Path.GetTempPath(), "actuals-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "indicator,actual,as_of\n不存在的指标,5 次,2023-08-31\n");
        var result = Yusuan.Run("perf", "monitor", Repository.Sample, "--actuals", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("第 2 行 列“indicator”：绩效目标中没有指标“不存在的指标”", result.Error, StringComparison.Ordinal);
    }
}
