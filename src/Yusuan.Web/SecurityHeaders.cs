using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Yusuan.Web;

/// <summary>
/// The headers every response carries: a Content-Security-Policy that runs no script but the site's own files (no inline
/// script, no other origin), lets no other site frame a page, and posts forms only here; <c>nosniff</c>; no referrer sent to
/// other sites; and, for a signed-in user's pages (which may show a password or a token once), <c>no-store</c>.
/// </summary>
/// <remarks>
/// Styles may be inline: the published document is one self-contained HTML file with its stylesheet and SVG charts. The
/// policy follows the OWASP Secure Headers Project's recommendations.
/// </remarks>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers to every response of <paramref name="app"/>, errors and static files included.</summary>
    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (context.Request.Cookies.ContainsKey(Pages.SignInModel.Cookie) || context.Request.Headers.Authorization.Count > 0)
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        await next();
    });
}
