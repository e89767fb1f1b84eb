using System.CommandLine;
using Spectre.Console;
using Yusuan.Core.Findings;
using Yusuan.Core.Rounding;
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
        var format = CommonOptions.Format("输出格式：text 或 json", "text", "json");
        var common = new CommonOptions();
        var command = new Command("check", "检查数据集（编制后检查）或任一 disclosure.json，列出规则发现的问题") { dataset, format };
        common.AddTo(command);
        command.Options.Add(common.Previous);
        command.Options.Add(common.KeepRounding);
        command.SetAction(parse =>
        {
            var formatText = parse.GetValue(format);
            var path = parse.GetValue(dataset)!;
            if ((parse.GetValue(common.Previous) ?? parse.GetValue(common.KeepRounding)) is not null && File.Exists(path))
            {
                Console.Error.WriteLine("命令行错误：--previous 和 --keep-rounding 用于编制数据集，不用于检查 disclosure.json");
                return ExitCodes.InputUnusable;
            }

            if (parse.GetValue(common.KeepRounding) is not null && parse.GetValue(common.Rounding) != "controlled")
            {
                Console.Error.WriteLine("命令行错误：--keep-rounding 保存的是受控舍入的结果，只用于受控舍入（--rounding controlled）");
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

                if (Keep(parse.GetValue(common.KeepRounding), compiled) is { } notKept)
                {
                    Console.Error.WriteLine($"舍入结果未保存：{notKept}");
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
    /// Saves how a budget was rounded into <paramref name="folder"/> (--keep-rounding) as its department's file, when asked;
    /// returns why it could not be saved, if so (a department code that is no plain file name, a folder that cannot be written).
    /// </summary>
    private static InputProblem? Keep(string? folder, Core.Compile.CompiledBudget compiled)
    {
        if (folder is null || compiled.Rounding.Count == 0)
        {
            return null;
        }

        var department = compiled.Disclosure.Department.Code;
        return RoundingFile.KeptFile(folder, department) is { } file
            ? RoundingFile.Write(file, compiled.Rounding, department, compiled.Disclosure.FiscalYear)
            : new InputProblem(department, null, "department", Core.Messages.DepartmentCodeNotAFileName);
    }

    /// <summary>
    /// A folder of many departments: each department's findings under its heading (text), or a JSON array of departments with
    /// their findings; then the totals. Exit 1 when any department has an error. The ledger is read once — checked, compiled and
    /// each department judged in the same read — and what it produced is kept only if the whole ledger passed: the findings are
    /// held in a temporary file and written out at the end, the roundings (--keep-rounding) staged beside the folder's files and
    /// put in place at the end; a ledger with a problem anywhere gives its problems and nothing else.
    /// </summary>
    private static int CheckMany(ParseResult parse, CommonOptions common, string folder, bool json)
    {
        var rounding = common.RoundingMode(parse);
        var (catalogue, region, problems) = common.LoadSettings(parse);
        var (set, setProblems) = problems.Count > 0 ? (null, []) : DepartmentSet.Load(folder);
        problems.AddRange(setProblems);
        if (problems.Count > 0 || set is null)
        {
            CommonOptions.ReportUnusable(problems, "未编制任何表格");
            return ExitCodes.InputUnusable;
        }

        // Each department's last rounding (--previous DIR: DIR/<code>.rounding.json where there is one), read as the department
        // is compiled so that only the departments at work are held; a file that cannot be used is named afterwards and its
        // department rounded afresh — it costs the stability of that department's figures, never the check.
        var previousFolder = parse.GetValue(common.Previous);
        if (previousFolder is not null && (rounding != RoundingMode.Controlled || !Directory.Exists(previousFolder)))
        {
            Console.Error.WriteLine(rounding != RoundingMode.Controlled ? "命令行错误：按上一版舍入只用于受控舍入（--rounding controlled）" : $"命令行错误：--previous 的目录 {previousFolder} 不存在");
            return ExitCodes.InputUnusable;
        }

        var unusable = new System.Collections.Concurrent.ConcurrentQueue<InputProblem>();
        RoundingMemory? Previous(Core.Model.Profile profile)
        {
            if (previousFolder is null || RoundingFile.KeptFile(previousFolder, profile.Department.Code) is not { } file || !File.Exists(file))
            {
                return null;
            }

            var (memory, memoryProblems) = CommonOptions.ReadPrevious(previousFolder, profile);
            foreach (var problem in memoryProblems)
            {
                unusable.Enqueue(problem);
            }

            return memory;
        }

        var keep = parse.GetValue(common.KeepRounding);
        var staged = keep is null ? null : Path.Combine(keep, ".yusuan-staged-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var held = Path.GetTempFileName();
        try
        {
            var run = new ManyDepartments(held, staged, json);
            var check = DepartmentProgress.Run(set.DepartmentCount, advance => set.CompileEach(
                catalogue,
                rounding,
                run.Shape,
                department =>
                {
                    run.Add(department);
                    advance(run.Departments);
                },
                () =>
                {
                    run.StartOver();
                    advance(0);
                },
                region,
                previous: Previous));
            run.Close();
            if (check.Problems.Count > 0)
            {
                CommonOptions.ReportUnusable(check.Problems, "未作检查");
                return ExitCodes.InputUnusable;
            }

            using (var findings = File.OpenRead(held))
            using (var stdout = Console.OpenStandardOutput())
            {
                Console.Out.Flush();
                findings.CopyTo(stdout);
            }

            Console.WriteLine(json ? "\n]" : string.Empty);
            // (Distinct: a ledger read twice, being interleaved, reads an unusable file twice.)
            foreach (var problem in unusable.Distinct().OrderBy(p => p.File, StringComparer.Ordinal))
            {
                Console.Error.WriteLine($"上一版的舍入结果无法使用，该部门已重新舍入：{problem}");
            }

            foreach (var problem in run.Unkept)
            {
                Console.Error.WriteLine($"舍入结果未保存：{problem}");
            }

            if (keep is not null)
            {
                var (kept, failed) = run.PutKeptInPlace(keep);
                if (failed is not null)
                {
                    Console.Error.WriteLine($"舍入结果未保存：{failed}");
                }

                Console.Error.WriteLine($"已把 {kept} 个部门的舍入结果保存到 {keep}，下次检查加 --previous {keep} 按它舍入");
            }

            var counts = run.Counts;
            var summary = $"{run.Departments} 个部门，{check.Lines} 条预算明细：错误 {counts[(int)Severity.Error]} 条，警告 {counts[(int)Severity.Warning]} 条，提示 {counts[(int)Severity.Info]} 条。";
            (json ? Console.Error : Console.Out).WriteLine(summary);
            return counts[(int)Severity.Error] > 0 ? ExitCodes.ErrorFindings : ExitCodes.Done;
        }
        finally
        {
            File.Delete(held);
            if (staged is not null && Directory.Exists(staged))
            {
                Directory.Delete(staged, recursive: true);
            }
        }
    }

    /// <summary>
    /// What a check of many departments has produced so far, held until the ledger is known to pass: each department's findings
    /// (text or JSON) in a temporary file, their counts, and the roundings to keep in a staging folder.
    /// </summary>
    private sealed class ManyDepartments(string held, string? staged, bool json)
    {
        /// <summary>What one department adds: its findings as written out (null for none, as text), their count by severity, and why its rounding could not be kept.</summary>
        public sealed record Checked(string? Text, int[] Counts, InputProblem? NotKept);

        private StreamWriter output = Open(held);

        public int Departments { get; private set; }

        public int[] Counts { get; private set; } = new int[3];

        public List<InputProblem> Unkept { get; } = [];

        /// <summary>
        /// On the core that compiled the department: its findings counted and written out as text or JSON, and its rounding
        /// staged (--keep-rounding), so that only this much waits to be added in order.
        /// </summary>
        public Checked Shape(DepartmentResult result)
        {
            var counts = new int[3];
            foreach (var finding in result.Findings)
            {
                counts[(int)finding.Severity]++;
            }

            var department = result.Profile.Department;
            var text = json
                ? System.Text.Json.JsonSerializer.Serialize(new { department = department.Code, name = department.Name, lines = result.Compiled.LineCount, findings = result.Findings }, YusuanJson.Options)
                : result.Findings.Count > 0
                    ? $"== {department.Code} {department.Name}（{result.Compiled.LineCount} 条明细）\n" + CommonOptions.FindingsText(result.Findings)
                    : null;
            return new Checked(text, counts, staged is null ? null : Keep(staged, result.Compiled));
        }

        /// <summary>A department's part of the output, in ledger order.</summary>
        public void Add(Checked department)
        {
            for (var s = 0; s < Counts.Length; s++)
            {
                Counts[s] += department.Counts[s];
            }

            if (department.Text is { } text)
            {
                output.Write((json ? (Departments > 0 ? ",\n" : "[\n") : string.Empty) + text);
            }

            if (department.NotKept is { } notKept)
            {
                Unkept.Add(notKept);
            }

            Departments++;
        }

        /// <summary>Everything so far is void: the ledger's departments come again (it is not grouped by department).</summary>
        public void StartOver()
        {
            output.Dispose();
            output = Open(held);
            (Departments, Counts) = (0, new int[3]);
            Unkept.Clear();
            if (staged is not null && Directory.Exists(staged))
            {
                Directory.Delete(staged, recursive: true);
            }
        }

        public void Close()
        {
            if (json && Departments == 0)
            {
                output.Write("[");
            }

            output.Dispose();
        }

        /// <summary>Moves the staged roundings into <paramref name="keep"/>; returns how many, and the problem that stopped it, if one did.</summary>
        public (int Kept, InputProblem? Failed) PutKeptInPlace(string keep)
        {
            if (staged is null || !Directory.Exists(staged))
            {
                return (0, null);
            }

            var kept = 0;
            foreach (var file in Directory.GetFiles(staged).Order(StringComparer.Ordinal))
            {
                var target = Path.Combine(keep, Path.GetFileName(file));
                try
                {
                    File.Move(file, target, overwrite: true);
                    kept++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return (kept, new InputProblem(target, null, null, Core.Messages.RoundingNotWritten));
                }
            }

            return (kept, null);
        }

        private static StreamWriter Open(string path) => new(path, append: false, new System.Text.UTF8Encoding(false));
    }
}

/// <summary>
/// How far a check of many departments has got, on standard error: a live bar in a terminal (Spectre.Console: departments
/// checked out of all, time left), and where standard error is a file or a pipe a line at every tenth of the departments.
/// </summary>
internal static class DepartmentProgress
{
    /// <param name="total">How many departments there are.</param>
    /// <param name="body">The check, given how to say how many departments are done (0 again when it starts over).</param>
    public static T Run<T>(int total, Func<Action<int>, T> body)
    {
        if (Console.IsErrorRedirected)
        {
            var step = Math.Max(1, total / 10);
            return body(done =>
            {
                if (done > 0 && (done % step == 0 || done == total))
                {
                    Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"已检查 {done:N0} / {total:N0} 个部门（{done * 100 / Math.Max(1, total)}%）"));
                }
            });
        }

        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .Columns(new Spectre.Console.TaskDescriptionColumn(), new Spectre.Console.ProgressBarColumn(), new Spectre.Console.PercentageColumn(), new Spectre.Console.RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"检查 {total:N0} 个部门", maxValue: Math.Max(1, total));
                return body(done => task.Value = done);
            });
    }
}
