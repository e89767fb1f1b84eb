using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Yusuan.Web.Pages;

/// <summary>
/// Ends the session in the database and removes the cookie — by POST with the antiforgery token only, so that a link or an
/// image on another site cannot sign a user out; GET shows the button.
/// </summary>
public sealed class SignOutModel(StoreFactory stores) : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (Request.Cookies.TryGetValue(SignInModel.Cookie, out var session))
        {
            using var store = stores.Open();
            store.EndSession(session);
        }

        Response.Cookies.Delete(SignInModel.Cookie);
        return Redirect("/");
    }
}
