using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Yusuan.Store;
using static Yusuan.Web.Pages;
using static Yusuan.Web.YusuanWeb;

namespace Yusuan.Web;

/// <summary>
/// Signing in with a name and password. The session id lives in an HttpOnly, SameSite=Strict cookie and only its digest in the
/// database, so signing out (or a new password) ends it for good.
/// </summary>
internal static class SignInPages
{
    public const string Cookie = "yusuan_session";

    /// <summary>How long a sign-in lasts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public static void Map(WebApplication app, Func<BudgetStore> open)
    {
        app.MapGet("/signin", (HttpRequest request, string? returnUrl) => Form(request, returnUrl, null, 200));
        app.MapPost("/signin", async (HttpContext context) =>
        {
            if (await RefuseForgedForm(context.Request) is { } forged)
            {
                return forged;
            }

            var form = await context.Request.ReadFormAsync();
            var returnUrl = form["returnUrl"].ToString();
            using var store = open();
            var session = store.StartSession(form["name"].ToString().Trim(), form["password"].ToString(), Lifetime);
            if (session is null)
            {
                return Form(context.Request, returnUrl, "用户名或密码不正确。", 401);
            }

            context.Response.Cookies.Append(Cookie, session, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                IsEssential = true,
                MaxAge = Lifetime,
            });

            // Only a path of this site: a sign-in link must not send people elsewhere.
            return Results.Redirect(returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/workspace");
        }).DisableAntiforgery();
        app.MapGet("/signout", (HttpContext context) =>
        {
            if (context.Request.Cookies.TryGetValue(Cookie, out var session))
            {
                using var store = open();
                store.EndSession(session);
            }

            context.Response.Cookies.Delete(Cookie);
            return Results.Redirect("/");
        });
    }

    private static IResult Form(HttpRequest request, string? returnUrl, string? error, int status) =>
        Results.Content(Page("登录", Forms(request, $"""
            <h1>登录工作台</h1>
            {(error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")}
            <form method="post" action="/signin">
            <input type="hidden" name="returnUrl" value="{E(returnUrl ?? string.Empty)}">
            <p><label for="name">用户名</label> <input id="name" name="name" autocomplete="username" required></p>
            <p><label for="password">密码</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <button type="submit">登录</button>
            </form>
            <p>账号由管理员在“用户管理”中或用 <code>yusuan user add</code> 建立；首次启动时 <code>yusuan serve</code> 会建立示例账号并显示其密码。</p>
            """)), "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
