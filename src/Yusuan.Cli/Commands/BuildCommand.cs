using System.CommandLine;
using System.Text;
using Yusuan.Formats.Json;
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
        var common = new CommonOptions();
        var command = new Command("build", "编制十二张表、九部分文字并检查，写出 HTML、PDF、XLSX、DOCX、disclosure.json、findings.json 和各表 CSV") { dataset, output };
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(output)!;
            var (compiled, findings, exit) = common.Compile(parse, parse.GetValue(dataset)!, (data, budget) =>
            {
                // Render and read back before checking, so the read-back findings are reported with the rest.
                var publication = Publisher.Render(budget.Disclosure, data.Ledger.Lines());
                Publisher.Save(publication, dir);
                return publication.Findings;
            });
            if (compiled is null)
            {
                return exit;
            }

            var tablesDir = Path.Combine(dir, "tables");
            Directory.CreateDirectory(tablesDir);
            var utf8 = new UTF8Encoding(false);
            File.WriteAllText(Path.Combine(dir, "disclosure.json"), YusuanJson.Serialize(compiled.Disclosure), utf8);
            File.WriteAllText(Path.Combine(dir, "findings.json"), YusuanJson.Serialize(findings), utf8);
            foreach (var table in compiled.Disclosure.Tables)
            {
                // A BOM so that Excel on a Chinese Windows opens the CSV as UTF-8.
                File.WriteAllText(Path.Combine(tablesDir, table.Id + ".csv"), TableCsvWriter.Write(table), new UTF8Encoding(true));
            }

            Console.WriteLine(
                $"已编制 {compiled.Disclosure.Department.Name} {compiled.Disclosure.FiscalYear} 年部门预算：{compiled.LineCount} 条预算明细，{compiled.Disclosure.Tables.Count} 张表（{compiled.Disclosure.Rounding}），"
                + $"输出到 {dir}：disclosure.html、.pdf、.xlsx、.docx、.json");
            CommonOptions.PrintFindings(findings);
            return CommonOptions.ExitCodeFor(findings);
        });
        return command;
    }
}
