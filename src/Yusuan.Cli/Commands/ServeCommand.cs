using System.CommandLine;
using Yusuan.Web;

namespace Yusuan.Cli.Commands;

/// <summary>yusuan serve: the web application on 127.0.0.1:5080 with an embedded SQLite database (or PostgreSQL).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var database = new Option<string>("--db") { Description = "数据库：sqlite:路径（默认 ./data/yusuan.db）或 postgres:连接串", DefaultValueFactory = _ => "sqlite:data/yusuan.db" };
        var urls = new Option<string>("--urls") { Description = "监听地址", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var combined = new Option<bool>("--combined-duties") { Description = "小单位：允许同一账号既提交又审核、既审核又公开（默认须由不同账号办理）" };
        var command = new Command("serve", "启动网站：部门预算公开门户和 JSON API（首次启动时建库并载入示例部门）") { database, urls, combined };
        command.SetAction(parse =>
        {
            var sample = Path.Combine(Directory.GetCurrentDirectory(), "samples", "sz-eeimc-2023");
            var app = YusuanWeb.Build(new WebSettings(parse.GetValue(database)!, parse.GetValue(urls)!, sample, accounts =>
            {
                Console.WriteLine("首次启动，已建立以下账号（密码只显示这一次，请妥善保存；管理员可在“用户管理”中重设）：");
                foreach (var (name, role, password) in accounts)
                {
                    Console.WriteLine($"  {name,-9} {Yusuan.Web.PageFrame.RoleTitle(role),-8} 密码 {password}");
                }
            })
            {
                // Uploaded documents are read in worker processes, never in the server's own.
                UploadAuditor = ContainedAudits.ForServer(),
                SeparateDuties = !parse.GetValue(combined),
            });
            Console.WriteLine($"Yusuan 已启动：{parse.GetValue(urls)}（数据库 {parse.GetValue(database)}），按 Ctrl+C 停止。");
            app.Run();
            return ExitCodes.Done;
        });
        return command;
    }
}
