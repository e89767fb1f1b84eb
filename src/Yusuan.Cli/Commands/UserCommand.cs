using System.CommandLine;
using Yusuan.Store;

namespace Yusuan.Cli.Commands;

/// <summary>
/// yusuan user add NAME --role ROLE [--agency CODE…]: a user who signs in to the pages with a password (read from standard input
/// with --password-stdin, or generated) and calls the API with a token; both are printed once and stored only as hash and digest.
/// </summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "用户名" };
        var role = CommonOptions.OneOf("--role", "角色：officer（预算单位）、reviewer（主管部门）、finance（财政局）、admin", ["officer", "reviewer", "finance", "admin"], required: true);
        var agencies = new Option<string[]>("--agency") { Description = "代表的单位编码（officer 需要），可多个", AllowMultipleArgumentsPerToken = true };
        var database = new Option<string>("--db") { Description = "数据库：sqlite:路径 或 postgres:连接串", DefaultValueFactory = _ => "sqlite:data/yusuan.db" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "从标准输入读取登录密码（否则随机生成并显示）" };
        var add = new Command("add", "新增用户：登录密码和 API 令牌") { name, role, agencies, database, passwordStdin };
        add.SetAction(parse =>
        {
            var roleText = parse.GetValue(role)!;
            var password = parse.GetValue(passwordStdin)
                ? Console.In.ReadLine() ?? string.Empty
                : Passwords.Generate();
            if (password.Length < Passwords.MinimumLength)
            {
                Console.Error.WriteLine($"命令行错误：密码至少 {Passwords.MinimumLength} 个字符");
                return ExitCodes.InputUnusable;
            }

            using var store = BudgetStore.Open(parse.GetValue(database)!);
            store.Migrate();
            if (store.Users().Any(u => u.Name == parse.GetValue(name)))
            {
                Console.Error.WriteLine($"用户“{parse.GetValue(name)}”已存在");
                return ExitCodes.InputUnusable;
            }

            var token = store.AddUser(parse.GetValue(name)!, roleText, parse.GetValue(agencies) ?? [], "命令行", password);
            Console.WriteLine($"已新增用户 {parse.GetValue(name)}（{roleText}）。");
            if (!parse.GetValue(passwordStdin))
            {
                Console.WriteLine($"登录密码（只显示这一次）：{password}");
            }

            Console.WriteLine("API 令牌（只显示这一次）：");
            Console.WriteLine(token);
            return ExitCodes.Done;
        });
        var user = new Command("user", "管理网站用户和 API 令牌") { add };
        return user;
    }
}
