using System.Text.RegularExpressions;
using Yusuan.Store;

namespace Yusuan.Cli.Tests;

public class UserCommandTests
{
    [Fact]
    public void A_user_added_on_the_command_line_signs_in_with_the_printed_password_and_calls_the_api_with_the_printed_token()
    {
        var database = "sqlite:" + Path.Combine(Path.GetTempPath(), "yusuan-cli-" + Guid.NewGuid().ToString("N"), "yusuan.db");
        var added = Yusuan.Run("user", "add", "张三", "--role", "officer", "--agency", "139001", "--db", database);
        Assert.Equal(0, added.ExitCode);
        var password = Regex.Match(added.Out, "登录密码（只显示这一次）：(\\S+)").Groups[1].Value;
        var token = Regex.Match(added.Out, "^([0-9a-f]{64})$", RegexOptions.Multiline).Groups[1].Value;
        using (var store = BudgetStore.Open(database))
        {
            Assert.NotNull(store.StartSession("张三", password, TimeSpan.FromMinutes(1)));
            Assert.Equal("139001", store.UserByToken(token)!.Agencies.Single());
        }

        var again = Yusuan.Run("user", "add", "张三", "--role", "officer", "--db", database);
        Assert.Equal((2, "用户“张三”已存在"), (again.ExitCode, again.Error.Trim()));
        var role = Yusuan.Run("user", "add", "李四", "--role", "boss", "--db", database);
        Assert.Equal(2, role.ExitCode);
        Assert.Contains("--role 只能是", role.Error, StringComparison.Ordinal);
    }
}
