using System.CommandLine;
using Yusuan.Core.Findings;
using Yusuan.Core.Rules;
using Yusuan.Formats.Datasets;
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
        command.Options.Add(common.Previous);
        command.SetAction(parse =>
        {
            var formatText = parse.GetValue(format);
            if (formatText is not ("text" or "json"))
            {
                Console.Error.WriteLine($"命令行错误：--format 只能是 text 或 json，而不是“{formatText}”");
                return ExitCodes.InputUnusable;
            }

            var path = parse.GetValue(dataset)!;
            if (parse.GetValue(common.Previous) is not null && (File.Exists(path) || (Directory.Exists(path) && DepartmentSet.IsOne(path))))
            {
                Console.Error.WriteLine("命令行错误：--previous 只用于一个部门的数据集目录，不用于 disclosure.json 或多个部门的数据集");
                return ExitCodes.InputUnusable;
            }

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

                // A disclosure.json an audit wrote names the template it was judged against; Yusuan's own follow the seed's.
                var template = region.Template ?? Formats.Audit.TemplateLibrary.Find(read.Disclosure.Template) ?? Core.Tables.DocumentTemplates.Shenzhen;
                findings = RuleEngine.Run(new RuleContext(read.Disclosure, catalogue) { Template = template }, region);
            }
            else if (Directory.Exists(path) && DepartmentSet.IsOne(path))
            {
                return CheckMany(parse, common, path, formatText == "json");
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

    /// <summary>
    /// A folder of many departments: each department's findings under its heading (text), or a JSON array of departments with
    /// their findings, written as each department is done; then the totals. Exit 1 when any department has an error.
    /// </summary>
    private static int CheckMany(ParseResult parse, CommonOptions common, string folder, bool json)
    {
        if (common.RoundingMode(parse) is not { } rounding)
        {
            return ExitCodes.InputUnusable;
        }

        var (catalogue, region, problems) = common.LoadSettings(parse);
        var (set, setProblems) = problems.Count > 0 ? (null, []) : DepartmentSet.Load(folder);
        problems.AddRange(setProblems);
        if (problems.Count > 0 || set is null)
        {
            CommonOptions.ReportUnusable(problems, "未编制任何表格");
            return ExitCodes.InputUnusable;
        }

        var counts = new int[3];
        var departments = 0;
        Console.Write(json ? "[" : string.Empty);
        foreach (var result in set.CompileEach(catalogue, rounding, region))
        {
            foreach (var finding in result.Findings)
            {
                counts[(int)finding.Severity]++;
            }

            var department = result.Profile.Department;
            if (json)
            {
                Console.Write((departments > 0 ? ",\n" : "\n") + System.Text.Json.JsonSerializer.Serialize(new { department = department.Code, name = department.Name, lines = result.Compiled.LineCount, findings = result.Findings }, YusuanJson.Options));
            }
            else if (result.Findings.Count > 0)
            {
                Console.WriteLine($"== {department.Code} {department.Name}（{result.Compiled.LineCount} 条明细）");
                CommonOptions.PrintFindings(result.Findings);
            }

            departments++;
        }

        Console.WriteLine(json ? "\n]" : string.Empty);
        var summary = $"{departments} 个部门，{set.LineCount} 条预算明细：错误 {counts[(int)Severity.Error]} 条，警告 {counts[(int)Severity.Warning]} 条，提示 {counts[(int)Severity.Info]} 条。";
        (json ? Console.Error : Console.Out).WriteLine(summary);
        return counts[(int)Severity.Error] > 0 ? ExitCodes.ErrorFindings : ExitCodes.Done;
    }
}
