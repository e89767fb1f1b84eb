using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Store;

namespace Yusuan.Web.Pages.Admin;

/// <summary>User management for admins: who may sign in, in which role, acting for which agencies.</summary>
[Authorize(Policy = Policies.Administers)]
public sealed class IndexModel(StoreFactory stores) : YusuanPage(stores)
{
    public IReadOnlyList<User> Users { get; private set; } = [];

    public IActionResult OnGet()
    {
        using var store = Stores.Open();

        Users = store.Users();
        return Page();
    }
}
