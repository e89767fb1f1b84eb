using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Store;

namespace Yusuan.Web.Pages.Admin;

/// <summary>An admin adds a user with a role, the agencies they act for and a first password; their API token is shown once.</summary>
[Authorize(Policy = Policies.Administers)]
public sealed class UsersModel(StoreFactory stores) : YusuanPage(stores)
{
    public static readonly string[] Roles = ["officer", "reviewer", "finance", "admin"];

    public string Name { get; private set; } = string.Empty;

    public string Token { get; private set; } = string.Empty;

    public IActionResult OnPost(string? name, string? role, string? password, string? agencies)
    {
        using var store = Stores.Open();

        Name = name?.Trim() ?? string.Empty;
        var problem = Name.Length == 0 || Name.Length > 64 ? "请填写用户名（不超过 64 个字符）。"
            : !Roles.Contains(role) ? "请选择角色。"
            : (password?.Length ?? 0) < Passwords.MinimumLength ? $"密码至少 {Passwords.MinimumLength} 个字符。"
            : null;
        if (problem is not null)
        {
            return Message(400, "无法新增", problem, "/admin");
        }

        if (store.Users().Any(u => u.Name == Name))
        {
            return Message(409, "无法新增", $"用户“{Name}”已存在。", "/admin");
        }

        var codes = (agencies ?? string.Empty).Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var registered = store.Departments().Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        if (codes.Where(c => !registered.Contains(c)).ToList() is { Count: > 0 } unknown)
        {
            return Message(400, "无法新增", $"没有登记这些部门：{string.Join("、", unknown)}。请先在“部门管理”中登记，或填写已登记的部门编码。", "/admin");
        }

        Token = store.AddUser(Name, role!, codes, Account.Name, password);
        return Page();
    }
}
