using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Core.Findings;
using Yusuan.Formats.Json;
using Yusuan.Store;

namespace Yusuan.Web.Pages.Versions;

/// <summary>
/// Moves a version one step: a unit submits; 主管部门 and 财政局 return (with a reason, required) or approve; 财政局 publishes
/// after a page that shows what becomes public, and may return an approved budget too. GET shows the form of a return and the
/// confirmation of a publication; the step itself is the POST.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ActModel(StoreFactory stores, Workflow workflow, IAuthorizationService authorization) : YusuanPage(stores)
{
    public BudgetVersion Version { get; private set; } = null!;

    public string Act { get; private set; } = string.Empty;

    public string DepartmentName { get; private set; } = string.Empty;

    /// <summary>The titles of the tables that become public.</summary>
    public IReadOnlyList<string> Tables { get; private set; } = [];

    public int Parts { get; private set; }

    public bool Goals { get; private set; }

    public int Warnings { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string act)
    {
        if (!await May(act))
        {
            return Forbid();
        }

        using var store = Stores.Open();

        var (version, missing) = OpenVersion(store, id);
        if (version is null)
        {
            return missing!;
        }

        if (act is not ("publish" or "return"))
        {
            return Redirect($"/versions/{id}");
        }

        (Version, Act) = (version, act);
        DepartmentName = version.DepartmentCode;
        if (YusuanJson.DeserializeDisclosure(version.DisclosureJson) is { } disclosure)
        {
            DepartmentName = disclosure.Department.Name;
            Tables = disclosure.Tables.Select(t => t.Title).ToList();
            Parts = disclosure.Narrative.Select(s => s.Part).Distinct().Count();
            Goals = disclosure.Tables.Any(t => t.Performance is not null);
        }

        Warnings = store.Findings(id).Count(f => f.Severity == Severity.Warning);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string act, string? comment)
    {
        if (!await May(act))
        {
            return Forbid();
        }

        using var store = Stores.Open();
        var outcome = VersionSteps.Take(store, id, act, User, comment, workflow);
        if (outcome.Moved is null)
        {
            return outcome.Status switch
            {
                404 => Message(404, "没有找到", outcome.Problem!),
                403 => Message(403, "无权访问", outcome.Problem!),
                _ => Message(outcome.Status, "不能执行", outcome.Problem!, $"/versions/{id}"),
            };
        }

        return Redirect(act == "submit" ? "/workspace" : $"/versions/{id}");
    }

    /// <summary>Whether the signed-in user's role may take the step (<see cref="Policies.ForAction"/>).</summary>
    private async Task<bool> May(string act) =>
        Policies.ForAction(act) is { } policy && (await authorization.AuthorizeAsync(User, policy)).Succeeded;
}
