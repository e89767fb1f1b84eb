using Microsoft.AspNetCore.Mvc;
using Yusuan.Store;

namespace Yusuan.Web.Pages.Workspace;

/// <summary>
/// The workspace: a unit's officer sees the versions of each agency they act for, uploads a ledger and submits; 主管部门
/// sees the submitted budgets, 财政局 and admins also the approved ones, with their finding counts.
/// </summary>
public sealed class IndexModel(StoreFactory stores) : YusuanPage(stores)
{
    public IReadOnlyList<(string Code, IReadOnlyList<BudgetVersion> Versions, int Year)> Agencies { get; private set; } = [];

    public IReadOnlyList<(string Name, BudgetVersion Version, int Errors, int Warnings)>? Queue { get; private set; }

    public IActionResult OnGet()
    {
        using var store = Stores.Open();
        if (Gate(store) is { } refusal)
        {
            return refusal;
        }

        Agencies = (Account.Role == "officer" ? Account.Agencies : [])
            .Select(code => (code, store.Versions(code)))
            .Select(a => (a.code, a.Item2, a.Item2.Count > 0 ? a.Item2[^1].FiscalYear : DateTime.UtcNow.Year)).ToList();
        if (Account.Role is "reviewer" or "finance" or "admin")
        {
            Queue = store.Queue(Account.Role == "reviewer" ? [BudgetState.Submitted] : [BudgetState.Submitted, BudgetState.Approved]);
        }

        return Page();
    }
}
