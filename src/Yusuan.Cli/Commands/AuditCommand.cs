using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Yusuan.Core.Findings;
using Yusuan.Formats.Audit;
using Yusuan.Formats.Json;
using Yusuan.Formats.Preview;

namespace Yusuan.Cli.Commands;

/// <summary>yusuan audit FILE…: extract published budgets and run the rule catalogue on them; one bad file never stops the batch.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "已公开的部门预算文件（PDF、XLSX、DOCX、HTML 或 TXT），可多个", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format("输出格式：text、json 或 html（审计报告，问题标注在所列数字旁）", "text", "json", "html");
        var output = new Option<string?>("--out") { Description = "输出目录：每个文件的 JSON、汇总 summary.csv 和 report.html" };
        var timeLimit = new Option<int>("--time-limit") { Description = "每个文件的读取时限（秒）：超时的文件记为无法审计，其余照常", DefaultValueFactory = _ => 120 };
        var common = new CommonOptions();
        var command = new Command("audit", "审计已公开的部门预算：提取目录、文字和表格，运行全部规则") { files, format, output, timeLimit };
        command.Options.Add(common.Region);
        command.SetAction(parse =>
        {
            var formatText = parse.GetValue(format);
            var seconds = parse.GetValue(timeLimit);
            if (seconds <= 0)
            {
                Console.Error.WriteLine($"命令行错误：--time-limit 应为正整数（秒），而不是“{seconds}”");
                return ExitCodes.InputUnusable;
            }

            var (catalogue, region, problems) = common.LoadSettings(parse);
            if (problems.Count > 0)
            {
                CommonOptions.ReportUnusable(problems, "未作审计");
                return ExitCodes.InputUnusable;
            }

            var paths = parse.GetValue(files)!;
            string[] workerOptions = parse.GetValue(common.Region) is { } regionFile ? ["--region", regionFile.FullName] : [];
            var results = Audit(paths, workerOptions, TimeSpan.FromSeconds(seconds), path => Auditor.Audit(path, catalogue, region));
            if (parse.GetValue(output) is { } dir)
            {
                WriteOutput(dir, results, region);
            }

            if (formatText == "html")
            {
                Console.Write(AuditReportWriter.Write(results));
            }
            else if (formatText == "json")
            {
                var documents = results.Select(r => new AuditDocument(r.Disclosure, r.Findings)).ToList();
                Console.WriteLine(documents.Count == 1
                    ? JsonSerializer.Serialize(documents[0], YusuanJson.Options)
                    : JsonSerializer.Serialize(documents, YusuanJson.Options));
            }
            else
            {
                foreach (var result in results)
                {
                    Console.WriteLine(result.Disclosure is { } read
                        ? $"== {result.File}：{KindOf(read)} {read.Department.Name} {read.FiscalYear}，提取表格 {read.Tables.Count} 张{TemplateOf(read, region) switch { { } t => $"，按{t}核对", _ => string.Empty }}"
                        : $"== {result.File}：无法读取");
                    CommonOptions.PrintFindings(result.Findings);
                }
            }

            return results.Any(r => r.Findings.Any(f => f.Severity == Severity.Error)) ? ExitCodes.ErrorFindings : ExitCodes.Done;
        });
        return command;
    }

    /// <summary>
    /// Audits the files in worker processes, one per core (<see cref="AuditWorkers"/>), reporting in the order given; one
    /// file's failure — even one that kills the process reading it — is its own finding, never the batch's. A file no worker
    /// could be started for is read here. A batch on a terminal shows a progress bar on standard error, never mixed into the
    /// output.
    /// </summary>
    private static List<AuditResult> Audit(string[] paths, IReadOnlyList<string> workerOptions, TimeSpan timeLimit, Func<string, AuditResult> audit)
    {
        var results = new AuditResult[paths.Length];
        void Each(Action done)
        {
            var read = AuditWorkers.Run(paths, workerOptions, Environment.ProcessorCount, timeLimit, done);
            for (var i = 0; i < paths.Length; i++)
            {
                if (read[i] is null)
                {
                    read[i] = Contained(paths[i], audit);
                    done();
                }

                results[i] = read[i]!;
            }
        }

        if (paths.Length < 2 || Console.IsErrorRedirected)
        {
            Each(() => { });
        }
        else
        {
            var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(Console.Error) });
            console.Progress().Start(context =>
            {
                var task = context.AddTask("审计", maxValue: paths.Length);
                Each(() => task.Increment(1));
            });
        }

        return [.. results];
    }

    /// <summary>
    /// The audit of one file, or, where reading it fails in a way no reader foresaw, an error finding that says so: the batch
    /// goes on with the other files and the report names this one.
    /// </summary>
    internal static AuditResult Contained(string path, Func<string, AuditResult> audit)
    {
        try
        {
            return audit(path);
        }
#pragma warning disable CA1031 // One document's unforeseen failure must not end the batch: it becomes that document's finding.
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return Failed(path, "读取时出现内部错误，未能审计（请报告此问题）");
        }
    }

    /// <summary>A document that could not be audited, as its one error finding: the file's name, then <paramref name="why"/>.</summary>
    internal static AuditResult Failed(string path, string why)
    {
        var file = Path.GetFileName(path);
        return new AuditResult(file, null, [new Finding("audit.document.failed", Severity.Error, "input", $"{file}：{why}", new Location { File = file })]);
    }

    /// <summary>The kind of document, and which attachment it is where it is one (部门预算（说明附件）).</summary>
    private static string? KindOf(Core.Disclosures.Disclosure? disclosure) =>
        disclosure?.Attachment is { } attachment ? $"{disclosure.Kind}（{attachment}附件）" : disclosure?.Kind;

    /// <summary>The template a document was judged against, as a reader names it, or null.</summary>
    /// <remarks>A region's own template (--region) is named by its title too.</remarks>
    private static string? TemplateOf(Core.Disclosures.Disclosure? disclosure, Core.Rules.RegionalProfile region) =>
        (region.Template is { } own && own.Name == disclosure?.Template ? own.Title : null) ?? TemplateLibrary.Find(disclosure?.Template)?.Title ?? disclosure?.Template;

    private sealed record AuditDocument(Core.Disclosures.Disclosure? Disclosure, IReadOnlyList<Finding> Findings);

    private static void WriteOutput(string dir, List<AuditResult> results, Core.Rules.RegionalProfile region)
    {
        Directory.CreateDirectory(dir);
        var summary = new StringBuilder("文件,类别,版式,部门,年度,表格,错误,警告,无法读取的原因\n");
        var taken = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var result in results)
        {
            // Two inputs of one name (a/预算.pdf, b/预算.pdf) get a report each: 预算.json, 预算-2.json, in the order given.
            var name = Path.GetFileNameWithoutExtension(result.File);
            var seen = taken[name] = taken.GetValueOrDefault(name) + 1;
            name = seen == 1 ? name : $"{name}-{seen}";
            File.WriteAllText(Path.Combine(dir, name + ".json"), JsonSerializer.Serialize(new AuditDocument(result.Disclosure, result.Findings), YusuanJson.Options), new UTF8Encoding(false));
            summary.Append(string.Join(",", new[]
            {
                result.File, KindOf(result.Disclosure) ?? string.Empty, TemplateOf(result.Disclosure, region) ?? string.Empty, result.Disclosure?.Department.Name ?? string.Empty,
                result.Disclosure?.FiscalYear.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                string.Join(" ", result.Disclosure?.Tables.Select(t => t.Id) ?? []),
                result.Findings.Count(f => f.Severity == Severity.Error).ToString(CultureInfo.InvariantCulture),
                result.Findings.Count(f => f.Severity == Severity.Warning).ToString(CultureInfo.InvariantCulture),
                result.Disclosure is null ? result.Findings.FirstOrDefault(f => f.Rule.StartsWith("audit.document.", StringComparison.Ordinal))?.Message ?? string.Empty : string.Empty,
            }.Select(TableCsvWriter.Field))).Append('\n');
        }

        File.WriteAllText(Path.Combine(dir, "summary.csv"), summary.ToString(), new UTF8Encoding(true));
        File.WriteAllText(Path.Combine(dir, "report.html"), AuditReportWriter.Write(results), new UTF8Encoding(false));
    }
}
