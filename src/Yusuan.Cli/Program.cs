using System.CommandLine;
using System.Text;
using Yusuan.Cli;
using Yusuan.Cli.Commands;

Console.OutputEncoding = new UTF8Encoding(false);
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

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine("命令行错误：" + error.Message);
    }

    return ExitCodes.InputUnusable;
}

try
{
    // Our own handler below gives exit code 3; System.CommandLine's would give 1, which means "error findings".
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    Console.Error.WriteLine("内部错误（请报告此问题）：" + e);
    return ExitCodes.InternalFailure;
}
