using System.CommandLine;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Compile;
using Yusuan.Core.Findings;
using Yusuan.Core.Rounding;
using Yusuan.Formats.Datasets;
using Yusuan.Formats.Preview;
using Yusuan.Formats.Yaml;
using Yusuan.Core.Rules;

namespace Yusuan.Cli.Commands;

/// <summary>Options shared by the commands that compile a dataset: rounding and the classification lists.</summary>
internal sealed class CommonOptions
{
    /// <summary>
    /// An option that takes one of <paramref name="allowed"/> (--format, --rounding, --role), the first by default unless
    /// <paramref name="required"/>. Any other value is a command-line error before the command runs, said alike by every
    /// command: “--format 只能是 text 或 json，而不是“xml””.
    /// </summary>
    public static Option<string> OneOf(string name, string description, string[] allowed, bool required = false)
    {
        var option = new Option<string>(name) { Description = description, Required = required };
        if (!required)
        {
            option.DefaultValueFactory = _ => allowed[0];
        }

        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!allowed.Contains(value, StringComparer.Ordinal))
            {
                var listed = string.Join("、", allowed[..^1]) + " 或 " + allowed[^1];
                result.AddError($"{name} 只能是 {listed}，而不是“{value}”");
            }
        });
        return option;
    }

    /// <summary>The <c>--format</c> option: one of <paramref name="allowed"/>, the first by default (see <see cref="OneOf"/>).</summary>
    public static Option<string> Format(string description, params string[] allowed) => OneOf("--format", description, allowed);

    public Option<string> Rounding { get; } =
        OneOf("--rounding", "舍入方式：controlled（受控舍入，默认）或 independent（独立四舍五入）", ["controlled", "independent"]);

    public Option<FileInfo?> FunctionCodes { get; } = new("--function-codes") { Description = "补充或替换支出功能分类科目的 CSV（code,name）" };

    public Option<FileInfo?> EconomicCodes { get; } = new("--economic-codes") { Description = "补充或替换部门预算支出经济分类科目的 CSV（code,name）" };

    public Option<FileInfo?> GovernmentEconomicCodes { get; } = new("--government-economic-codes") { Description = "补充或替换政府预算支出经济分类科目的 CSV（code,name）" };

    public Option<bool> ReplaceCatalogue { get; } = new("--replace-catalogue") { Description = "用所给 CSV 替换（而不是补充）内置科目目录" };

    public Option<FileInfo?> Region { get; } = new("--region") { Description = "地区配置（YAML）：关闭或调整规则、指定文件模板，如 regions/shenzhen.yaml；审计时也可直接写内置模板名（shenzhen、standard、shanghai、beijing）" };

    public Option<string?> Previous { get; } = new("--previous")
    {
        Description = "上一版的输出目录（或其中的 rounding.json）：按上一版的受控舍入结果舍入，真实数值未变的数字保持上一版的印数",
    };

    public Option<string?> KeepRounding { get; } = new("--keep-rounding")
    {
        Description = "把舍入结果保存到此目录（每个部门一个 <部门编码>.rounding.json），下次用 --previous 同一目录按它舍入",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Rounding);
        command.Options.Add(FunctionCodes);
        command.Options.Add(EconomicCodes);
        command.Options.Add(GovernmentEconomicCodes);
        command.Options.Add(ReplaceCatalogue);
        command.Options.Add(Region);
    }

    /// <summary>The rounding mode asked for (--rounding takes no other value than these two).</summary>
    public RoundingMode RoundingMode(ParseResult parse) =>
        parse.GetValue(Rounding) == "independent" ? Core.Rounding.RoundingMode.Independent : Core.Rounding.RoundingMode.Controlled;

    /// <summary>Loads, compiles and checks a dataset, or prints why it cannot be used and returns the exit code.</summary>
    /// <param name="produce">Runs between compiling and checking (a build renders its documents there) and returns its own findings.</param>
    public (CompiledBudget? Compiled, IReadOnlyList<Finding> Findings, int ExitCode) Compile(ParseResult parse, string folder, Func<Dataset, CompiledBudget, IReadOnlyList<Finding>>? produce = null)
    {
        var rounding = RoundingMode(parse);
        var (catalogue, region, problems) = LoadSettings(parse);
        var (dataset, datasetProblems) = Dataset.Load(folder);
        problems.AddRange(datasetProblems);
        if (problems.Count > 0 || dataset is null)
        {
            ReportUnusable(problems, "未编制任何表格");
            return (null, [], ExitCodes.InputUnusable);
        }

        var (previous, previousProblems) = ReadPrevious(parse, dataset, rounding);
        if (previousProblems.Count > 0)
        {
            ReportUnusable(previousProblems, "未编制任何表格");
            return (null, [], ExitCodes.InputUnusable);
        }

        var compiled = dataset.Compile(catalogue, rounding, previous);
        var produced = produce?.Invoke(dataset, compiled) ?? [];
        return (compiled, dataset.Check(compiled, catalogue, region, produced), ExitCodes.Done);
    }

    /// <summary>
    /// The rounding --previous names (when the command has the option and it is given), or why it cannot be used: it must be
    /// readable, of the same department and fiscal year, and the rounding controlled.
    /// </summary>
    private (RoundingMemory? Memory, IReadOnlyList<InputProblem> Problems) ReadPrevious(ParseResult parse, Dataset dataset, RoundingMode rounding)
    {
        if (parse.GetResult(Previous) is null || parse.GetValue(Previous) is not { } path)
        {
            return (null, []);
        }

        if (rounding != Core.Rounding.RoundingMode.Controlled)
        {
            return (null, [new InputProblem(path, null, "--previous", "按上一版舍入只用于受控舍入（--rounding controlled）")]);
        }

        return ReadPrevious(path, dataset.Profile);
    }

    /// <summary>The rounding kept at <paramref name="path"/> (a file, or a folder: see RoundingFile.Read) for the budget of <paramref name="profile"/>, or why it cannot be used.</summary>
    public static (RoundingMemory? Memory, IReadOnlyList<InputProblem> Problems) ReadPrevious(string path, Core.Model.Profile profile)
    {
        var (code, year) = (profile.Department.Code, profile.FiscalYear);
        var (document, problems) = Formats.Json.RoundingFile.Read(path, code);
        if (document is null)
        {
            return (null, problems);
        }

        var (memory, mismatch) = document.MemoryFor(code, year);
        return mismatch is null ? (memory, []) : (null, [new InputProblem(path, null, "--previous", mismatch)]);
    }

    /// <summary>The classification catalogue (with any lists the user supplies) and the regional profile, or the problems reading them.</summary>
    public (ClassificationCatalogue Catalogue, RegionalProfile Region, List<InputProblem> Problems) LoadSettings(ParseResult parse)
    {
        var catalogue = ClassificationCatalogue.BuiltIn();
        var problems = new List<InputProblem>();
        foreach (var (option, kind) in new[]
                 {
                     (FunctionCodes, ClassificationKind.Function),
                     (EconomicCodes, ClassificationKind.DepartmentEconomic),
                     (GovernmentEconomicCodes, ClassificationKind.GovernmentEconomic),
                 })
        {
            if (parse.GetValue(option) is not { } file)
            {
                continue;
            }

            if (!file.Exists)
            {
                problems.Add(new InputProblem(file.Name, null, null, Core.Messages.FileMissing));
                continue;
            }

            var encoding = Formats.Text.TextDecoding.Detect(file.FullName);
            if (!encoding.Success)
            {
                problems.Add(new InputProblem(file.Name, null, null, encoding.Error!));
                continue;
            }

            using var reader = new StreamReader(file.FullName, encoding.Value);
            problems.AddRange(catalogue.Load(kind, reader, file.Name, parse.GetValue(ReplaceCatalogue)));
        }

        var region = RegionalProfile.None;
        if (parse.GetValue(Region) is { } regionFile && !regionFile.Exists && Formats.Audit.TemplateLibrary.Find(regionFile.Name) is { } builtIn)
        {
            // A built-in template's name (--region shanghai): documents are judged against it, whatever they show.
            region = new RegionalProfile { Name = builtIn.Title, Template = builtIn };
        }
        else if (parse.GetValue(Region) is { } file)
        {
            var read = YamlReader.ReadRegion(file.FullName);
            problems.AddRange(read.Problems);
            region = read.Value ?? region;
        }

        return (catalogue, region, problems);
    }

    public static void ReportUnusable(IReadOnlyList<InputProblem> problems, string consequence)
    {
        Console.Error.WriteLine($"输入无法使用（{problems.Count} 处问题），{consequence}：");
        foreach (var problem in problems)
        {
            Console.Error.WriteLine("  " + problem);
        }
    }

    public static void PrintFindings(IReadOnlyList<Finding> findings) => Console.Write(FindingsText(findings));

    /// <summary>The findings as the command line lists them, most severe first, one a line, then their counts.</summary>
    public static string FindingsText(IReadOnlyList<Finding> findings)
    {
        var text = new System.Text.StringBuilder();
        foreach (var f in findings.OrderByDescending(f => f.Severity))
        {
            text.AppendLine($"[{SeverityTitle(f.Severity)}] {f.Rule} {Formats.Ledger.LedgerColumn.Described(f.Location)}：{f.Message}");
        }

        return text.AppendLine(
            $"错误 {findings.Count(f => f.Severity == Severity.Error)} 条，警告 {findings.Count(f => f.Severity == Severity.Warning)} 条，提示 {findings.Count(f => f.Severity == Severity.Info)} 条。").ToString();
    }

    public static string SeverityTitle(Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "警告",
        _ => "提示",
    };

    public static int ExitCodeFor(IReadOnlyList<Finding> findings) =>
        findings.Any(f => f.Severity == Severity.Error) ? ExitCodes.ErrorFindings : ExitCodes.Done;
}
