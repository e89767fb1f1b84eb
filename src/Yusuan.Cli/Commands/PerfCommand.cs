using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Findings;
using Yusuan.Core.Performance;
using Yusuan.Core.Rounding;
using Yusuan.Formats.Datasets;
using Yusuan.Formats.Json;
using Yusuan.Formats.Performance;
using Yusuan.Publishing;

namespace Yusuan.Cli.Commands;

/// <summary>yusuan perf check|monitor|evaluate: performance targets, mid-year monitoring and year-end self-evaluation.</summary>
internal static class PerfCommand
{
    public static Command Create()
    {
        var perf = new Command("perf", "绩效管理：检查目标值、绩效监控、绩效自评");
        perf.Subcommands.Add(Check());
        perf.Subcommands.Add(Monitor());
        perf.Subcommands.Add(Evaluate());
        return perf;
    }

    private static Argument<string> DatasetArgument() => new("DATASET") { Description = "数据集目录（含 performance.yaml）" };

    private static Option<string> Format() => CommonOptions.Format("输出格式：text 或 json", "text", "json");

    /// <summary>Writes a report: with --out as HTML, PDF, XLSX and JSON files; on the console as JSON or text.</summary>
    private static int Publish<T>(ParseResult parse, Option<string?> output, Option<string> format, T result, Func<Publishing.Layout.PrintedDocument> document, Action printText)
    {
        if (parse.GetValue(output) is { } dir)
        {
            PerformanceReports.Save(document(), dir);
            File.WriteAllText(Path.Combine(dir, "report.json"), JsonSerializer.Serialize(result, YusuanJson.Options));
        }

        if (parse.GetValue(format) == "json")
        {
            Console.WriteLine(JsonSerializer.Serialize(result, YusuanJson.Options));
        }
        else
        {
            printText();
        }

        return ExitCodes.Done;
    }

    private static Option<string?> Out() => new("--out") { Description = "输出目录：report.html、report.pdf、report.xlsx 和 report.json" };

    private static Option<string> Actuals(bool required) => new("--actuals") { Description = "实际值文件（CSV：indicator, actual, as_of）", Required = required };

    /// <summary>Loads the dataset and reads every target; a target that cannot be read stops with its indicator and text.</summary>
    private static (Dataset? Dataset, decimal Budget, int Exit) Load(string folder)
    {
        var (dataset, problems) = Dataset.Load(folder);
        if (dataset is null)
        {
            CommonOptions.ReportUnusable(problems, "未作绩效检查");
            return (null, 0, ExitCodes.InputUnusable);
        }

        var bad = dataset.Plan.Indicators.Select(i => (i, Target.Parse(i.Target))).Where(x => !x.Item2.Success).ToList();
        if (bad.Count > 0)
        {
            Console.Error.WriteLine($"绩效目标无法使用（{bad.Count} 个目标值无法识别）：");
            foreach (var (indicator, result) in bad)
            {
                Console.Error.WriteLine($"  performance.yaml 指标“{indicator.Name}”：{result.Error}");
            }

            return (null, 0, ExitCodes.InputUnusable);
        }

        var compiled = dataset.Compile(ClassificationCatalogue.BuiltIn(), RoundingMode.Controlled);
        var budget = compiled.Disclosure.Table("T01")?.Rows.FirstOrDefault(r => r.Key == "expenditure.total")?.Values[0] ?? 0;
        return (dataset, budget, ExitCodes.Done);
    }

    private static Command Check()
    {
        var dataset = DatasetArgument();
        var command = new Command("check", "读取并检查全部目标值") { dataset };
        command.SetAction(parse =>
        {
            var (data, _, exit) = Load(parse.GetValue(dataset)!);
            if (data is null)
            {
                return exit;
            }

            foreach (var indicator in data.Plan.Indicators)
            {
                var target = Target.Parse(indicator.Target).Value;
                Console.WriteLine($"{indicator.Level1} / {indicator.Level2} / {indicator.Name}：{target.Print()}（{Kind(target)}）");
            }

            Console.WriteLine($"共 {data.Plan.Indicators.Count} 个指标，目标值均可识别。");
            return ExitCodes.Done;
        });
        return command;
    }

    private static string Kind(Target target) => target.Kind switch
    {
        TargetKind.Deadline => "完成期限",
        TargetKind.Qualitative => "定性",
        _ => "定量",
    };

    private static (ActualsSheet? Sheet, int Exit) ReadActuals(Dataset dataset, string path, DateOnly? asOf)
    {
        var (sheet, problems) = ActualsReader.Read(path, dataset.Plan, asOf);
        if (sheet is null)
        {
            CommonOptions.ReportUnusable(problems, "未作绩效检查");
            return (null, ExitCodes.InputUnusable);
        }

        return (sheet, ExitCodes.Done);
    }

    private static Command Monitor()
    {
        var dataset = DatasetArgument();
        var actuals = Actuals(required: true);
        var asOf = new Option<string?>("--as-of") { Description = "检查日期（yyyy-MM-dd），默认为预算年度 8 月 31 日" };
        var format = Format();
        var output = Out();
        var command = new Command("monitor", "绩效监控：各指标进度、预算执行与时间进度，滞后和期限风险预警") { dataset, actuals, asOf, format, output };
        command.SetAction(parse =>
        {
            var (data, budget, exit) = Load(parse.GetValue(dataset)!);
            if (data is null)
            {
                return exit;
            }

            var date = new DateOnly(data.Profile.FiscalYear, 8, 31);
            if (parse.GetValue(asOf) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                Console.Error.WriteLine($"命令行错误：--as-of “{text}”应写作 yyyy-MM-dd");
                return ExitCodes.InputUnusable;
            }

            var (sheet, readExit) = ReadActuals(data, parse.GetValue(actuals)!, date);
            if (sheet is null)
            {
                return readExit;
            }

            var report = Monitoring.Check(data.Plan, budget, sheet, data.Profile.FiscalYear);
            return Publish(parse, output, format, report, () => PerformanceReports.Monitoring(report, data.Profile.Department.Name, data.Profile.FiscalYear), () =>
            {
                Console.WriteLine($"绩效监控：截至 {report.AsOf:yyyy-MM-dd}，时间进度 {report.Elapsed:P1}。");
                Console.WriteLine(report.ExecutionRate is { } rate
                    ? $"预算执行 {report.Executed:#,##0.##} / {report.Budget:#,##0} 万元 = {rate:P1}{(report.ExecutionBehind ? "，落后时间进度超过 10 个百分点【预警】" : string.Empty)}"
                    : "预算执行：未填报");
                foreach (var s in report.Indicators)
                {
                    Console.WriteLine($"{(s.Warning ? "【预警】" : "        ")}{s.Status}  {s.Indicator.Name}：{s.Reason}");
                }

                Console.WriteLine($"预警 {report.Indicators.Count(s => s.Warning) + (report.ExecutionBehind ? 1 : 0)} 项，其中进度滞后 {report.Indicators.Count(s => s.Status == "进度滞后")} 项。");
            });
        });
        return command;
    }

    private static Command Evaluate()
    {
        var dataset = DatasetArgument();
        var actuals = Actuals(required: true);
        var format = Format();
        var output = Out();
        var scoring = new Option<FileInfo?>("--scoring") { Description = "评分规则（YAML，schema yusuan.scoring/1）：各部分分值、指标权重、逾期完成得分比例" };
        var command = new Command("evaluate", "绩效自评：按评分规则打分，给出等级和每个指标的计分说明") { dataset, actuals, format, scoring, output };
        command.SetAction(parse =>
        {
            var (data, budget, exit) = Load(parse.GetValue(dataset)!);
            if (data is null)
            {
                return exit;
            }

            var (sheet, readExit) = ReadActuals(data, parse.GetValue(actuals)!, null);
            if (sheet is null)
            {
                return readExit;
            }

            var scheme = ScoringScheme.Default;
            if (parse.GetValue(scoring) is { } file)
            {
                var read = Formats.Yaml.YamlReader.ReadScoring(file.FullName, data.Plan);
                if (read.Value is null)
                {
                    CommonOptions.ReportUnusable(read.Problems, "未作绩效自评");
                    return ExitCodes.InputUnusable;
                }

                scheme = read.Value;
            }

            var evaluation = SelfEvaluation.Evaluate(data.Plan, budget, sheet, scheme);
            return Publish(parse, output, format, evaluation, () => PerformanceReports.Evaluation(evaluation, data.Profile.Department.Name, data.Profile.FiscalYear), () =>
            {
                Console.WriteLine($"绩效自评：总分 {evaluation.Total:0.##}，等级 {evaluation.Grade}");
                Console.WriteLine($"  预算执行 {evaluation.ExecutionScore:0.##} 分：{evaluation.ExecutionReasoning}");
                foreach (var s in evaluation.Indicators)
                {
                    Console.WriteLine($"  {s.Score:0.##}/{s.Weight:0.##}  {s.Indicator.Level1}·{s.Indicator.Name}：{s.Reasoning}");
                }
            });
        });
        return command;
    }
}
