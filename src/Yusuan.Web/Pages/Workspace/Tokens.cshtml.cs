using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Store;

namespace Yusuan.Web.Pages.Workspace;

/// <summary>One's own API tokens: listed (never the tokens themselves), made (shown once, here) and revoked.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TokensModel(StoreFactory stores) : YusuanPage(stores)
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The token just made, shown this once.</summary>
    public string? NewToken { get; private set; }

    public IActionResult OnGet()
    {
        using var store = Stores.Open();

        Tokens = store.Tokens(Account.Name);
        return Page();
    }

    public IActionResult OnPostCreate(string? label, int days)
    {
        using var store = Stores.Open();

        if (days is < 1 or > 366 || string.IsNullOrWhiteSpace(label) || label.Trim().Length > 60)
        {
            return Message(400, "无法新建", "名称须填写（不超过 60 个字），有效天数须在 1 到 366 之间。", "/workspace/tokens");
        }

        NewToken = store.NewToken(Account.Name, label.Trim(), TimeSpan.FromDays(days), Account.Name);
        Tokens = store.Tokens(Account.Name);
        return Page();
    }

    public IActionResult OnPostRevoke(string? id)
    {
        using var store = Stores.Open();

        return store.RevokeToken(Account.Name, id ?? string.Empty, Account.Name)
            ? Redirect("/workspace/tokens")
            : Message(404, "没有找到", $"没有编号为 {id} 的有效令牌。", "/workspace/tokens");
    }
}
