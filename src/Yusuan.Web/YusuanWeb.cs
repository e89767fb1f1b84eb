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

            // One field of a form stays within the default (4 MB); the ledger grid's page, which posts the whole ledger as
            // JSON in one field, allows that field more (LedgerModel).
        });
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = Problems.Customize);
        builder.Services.AddExceptionHandler<Problems>();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(new StoreFactory(settings.Database));
        builder.Services.AddSingleton(settings.UploadAuditor ?? new InProcessAudits());
        builder.Services.AddSingleton(new Workflow(settings.SeparateDuties));
        builder.Services.AddSingleton<PortalList>();
        SignInGuard.AddTo(builder.Services);
        Policies.AddTo(builder.Services);

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
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();

        using (var store = BudgetStore.Open(settings.Database))
        {
            store.Migrate();
            if (!store.HasDepartments() && settings.SampleFolder is { } sample && Directory.Exists(sample))
            {
                Seeding.Seed(store, sample);
            }

            if (settings.FirstAccounts is { } announce && store.Users().Count == 0)
            {
                announce(Seeding.CreateFirstAccounts(store, store.Departments().Select(d => d.Code).ToList()));
            }
        }

        BudgetStore Store() => BudgetStore.Open(settings.Database);
        PublicSite.MapPages(app, Store);
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
        PublicSite.MapApi(api, Store);
        WorkspaceApi.Map(api, Store, new Workflow(settings.SeparateDuties));
        app.MapRazorPages();
        return app;
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

    /// <summary>An officer acts for his own agencies only; reviewers, the finance bureau and admins for every department.</summary>
    internal static bool ActsFor(User user, string department) =>
        user.Role != "officer" || user.Agencies.Contains(department);

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
}
