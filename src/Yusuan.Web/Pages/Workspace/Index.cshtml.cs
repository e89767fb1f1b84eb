using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Store;

namespace Yusuan.Web.Pages.Workspace;

/// <summary>
/// The workspace: a unit's officer sees the versions of each agency they act for, uploads a ledger and submits; 主管部门
/// sees the submitted budgets, 财政局 and admins also the approved ones, with their finding counts.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(StoreFactory stores) : YusuanPage(stores)
{
    /// <summary>
    /// Each agency the officer acts for: code, registered name, versions, the latest fiscal year (the registered first year when
    /// none), and the year an upload is for unless chosen otherwise (the latest year while it is not published, else the next).
    /// </summary>
    public IReadOnlyList<(string Code, string Name, IReadOnlyList<BudgetVersion> Versions, int Year, int UploadYear)> Agencies { get; private set; } = [];

    public IReadOnlyList<(string Name, BudgetVersion Version, int Errors, int Warnings)>? Queue { get; private set; }

    public IActionResult OnGet()
    {
        using var store = Stores.Open();

        var names = store.Departments().ToDictionary(d => d.Code, d => d.Name);
        Agencies = (Account.Role == "officer" ? Account.Agencies : [])
            .Select(code => (code, store.Versions(code)))
            .Select(a => (a.code, names.GetValueOrDefault(a.code) ?? string.Empty, a.Item2, Year: a.Item2.Count > 0 ? a.Item2.Max(v => v.FiscalYear) : FirstYear(store, a.code)))
            .Select(a => (a.code, a.Item2, a.Item3, a.Year, a.Item3.Any(v => v.FiscalYear == a.Year && v.State == BudgetState.Published) ? a.Year + 1 : a.Year)).ToList();
        if (Account.Role is "reviewer" or "finance" or "admin")
        {
            Queue = store.Queue(Account.Role == "reviewer" ? [BudgetState.Submitted] : [BudgetState.Submitted, BudgetState.Approved]);
        }

        return Page();
    }

    /// <summary>The fiscal year a department with no versions yet was registered for; this year when it names none.</summary>
    private static int FirstYear(BudgetStore store, string code) =>
        store.DepartmentFiles(code).Profile is { } profile && Formats.Yaml.YamlReader.ReadDocument<Formats.Yaml.ProfileDocument>("profile.yaml", profile).Document is { FiscalYear: > 0 } document
            ? document.FiscalYear
            : DateTime.UtcNow.Year;
}
