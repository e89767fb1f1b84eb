using System.CommandLine;
using System.Text;
using Yusuan.Cli;
using Yusuan.Cli.Commands;

Console.OutputEncoding = new UTF8Encoding(false);

// Everything a person reads is Chinese, the command-line library's own help and errors included (its zh-Hans resources).
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans");
var root = new RootCommand("Yusuan（预算）：部门预算的编制、检查与公开")
{
    BuildCommand.Create(),
    CheckCommand.Create(),
    RulesCommand.Create(),
    AuditCommand.Create(),
    AuditWorkers.Create(),
    PerfCommand.Create(),
    ServeCommand.Create(),
    UserCommand.Create(),
    GenerateCommand.Create(),
    ImportCommand.Create(),
};

ChineseCommandLine.Localise(root);

// `yusuan` alone, or `yusuan help`, lists the commands.
var parse = root.Parse(args is [] or ["help"] ? ["--help"] : args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine("命令行错误：" + ChineseCommandLine.Error(error.Message, parse.CommandResult.Command.Name));
    }

    return ExitCodes.InputUnusable;
}

try
{
    // Our own handler below gives exit code 3; System.CommandLine's would give 1, which means "error findings".
    using var output = new ChineseCommandLine.Output(Console.Out);
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output });
}
catch (Exception e)
{
    Console.Error.WriteLine("内部错误（请报告此问题）：" + e);
    return ExitCodes.InternalFailure;
}
