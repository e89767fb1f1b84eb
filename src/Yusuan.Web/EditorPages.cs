using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Yusuan.Core.Findings;
using Yusuan.Formats.Ledger;
using Yusuan.Store;
using static Yusuan.Web.Pages;
using static Yusuan.Web.YusuanWeb;

namespace Yusuan.Web;

/// <summary>
/// Editing a draft in the browser: its ledger as a grid (change cells, delete rows, add rows) and its text parts and performance
/// goals. Every save recompiles and rechecks the whole budget; a save that cannot compile shows each problem beside its row and
/// keeps what was typed. Each form carries the revision it was made from: if someone else saved first, the save is refused
/// with who and when, and the typed content stays on the page.
/// </summary>
internal static class EditorPages
{
    /// <summary>Blank rows at the end of the grid, for adding lines.</summary>
    private const int BlankRows = 3;

    public static void Map(WebApplication app, Func<BudgetStore> open)
    {
        app.MapGet("/versions/{id:long}/ledger", (long id, HttpRequest request) =>
            Editable(open, request, id, (store, user, version, files) =>
            {
                var rows = Drafts.Rows(files.LedgerCsv);
                return Grid(request, version, version.Revision, rows[0].Fields, rows.Skip(1).Select(r => r.Fields).ToList(), [], null, 200);
            }));

        app.MapPost("/versions/{id:long}/ledger", async (long id, HttpRequest request) =>
        {
            if (await RefuseForgedForm(request) is { } forged)
            {
                return forged;
            }

            var form = await request.ReadFormAsync();
            return Editable(open, request, id, (store, user, version, files) =>
            {
                var header = form["h"].Select(h => h ?? string.Empty).ToList();
                var cells = form["c"].Select(c => c ?? string.Empty).ToList();
                if (header.Count == 0 || cells.Count % header.Count != 0 || !int.TryParse(form["revision"], out var revision))
                {
                    return Html("无法保存", "<h1>无法保存</h1><p>提交的表格不完整，请刷新页面后重新编辑。</p>", 400);
                }

                var deleted = form["delete"].Select(d => int.TryParse(d, out var i) ? i : -1).ToHashSet();
                var rows = cells.Chunk(header.Count).Select((row, index) => (row, index))
                    .Where(r => !deleted.Contains(r.index) && r.row.Any(c => c.Trim().Length > 0))
                    .Select(r => (IReadOnlyList<string>)r.row.Select(c => c.Trim()).ToList()).ToList();
                var changed = files with { LedgerCsv = LedgerCsv.Write(rows.Prepend(header)) };
                return Save(store, user, version, revision, changed, "修改预算明细", (problems, message, status, current) => Grid(request, version, current, header, rows, problems, message, status));
            });
        }).DisableAntiforgery();

        app.MapGet("/versions/{id:long}/text", (long id, HttpRequest request) =>
            Editable(open, request, id, (store, user, version, files) => Text(request, version, version.Revision, files.Profile, files.Performance ?? string.Empty, [], null, 200)));

        app.MapPost("/versions/{id:long}/text", async (long id, HttpRequest request) =>
        {
            if (await RefuseForgedForm(request) is { } forged)
            {
                return forged;
            }

            var form = await request.ReadFormAsync();
            return Editable(open, request, id, (store, user, version, files) =>
            {
                if (!int.TryParse(form["revision"], out var revision))
                {
                    return Html("无法保存", "<h1>无法保存</h1><p>提交的表单不完整，请刷新页面后重新编辑。</p>", 400);
                }

                var profile = form["profile"].ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
                var performance = form["performance"].ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
                var changed = files with { Profile = profile, Performance = performance.Trim().Length == 0 ? null : performance };
                return Save(store, user, version, revision, changed, "修改文字部分和绩效目标", (problems, message, status, current) => Text(request, version, current, profile, performance, problems, message, status));
            });
        }).DisableAntiforgery();
    }

    /// <summary>Runs <paramref name="edit"/> for an officer (or admin) acting for the version's agency, while the unit still holds the version.</summary>
    private static IResult Editable(Func<BudgetStore> open, HttpRequest request, long id, Func<BudgetStore, User, BudgetVersion, VersionFiles, IResult> edit)
    {
        using var store = open();
        var (user, refusal) = SignedIn(store, request, "officer", "admin");
        if (user is null)
        {
            return refusal!;
        }

        var (version, missing) = Pages.Open(store, user, id);
        if (version is null)
        {
            return missing!;
        }

        if (!version.State.IsEditable())
        {
            return Html("不能修改", $"<h1>不能修改</h1><p>第 {version.Number} 版处于“{version.State.Title()}”状态，只有草稿和退回的版本可以修改。</p><p><a href=\"/versions/{id}\">返回</a></p>", 409);
        }

        return store.Files(id) is { } files
            ? edit(store, user, version, files)
            : Html("不能修改", $"<h1>不能修改</h1><p>第 {version.Number} 版没有保存明细原文，请在工作台重新上传预算明细。</p>", 409);
    }

    /// <summary>Recompiles and saves; on a problem or a conflict, shows the form again with what was typed.</summary>
    private static IResult Save(BudgetStore store, User user, BudgetVersion version, int revision, VersionFiles files, string what, Func<IReadOnlyList<InputProblem>, string?, int, int, IResult> again)
    {
        try
        {
            var result = Drafts.Save(store, version, revision, files, user.Name, what);
            return result.Compiled
                ? Results.Redirect($"/versions/{version.Id}?saved=1")
                : again(result.Problems, $"有 {result.Problems.Count} 处问题，没有保存。请改正后再保存；你填写的内容都还在。", 400, revision);
        }
        catch (StoreConflictException e)
        {
            // The form now carries the stored revision: saving it again replaces the other person's save, knowingly.
            return again([], $"{e.Message}。你填写的内容都还在下面：可以打开第 {version.Number} 版查看对方的修改，或再次保存以你的内容为准。", 409, e.Revision);
        }
        catch (StoreException e)
        {
            return Html("不能修改", $"<h1>不能修改</h1><p>{E(e.Message)}</p>", 409);
        }
    }

    private static IResult Grid(HttpRequest request, BudgetVersion version, int revision, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<InputProblem> problems, string? message, int status)
    {
        var labels = header.Select(h => LedgerColumn.All.FirstOrDefault(c => c.Matches(h)) is { } column && column.Titles.Length > 0 ? column.Titles[0] : h).ToList();
        var body = new StringBuilder($"<h1>编辑预算明细：{E(version.DepartmentCode)} {version.FiscalYear} 年第 {version.Number} 版</h1>")
            .Append("<p>改动单元格、勾选要删除的行、在末尾空行中新增明细，然后保存：保存后全部表格和检查结果按新的明细重新编制。金额单位为元。</p>");
        AppendMessage(body, message, problems.Where(p => p.Row is null));
        body.Append($"<form method=\"post\" action=\"/versions/{version.Id}/ledger\"><input type=\"hidden\" name=\"revision\" value=\"{revision}\">")
            .Append(string.Concat(header.Select(h => $"<input type=\"hidden\" name=\"h\" value=\"{E(h)}\">")))
            .Append("<div style=\"overflow-x:auto\"><table id=\"grid\"><caption>预算明细（").Append(rows.Count).Append(" 行）</caption><thead><tr><th scope=\"col\">行</th><th scope=\"col\">问题</th>")
            .Append(string.Concat(labels.Select(l => $"<th scope=\"col\">{E(l)}</th>"))).Append("<th scope=\"col\">删除</th></tr></thead><tbody>");
        for (var index = 0; index < rows.Count + BlankRows; index++)
        {
            var row = index < rows.Count ? rows[index] : [];
            var number = index + 2;
            var here = index < rows.Count ? problems.Where(p => p.Row == number).ToList() : [];
            body.Append(here.Count > 0 ? "<tr class=\"problem\" style=\"background:#fff1f0\">" : "<tr>").Append($"<th scope=\"row\">{(index < rows.Count ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : "新增")}</th><td class=\"problems\" style=\"color:#cf222e\">")
                .Append(string.Join("<br>", here.Select(p => E((p.Column is null ? string.Empty : $"列“{p.Column}”：") + p.Reason)))).Append("</td>");
            for (var column = 0; column < header.Count; column++)
            {
                var invalid = here.Any(p => p.Column is { } c && string.Equals(c, header[column], StringComparison.OrdinalIgnoreCase));
                var value = column < row.Count ? row[column] : string.Empty;
                body.Append($"<td><input name=\"c\" value=\"{E(value)}\" size=\"{Math.Clamp(value.Length + 1, 6, 24)}\" aria-label=\"第 {number} 行 {E(labels[column])}\"{(invalid ? " aria-invalid=\"true\" style=\"outline:2px solid #cf222e\"" : string.Empty)}></td>");
            }

            body.Append("<td>").Append(index < rows.Count ? $"<input type=\"checkbox\" name=\"delete\" value=\"{index}\" aria-label=\"删除第 {number} 行\">" : string.Empty).Append("</td></tr>");
        }

        body.Append("</tbody></table></div><button type=\"submit\" id=\"save\">保存并重新编制</button></form>")
            .Append($"<p><a href=\"/versions/{version.Id}\">返回第 {version.Number} 版</a></p>");
        return Html("编辑预算明细", Forms(request, body.ToString()), status);
    }

    private static IResult Text(HttpRequest request, BudgetVersion version, int revision, string profile, string performance, IReadOnlyList<InputProblem> problems, string? message, int status)
    {
        var body = new StringBuilder($"<h1>编辑文字部分和绩效目标：{E(version.DepartmentCode)} {version.FiscalYear} 年第 {version.Number} 版</h1>")
            .Append("<p>文字部分（部门职责、机构设置、预算收支增减变化原因等）在 profile 的 text 节，绩效目标在 performance 中。格式见 docs/input.md；保存后全部表格、文字和检查结果重新编制。</p>");
        AppendMessage(body, message, problems);
        body.Append($"<form method=\"post\" action=\"/versions/{version.Id}/text\"><input type=\"hidden\" name=\"revision\" value=\"{revision}\">")
            .Append($"<p><label for=\"profile\">profile.yaml（部门概况和文字部分）</label><br><textarea id=\"profile\" name=\"profile\" rows=\"24\" cols=\"110\" spellcheck=\"false\">{E(profile)}</textarea></p>")
            .Append($"<p><label for=\"performance\">performance.yaml（绩效目标）</label><br><textarea id=\"performance\" name=\"performance\" rows=\"24\" cols=\"110\" spellcheck=\"false\">{E(performance)}</textarea></p>")
            .Append("<button type=\"submit\" id=\"save\">保存并重新编制</button></form>")
            .Append($"<p><a href=\"/versions/{version.Id}\">返回第 {version.Number} 版</a></p>");
        return Html("编辑文字部分和绩效目标", Forms(request, body.ToString()), status);
    }

    private static void AppendMessage(StringBuilder body, string? message, IEnumerable<InputProblem> problems)
    {
        if (message is not null)
        {
            body.Append($"<p class=\"error\" role=\"alert\" style=\"color:#cf222e\">{E(message)}</p>");
        }

        var listed = problems.ToList();
        if (listed.Count > 0)
        {
            body.Append("<ul class=\"problems\">").Append(string.Concat(listed.Select(p => $"<li>{E(p.ToString())}</li>"))).Append("</ul>");
        }
    }
}
