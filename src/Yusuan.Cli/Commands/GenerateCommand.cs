using System.CommandLine;
using System.Globalization;
using Yusuan.Core.Catalogue;
using Yusuan.Formats.Generation;

namespace Yusuan.Cli.Commands;

/// <summary>yusuan generate --agencies N --lines M --seed S --out DIR: a city- or province-sized dataset for measuring, the same for the same seed.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var agencies = new Option<int>("--agencies") { Description = "预算单位数（分属若干部门，每个部门 1–8 个单位）", Required = true };
        var lines = new Option<long>("--lines") { Description = "预算明细行数", Required = true };
        var seed = new Option<int>("--seed") { Description = "随机种子：同一种子生成完全相同的数据", DefaultValueFactory = _ => 1 };
        var year = new Option<int>("--year") { Description = "预算年度", DefaultValueFactory = _ => 2023 };
        var output = new Option<string>("--out") { Description = "输出目录：ledger.csv 和 departments/*.yaml", Required = true };
        var command = new Command("generate", "生成城市或省级规模的模拟预算数据（用于性能测量）") { agencies, lines, seed, year, output };
        command.SetAction(parse =>
        {
            var (n, m, folder) = (parse.GetValue(agencies), parse.GetValue(lines), parse.GetValue(output)!);
            if (n < 1 || m < n)
            {
                Console.Error.WriteLine("命令行错误：--agencies 至少为 1，--lines 不少于单位数（每个单位至少一行）");
                return ExitCodes.InputUnusable;
            }

            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Console.Error.WriteLine($"命令行错误：输出目录“{folder}”不是空的");
                return ExitCodes.InputUnusable;
            }

            var made = DatasetGenerator.Write(new GeneratorSettings(n, m, parse.GetValue(seed), parse.GetValue(year)), folder, ClassificationCatalogue.BuiltIn());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已生成 {made.Departments} 个部门、{made.Agencies} 个单位、{made.Lines} 条预算明细（合计 {made.Total:#,##0.00} 元）：{Path.GetFullPath(folder)}"));
            return ExitCodes.Done;
        });
        return command;
    }
}
