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
using Yusuan.Web.Pages;
using static Yusuan.Web.PageFrame;

namespace Yusuan.Web;

/// <summary>Where the application keeps its data and listens, and which dataset it loads, published, on first start.</summary>
/// <remarks>
/// When <see cref="FirstAccounts"/> is given and the database has no users, accounts to try the application with are created and
/// handed to it (once) to show their passwords.
/// </remarks>
public sealed record WebSettings(string Database, string Urls, string? SampleFolder, Action<IReadOnlyList<(string Name, string Role, string Password)>>? FirstAccounts = null)
{
    /// <summary>How uploaded documents are read for audit; null: in this process (<see cref="InProcessAudits"/>).</summary>
    public IUploadAuditor? UploadAuditor { get; init; }

    /// <summary>
    /// Whether who submits a version may not approve it and who approves it may not publish it (true, the default); a small
    /// office where one person does both turns it off (yusuan serve --combined-duties).
    /// </summary>
    public bool SeparateDuties { get; init; } = true;

    /// <summary>Further logging set-up (a host's own provider; a test's that keeps what is logged); null: the console's.</summary>
    public Action<ILoggingBuilder>? Logging { get; init; }
}

/// <summary>How versions move in this installation: whether one account may take two steps of the review (see <see cref="WebSettings.SeparateDuties"/>).</summary>
public sealed record Workflow(bool SeparateDuties);

/// <summary>
/// The web application: the public portal (departments and years, a department's published budget with its downloads and the
/// SHA-256 of its disclosure.json) and the JSON API. The database is created and migrated on first start and loaded with the
/// sample department, published, so a newcomer sees a real budget at once.
/// </summary>
public static class YusuanWeb
{
    public static WebApplication Build(WebSettings settings)
    {
        // The pages are compiled into this assembly, whichever program hosts it.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(YusuanWeb).Assembly.GetName().Name });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        settings.Logging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxUpload + (1 << 20));
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = MaxUpload;

            // The ledger grid posts the whole ledger as JSON in one field.
            form.ValueLengthLimit = (int)MaxUpload;
        });
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = Problems.Customize);
        builder.Services.AddExceptionHandler<Problems>();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(new StoreFactory(settings.Database));
        builder.Services.AddSingleton(settings.UploadAuditor ?? new InProcessAudits());
        builder.Services.AddSingleton(new Workflow(settings.SeparateDuties));
        builder.Services.AddSingleton<PortalList>();
        SignInGuard.AddTo(builder.Services);

        // Behind a TLS-terminating proxy on this machine (nginx, Caddy): the scheme and address it forwards are the request's,
        // so cookies are Secure and the sign-in limit counts the real addresses. Only loopback proxies are believed.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto);

        // Chinese text stays readable in the page source; the characters HTML needs escaped still are.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddRazorPages().AddMvcOptions(options => options.Filters.Add(new ForgedFormPage()));
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "yusuan-antiforgery";
            options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
        });
        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new Microsoft.Extensions.FileProviders.EmbeddedFileProvider(typeof(YusuanWeb).Assembly, "Yusuan.Web.static"),
            RequestPath = "/static",
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRateLimiter();
        app.UseExceptionHandler();
        // An empty error answer (a page that is not there, a method not allowed) is a page in the site's style for a browser
        // and ProblemDetails (with its Chinese title) for the API and every other client.
        app.UseStatusCodePages(async statusContext =>
        {
            var http = statusContext.HttpContext;
            var status = http.Response.StatusCode;
            if (!http.Request.Path.StartsWithSegments("/api") && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                var text = status == StatusCodes.Status404NotFound ? "没有这个页面：链接可能有误，或内容已经移走。" : "这个请求无法完成。";
                await http.Response.WriteAsync(PageFrame.Message(Problems.Title(status), text, "/", navigation: false));
                return;
            }

            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = status } });
        });
        app.MapOpenApi();

        using (var store = BudgetStore.Open(settings.Database))
        {
            store.Migrate();
            if (!store.HasDepartments() && settings.SampleFolder is { } sample && Directory.Exists(sample))
            {
                Seed(store, sample);
            }

            if (settings.FirstAccounts is { } announce && store.Users().Count == 0)
            {
                announce(CreateFirstAccounts(store, store.Departments().Select(d => d.Code).ToList()));
            }
        }

        BudgetStore Store() => BudgetStore.Open(settings.Database);

        // A published version never changes, so its page is rendered once per (version, last year's version) and then served
        // from memory; only the lookup of which version is the latest goes to the database.
        var rendered = new RenderedPages(capacity: 512);
        app.MapGet("/budgets/{code}/{year:int}", (string code, int year, HttpContext context) =>
        {
            using var store = Store();
            if (store.PublishedId(code, year) is not { } id)
            {
                return Results.Content(PageFrame.Page("没有找到", $"<h1>没有找到</h1><p>{E(code)} {year} 年的部门预算尚未公开。</p><p><a href=\"/\">返回</a></p>"), "text/html; charset=utf-8", Encoding.UTF8, 404);
            }

            var previousId = store.PublishedId(code, year - 1);
            var page = rendered.Get(id, previousId, () => PublicPage(store, code, year));
            context.Response.Headers.ETag = page.ETag;
            return context.Request.Headers.IfNoneMatch == page.ETag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(page.Body, "text/html; charset=utf-8");
        });

        app.MapGet("/budgets/{code}/{year:int}/disclosure.{format}", (string code, int year, string format) =>
        {
            using var store = Store();
            if (store.PublishedId(code, year) is not { } id)
            {
                return Results.NotFound();
            }

            // A published version never changes: each of its documents is rendered once and kept in the store.
            byte[] Kept(string kind, Action<PrintedDocument, Stream> render)
            {
                if (store.Rendered(id, kind) is { } kept)
                {
                    return kept;
                }

                using var stream = new MemoryStream();
                render(DocumentLayout.From(Find(store, code, year)!.Value.Disclosure), stream);
                return store.KeepRendered(id, kind, stream.ToArray());
            }

            return format switch
            {
                "json" => Results.Text(store.Get(id).DisclosureJson, "application/json; charset=utf-8"),
                "pdf" => Results.File(Kept("pdf", (d, s) => PdfDocumentWriter.Write(d, s)), "application/pdf", $"{code}-{year}.pdf"),
                "xlsx" => Results.File(Kept("xlsx", (d, s) => XlsxDocumentWriter.Write(d, null, s)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{code}-{year}.xlsx"),
                "docx" => Results.File(Kept("docx", DocxDocumentWriter.Write), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{code}-{year}.docx"),
                _ => Results.NotFound(),
            };
        });

        app.MapGet("/budgets/{code}/{year:int}/tables/{id}.csv", (string code, int year, string id) =>
        {
            using var store = Store();
            return Find(store, code, year)?.Disclosure.Table(id) is { } table
                ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Formats.Preview.TableCsvWriter.Write(table))).ToArray(), "text/csv; charset=utf-8", $"{code}-{year}-{id}.csv")
                : Results.NotFound();
        });

        var api = app.MapGroup("/api");

        // A browser sends the session cookie with any request, another site's form posts included: a change through the API
        // with the cookie alone is refused; a script gives its token, a page of this site its antiforgery token.
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method)
                && !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                && http.Request.Cookies.ContainsKey(SignInModel.Cookie)
                && !await http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().IsRequestValidAsync(http))
            {
                return Results.Problem("以登录状态（Cookie）调用 API 修改数据时，须附带本站页面的防伪令牌（请求头 RequestVerificationToken）；脚本请改用 Authorization: Bearer 令牌", statusCode: 403);
            }

            return await next(context);
        });
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
            return Results.Json(store.PublishedList(null, null, 0, int.MaxValue).Page.Select(b => new { code = b.Code, name = b.Name, fiscalYear = b.Year, version = b.Number, sha256 = b.Sha256 }), YusuanJson.Options);
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
                ? Results.Text(YusuanJson.Serialize(store.Findings(found.Version.Id)), "application/json; charset=utf-8")
                : Results.Problem($"{code} {year} 年的部门预算尚未公开", statusCode: 404);
        });
        MapWorkspace(api, Store, settings.SeparateDuties);
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// The write API of the workspace and the review: a token (Authorization: Bearer …) names the user, their role decides what
    /// they may do — an officer uploads a ledger for an agency they act for and submits; a reviewer returns or approves; the
    /// finance bureau publishes. Input problems are 400 with every row and column; a state the budget cannot take is 409.
    /// </summary>
    private static void MapWorkspace(RouteGroupBuilder api, Func<BudgetStore> open, bool separateDuties)
    {
        // One's own API tokens: listed (id, label, dates — never the token), made (shown once) and revoked.
        api.MapGet("/tokens", (HttpRequest request) =>
        {
            using var store = open();
            return CurrentUser(store, request) is not { } user
                ? SignInRequired()
                : Results.Json(store.Tokens(user.Name).Select(t => new { id = t.Id, label = t.Label, createdAt = t.CreatedAt, expiresAt = t.ExpiresAt }), YusuanJson.Options);
        });
        api.MapPost("/tokens", (string? label, int? days, HttpRequest request) =>
        {
            using var store = open();
            if (CurrentUser(store, request) is not { } user)
            {
                return SignInRequired();
            }

            var lifetime = days ?? (int)BudgetStore.TokenLifetime.TotalDays;
            if (lifetime is < 1 or > 366)
            {
                return Results.Problem("令牌有效期（days）须在 1 到 366 天之间", statusCode: 400);
            }

            var name = string.IsNullOrWhiteSpace(label) ? "API 令牌" : label.Trim()[..Math.Min(label.Trim().Length, 60)];
            var token = store.NewToken(user.Name, name, TimeSpan.FromDays(lifetime), user.Name);
            var made = store.Tokens(user.Name).First(t => t.Id == BudgetStore.TokenId(token));
            return Results.Json(new { id = made.Id, label = made.Label, expiresAt = made.ExpiresAt, token }, YusuanJson.Options, statusCode: 201);
        });
        api.MapDelete("/tokens/{id}", (string id, HttpRequest request) =>
        {
            using var store = open();
            if (CurrentUser(store, request) is not { } user)
            {
                return SignInRequired();
            }

            return store.RevokeToken(user.Name, id, user.Name) ? Results.NoContent() : Results.Problem($"没有编号为 {id} 的有效令牌", statusCode: 404);
        });

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

            var (id, result, _) = await Drafts.Create(store, code, year, file, CurrentUser(store, request)!.Name);
            if (!result.Compiled)
            {
                return InputProblems($"预算明细无法使用（{result.Problems.Count} 处问题），未编制", result.Problems);
            }

            var version = store.Get(id);
            return Results.Created($"/api/versions/{id}", VersionSummary(version, result.Findings.Select(f => f.Severity)));
        }).DisableAntiforgery();

        api.MapGet("/versions/{id:long}", (long id, HttpRequest request) =>
        {
            using var store = open();
            if (Anonymous(store, request) || store.Find(id) is not { } version)
            {
                return NoVersion(id);
            }

            return Authorize(store, request, version.DepartmentCode, "officer", "reviewer", "finance", "admin") is { } denied
                ? denied
                : Results.Json(VersionSummary(version, store.Findings(id).Select(f => f.Severity)), YusuanJson.Options);
        });

        // A version's findings whole (yusuan.findings/1), for whoever may open the version.
        api.MapGet("/versions/{id:long}/findings", (long id, HttpRequest request) =>
        {
            using var store = open();
            if (Anonymous(store, request) || store.Find(id) is not { } version)
            {
                return NoVersion(id);
            }

            return Authorize(store, request, version.DepartmentCode, "officer", "reviewer", "finance", "admin") is { } denied
                ? denied
                : Results.Text(YusuanJson.Serialize(store.Findings(id)), "application/json; charset=utf-8");
        });

        // Replaces a draft's ledger (the CSV as the request body). If-Match names the revision the change was made from; a save
        // from an older revision is 409 and changes nothing.
        api.MapPut("/versions/{id:long}/ledger", async (long id, HttpRequest request) =>
        {
            using var store = open();
            if (Anonymous(store, request) || store.Find(id) is not { } version)
            {
                return NoVersion(id);
            }

            if (Authorize(store, request, version.DepartmentCode, "officer", "admin") is { } denied)
            {
                return denied;
            }

            if (!int.TryParse(request.Headers.IfMatch.ToString().Trim('"', ' ', 'W', '/'), out var revision))
            {
                return Results.Problem($"请在 If-Match 中给出修改所依据的修订号（现为 {version.Revision}）", statusCode: 428);
            }

            if (request.ContentLength > MaxUpload)
            {
                return Results.Problem($"预算明细超过 {MaxUpload / 1024 / 1024} MB", statusCode: 413);
            }

            var csv = await new StreamReader(request.Body).ReadToEndAsync();
            var files = store.Files(id) ?? new VersionFiles(string.Empty, store.DepartmentFiles(version.DepartmentCode).Profile ?? string.Empty, null);
            try
            {
                var result = Drafts.Save(store, version, revision, files with { LedgerCsv = csv }, CurrentUser(store, request)!.Name, "修改预算明细");
                return result.Compiled
                    ? Results.Json(VersionSummary(store.Get(id), result.Findings.Select(f => f.Severity)), YusuanJson.Options)
                    : InputProblems($"预算明细无法使用（{result.Problems.Count} 处问题），未保存", result.Problems);
            }
            catch (StoreException e)
            {
                return Results.Problem(e.Message, statusCode: 409, extensions: new Dictionary<string, object?> { ["revision"] = store.Get(id).Revision });
            }
        });

        api.MapPost("/versions/{id:long}/{action}", (long id, string action, string? comment, HttpRequest request) =>
        {
            using var store = open();
            var (to, roles) = Transition(action);
            if (roles.Length == 0)
            {
                return Results.Problem($"没有操作“{action}”（可用 submit、return、approve、publish）", statusCode: 404);
            }

            if (Anonymous(store, request) || store.Find(id) is not { } version)
            {
                return NoVersion(id);
            }

            if (Authorize(store, request, version.DepartmentCode, roles) is { } denied)
            {
                return denied;
            }

            try
            {
                store.Move(id, to, CurrentUser(store, request)!.Name, comment, separateDuties);
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

    /// <summary>
    /// Whether nobody is signed in: to such a caller a version that exists and one that does not answer the same 404, so the
    /// API does not tell strangers which drafts there are.
    /// </summary>
    private static bool Anonymous(BudgetStore store, HttpRequest request) => CurrentUser(store, request) is null;

    /// <summary>401: nobody signed in and no valid token.</summary>
    private static IResult SignInRequired() => Results.Problem("需要登录，或在 Authorization: Bearer … 中给出有效的 API 令牌", statusCode: 401);

    private static IResult NoVersion(long id) => Results.Problem($"没有编号为 {id} 的预算版本", statusCode: 404);

    /// <summary>The caller: by the API token (Authorization: Bearer …) for scripts, by the session cookie for people signed in to the pages.</summary>
    internal static User? CurrentUser(BudgetStore store, HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? store.UserByToken(header[7..].Trim())
            : request.Cookies.TryGetValue(SignInModel.Cookie, out var session) && session.Length > 0 ? store.UserBySession(session) : null;

    /// <summary>An officer acts for his own agencies only; reviewers, the finance bureau and admins for every department.</summary>
    internal static bool ActsFor(User user, string department) =>
        user.Role != "officer" || user.Agencies.Contains(department);

    /// <summary>401 without a valid token; 403 when the user's role may not act, or an officer does not act for the department.</summary>
    internal static IResult? Authorize(BudgetStore store, HttpRequest request, string department, params string[] roles)
    {
        if (CurrentUser(store, request) is not { } user)
        {
            return SignInRequired();
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

    /// <summary>The public page of a published budget: the document under a banner with its version, downloads and digest, and last year's comparison.</summary>
    private static string PublicPage(BudgetStore store, string code, int year)
    {
        var found = Find(store, code, year) ?? throw new InvalidOperationException($"{code} {year} is not published");
        var html = HtmlDocumentWriter.Write(DocumentLayout.From(found.Disclosure));
        var banner = $"<aside class=\"published\" style=\"border:1px solid #8c959f;padding:8px 12px;margin:12px 0\"><a href=\"/\">← 全部部门</a>　第 {found.Version.Number} 版，公开于 {(found.Version.PublishedAt is { } at ? PageFrame.BeijingTime(at) : string.Empty)}。"
            + $"　下载：{string.Join("　", new[] { "pdf", "xlsx", "docx", "json" }.Select(f => $"<a href=\"/budgets/{E(code)}/{year}/disclosure.{f}\">{f.ToUpperInvariant()}</a>"))}"
            + $"　CSV：{string.Join(" ", found.Disclosure.Tables.Select(t => $"<a href=\"/budgets/{E(code)}/{year}/tables/{t.Id}.csv\">{t.Id}</a>"))}"
            + $"<br>disclosure.json 的 SHA-256：<code id=\"sha256\">{found.Version.Sha256}</code></aside>";
        var previous = Find(store, code, year - 1);
        var (source, rows) = YearComparison.Compare(found.Disclosure, previous?.Disclosure, previous?.Version.Number);
        banner += YearComparison.Html(source, rows);
        return html.Replace("<body>\n", "<body>\n" + banner, StringComparison.Ordinal);
    }

    /// <summary>A version as the API shows it: where it stands, its revision for If-Match, and how many findings of each severity.</summary>
    private static object VersionSummary(BudgetVersion version, IEnumerable<Core.Findings.Severity> findings)
    {
        var severities = findings.ToList();
        return new
        {
            id = version.Id,
            department = version.DepartmentCode,
            fiscalYear = version.FiscalYear,
            number = version.Number,
            state = version.State.Key(),
            revision = version.Revision,
            sha256 = version.Sha256,
            errors = severities.Count(s => s == Core.Findings.Severity.Error),
            warnings = severities.Count(s => s == Core.Findings.Severity.Warning),
        };
    }

    /// <summary>400 with every problem, each with its file, row, column and reason.</summary>
    private static IResult InputProblems(string title, IEnumerable<Core.Findings.InputProblem> problems) =>
        Results.Problem(title, statusCode: 400, extensions: new Dictionary<string, object?> { ["errors"] = problems.Select(p => new { file = p.File, row = p.Row, column = p.Column, reason = p.Reason }).ToList() });

    /// <summary>Uploads larger than this are refused before they are read.</summary>
    public const long MaxUpload = 20 * 1024 * 1024;

    /// <summary>
    /// Audits one uploaded file in a temporary folder that is removed afterwards (nothing is kept), through the host's
    /// <see cref="IUploadAuditor"/>; 503 when its queue is full.
    /// </summary>
    internal static async Task<(Formats.Audit.AuditResult? Result, (string Message, int Status)? Problem)> AuditUpload(HttpRequest request)
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

        using var folder = new TemporaryFolder();
        var name = Path.GetFileName(file.FileName);
        var path = Path.Combine(folder.Path, string.IsNullOrWhiteSpace(name) ? "upload" : name);
        await using (var stream = File.Create(path))
        {
            await file.CopyToAsync(stream);
        }

        var auditor = request.HttpContext.RequestServices.GetRequiredService<IUploadAuditor>();
        var result = await auditor.AuditAsync(path, request.HttpContext.RequestAborted);
        if (result is null)
        {
            request.HttpContext.Response.Headers.RetryAfter = "30";
            return (null, ("审计任务已满，请稍后再试", 503));
        }

        return (result, null);
    }

    private static (BudgetVersion Version, Disclosure Disclosure)? Find(BudgetStore store, string code, int year)
    {
        var published = store.Published(code, year);
        return published is null ? null : (published, YusuanJson.DeserializeDisclosure(published.DisclosureJson)!);
    }

    /// <summary>Compiles, checks and publishes the sample dataset, so the portal shows a real budget on first start.</summary>
    private static void Seed(BudgetStore store, string folder)
    {
        var profile = File.ReadAllText(Path.Combine(folder, "profile.yaml"));
        var performancePath = Path.Combine(folder, "performance.yaml");
        var performance = File.Exists(performancePath) ? File.ReadAllText(performancePath) : null;
        var files = new VersionFiles(File.ReadAllText(Path.Combine(folder, "ledger.csv")), profile, performance);
        var department = Formats.Yaml.YamlReader.ReadProfile(Path.Combine(folder, "profile.yaml")).Value
            ?? throw new InvalidOperationException("Sample profile unusable: " + folder);
        var result = Drafts.Compile(files, department.FiscalYear);
        if (!result.Compiled)
        {
            throw new InvalidOperationException("Sample dataset unusable: " + result.Problems[0]);
        }

        store.SaveDepartment(department.Department.Code, department.Department.Name);
        store.SaveDepartmentFiles(department.Department.Code, profile, performance);
        var id = store.CreateDraft(department.Department.Code, department.FiscalYear, result.Lines, result.DisclosureJson!, result.Findings, "系统（示例数据）", files);
        foreach (var state in new[] { BudgetState.Submitted, BudgetState.Approved, BudgetState.Published })
        {
            store.Move(id, state, "系统（示例数据）");
        }
    }

    /// <summary>
    /// On first start, accounts to try the whole path with: an admin, an officer of the sample agency, a reviewer (主管部门) and the
    /// finance bureau, each with a random password that is printed once.
    /// </summary>
    private static IReadOnlyList<(string Name, string Role, string Password)> CreateFirstAccounts(BudgetStore store, IReadOnlyList<string> agencies)
    {
        var accounts = new List<(string, string, string)>();
        foreach (var (name, role) in new[] { ("admin", "admin"), ("officer", "officer"), ("reviewer", "reviewer"), ("finance", "finance") })
        {
            var password = Passwords.Generate();
            store.AddUser(name, role, role == "officer" ? agencies : [], "系统（首次启动）", password);
            accounts.Add((name, role, password));
        }

        return accounts;
    }
}
