using Microsoft.AspNetCore.Mvc;
using Yusuan.Store;

namespace Yusuan.Web.Pages.Versions;

/// <summary>Moves a version one step: a unit submits; 主管部门 and 财政局 return (with a comment) or approve; 财政局 publishes.</summary>
public sealed class ActModel(StoreFactory stores, Workflow workflow) : YusuanPage(stores)
{
    public IActionResult OnPost(long id, string act, string? comment)
    {
        using var store = Stores.Open();
        var (to, roles) = YusuanWeb.Transition(act);
        if (Gate(store, roles) is { } refusal)
        {
            return refusal;
        }

        var (version, missing) = OpenVersion(store, id);
        if (version is null)
        {
            return missing!;
        }

        try
        {
            store.Move(id, to, Account.Name, string.IsNullOrWhiteSpace(comment) ? null : comment, workflow.SeparateDuties);
        }
        catch (StoreException e)
        {
            return Message(409, "不能执行", e.Message);
        }

        return Redirect("/workspace");
    }
}
