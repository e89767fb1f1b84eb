using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Yusuan.Store;
using static Yusuan.Web.YusuanWeb;

namespace Yusuan.Web;

/// <summary>
/// The pages of the people who make and review budgets, signed in with their token (kept in an HttpOnly, SameSite=Strict
/// cookie; every form carries an antiforgery token): a unit's workspace (its versions, a ledger upload that shows every problem beside its row, submit), the review
/// queue of 主管部门 and 财政局 (finding counts, return with a comment, approve, publish) and each version's history.
/// </summary>
internal static partial class WorkspacePages
{
    public const string Cookie = "yusuan_token";

    private static IResult Html(string title, string body, int status = 200) =>
        Results.Content(Page(title, "<nav><a href=\"/\">公开门户</a>　<a href=\"/workspace\">工作台</a>　<a href=\"/signout\">退出</a></nav>" + body), "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>Puts the antiforgery token into every form that posts, so a page of another site cannot submit it.</summary>
    private static string Forms(HttpRequest request, string html)
    {
        var tokens = request.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(request.HttpContext);
        var field = $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken ?? string.Empty)}\">";
        return PostForm().Replace(html, m => m.Value + field);
    }

    /// <summary>
    /// A form post is genuine when it carries the token of a page we served. Requests with a bearer token come from scripts,
    /// not from a browser that another site could steer, and need none.
    /// </summary>
    private static async Task<IResult?> RefuseForgedForm(HttpRequest request)
    {
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            || await request.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(request.HttpContext))
        {
            return null;
        }

        return Html("表单已失效", "<h1>表单已失效</h1><p>这份表单不是从本站页面提交的，或页面已过期。请返回上一页，刷新后重新提交。</p>", 400);
    }

    [GeneratedRegex("<form method=\"post\"[^>]*>")]
    private static partial Regex PostForm();

    public static void Map(WebApplication app, Func<BudgetStore> open)
    {
        app.MapGet("/signin", (HttpRequest request) => Results.Content(Page("登录", Forms(request, """
            <h1>登录工作台</h1>
            <form method="post" action="/signin"><label for="token">API 令牌</label> <input id="token" name="token" type="password" required> <button type="submit">登录</button></form>
            <p>令牌由管理员用 <code>yusuan user add</code> 生成。</p>
            """)), "text/html; charset=utf-8"));
        app.MapPost("/signin", async (HttpContext context) =>
        {
            if (await RefuseForgedForm(context.Request) is { } forged)
            {
                return forged;
            }

            var token = (await context.Request.ReadFormAsync())["token"].ToString().Trim();
            using var store = open();
            if (store.UserByToken(token) is null)
            {
                return Results.Content(Page("登录失败", "<h1>登录失败</h1><p>令牌无效。</p><p><a href=\"/signin\">重新登录</a></p>"), "text/html; charset=utf-8", Encoding.UTF8, 401);
            }

            context.Response.Cookies.Append(Cookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
            return Results.Redirect("/workspace");
        }).DisableAntiforgery();
        app.MapGet("/signout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(Cookie);
            return Results.Redirect("/");
        });

        app.MapGet("/workspace", (HttpRequest request) =>
        {
            using var store = open();
            if (CurrentUser(store, request) is not { } user)
            {
                return Results.Redirect("/signin");
            }

            var body = new StringBuilder($"<h1>工作台</h1><p>{E(user.Name)}（{E(user.Role)}）</p>");
            foreach (var code in user.Role == "officer" ? user.Agencies : [])
            {
                var versions = store.Versions(code);
                var year = versions.Count > 0 ? versions[^1].FiscalYear : DateTime.UtcNow.Year;
                body.Append($"<section><h2>单位 {E(code)}</h2><table><caption>预算版本</caption><thead><tr><th scope=\"col\">年度</th><th scope=\"col\">版本</th><th scope=\"col\">状态</th><th scope=\"col\">操作</th></tr></thead><tbody>");
                foreach (var v in versions)
                {
                    body.Append($"<tr><td>{v.FiscalYear}</td><td><a href=\"/versions/{v.Id}\">第 {v.Number} 版</a></td><td>{v.State.Title()}</td><td>")
                        .Append(v.State.IsEditable() ? Action(v.Id, "submit", "提交审核") : string.Empty).Append("</td></tr>");
                }

                body.Append($"</tbody></table><form method=\"post\" action=\"/workspace/{E(code)}/upload\" enctype=\"multipart/form-data\">")
                    .Append($"<label for=\"year\">年度</label> <input id=\"year\" name=\"year\" type=\"number\" value=\"{year}\"> ")
                    .Append("<label for=\"ledger\">预算明细（CSV 或 XLSX）</label> <input id=\"ledger\" name=\"ledger\" type=\"file\" accept=\".csv,.xlsx\" required> ")
                    .Append("<button type=\"submit\">上传并编制</button></form></section>");
            }

            if (user.Role is "reviewer" or "finance" or "admin")
            {
                var states = user.Role == "reviewer" ? new[] { BudgetState.Submitted } : [BudgetState.Submitted, BudgetState.Approved];
                var queue = store.Queue(states);
                body.Append($"<section><h2>审核队列（{queue.Count}）</h2><table><caption>待处理的预算</caption><thead><tr><th scope=\"col\">部门</th><th scope=\"col\">年度</th><th scope=\"col\">版本</th><th scope=\"col\">状态</th><th scope=\"col\">错误</th><th scope=\"col\">警告</th><th scope=\"col\">操作</th></tr></thead><tbody>");
                foreach (var (name, v, errors, warnings) in queue)
                {
                    body.Append($"<tr><td>{E(name)}</td><td>{v.FiscalYear}</td><td><a href=\"/versions/{v.Id}\">第 {v.Number} 版</a></td><td>{v.State.Title()}</td><td>{errors}</td><td>{warnings}</td><td>");
                    if (v.State == BudgetState.Submitted)
                    {
                        body.Append(Action(v.Id, "approve", "批复")).Append(Action(v.Id, "return", "退回", withComment: true));
                    }
                    else if (v.State == BudgetState.Approved && user.Role is "finance" or "admin")
                    {
                        body.Append(Action(v.Id, "publish", "公开"));
                    }

                    body.Append("</td></tr>");
                }

                body.Append("</tbody></table></section>");
            }

            return Html("工作台", Forms(request, body.ToString()));
        });

        app.MapPost("/workspace/{code}/upload", async (string code, HttpRequest request) =>
        {
            if (await RefuseForgedForm(request) is { } forged)
            {
                return forged;
            }

            using var store = open();
            if (Authorize(store, request, code, "officer", "admin") is { } denied)
            {
                return denied;
            }

            var form = await request.ReadFormAsync();
            if (form.Files.GetFile("ledger") is not { } file || !int.TryParse(form["year"], out var year))
            {
                return Html("无法编制", "<h1>无法编制</h1><p>请选择预算明细文件并填写年度。</p>", 400);
            }

            var user = CurrentUser(store, request)!.Value;
            var draft = await CreateDraft(store, code, year, file, user.Name);
            if (draft.Problem is null)
            {
                return Results.Redirect($"/versions/{draft.Id}");
            }

            // Every problem beside the row it is about, as the unit uploaded it.
            string[] rows = [];
            if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = new StreamReader(file.OpenReadStream());
                rows = (await reader.ReadToEndAsync()).Split('\n');
            }

            var body = new StringBuilder($"<h1>预算明细无法使用</h1><p>{E(draft.Problem)}。请改正后重新上传。</p><table><caption>问题</caption><thead><tr><th scope=\"col\">行</th><th scope=\"col\">列</th><th scope=\"col\">原因</th><th scope=\"col\">该行内容</th></tr></thead><tbody>");
            foreach (var problem in draft.Errors)
            {
                var content = problem.Row is int r && r - 1 < rows.Length ? rows[r - 1].TrimEnd('\r') : string.Empty;
                body.Append($"<tr class=\"problem\"><td>{problem.Row}</td><td>{E(problem.Column ?? string.Empty)}</td><td>{E(problem.Reason)}</td><td><code>{E(content)}</code></td></tr>");
            }

            body.Append("</tbody></table><p><a href=\"/workspace\">返回工作台</a></p>");
            return Html("预算明细无法使用", body.ToString(), draft.Status);
        }).DisableAntiforgery();

        app.MapPost("/versions/{id:long}/{action}", async (long id, string action, HttpRequest request) =>
        {
            if (await RefuseForgedForm(request) is { } forged)
            {
                return forged;
            }

            var comment = request.HasFormContentType ? (await request.ReadFormAsync())["comment"].ToString() : null;
            using var store = open();
            var (to, roles) = Transition(action);
            BudgetVersion version;
            try
            {
                version = store.Get(id);
            }
            catch (StoreException e)
            {
                return Html("没有找到", $"<h1>没有找到</h1><p>{E(e.Message)}</p>", 404);
            }

            if (roles.Length == 0)
            {
                return Html("没有找到", $"<h1>没有这个操作</h1>", 404);
            }

            if (Authorize(store, request, version.DepartmentCode, roles) is { } denied)
            {
                return denied;
            }

            try
            {
                store.Move(id, to, CurrentUser(store, request)!.Value.Name, string.IsNullOrWhiteSpace(comment) ? null : comment);
            }
            catch (StoreException e)
            {
                return Html("不能执行", $"<h1>不能执行</h1><p>{E(e.Message)}</p><p><a href=\"/workspace\">返回工作台</a></p>", 409);
            }

            return Results.Redirect("/workspace");
        }).DisableAntiforgery();

        app.MapGet("/admin", (HttpRequest request) =>
        {
            using var store = open();
            if (CurrentUser(store, request) is not { } user)
            {
                return Results.Redirect("/signin");
            }

            if (user.Role != "admin")
            {
                return Html("无权访问", "<h1>无权访问</h1><p>只有管理员可以管理用户。</p>", 403);
            }

            var body = new StringBuilder("<h1>用户管理</h1><table><caption>用户</caption><thead><tr><th scope=\"col\">用户</th><th scope=\"col\">角色</th><th scope=\"col\">代表的单位</th></tr></thead><tbody>");
            foreach (var (name, role, agencies) in store.Users())
            {
                body.Append($"<tr><td>{E(name)}</td><td>{E(role)}</td><td>{E(string.Join("、", agencies))}</td></tr>");
            }

            body.Append("</tbody></table><form method=\"post\" action=\"/admin/users\"><label for=\"name\">用户名</label> <input id=\"name\" name=\"name\" required> ")
                .Append("<label for=\"role\">角色</label> <select id=\"role\" name=\"role\"><option>officer</option><option>reviewer</option><option>finance</option><option>admin</option></select> ")
                .Append("<label for=\"agencies\">单位编码（逗号分隔）</label> <input id=\"agencies\" name=\"agencies\"> <button type=\"submit\">新增用户</button></form>");
            return Html("用户管理", Forms(request, body.ToString()));
        });
        app.MapPost("/admin/users", async (HttpRequest request) =>
        {
            if (await RefuseForgedForm(request) is { } forged)
            {
                return forged;
            }

            using var store = open();
            if (CurrentUser(store, request) is not { Role: "admin" } admin)
            {
                return Html("无权访问", "<h1>无权访问</h1>", 403);
            }

            var form = await request.ReadFormAsync();
            var name = form["name"].ToString().Trim();
            var role = form["role"].ToString();
            if (name.Length == 0 || role is not ("officer" or "reviewer" or "finance" or "admin"))
            {
                return Html("无法新增", "<h1>无法新增</h1><p>请填写用户名并选择角色。</p>", 400);
            }

            if (store.Users().Any(u => u.Name == name))
            {
                return Html("无法新增", $"<h1>无法新增</h1><p>用户“{E(name)}”已存在。</p>", 409);
            }

            var agencies = form["agencies"].ToString().Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var created = store.AddUser(name, role, agencies, admin.Name);
            return Html("已新增用户", $"<h1>已新增用户 {E(name)}</h1><p>API 令牌（只显示这一次）：<code id=\"new-token\">{created}</code></p><p><a href=\"/admin\">返回</a></p>");
        }).DisableAntiforgery();

        app.MapGet("/versions/{id:long}", (long id, HttpRequest request) =>
        {
            using var store = open();
            if (CurrentUser(store, request) is not { } user)
            {
                return Results.Redirect("/signin");
            }

            BudgetVersion version;
            try
            {
                version = store.Get(id);
            }
            catch (StoreException e)
            {
                return Html("没有找到", $"<h1>没有找到</h1><p>{E(e.Message)}</p>", 404);
            }

            // An officer sees only the budgets of the agencies he acts for; reviewers and the finance bureau see all.
            if (!ActsFor(user, version.DepartmentCode))
            {
                return Html("无权访问", $"<h1>无权访问</h1><p>{E(user.Name)} 不代表单位 {E(version.DepartmentCode)}。</p>", 403);
            }

            var body = new StringBuilder($"<h1>{E(version.DepartmentCode)} {version.FiscalYear} 年第 {version.Number} 版</h1><p>状态：<strong id=\"state\">{version.State.Title()}</strong></p>");
            var findings = store.Findings(id);
            body.Append($"<table><caption>检查结果（{findings.Count}）</caption><thead><tr><th scope=\"col\">级别</th><th scope=\"col\">规则</th><th scope=\"col\">说明</th></tr></thead><tbody>");
            foreach (var (rule, severity, message) in findings)
            {
                body.Append($"<tr><td>{E(severity)}</td><td>{E(rule)}</td><td>{E(message)}</td></tr>");
            }

            body.Append("</tbody></table>");

            // What changed since the previous version: amounts by function code, for the reviewer.
            var previous = store.Versions(version.DepartmentCode).Where(v => v.FiscalYear == version.FiscalYear && v.Number < version.Number).OrderBy(v => v.Number).LastOrDefault();
            if (previous is not null)
            {
                static Dictionary<string, decimal> ByFunction(IEnumerable<(string Agency, string Function, string Economic, decimal Amount)> lines) =>
                    lines.GroupBy(l => l.Function).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
                var before = ByFunction(store.Lines(previous.Id));
                var after = ByFunction(store.Lines(id));
                var changed = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
                    .Select(code => (code, Before: before.GetValueOrDefault(code), After: after.GetValueOrDefault(code))).Where(c => c.Before != c.After).ToList();
                body.Append($"<table id=\"diff\"><caption>与第 {previous.Number} 版相比（按功能分类，元）</caption><thead><tr><th scope=\"col\">科目</th><th scope=\"col\">第 {previous.Number} 版</th><th scope=\"col\">本版</th><th scope=\"col\">增减</th></tr></thead><tbody>");
                foreach (var (code, was, now) in changed)
                {
                    body.Append($"<tr><td>{E(code)}</td><td>{was:#,##0.00}</td><td>{now:#,##0.00}</td><td>{now - was:+#,##0.00;-#,##0.00}</td></tr>");
                }

                body.Append(changed.Count == 0 ? "<tr><td colspan=\"4\">预算明细没有变化</td></tr>" : string.Empty).Append("</tbody></table>");
            }

            body.Append("<table><caption>操作记录</caption><thead><tr><th scope=\"col\">时间（UTC）</th><th scope=\"col\">人员</th><th scope=\"col\">操作</th></tr></thead><tbody>");
            foreach (var entry in store.AuditLog(id))
            {
                body.Append($"<tr><td>{entry.At:yyyy-MM-dd HH:mm:ss}</td><td>{E(entry.Actor)}</td><td>{E(entry.Detail)}</td></tr>");
            }

            body.Append("</tbody></table>");
            return Html($"第 {version.Number} 版", Forms(request, body.ToString()));
        });
    }

    private static string Action(long id, string action, string label, bool withComment = false) =>
        $"<form method=\"post\" action=\"/versions/{id}/{action}\" style=\"display:inline\">"
        + (withComment ? $"<input name=\"comment\" placeholder=\"退回意见\" aria-label=\"退回意见\"> " : string.Empty)
        + $"<button type=\"submit\" data-action=\"{action}\">{label}</button></form> ";
}
