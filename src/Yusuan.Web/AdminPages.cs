using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Yusuan.Store;
using static Yusuan.Web.Pages;
using static Yusuan.Web.YusuanWeb;

namespace Yusuan.Web;

/// <summary>User management for admins: who may sign in, in which role, acting for which agencies; passwords are set here.</summary>
internal static class AdminPages
{
    private static readonly string[] Roles = ["officer", "reviewer", "finance", "admin"];

    public static void Map(WebApplication app, Func<BudgetStore> open)
    {
        app.MapGet("/admin", (HttpRequest request) =>
        {
            using var store = open();
            var (user, refusal) = SignedIn(store, request, "admin");
            return user is null ? refusal! : Html("用户管理", Forms(request, UserList(store)));
        });

        app.MapPost("/admin/users", async (HttpRequest request) =>
        {
            if (await RefuseForgedForm(request) is { } forged)
            {
                return forged;
            }

            using var store = open();
            var (admin, refusal) = SignedIn(store, request, "admin");
            if (admin is null)
            {
                return refusal!;
            }

            var form = await request.ReadFormAsync();
            var name = form["name"].ToString().Trim();
            var role = form["role"].ToString();
            var password = form["password"].ToString();
            string? problem = name.Length == 0 || name.Length > 64 ? "请填写用户名（不超过 64 个字符）。"
                : !Roles.Contains(role) ? "请选择角色。"
                : password.Length < Passwords.MinimumLength ? $"密码至少 {Passwords.MinimumLength} 个字符。"
                : store.Users().Any(u => u.Name == name) ? $"用户“{name}”已存在。"
                : null;
            if (problem is not null)
            {
                return Html("无法新增", $"<h1>无法新增</h1><p role=\"alert\">{E(problem)}</p><p><a href=\"/admin\">返回</a></p>", problem.Contains("已存在", StringComparison.Ordinal) ? 409 : 400);
            }

            var agencies = form["agencies"].ToString().Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var token = store.AddUser(name, role, agencies, admin.Name, password);
            return Html("已新增用户", $"<h1>已新增用户 {E(name)}</h1><p>{E(name)} 现在可以用所设的密码登录。供程序调用的 API 令牌（只显示这一次）：<code id=\"new-token\">{token}</code></p><p><a href=\"/admin\">返回</a></p>");
        }).DisableAntiforgery();

        app.MapPost("/admin/users/{name}/password", async (string name, HttpRequest request) =>
        {
            if (await RefuseForgedForm(request) is { } forged)
            {
                return forged;
            }

            using var store = open();
            var (admin, refusal) = SignedIn(store, request, "admin");
            if (admin is null)
            {
                return refusal!;
            }

            var password = (await request.ReadFormAsync())["password"].ToString();
            if (store.Users().All(u => u.Name != name))
            {
                return Html("没有找到", $"<h1>没有找到</h1><p>没有用户“{E(name)}”。</p>", 404);
            }

            if (password.Length < Passwords.MinimumLength)
            {
                return Html("无法重设", $"<h1>无法重设</h1><p role=\"alert\">密码至少 {Passwords.MinimumLength} 个字符。</p><p><a href=\"/admin\">返回</a></p>", 400);
            }

            store.SetPassword(name, password, admin.Name);
            return Html("已重设密码", $"<h1>已重设 {E(name)} 的密码</h1><p>此前的登录已失效。</p><p><a href=\"/admin\">返回</a></p>");
        }).DisableAntiforgery();
    }

    private static string UserList(BudgetStore store)
    {
        var body = new StringBuilder("<h1>用户管理</h1><table><caption>用户</caption><thead><tr><th scope=\"col\">用户</th><th scope=\"col\">角色</th><th scope=\"col\">代表的单位</th><th scope=\"col\">重设密码</th></tr></thead><tbody>");
        foreach (var user in store.Users())
        {
            body.Append($"<tr><td>{E(user.Name)}</td><td>{E(user.Role)}</td><td>{E(string.Join("、", user.Agencies))}</td><td>")
                .Append($"<form method=\"post\" action=\"/admin/users/{Uri.EscapeDataString(user.Name)}/password\"><input name=\"password\" type=\"password\" minlength=\"{Passwords.MinimumLength}\" aria-label=\"{E(user.Name)} 的新密码\" autocomplete=\"new-password\" required> <button type=\"submit\">重设</button></form></td></tr>");
        }

        body.Append("</tbody></table><h2>新增用户</h2><form method=\"post\" action=\"/admin/users\"><p><label for=\"name\">用户名</label> <input id=\"name\" name=\"name\" maxlength=\"64\" required></p>")
            .Append("<p><label for=\"role\">角色</label> <select id=\"role\" name=\"role\">").Append(string.Concat(Roles.Select(r => $"<option value=\"{r}\">{RoleTitle(r)}（{r}）</option>"))).Append("</select></p>")
            .Append("<p><label for=\"agencies\">代表的单位编码（经办人需要，逗号分隔）</label> <input id=\"agencies\" name=\"agencies\"></p>")
            .Append($"<p><label for=\"password\">初始密码（至少 {Passwords.MinimumLength} 个字符）</label> <input id=\"password\" name=\"password\" type=\"password\" minlength=\"{Passwords.MinimumLength}\" autocomplete=\"new-password\" required></p>")
            .Append("<button type=\"submit\">新增用户</button></form>");
        return body.ToString();
    }
}
