using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Yusuan.Web.Pages;

/// <summary>
/// Signing in with a name and password. The session id lives in an HttpOnly, SameSite=Strict cookie and only its digest in the
/// database, so signing out (or a new password) ends it for good.
/// </summary>
public sealed class SignInModel(StoreFactory stores, SignInGuard guard) : PageModel
{
    public const string Cookie = "yusuan_session";

    /// <summary>How long a sign-in lasts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public string ReturnUrl { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl ?? string.Empty;

    public IActionResult OnPost(string? name, string? password, string? returnUrl)
    {
        ReturnUrl = returnUrl ?? string.Empty;
        var account = name?.Trim() ?? string.Empty;
        if (guard.LockedUntil(account) is { } until)
        {
            // Locked: not even the right password opens it before the time is up.
            Error = $"该账号因多次密码错误已暂时锁定，请于 {until.ToOffset(TimeSpan.FromHours(8)):HH:mm}（北京时间）之后再试。";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = Math.Ceiling((until - DateTimeOffset.UtcNow).TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }

        using var store = stores.Open();
        var session = store.StartSession(account, password ?? string.Empty, Lifetime);
        if (session is null)
        {
            guard.Failed(account, HttpContext.Connection.RemoteIpAddress?.ToString() ?? string.Empty);
            Error = "用户名或密码不正确。";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        guard.Succeeded(account);

        Response.Cookies.Append(Cookie, session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Request.IsHttps,
            IsEssential = true,
            MaxAge = Lifetime,
        });

        // Only a path of this site: a sign-in link must not send people elsewhere.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/workspace");
    }
}
