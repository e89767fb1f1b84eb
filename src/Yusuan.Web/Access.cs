using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yusuan.Store;
using Yusuan.Web.Pages;

namespace Yusuan.Web;

/// <summary>
/// Who may do what, as ASP.NET Core policies: a page or endpoint names its policy, and a version's department is checked as a
/// resource (<see cref="ActsFor"/>: an officer acts for his own agencies only). Roles: officer (预算单位经办人), reviewer
/// (主管部门), finance (财政局), admin.
/// </summary>
public static class Policies
{
    /// <summary>Anyone signed in, or calling with a valid API token.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Reads versions that are not public: a unit's officer, the reviewer, the finance bureau, an admin.</summary>
    public const string ReadsVersions = "reads-versions";

    /// <summary>Uploads and edits drafts, submits: a unit's officer, an admin.</summary>
    public const string Edits = "edits";

    /// <summary>Returns or approves: 主管部门, 财政局, an admin.</summary>
    public const string Reviews = "reviews";

    /// <summary>Publishes: 财政局, an admin.</summary>
    public const string Publishes = "publishes";

    /// <summary>Manages users and departments: an admin.</summary>
    public const string Administers = "administers";

    /// <summary>Resource policy over a department code: whether the user acts for it.</summary>
    public const string ActsFor = "acts-for";

    public const string Scheme = "yusuan";

    /// <summary>The policy an action on a version needs: submit (Edits), return and approve (Reviews), publish (Publishes).</summary>
    public static string? ForAction(string action) => action switch
    {
        "submit" => Edits,
        "return" or "approve" => Reviews,
        "publish" => Publishes,
        _ => null,
    };

    internal static void AddTo(IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, YusuanAuthentication>(Scheme, null);
        services.AddSingleton<IAuthorizationHandler, ActsForHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(ReadsVersions, p => p.RequireRole("officer", "reviewer", "finance", "admin"))
            .AddPolicy(Edits, p => p.RequireRole("officer", "admin"))
            .AddPolicy(Reviews, p => p.RequireRole("reviewer", "finance", "admin"))
            .AddPolicy(Publishes, p => p.RequireRole("finance", "admin"))
            .AddPolicy(Administers, p => p.RequireRole("admin"))
            .AddPolicy(ActsFor, p => p.RequireAuthenticatedUser().AddRequirements(new ActsForRequirement()));
    }

    /// <summary>The signed-in user as the store knows them: name, role and agencies, from the principal's claims.</summary>
    public static User Account(this ClaimsPrincipal principal) =>
        new(principal.Identity?.Name ?? string.Empty, principal.FindFirstValue(ClaimTypes.Role) ?? string.Empty, principal.FindAll(AgencyClaim).Select(c => c.Value).ToList());

    internal const string AgencyClaim = "yusuan:agency";

    private sealed class ActsForRequirement : IAuthorizationRequirement;

    /// <summary>An officer acts for his own agencies only; reviewers, the finance bureau and admins for every department.</summary>
    private sealed class ActsForHandler : AuthorizationHandler<ActsForRequirement, string>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ActsForRequirement requirement, string department)
        {
            if (YusuanWeb.ActsFor(context.User.Account(), department))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// Signs a request in from its API token (Authorization: Bearer …, for scripts) or its session cookie (for people signed in
/// to the pages), both checked against the store. Refusals speak each side's language: the API answers ProblemDetails (401
/// to sign in, 403 not allowed) — and to strangers a version's address answers 404, as one that does not exist — while a
/// page sends the browser to sign in, or shows a short Chinese page.
/// </summary>
internal sealed class YusuanAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StoreFactory stores)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.Ordinal);
        if (!bearer && !(Request.Cookies.TryGetValue(SignInModel.Cookie, out var session) && session.Length > 0))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        using var store = stores.Open();
        var user = bearer ? store.UserByToken(header[7..].Trim()) : store.UserBySession(Request.Cookies[SignInModel.Cookie]!);
        if (user is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity(
            // The name identifies the user (antiforgery binds a form's token to it, so a change of agencies or role does not
            // void the forms an officer has open).
            [new Claim(ClaimTypes.NameIdentifier, user.Name), new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role), .. user.Agencies.Select(a => new Claim(Policies.AgencyClaim, a))],
            Policies.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Policies.Scheme)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!Request.Path.StartsWithSegments("/api"))
        {
            Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(Request.Path + Request.QueryString));
            return;
        }

        if (Request.Path.StartsWithSegments("/api/versions") && Request.Path.Value!.Split('/') is [_, _, _, var id, ..])
        {
            // To nobody signed in, a version that exists and one that does not answer alike.
            await Results.Problem($"没有编号为 {id} 的预算版本", statusCode: StatusCodes.Status404NotFound).ExecuteAsync(Context);
            return;
        }

        await Results.Problem("需要登录，或在 Authorization: Bearer … 中给出有效的 API 令牌", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var user = Context.User.Account();
        if (Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem($"{user.Name}（{PageFrame.RoleTitle(user.Role)}）无权执行此操作", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
            return;
        }

        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.ContentType = "text/html; charset=utf-8";
        await Response.WriteAsync(PageFrame.Message("无权访问", $"{user.Name}（{PageFrame.RoleTitle(user.Role)}）无权使用这个页面或执行这个操作。"));
    }
}
