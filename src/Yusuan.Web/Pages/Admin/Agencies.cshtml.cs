using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Store;

namespace Yusuan.Web.Pages.Admin;

/// <summary>An admin changes which registered departments an officer acts for; a code nobody registered is refused, naming it.</summary>
[Authorize(Policy = Policies.Administers)]
public sealed class AgenciesModel(StoreFactory stores) : YusuanPage(stores)
{
    public IActionResult OnGet() => Redirect("/admin");

    public IActionResult OnPost(string name, string? agencies)
    {
        using var store = Stores.Open();

        var codes = (agencies ?? string.Empty).Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var registered = store.Departments().Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        if (codes.Where(c => !registered.Contains(c)).ToList() is { Count: > 0 } unknown)
        {
            return Message(400, "无法保存", $"没有登记这些部门：{string.Join("、", unknown)}。请先在“部门管理”中登记。", "/admin");
        }

        try
        {
            store.SetAgencies(name, codes, Account.Name);
        }
        catch (StoreException e)
        {
            return Message(404, "无法保存", e.Message, "/admin");
        }

        return Redirect("/admin");
    }
}
