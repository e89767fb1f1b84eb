using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Store;

namespace Yusuan.Web.Pages.Admin;

/// <summary>An admin sets a user's new password; the user's sessions end.</summary>
[Authorize(Policy = Policies.Administers)]
public sealed class PasswordModel(StoreFactory stores) : YusuanPage(stores)
{
    public string Name { get; private set; } = string.Empty;

    public IActionResult OnPost(string name, string? password)
    {
        using var store = Stores.Open();

        Name = name;
        if (store.Users().All(u => u.Name != name))
        {
            return Message(404, "没有找到", $"没有用户“{name}”。", "/admin");
        }

        if ((password?.Length ?? 0) < Passwords.MinimumLength)
        {
            return Message(400, "无法重设", $"密码至少 {Passwords.MinimumLength} 个字符。", "/admin");
        }

        store.SetPassword(name, password!, Account.Name);
        return Page();
    }
}
