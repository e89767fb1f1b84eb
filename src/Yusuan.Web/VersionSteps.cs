using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Yusuan.Store;

namespace Yusuan.Web;

/// <summary>
/// One command that moves a version a step, for the version page and the API alike: the step by its name (submit, return,
/// approve, publish), who takes it, the reason or remark, and this installation's separation of duties. The caller's policy
/// (<see cref="Policies.ForAction"/>) has let the role through; here the version must exist, its department must be the
/// caller's, and the store must allow the step.
/// </summary>
public static class VersionSteps
{
    /// <summary>What became of a step: the version moved, or why not with the HTTP status that says it.</summary>
    public sealed record Outcome(BudgetVersion? Moved, int Status, string? Problem);

    public static Outcome Take(BudgetStore store, long id, string action, ClaimsPrincipal caller, string? comment, Workflow workflow)
    {
        var (to, _) = YusuanWeb.Transition(action);
        if (Policies.ForAction(action) is null)
        {
            return new Outcome(null, StatusCodes.Status404NotFound, $"没有操作“{action}”（可用 submit、return、approve、publish）");
        }

        if (store.Find(id) is not { } version)
        {
            return new Outcome(null, StatusCodes.Status404NotFound, $"没有编号为 {id} 的预算版本");
        }

        var user = caller.Account();

        // An approved budget is the finance bureau's to send back, not the reviewer's who approved it.
        if (action == "return" && version.State == BudgetState.Approved && user.Role is not ("finance" or "admin"))
        {
            return new Outcome(null, StatusCodes.Status403Forbidden, $"第 {version.Number} 版已批复，只有财政局可以退回");
        }

        if (!YusuanWeb.ActsFor(user, version.DepartmentCode))
        {
            return new Outcome(null, StatusCodes.Status403Forbidden, $"{user.Name} 不代表单位 {version.DepartmentCode}");
        }

        try
        {
            store.Move(id, to, user.Name, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), workflow.SeparateDuties);
            return new Outcome(store.Get(id), StatusCodes.Status200OK, null);
        }
        catch (StoreException e)
        {
            return new Outcome(null, StatusCodes.Status409Conflict, e.Message);
        }
    }
}
