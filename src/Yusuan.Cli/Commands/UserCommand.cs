using System.CommandLine;
using Yusuan.Store;

namespace Yusuan.Cli.Commands;

/// <summary>yusuan user add NAME --role ROLE [--agency CODE…]: an API user; the token is printed once and stored only as a digest.</summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "用户名" };
        var role = new Option<string>("--role") { Description = "角色：officer（预算单位）、reviewer（主管部门）、finance（财政局）、admin", Required = true };
        var agencies = new Option<string[]>("--agency") { Description = "代表的单位编码（officer 需要），可多个", AllowMultipleArgumentsPerToken = true };
        var database = new Option<string>("--db") { Description = "数据库：sqlite:路径 或 postgres:连接串", DefaultValueFactory = _ => "sqlite:data/yusuan.db" };
        var add = new Command("add", "新增用户并生成 API 令牌") { name, role, agencies, database };
        add.SetAction(parse =>
        {
            var roleText = parse.GetValue(role)!;
            if (roleText is not ("officer" or "reviewer" or "finance" or "admin"))
            {
                Console.Error.WriteLine($"命令行错误：--role 只能是 officer、reviewer、finance 或 admin，而不是“{roleText}”");
                return ExitCodes.InputUnusable;
            }

            using var store = BudgetStore.Open(parse.GetValue(database)!);
            store.Migrate();
            var token = store.AddUser(parse.GetValue(name)!, roleText, parse.GetValue(agencies) ?? [], "命令行");
            Console.WriteLine($"已新增用户 {parse.GetValue(name)}（{roleText}）。API 令牌（只显示这一次）：");
            Console.WriteLine(token);
            return ExitCodes.Done;
        });
        var user = new Command("user", "管理网站用户和 API 令牌") { add };
        return user;
    }
}
