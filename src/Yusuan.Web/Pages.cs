using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Yusuan.Store;
using static Yusuan.Web.YusuanWeb;

namespace Yusuan.Web;

/// <summary>What every page of the people who make and review budgets shares: the frame, the antiforgery token in forms, the refusals.</summary>
internal static partial class Pages
{
    public static IResult Html(string title, string body, int status = 200) =>
        Results.Content(Page(title, Navigation + body), "text/html; charset=utf-8", Encoding.UTF8, status);

    public const string Navigation = "<nav><a href=\"/\">公开门户</a>　<a href=\"/workspace\">工作台</a>　<a href=\"/signout\">退出</a></nav>";

    /// <summary>Puts the antiforgery token into every form that posts, so a page of another site cannot submit it.</summary>
    public static string Forms(HttpRequest request, string html)
    {
        var tokens = request.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(request.HttpContext);
        var field = $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken ?? string.Empty)}\">";
        return PostForm().Replace(html, m => m.Value + field);
    }

    /// <summary>
    /// A form post is genuine when it carries the token of a page we served. Requests with a bearer token come from scripts,
    /// not from a browser that another site could steer, and need none.
    /// </summary>
    public static async Task<IResult?> RefuseForgedForm(HttpRequest request)
    {
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return null;
        }

        if (await request.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(request.HttpContext))
        {
            return null;
        }

        return Html("表单已失效", "<h1>表单已失效</h1><p>这份表单不是从本站页面提交的，或页面已过期。请返回上一页，刷新后重新提交。</p>", 400);
    }

    /// <summary>The signed-in user, or the page that says why there is none: sign in (a redirect) or 403 for the wrong role.</summary>
    public static (User? User, IResult? Refusal) SignedIn(BudgetStore store, HttpRequest request, params string[] roles)
    {
        if (CurrentUser(store, request) is not { } user)
        {
            return (null, Results.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(request.Path + request.QueryString)));
        }

        return roles.Length > 0 && !roles.Contains(user.Role)
            ? (null, Html("无权访问", $"<h1>无权访问</h1><p>{E(user.Name)}（{RoleTitle(user.Role)}）无权使用这个页面。</p>", 403))
            : (user, null);
    }

    /// <summary>The version a signed-in user may open: 404 when there is none, 403 when an officer does not act for its agency.</summary>
    public static (BudgetVersion? Version, IResult? Refusal) Open(BudgetStore store, User user, long id)
    {
        if (Version(store, id) is not { } version)
        {
            return (null, Html("没有找到", $"<h1>没有找到</h1><p>没有编号为 {id} 的预算版本。</p>", 404));
        }

        return ActsFor(user, version.DepartmentCode)
            ? (version, null)
            : (null, Html("无权访问", $"<h1>无权访问</h1><p>{E(user.Name)} 不代表单位 {E(version.DepartmentCode)}。</p>", 403));
    }

    public static string RoleTitle(string role) => role switch
    {
        "officer" => "预算单位经办人",
        "reviewer" => "主管部门审核人",
        "finance" => "财政局",
        "admin" => "管理员",
        _ => role,
    };

    [GeneratedRegex("<form method=\"post\"[^>]*>")]
    private static partial Regex PostForm();
}
