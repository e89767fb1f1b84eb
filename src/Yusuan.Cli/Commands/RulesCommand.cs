using System.CommandLine;
using System.Text;
using System.Text.Json;
using Yusuan.Core.Rules;
using Yusuan.Formats.Json;
using Yusuan.Formats.Preview;

namespace Yusuan.Cli.Commands;

/// <summary>yusuan rules: the rule catalogue as text, JSON, or the Markdown of docs/rules.md.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var format = CommonOptions.Format("输出格式：text、json 或 markdown", "text", "json", "markdown");
        var command = new Command("rules", "列出规则目录") { format };
        command.SetAction(parse =>
        {
            switch (parse.GetValue(format))
            {
                case "json":
                    Console.WriteLine(JsonSerializer.Serialize(
                        RuleCatalogue.All.Select(r => new { id = r.Id, severity = r.Severity.ToString().ToLowerInvariant(), category = r.Category, title = r.Title, policy = r.Policy }),
                        YusuanJson.Options));
                    return ExitCodes.Done;
                case "markdown":
                    Console.Write(RulesDocument.Markdown());
                    return ExitCodes.Done;
                default: // text (the option takes no other value)
                    foreach (var rule in RuleCatalogue.All)
                    {
                        Console.WriteLine($"{rule.Id,-40} {CommonOptions.SeverityTitle(rule.Severity)}  {rule.Category,-15} {rule.Title}");
                    }

                    Console.WriteLine($"共 {RuleCatalogue.All.Count} 条规则。");
                    return ExitCodes.Done;
            }
        });
        return command;
    }
}
