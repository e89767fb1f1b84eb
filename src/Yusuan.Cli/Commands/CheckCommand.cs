using System.CommandLine;
using Yusuan.Formats.Json;

namespace Yusuan.Cli.Commands;

/// <summary>yusuan check DATASET: check the input and the catalogue codes, compile, and report findings.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("DATASET") { Description = "数据集目录" };
        var format = new Option<string>("--format") { Description = "输出格式：text 或 json", DefaultValueFactory = _ => "text" };
        var common = new CommonOptions();
        var command = new Command("check", "检查数据集：输入、科目编码与编制结果") { dataset, format };
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var formatText = parse.GetValue(format);
            if (formatText is not ("text" or "json"))
            {
                Console.Error.WriteLine($"命令行错误：--format 只能是 text 或 json，而不是“{formatText}”");
                return ExitCodes.InputUnusable;
            }

            var path = parse.GetValue(dataset)!;
            if (File.Exists(path) && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine("暂不支持：检查 disclosure.json 需要规则引擎（issue 3）。请传入数据集目录。");
                return ExitCodes.InputUnusable;
            }

            var (compiled, exit) = common.Compile(parse, path);
            if (compiled is null)
            {
                return exit;
            }

            if (formatText == "json")
            {
                Console.WriteLine(YusuanJson.Serialize(compiled.Findings));
            }
            else
            {
                CommonOptions.PrintFindings(compiled.Findings);
            }

            return CommonOptions.ExitCodeFor(compiled.Findings);
        });
        return command;
    }
}
