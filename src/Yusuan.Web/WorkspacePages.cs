using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Yusuan.Formats.Json;
using Yusuan.Publishing.Html;
using Yusuan.Publishing.Layout;
using Yusuan.Store;
using static Yusuan.Web.Pages;
using static Yusuan.Web.YusuanWeb;

namespace Yusuan.Web;

/// <summary>
/// The pages of the people who make and review budgets: a unit's workspace (its versions, a ledger upload that shows every
/// problem beside its row, submit), the review queue of 主管部门 and 财政局 (finding counts, return with a comment, approve,
/// publish) and each version: its document as it would be published, its findings, what changed and who did what.
/// </summary>
internal static class WorkspacePages
{
    public static void Map(WebApplication app, Func<BudgetStore> open)
    {
        app.MapGet("/workspace", (HttpRequest request) =>
        {
            using var store = open();
            var (user, refusal) = SignedIn(store, request);
            if (user is null)
            {
                return refusal!;
            }

            var body = new StringBuilder($"<h1>工作台</h1><p>{E(user.Name)}（{RoleTitle(user.Role)}）</p>");
            foreach (var code in user.Role == "officer" ? user.Agencies : [])
            {
                var versions = store.Versions(code);
                var year = versions.Count > 0 ? versions[^1].FiscalYear : DateTime.UtcNow.Year;
                body.Append($"<section><h2>单位 {E(code)}</h2><table><caption>预算版本</caption><thead><tr><th scope=\"col\">年度</th><th scope=\"col\">版本</th><th scope=\"col\">状态</th><th scope=\"col\">操作</th></tr></thead><tbody>");
                foreach (var v in versions)
                {
                    body.Append($"<tr><td>{v.FiscalYear}</td><td><a href=\"/versions/{v.Id}\">第 {v.Number} 版</a></td><td>{v.State.Title()}</td><td>")
                        .Append(v.State.IsEditable() ? $"<a href=\"/versions/{v.Id}/ledger\">编辑明细</a> <a href=\"/versions/{v.Id}/text\">编辑文字和绩效目标</a> " + Action(v.Id, "submit", "提交审核") : string.Empty)
                        .Append("</td></tr>");
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

            if (user.Role == "admin")
            {
                body.Append("<p><a href=\"/admin\">用户管理</a></p>");
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

            var (id, result, rows) = await Drafts.Create(store, code, year, file, CurrentUser(store, request)!.Name);
            if (result.Compiled)
            {
                return Results.Redirect($"/versions/{id}");
            }

            // Every problem beside the row it is about, as the unit uploaded it.
            var body = new StringBuilder($"<h1>预算明细无法使用</h1><p>{E(file.FileName)} 有 {result.Problems.Count} 处问题，未编制。请改正后重新上传。</p>")
                .Append("<table><caption>问题</caption><thead><tr><th scope=\"col\">行</th><th scope=\"col\">列</th><th scope=\"col\">原因</th><th scope=\"col\">该行内容</th></tr></thead><tbody>");
            foreach (var problem in result.Problems)
            {
                var content = rows.FirstOrDefault(r => r.Number == problem.Row) is { } row ? string.Join(",", row.Fields) : string.Empty;
                body.Append($"<tr class=\"problem\"><td>{problem.Row}</td><td>{E(problem.Column ?? string.Empty)}</td><td>{E(problem.Reason)}</td><td><code>{E(content)}</code></td></tr>");
            }

            body.Append("</tbody></table><p><a href=\"/workspace\">返回工作台</a></p>");
            return Html("预算明细无法使用", body.ToString(), 400);
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
            if (Version(store, id) is not { } version || roles.Length == 0)
            {
                return Html("没有找到", "<h1>没有找到</h1><p>没有这个预算版本或操作。</p>", 404);
            }

            if (Authorize(store, request, version.DepartmentCode, roles) is { } denied)
            {
                return denied;
            }

            try
            {
                store.Move(id, to, CurrentUser(store, request)!.Name, string.IsNullOrWhiteSpace(comment) ? null : comment);
            }
            catch (StoreException e)
            {
                return Html("不能执行", $"<h1>不能执行</h1><p>{E(e.Message)}</p><p><a href=\"/workspace\">返回工作台</a></p>", 409);
            }

            return Results.Redirect("/workspace");
        }).DisableAntiforgery();

        app.MapGet("/versions/{id:long}", (long id, HttpRequest request, int? saved) =>
        {
            using var store = open();
            var (user, refusal) = SignedIn(store, request);
            if (user is null)
            {
                return refusal!;
            }

            var (version, missing) = Pages.Open(store, user, id);
            if (version is null)
            {
                return missing!;
            }

            return Results.Content(VersionPage(store, request, user, version, saved), "text/html; charset=utf-8");
        });
    }

    /// <summary>The version as it would be published, under a panel with its state, actions, findings, changes and history.</summary>
    private static string VersionPage(BudgetStore store, HttpRequest request, User user, BudgetVersion version, int? saved)
    {
        var id = version.Id;
        var panel = new StringBuilder("<div class=\"workspace\" style=\"border:2px solid #2f6f9f;padding:8px 16px;margin:12px 0\">").Append(Navigation)
            .Append($"<h1>{E(version.DepartmentCode)} {version.FiscalYear} 年第 {version.Number} 版</h1><p>状态：<strong id=\"state\">{version.State.Title()}</strong>　修订：第 {version.Revision} 次</p>");
        if (saved is not null)
        {
            panel.Append($"<p class=\"saved\" role=\"status\">已保存（第 {version.Revision} 次修订），下面的表格、文字和检查结果已按新的内容重新编制。</p>");
        }

        if (version.State.IsEditable() && user.Role is "officer" or "admin")
        {
            panel.Append($"<p><a id=\"edit-ledger\" href=\"/versions/{id}/ledger\">编辑预算明细</a>　<a id=\"edit-text\" href=\"/versions/{id}/text\">编辑文字部分和绩效目标</a>　").Append(Action(id, "submit", "提交审核")).Append("</p>");
        }

        var findings = store.Findings(id);
        panel.Append($"<table id=\"findings\"><caption>检查结果（错误 {findings.Count(f => f.Severity == "error")}，警告 {findings.Count(f => f.Severity == "warning")}，提示 {findings.Count(f => f.Severity == "info")}）</caption><thead><tr><th scope=\"col\">级别</th><th scope=\"col\">规则</th><th scope=\"col\">说明</th></tr></thead><tbody>");
        foreach (var (rule, severity, message) in findings.OrderBy(f => f.Severity switch { "error" => 0, "warning" => 1, _ => 2 }))
        {
            panel.Append($"<tr class=\"{E(severity)}\"><td>{SeverityTitle(severity)}</td><td>{E(rule)}</td><td>{E(message)}</td></tr>");
        }

        panel.Append("</tbody></table>");

        // What changed since the previous version: amounts by function code, for the reviewer.
        var previous = store.Versions(version.DepartmentCode, version.FiscalYear).Where(v => v.Number < version.Number).OrderBy(v => v.Number).LastOrDefault();
        if (previous is not null)
        {
            static Dictionary<string, decimal> ByFunction(IEnumerable<(string Agency, string Function, string Economic, decimal Amount)> lines) =>
                lines.GroupBy(l => l.Function).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
            var before = ByFunction(store.Lines(previous.Id));
            var after = ByFunction(store.Lines(id));
            var changed = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
                .Select(code => (code, Before: before.GetValueOrDefault(code), After: after.GetValueOrDefault(code))).Where(c => c.Before != c.After).ToList();
            panel.Append($"<table id=\"diff\"><caption>与第 {previous.Number} 版相比（按功能分类，元）</caption><thead><tr><th scope=\"col\">科目</th><th scope=\"col\">第 {previous.Number} 版</th><th scope=\"col\">本版</th><th scope=\"col\">增减</th></tr></thead><tbody>");
            foreach (var (code, was, now) in changed)
            {
                panel.Append($"<tr><td>{E(code)}</td><td>{was:#,##0.00}</td><td>{now:#,##0.00}</td><td>{now - was:+#,##0.00;-#,##0.00}</td></tr>");
            }

            panel.Append(changed.Count == 0 ? "<tr><td colspan=\"4\">预算明细没有变化</td></tr>" : string.Empty).Append("</tbody></table>");
        }

        panel.Append("<details><summary>操作记录</summary><table><caption>操作记录</caption><thead><tr><th scope=\"col\">时间（UTC）</th><th scope=\"col\">人员</th><th scope=\"col\">操作</th></tr></thead><tbody>");
        foreach (var entry in store.AuditLog(id))
        {
            panel.Append($"<tr><td>{entry.At:yyyy-MM-dd HH:mm:ss}</td><td>{E(entry.Actor)}</td><td>{E(entry.Detail)}</td></tr>");
        }

        panel.Append("</tbody></table></details></div>");
        var disclosure = YusuanJson.DeserializeDisclosure(version.DisclosureJson);
        var document = disclosure is null ? Page("预算版本", string.Empty) : HtmlDocumentWriter.Write(DocumentLayout.From(disclosure));
        return document.Replace("<body>\n", "<body>\n" + Forms(request, panel.ToString()), StringComparison.Ordinal);
    }

    private static string SeverityTitle(string severity) => severity switch
    {
        "error" => "错误",
        "warning" => "警告",
        _ => "提示",
    };

    private static string Action(long id, string action, string label, bool withComment = false) =>
        $"<form method=\"post\" action=\"/versions/{id}/{action}\" style=\"display:inline\">"
        + (withComment ? $"<input name=\"comment\" placeholder=\"退回意见\" aria-label=\"退回意见\"> " : string.Empty)
        + $"<button type=\"submit\" data-action=\"{action}\">{label}</button></form> ";
}
