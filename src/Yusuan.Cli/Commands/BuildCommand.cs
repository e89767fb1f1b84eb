using System.CommandLine;
using System.Text;
using Yusuan.Core.Compile;
using Yusuan.Formats.Audit;
using Yusuan.Formats.Json;
using Yusuan.Formats.Yaml;
using Yusuan.Formats.Preview;
using Yusuan.Publishing;

namespace Yusuan.Cli.Commands;

/// <summary>yusuan build DATASET --out DIR: compile, check and write disclosure.json, findings.json, one CSV per table and an HTML preview.</summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("DATASET") { Description = "数据集目录（ledger.csv 或 ledger.xlsx、profile.yaml、performance.yaml）" };
        var output = new Option<string>("--out") { Description = "输出目录", Required = true };
        var templateOption = new Option<string?>("--template")
        {
            Description = "按哪种文件模板出版：内置模板名（shenzhen 深圳，默认；standard 财政部参考样表，万元；shanghai 上海，元、类款项分列）或模板文件（YAML）",
        };
        var common = new CommonOptions();
        var command = new Command("build", "编制十二张表、九部分文字并检查，写出 HTML、PDF、XLSX、DOCX、disclosure.json、findings.json 和各表 CSV") { dataset, output, templateOption };
        common.AddTo(command);
        command.Options.Add(common.Previous);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(output)!;
            var (template, templateProblems) = Template(parse.GetValue(templateOption));
            if (templateProblems.Count > 0)
            {
                CommonOptions.ReportUnusable(templateProblems, "未编制任何表格");
                return ExitCodes.InputUnusable;
            }

            Core.Disclosures.Disclosure? published = null;
            var (compiled, findings, exit) = common.Compile(parse, parse.GetValue(dataset)!, (data, budget) =>
            {
                // Render and read back before checking, so the read-back findings are reported with the rest. A template with
                // a layout of its own gets the budget restated in it (its tables, titles and unit); the checks judge the budget.
                published = template?.Publishing is null ? budget.Disclosure : TemplateRestatement.Restate(budget, template);
                var publication = Publisher.Render(published, data.Ledger.Lines(), template, data.Profile.PublishedOn);
                Publisher.Save(publication, dir);
                return publication.Findings;
            });
            if (compiled is null || published is null)
            {
                return exit;
            }

            var tablesDir = Path.Combine(dir, "tables");
            Directory.CreateDirectory(tablesDir);
            var utf8 = new UTF8Encoding(false);
            File.WriteAllText(Path.Combine(dir, "disclosure.json"), YusuanJson.Serialize(published), utf8);
            File.WriteAllText(Path.Combine(dir, "findings.json"), YusuanJson.Serialize(findings), utf8);
            // What the next version rounds against (--previous): how each atom was rounded; none left from an earlier build
            // when this one has nothing to keep (independent rounding).
            var roundingFile = Path.Combine(dir, RoundingFile.FileName);
            if (compiled.Rounding.Count == 0)
            {
                File.Delete(roundingFile);
            }
            else if (RoundingFile.Write(roundingFile, compiled.Rounding, compiled.Disclosure.Department.Code, compiled.Disclosure.FiscalYear) is { } notKept)
            {
                Console.Error.WriteLine($"舍入结果未保存：{notKept}");
            }

            foreach (var table in published.Tables)
            {
                // A BOM so that Excel on a Chinese Windows opens the CSV as UTF-8.
                File.WriteAllText(Path.Combine(tablesDir, table.Id + ".csv"), TableCsvWriter.Write(table), new UTF8Encoding(true));
            }

            var rounding = Core.Rounding.RoundingModes.Title(Core.Rounding.RoundingModes.Of(compiled.Disclosure));
            Console.WriteLine(
                $"已编制 {compiled.Disclosure.Department.Name} {compiled.Disclosure.FiscalYear} 年部门预算：{compiled.LineCount} 条预算明细，{published.Tables.Count} 张表"
                + (template?.Publishing is null ? $"（万元，{rounding}）" : $"，按{template.Title}出版（{(template.Unit == "元" ? "元，精确数" : $"万元，{rounding}")}）")
                + $"，输出到 {dir}：disclosure.html、.pdf、.xlsx、.docx、.json");
            if (parse.GetValue(common.Previous) is { } previous)
            {
                Console.WriteLine($"按上一版（{previous}）的舍入结果舍入：真实数值未变的数字保持上一版的印数，约束迫使变动的除外");
            }

            CommonOptions.PrintFindings(findings);
            return CommonOptions.ExitCodeFor(findings);
        });
        return command;
    }

    /// <summary>The seed's template is Yusuan's own layout; another template without a publish section is for auditing only.</summary>
    private static bool Publishable(Core.Tables.DocumentTemplate template) =>
        template.Publishing is not null || template.Name == Core.Tables.DocumentTemplates.Shenzhen.Name;

    /// <summary>The template --template names: a built-in one by name, or a template file; none: the seed's layout.</summary>
    private static (Core.Tables.DocumentTemplate? Template, IReadOnlyList<Core.Findings.InputProblem> Problems) Template(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, []);
        }

        if (TemplateLibrary.Find(name) is { } builtIn)
        {
            return Publishable(builtIn)
                ? (builtIn, [])
                : (null, [new Core.Findings.InputProblem(name, null, "--template",
                    $"模板“{builtIn.Title}”只用于审计，不能按它出版；可出版的模板：{string.Join("、", TemplateLibrary.BuiltIn.Where(Publishable).Select(t => t.Name))}")]);
        }

        if (!File.Exists(name))
        {
            return (null, [new Core.Findings.InputProblem(name, null, "--template",
                $"没有名为“{name}”的内置模板（可选 {string.Join("、", TemplateLibrary.BuiltIn.Select(t => t.Name))}），也没有这个模板文件")]);
        }

        var read = YamlReader.ReadTemplate(name);
        return read.Value is { Publishing: null }
            ? (null, [new Core.Findings.InputProblem(name, null, "publish", "模板文件没有出版格式（publish：各部分、表名、科目编码的排法），不能按它出版")])
            : (read.Value, read.Problems);
    }
}
