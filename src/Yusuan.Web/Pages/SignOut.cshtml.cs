using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Yusuan.Web.Pages;

/// <summary>Ends the session in the database and removes the cookie.</summary>
public sealed class SignOutModel(StoreFactory stores) : PageModel
{
    public IActionResult OnGet()
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
