using System.CommandLine;
using Yusuan.Core.Findings;
using Yusuan.Core.Rules;
using Yusuan.Formats.Json;

namespace Yusuan.Cli.Commands;

/// <summary>yusuan check DATASET: check the input and the catalogue codes, compile, and report findings.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("DATASET") { Description = "数据集目录，或 disclosure.json 文件" };
        var format = new Option<string>("--format") { Description = "输出格式：text 或 json", DefaultValueFactory = _ => "text" };
        var common = new CommonOptions();
        var command = new Command("check", "检查数据集（编制后检查）或任一 disclosure.json，列出规则发现的问题") { dataset, format };
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
            IReadOnlyList<Finding> findings;
            if (File.Exists(path))
            {
                var (catalogue, region, problems) = common.LoadSettings(parse);
                var read = DisclosureFile.Read(path);
                problems.AddRange(read.Problems);
                if (problems.Count > 0 || read.Disclosure is null)
                {
                    CommonOptions.ReportUnusable(problems, "未作检查");
                    return ExitCodes.InputUnusable;
                }

                findings = RuleEngine.Run(new RuleContext(read.Disclosure, catalogue), region);
            }
            else
            {
                var (compiled, found, exit) = common.Compile(parse, path);
                if (compiled is null)
                {
                    return exit;
                }

                findings = found;
            }

            if (formatText == "json")
            {
                Console.WriteLine(YusuanJson.Serialize(findings));
            }
            else
            {
                CommonOptions.PrintFindings(findings);
            }

            return CommonOptions.ExitCodeFor(findings);
        });
        return command;
    }
}
