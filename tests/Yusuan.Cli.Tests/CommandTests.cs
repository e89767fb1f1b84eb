using System.Text;
using System.Text.Json;

namespace Yusuan.Cli.Tests;

/// <summary>The `yusuan` command as a new user runs it: outputs, messages and exit codes (0 done, 1 error findings, 2 unusable input).</summary>
public class CommandTests
{
    [Fact]
    public void Build_writes_disclosure_findings_table_csvs_and_preview()
    {
        var output = Path.Combine(Path.GetTempPath(), "yusuan-out-" + Guid.NewGuid().ToString("N"));
        var result = Yusuan.Run("build", Repository.Sample, "--out", output);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("51 条预算明细，12 张表（万元，受控舍入）", result.Out, StringComparison.Ordinal);
        Assert.Contains("disclosure.html、.pdf、.xlsx、.docx", result.Out, StringComparison.Ordinal);

        using var disclosure = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "disclosure.json")));
        Assert.Equal("yusuan.disclosure/1", disclosure.RootElement.GetProperty("schema").GetString());
        Assert.Equal(12, disclosure.RootElement.GetProperty("tables").GetArrayLength());
        using var findings = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "findings.json")));
        Assert.Equal("yusuan.findings/1", findings.RootElement.GetProperty("schema").GetString());
        for (var i = 1; i <= 12; i++)
        {
            Assert.True(File.Exists(Path.Combine(output, "tables", $"T{i:00}.csv")));
        }

        var html = File.ReadAllText(Path.Combine(output, "disclosure.html"));
        Assert.Contains("<caption class=\"sr\">支出总表", html, StringComparison.Ordinal);
        Assert.Contains("7,656", html, StringComparison.Ordinal);
        foreach (var file in new[] { "disclosure.pdf", "disclosure.xlsx", "disclosure.docx" })
        {
            Assert.True(new FileInfo(Path.Combine(output, file)).Length > 10_000, file);
        }

        Assert.StartsWith("%PDF-", File.ReadAllText(Path.Combine(output, "disclosure.pdf"), System.Text.Encoding.Latin1), StringComparison.Ordinal);
        Assert.DoesNotContain("render.", File.ReadAllText(Path.Combine(output, "findings.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_with_independent_rounding_prints_the_seed_figures_in_its_csv()
    {
        var output = Path.Combine(Path.GetTempPath(), "yusuan-out-" + Guid.NewGuid().ToString("N"));
        var result = Yusuan.Run("build", Repository.Sample, "--out", output, "--rounding", "independent");
        Assert.Equal(0, result.ExitCode);
        var t03 = File.ReadAllLines(Path.Combine(output, "tables", "T03.csv"), Encoding.UTF8);
        Assert.Contains(",,211,节能环保支出,7074,1219,5854,2853,1130,0", t03);
        Assert.Contains(",深圳市生态环境智能管控中心,,深圳市生态环境智能管控中心,7656,1802,5854,2853,1130,0", t03);
    }

    [Fact]
    public void Check_of_the_sample_exits_0_with_only_the_seed_own_warnings()
    {
        var result = Yusuan.Run("check", Repository.Sample, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["X.T12-supervisor", "performance.target.measurable", "text.reasons.sum"], findings.Select(f => f.GetProperty("rule").GetString()).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal("warning", f.GetProperty("severity").GetString()));

        var text = Yusuan.Run("check", Repository.Sample);
        Assert.Contains("[警告] text.reasons.sum 第二部分 第 3 句：", text.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2119988", "catalogue.function.unknown", "功能分类科目“2119988”不在科目目录中")]
    [InlineData("21101", "catalogue.function.level", "不是“项”级（7 位）科目")]
    public void Code_faults_exit_1_naming_row_and_column(string code, string rule, string message)
    {
        var dataset = Yusuan.CopyOfSample();
        var ledger = Path.Combine(dataset, "ledger.csv");
        var lines = File.ReadAllLines(ledger).ToList();
        Assert.Contains(",2111101,", lines[6], StringComparison.Ordinal);
        lines[6] = lines[6].Replace(",2111101,", $",{code},", StringComparison.Ordinal);
        File.WriteAllLines(ledger, lines);

        var result = Yusuan.Run("check", dataset);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"[错误] {rule} ledger.csv 第 7 行 列 功能科目编码：", result.Out, StringComparison.Ordinal);
        Assert.Contains(message, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Economic_code_at_the_wrong_level_exits_1()
    {
        var dataset = Yusuan.CopyOfSample();
        var ledger = Path.Combine(dataset, "ledger.csv");
        var lines = File.ReadAllLines(ledger).ToList();
        lines[1] = lines[1].Replace(",30108,", ",301,", StringComparison.Ordinal);
        File.WriteAllLines(ledger, lines);

        var result = Yusuan.Run("check", dataset, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "catalogue.economic.level");
        Assert.Equal("catalogue.economic.level", finding.GetProperty("rule").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal(2, finding.GetProperty("location").GetProperty("row").GetInt32());
        Assert.Equal("dep_bgt_eco_code", finding.GetProperty("location").GetProperty("column").GetString());
    }

    [Theory]
    [InlineData("malformed amount", "ledger.csv 第 3 行 列“amount”：金额“12万”不是数字")]
    [InlineData("missing column", "ledger.csv 第 1 行 列“amount”：缺少必需的列")]
    [InlineData("duplicated column", "ledger.csv 第 1 行 列“金额”：列“金额”重复")]
    [InlineData("empty file", "ledger.csv：文件为空")]
    [InlineData("non-UTF-8 text", "ledger.csv 第 2 行：文件既不是 UTF-8 也不是 GB18030 编码")]
    [InlineData("not a workbook", "ledger.xlsx：不是有效的 XLSX 工作簿")]
    [InlineData("bad profile", "profile.yaml 第 2 行")]
    public void Unusable_input_exits_2_naming_file_row_and_column(string spoil, string message)
    {
        var dataset = Yusuan.CopyOfSample();
        var ledger = Path.Combine(dataset, "ledger.csv");
        var lines = File.ReadAllLines(ledger).ToList();
        switch (spoil)
        {
            case "malformed amount":
                lines[2] = lines[2].Replace(",468000.00,", ",12万,", StringComparison.Ordinal);
                File.WriteAllLines(ledger, lines);
                break;
            case "missing column":
                File.WriteAllLines(ledger, lines.Select(l => string.Join(",", l.Split(',').Where((_, i) => i != 11))));
                break;
            case "duplicated column":
                File.WriteAllLines(ledger, lines.Select((l, i) => l + (i == 0 ? ",金额" : ",1")));
                break;
            case "empty file":
                File.WriteAllText(ledger, string.Empty);
                break;
            case "non-UTF-8 text":
                File.WriteAllBytes(ledger, Encoding.UTF8.GetBytes(lines[0] + "\n").Concat(new byte[] { 0xFF, 0x80, 0xFF, 0x0A }).ToArray());
                break;
            case "not a workbook":
                File.Move(ledger, Path.Combine(dataset, "ledger.xlsx"));
                break;
            case "bad profile":
                File.WriteAllText(Path.Combine(dataset, "profile.yaml"), "fiscalYear: 2023\ndepartment: [unclosed\n");
                break;
        }

        var output = Path.Combine(dataset, "out");
        var result = Yusuan.Run("build", dataset, "--out", output);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Out}{result.Error}");
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("未编制任何表格", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "a bad dataset must write nothing");
    }

    [Fact]
    public void Official_list_supplied_by_the_user_extends_the_catalogue()
    {
        var dataset = Yusuan.CopyOfSample();
        var ledger = Path.Combine(dataset, "ledger.csv");
        var lines = File.ReadAllLines(ledger).ToList();
        lines[6] = lines[6].Replace(",2111101,", ",2111188,", StringComparison.Ordinal);
        File.WriteAllLines(ledger, lines);
        Assert.Equal(1, Yusuan.Run("check", dataset).ExitCode);

        var list = Path.Combine(dataset, "official.csv");
        File.WriteAllText(list, "# 2023 政府收支分类科目（测试用官方清单）\ncode,name\n2111188,测试科目\n");
        var result = Yusuan.Run("check", dataset, "--function-codes", list);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
    }

    /// <summary>
    /// A 表12 with no goals and no indicators yet says so in a sentence: its PDF holds no empty table, which an audit of
    /// Yusuan's own document would read as a thirteenth table without figures and report.
    /// </summary>
    [Fact]
    public void A_table_12_without_indicators_prints_a_sentence_and_its_pdf_audits_as_twelve_tables_without_a_finding_on_it()
    {
        var dataset = Yusuan.CopyOfSample();
        var performance = Path.Combine(dataset, "performance.yaml");
        var text = File.ReadAllText(performance);
        File.WriteAllText(performance, text[..text.IndexOf("\ngoals:", StringComparison.Ordinal)] + "\n");
        var output = Path.Combine(Path.GetTempPath(), "yusuan-out-" + Guid.NewGuid().ToString("N"));
        Assert.NotEqual(2, Yusuan.Run("build", dataset, "--out", output).ExitCode);
        Assert.Contains("未填写年度绩效指标。", File.ReadAllText(Path.Combine(output, "disclosure.html")), StringComparison.Ordinal);

        var audit = Yusuan.Run("audit", Path.Combine(output, "disclosure.pdf"));
        Assert.Contains("提取表格 12 张", audit.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("年度绩效指标”没有数据", audit.Out, StringComparison.Ordinal);
        Assert.Contains("错误 0 条", audit.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_option_value_exits_2()
    {
        var result = Yusuan.Run("build", Repository.Sample, "--out", Path.GetTempPath(), "--rounding", "bankers");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--rounding 只能是 controlled 或 independent", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "text 或 json")]
    [InlineData("audit", "text、json 或 html")]
    [InlineData("rules", "text、json 或 markdown")]
    [InlineData("perf monitor", "text 或 json")]
    [InlineData("perf evaluate", "text 或 json")]
    public void A_format_no_command_writes_is_refused_before_it_runs(string command, string allowed)
    {
        // Refused by the option itself, before the command reads anything: perf once took any value and printed text.
        string[] arguments = command switch
        {
            "rules" => ["rules"],
            "perf monitor" or "perf evaluate" => [.. command.Split(' '), Repository.Sample, "--actuals", Path.Combine(Repository.Sample, "actuals-midyear.csv")],
            _ => [command, Repository.Sample],
        };
        var result = Yusuan.Run([.. arguments, "--format", "xml"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"命令行错误：--format 只能是 {allowed}，而不是“xml”", result.Error.Trim());
        Assert.Equal(string.Empty, result.Out.Trim());
    }
}
