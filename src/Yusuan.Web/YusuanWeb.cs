using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Rounding;
using Yusuan.Formats.Datasets;
using Yusuan.Formats.Json;
using Yusuan.Publishing.Html;
using Yusuan.Publishing.Layout;
using Yusuan.Publishing.Office;
using Yusuan.Publishing.Pdf;
using Yusuan.Store;

namespace Yusuan.Web;

/// <summary>Where the application keeps its data and listens, and which dataset it loads, published, on first start.</summary>
public sealed record WebSettings(string Database, string Urls, string? SampleFolder);

/// <summary>
/// The web application: the public portal (departments and years, a department's published budget with its downloads and the
/// SHA-256 of its disclosure.json) and the JSON API. The database is created and migrated on first start and loaded with the
/// sample department, published, so a newcomer sees a real budget at once.
/// </summary>
public static class YusuanWeb
{
    public static WebApplication Build(WebSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "yusuan-antiforgery";
            options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
        });
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();

        using (var store = BudgetStore.Open(settings.Database))
        {
            store.Migrate();
            if (!store.HasDepartments() && settings.SampleFolder is { } sample && Directory.Exists(sample))
            {
                Seed(store, sample);
            }
        }

        BudgetStore Store() => BudgetStore.Open(settings.Database);

        app.MapGet("/", (string? q) =>
        {
            using var store = Store();
            var budgets = store.Published()
                .Where(b => string.IsNullOrWhiteSpace(q) || b.Name.Contains(q.Trim(), StringComparison.Ordinal) || b.Code.Contains(q.Trim(), StringComparison.Ordinal))
                .ToList();
            var body = new StringBuilder();
            body.Append("<nav><a href=\"/audit\">审计一份已公开的预算</a></nav><h1>部门预算公开</h1><form method=\"get\" action=\"/\" role=\"search\"><label for=\"q\">按部门名称或编码查找</label> ")
                .Append("<input id=\"q\" name=\"q\" value=\"").Append(E(q ?? string.Empty)).Append("\"> <button type=\"submit\">查找</button></form>");
            body.Append("<table><caption>已公开的部门预算（").Append(budgets.Count).Append("）</caption><thead><tr><th scope=\"col\">部门</th><th scope=\"col\">编码</th><th scope=\"col\">年度</th></tr></thead><tbody>");
            foreach (var (code, name, year, _) in budgets)
            {
                body.Append("<tr><td><a href=\"/budgets/").Append(E(code)).Append('/').Append(year).Append("\">").Append(E(name)).Append("</a></td><td>")
                    .Append(E(code)).Append("</td><td>").Append(year).Append("</td></tr>");
            }

            body.Append("</tbody></table>");
            if (budgets.Count == 0)
            {
                body.Append("<p>没有找到符合条件的部门预算。</p>");
            }

            return Results.Content(Page("部门预算公开", body.ToString()), "text/html; charset=utf-8");
        });

        app.MapGet("/budgets/{code}/{year:int}", (string code, int year) =>
        {
            using var store = Store();
            if (Find(store, code, year) is not { } found)
            {
                return Results.Content(Page("没有找到", $"<h1>没有找到</h1><p>{E(code)} {year} 年的部门预算尚未公开。</p><p><a href=\"/\">返回</a></p>"), "text/html; charset=utf-8", Encoding.UTF8, 404);
            }

            var html = HtmlDocumentWriter.Write(DocumentLayout.From(found.Disclosure));
            var banner = $"<aside class=\"published\" style=\"border:1px solid #8c959f;padding:8px 12px;margin:12px 0\"><a href=\"/\">← 全部部门</a>　第 {found.Version.Number} 版，公开于 {found.Version.PublishedAt:yyyy-MM-dd HH:mm} UTC。"
                + $"　下载：{string.Join("　", new[] { "pdf", "xlsx", "docx", "json" }.Select(f => $"<a href=\"/budgets/{E(code)}/{year}/disclosure.{f}\">{f.ToUpperInvariant()}</a>"))}"
                + $"　CSV：{string.Join(" ", found.Disclosure.Tables.Select(t => $"<a href=\"/budgets/{E(code)}/{year}/tables/{t.Id}.csv\">{t.Id}</a>"))}"
                + $"<br>disclosure.json 的 SHA-256：<code id=\"sha256\">{found.Version.Sha256}</code></aside>";
            var previous = Find(store, code, year - 1);
            var (source, rows) = YearComparison.Compare(found.Disclosure, previous?.Disclosure, previous?.Version.Number);
            banner += YearComparison.Html(source, rows);
            return Results.Content(html.Replace("<body>\n", "<body>\n" + banner, StringComparison.Ordinal), "text/html; charset=utf-8");
        });

        app.MapGet("/budgets/{code}/{year:int}/disclosure.{format}", (string code, int year, string format) =>
        {
            using var store = Store();
            if (Find(store, code, year) is not { } found)
            {
                return Results.NotFound();
            }

            var document = DocumentLayout.From(found.Disclosure);
            using var stream = new MemoryStream();
            switch (format)
            {
                case "json":
                    return Results.Text(found.Version.DisclosureJson, "application/json; charset=utf-8");
                case "pdf":
                    PdfDocumentWriter.Write(document, stream);
                    return Results.File(stream.ToArray(), "application/pdf", $"{code}-{year}.pdf");
                case "xlsx":
                    XlsxDocumentWriter.Write(document, null, stream);
                    return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{code}-{year}.xlsx");
                case "docx":
                    DocxDocumentWriter.Write(document, stream);
                    return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{code}-{year}.docx");
                default:
                    return Results.NotFound();
            }
        });

        app.MapGet("/audit", () => Results.Content(Page("审计已公开的预算", """
            <h1>审计已公开的部门预算</h1>
            <p>上传一份已公开的部门预算（PDF、XLSX、HTML 或 TXT，不超过 20 MB），Yusuan 提取其目录、文字和表格，按全部规则检查并列出问题。文件只用于本次检查，不会保存。</p>
            <form method="post" action="/audit" enctype="multipart/form-data">
            <label for="file">文件</label> <input id="file" name="file" type="file" accept=".pdf,.xlsx,.html,.htm,.txt" required>
            <button type="submit">开始审计</button>
            </form>
            """), "text/html; charset=utf-8"));
        app.MapPost("/audit", async (HttpRequest request) =>
        {
            var (result, problem) = await AuditUpload(request);
            return result is null
                ? Results.Content(Page("无法审计", $"<h1>无法审计</h1><p>{E(problem!.Value.Message)}</p><p><a href=\"/audit\">返回</a></p>"), "text/html; charset=utf-8", Encoding.UTF8, problem.Value.Status)
                : Results.Content(Formats.Audit.AuditReportWriter.Write([result]), "text/html; charset=utf-8");
        }).DisableAntiforgery();

        app.MapGet("/budgets/{code}/{year:int}/tables/{id}.csv", (string code, int year, string id) =>
        {
            using var store = Store();
            return Find(store, code, year)?.Disclosure.Table(id) is { } table
                ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Formats.Preview.TableCsvWriter.Write(table))).ToArray(), "text/csv; charset=utf-8", $"{code}-{year}-{id}.csv")
                : Results.NotFound();
        });

        var api = app.MapGroup("/api");
        api.MapPost("/audit", async (HttpRequest request) =>
        {
            var (result, problem) = await AuditUpload(request);
            return result is null
                ? Results.Problem(problem!.Value.Message, statusCode: problem.Value.Status)
                : Results.Json(new { disclosure = result.Disclosure, findings = result.Findings }, YusuanJson.Options);
        }).DisableAntiforgery();
        api.MapGet("/departments", () =>
        {
            using var store = Store();
            return Results.Json(store.Published().Select(b => new { code = b.Code, name = b.Name, fiscalYear = b.Year, version = b.Version.Number, sha256 = b.Version.Sha256 }), YusuanJson.Options);
        });
        api.MapGet("/budgets/{code}/{year:int}/tables", (string code, int year) =>
        {
            using var store = Store();
            return Find(store, code, year) is { } found
                ? Results.Text(found.Version.DisclosureJson, "application/json; charset=utf-8")
                : Results.Problem($"{code} {year} 年的部门预算尚未公开", statusCode: 404);
        });
        api.MapGet("/budgets/{code}/{year:int}/findings", (string code, int year) =>
        {
            using var store = Store();
            return Find(store, code, year) is { } found
                ? Results.Json(new { schema = YusuanJson.FindingsSchema, findings = store.Findings(found.Version.Id).Select(f => new { rule = f.Rule, severity = f.Severity, message = f.Message }) }, YusuanJson.Options)
                : Results.Problem($"{code} {year} 年的部门预算尚未公开", statusCode: 404);
        });
        MapWorkspace(api, Store);
        WorkspacePages.Map(app, Store);
        return app;
    }

    /// <summary>
    /// The write API of the workspace and the review: a token (Authorization: Bearer …) names the user, their role decides what
    /// they may do — an officer uploads a ledger for an agency they act for and submits; a reviewer returns or approves; the
    /// finance bureau publishes. Input problems are 400 with every row and column; a state the budget cannot take is 409.
    /// </summary>
    private static void MapWorkspace(RouteGroupBuilder api, Func<BudgetStore> open)
    {
        api.MapPost("/budgets/{code}/{year:int}/drafts", async (string code, int year, HttpRequest request) =>
        {
            using var store = open();
            if (Authorize(store, request, code, "officer", "admin") is { } denied)
            {
                return denied;
            }

            if (!request.HasFormContentType || (await request.ReadFormAsync()).Files.GetFile("ledger") is not { } file)
            {
                return Results.Problem("请以 multipart/form-data 上传预算明细（字段名 ledger，CSV 或 XLSX）", statusCode: 400);
            }

            var user = CurrentUser(store, request)!.Value;
            var draft = await CreateDraft(store, code, year, file, user.Name);
            if (draft.Problem is { } problem)
            {
                return Results.Problem(
                    problem,
                    statusCode: draft.Status,
                    extensions: new Dictionary<string, object?> { ["errors"] = draft.Errors.Select(p => new { file = p.File, row = p.Row, column = p.Column, reason = p.Reason }).ToList() });
            }

            var version = store.Get(draft.Id);
            return Results.Created($"/api/versions/{draft.Id}", new
            {
                id = draft.Id,
                number = version.Number,
                state = version.State.Key(),
                errors = draft.Findings.Count(f => f.Severity == Core.Findings.Severity.Error),
                warnings = draft.Findings.Count(f => f.Severity == Core.Findings.Severity.Warning),
            });
        }).DisableAntiforgery();

        api.MapPost("/versions/{id:long}/{action}", (long id, string action, string? comment, HttpRequest request) =>
        {
            using var store = open();
            var (to, roles) = Transition(action);
            if (roles.Length == 0)
            {
                return Results.Problem($"没有操作“{action}”（可用 submit、return、approve、publish）", statusCode: 404);
            }

            BudgetVersion version;
            try
            {
                version = store.Get(id);
            }
            catch (StoreException e)
            {
                return Results.Problem(e.Message, statusCode: 404);
            }

            if (Authorize(store, request, version.DepartmentCode, roles) is { } denied)
            {
                return denied;
            }

            try
            {
                store.Move(id, to, CurrentUser(store, request)!.Value.Name, comment);
                var moved = store.Get(id);
                return Results.Ok(new { id, number = moved.Number, state = moved.State.Key(), sha256 = moved.Sha256 });
            }
            catch (StoreException e)
            {
                return Results.Problem(e.Message, statusCode: 409);
            }
        });
    }

    /// <summary>What an action does and who may take it: a unit submits; 主管部门 and 财政局 return or approve; 财政局 publishes.</summary>
    internal static (BudgetState To, string[] Roles) Transition(string action) => action switch
    {
        "submit" => (BudgetState.Submitted, ["officer", "admin"]),
        "return" => (BudgetState.Returned, ["reviewer", "finance", "admin"]),
        "approve" => (BudgetState.Approved, ["reviewer", "finance", "admin"]),
        "publish" => (BudgetState.Published, ["finance", "admin"]),
        _ => (BudgetState.Draft, []),
    };

    /// <summary>The caller's token: the Authorization header for the API, the sign-in cookie for the pages.</summary>
    internal static string? Token(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim()
        : request.Cookies.TryGetValue(WorkspacePages.Cookie, out var cookie) ? cookie : null;

    /// <summary>The signed-in user, by the bearer token or the sign-in cookie.</summary>
    internal static (string Name, string Role, IReadOnlyList<string> Agencies)? CurrentUser(BudgetStore store, HttpRequest request) =>
        Token(request) is { Length: > 0 } token ? store.UserByToken(token) : null;

    /// <summary>An officer acts for his own agencies only; reviewers, the finance bureau and admins for every department.</summary>
    internal static bool ActsFor((string Name, string Role, IReadOnlyList<string> Agencies) user, string department) =>
        user.Role != "officer" || user.Agencies.Contains(department);

    /// <summary>401 without a valid token; 403 when the user's role may not act, or an officer does not act for the department.</summary>
    internal static IResult? Authorize(BudgetStore store, HttpRequest request, string department, params string[] roles)
    {
        if (CurrentUser(store, request) is not { } user)
        {
            return Results.Problem("需要有效的令牌（Authorization: Bearer …）", statusCode: 401);
        }

        if (!roles.Contains(user.Role))
        {
            return Results.Problem($"{user.Name}（{user.Role}）无权执行此操作", statusCode: 403);
        }

        if (!ActsFor(user, department))
        {
            return Results.Problem($"{user.Name} 不代表单位 {department}", statusCode: 403);
        }

        return null;
    }

    /// <summary>What uploading a ledger gave: a new draft with its findings, or why nothing was compiled (with every problem).</summary>
    internal sealed record DraftResult(long Id, IReadOnlyList<Core.Findings.Finding> Findings, string? Problem, int Status, IReadOnlyList<Core.Findings.InputProblem> Errors);

    /// <summary>Compiles an uploaded ledger with the department's stored profile and goals, checks it and stores it as a new draft.</summary>
    internal static async Task<DraftResult> CreateDraft(BudgetStore store, string code, int year, IFormFile file, string actor)
    {
        var (profile, performance) = store.DepartmentFiles(code);
        if (profile is null)
        {
            return new DraftResult(0, [], $"部门 {code} 没有 profile，不能编制", 404, []);
        }

        var folder = Path.Combine(Path.GetTempPath(), "yusuan-draft-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "profile.yaml"), profile);
            if (performance is not null)
            {
                File.WriteAllText(Path.Combine(folder, "performance.yaml"), performance);
            }

            var ledger = Path.Combine(folder, file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "ledger.xlsx" : "ledger.csv");
            await using (var stream = File.Create(ledger))
            {
                await file.CopyToAsync(stream);
            }

            var (dataset, problems) = Dataset.Load(folder);
            if (dataset is null)
            {
                return new DraftResult(0, [], $"预算明细无法使用（{problems.Count} 处问题），未编制", 400, problems);
            }

            if (dataset.Profile.FiscalYear != year)
            {
                return new DraftResult(0, [], $"profile 的年度为 {dataset.Profile.FiscalYear}，不是 {year}", 400, []);
            }

            var catalogue = ClassificationCatalogue.BuiltIn();
            var compiled = dataset.Compile(catalogue, RoundingMode.Controlled);
            var findings = dataset.Check(compiled, catalogue);
            var id = store.CreateDraft(code, year, dataset.Ledger.Lines(), YusuanJson.Serialize(compiled.Disclosure), findings, actor);
            return new DraftResult(id, findings, null, 201, []);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Uploads larger than this are refused before they are read.</summary>
    public const long MaxUpload = 20 * 1024 * 1024;

    /// <summary>Audits one uploaded file in a temporary folder that is removed afterwards: nothing is kept.</summary>
    private static async Task<(Formats.Audit.AuditResult? Result, (string Message, int Status)? Problem)> AuditUpload(HttpRequest request)
    {
        if (request.ContentLength > MaxUpload)
        {
            return (null, ($"文件超过 {MaxUpload / 1024 / 1024} MB", 413));
        }

        if (!request.HasFormContentType)
        {
            return (null, ("请以 multipart/form-data 上传文件（字段名 file）", 400));
        }

        var form = await request.ReadFormAsync();
        if (form.Files.GetFile("file") is not { } file || file.Length == 0)
        {
            return (null, ("没有收到文件（字段名 file）", 400));
        }

        if (file.Length > MaxUpload)
        {
            return (null, ($"文件超过 {MaxUpload / 1024 / 1024} MB", 413));
        }

        var folder = Path.Combine(Path.GetTempPath(), "yusuan-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var name = Path.GetFileName(file.FileName);
            var path = Path.Combine(folder, string.IsNullOrWhiteSpace(name) ? "upload" : name);
            await using (var stream = File.Create(path))
            {
                await file.CopyToAsync(stream);
            }

            return (Formats.Audit.Auditor.Audit(path, ClassificationCatalogue.BuiltIn()), null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (BudgetVersion Version, Disclosure Disclosure)? Find(BudgetStore store, string code, int year)
    {
        var published = store.Published(code, year);
        return published is null ? null : (published, YusuanJson.DeserializeDisclosure(published.DisclosureJson)!);
    }

    /// <summary>Compiles, checks and publishes the sample dataset, so the portal shows a real budget on first start.</summary>
    private static void Seed(BudgetStore store, string folder)
    {
        var (dataset, problems) = Dataset.Load(folder);
        if (dataset is null)
        {
            throw new InvalidOperationException("Sample dataset unusable: " + problems[0]);
        }

        var catalogue = ClassificationCatalogue.BuiltIn();
        var compiled = dataset.Compile(catalogue, RoundingMode.Controlled);
        var findings = dataset.Check(compiled, catalogue);
        store.SaveDepartment(compiled.Disclosure.Department.Code, compiled.Disclosure.Department.Name);
        var performance = Path.Combine(folder, "performance.yaml");
        store.SaveDepartmentFiles(compiled.Disclosure.Department.Code, File.ReadAllText(Path.Combine(folder, "profile.yaml")), File.Exists(performance) ? File.ReadAllText(performance) : null);
        var id = store.CreateDraft(compiled.Disclosure.Department.Code, compiled.Disclosure.FiscalYear, dataset.Ledger.Lines(), YusuanJson.Serialize(compiled.Disclosure), findings, "系统（示例数据）");
        foreach (var state in new[] { BudgetState.Submitted, BudgetState.Approved, BudgetState.Published })
        {
            store.Move(id, state, "系统（示例数据）");
        }
    }

    internal static string E(string text) => WebUtility.HtmlEncode(text);

    internal static string Page(string title, string body) =>
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + E(title) + " · Yusuan</title>\n<style>body{font-family:\"Noto Sans SC\",\"Microsoft YaHei\",sans-serif;max-width:960px;margin:0 auto;padding:24px;color:#1f2328}"
        + "table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border:1px solid #8c959f;padding:4px 8px;text-align:left}a{color:#2f6f9f}</style>\n</head>\n<body>\n"
        + body + "\n</body>\n</html>\n";
}
