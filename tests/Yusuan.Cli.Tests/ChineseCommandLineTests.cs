namespace Yusuan.Cli.Tests;

/// <summary>The command line speaks Chinese: its help, its errors (the parsing library's included), and `yusuan` alone.</summary>
public class ChineseCommandLineTests
{
    [Theory]
    [InlineData]
    [InlineData("help")]
    [InlineData("--help")]
    public void Yusuan_alone_or_help_lists_the_commands_in_chinese(params string[] args)
    {
        var result = Yusuan.Run(args);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("说明：", result.Out, StringComparison.Ordinal);
        Assert.Contains("audit <FILE>", result.Out, StringComparison.Ordinal);
        Assert.Contains("显示帮助和用法", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Description", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Show help", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "build", "samples" }, "缺少必需的选项 --out")]
    [InlineData(new[] { "audit", "--time-limit", "abc", "x.pdf" }, "--time-limit 的值“abc”无法识别，应为整数")]
    [InlineData(new[] { "audit" }, "缺少所需参数")]
    [InlineData(new[] { "--bogus" }, "未识别命令或参数")]
    public void Errors_of_the_command_line_are_said_in_chinese(string[] args, string message)
    {
        var result = Yusuan.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{5,}", System.Text.RegularExpressions.Regex.Replace(result.Error, "yusuan|audit|build|time-limit|bogus|help|FILE", string.Empty));
    }

    [Fact]
    public void Two_inputs_of_one_name_get_a_report_each()
    {
        var seed = Path.Combine(Repository.Root, "tests", "fixtures", "seed-2023-sz-eeimc.txt");
        var folder = Path.Combine(Path.GetTempPath(), "yusuan-names-" + Guid.NewGuid().ToString("N"));
        foreach (var sub in new[] { "a", "b" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
            File.Copy(seed, Path.Combine(folder, sub, "预算.txt"));
        }

        var output = Path.Combine(folder, "out");
        Yusuan.Run("audit", Path.Combine(folder, "a", "预算.txt"), Path.Combine(folder, "b", "预算.txt"), "--out", output);
        Assert.Equal(["预算-2.json", "预算.json"], Directory.GetFiles(output, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
