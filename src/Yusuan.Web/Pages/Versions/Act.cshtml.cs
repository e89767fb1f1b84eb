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
public sealed class ActModel(StoreFactory stores, Workflow workflow) : YusuanPage(stores)
{
    public BudgetVersion Version { get; private set; } = null!;

    public string Act { get; private set; } = string.Empty;

    public string DepartmentName { get; private set; } = string.Empty;

    /// <summary>The titles of the tables that become public.</summary>
    public IReadOnlyList<string> Tables { get; private set; } = [];

    public int Parts { get; private set; }

    public bool Goals { get; private set; }

    public int Warnings { get; private set; }

    public IActionResult OnGet(long id, string act)
    {
        using var store = Stores.Open();
        var (_, roles) = YusuanWeb.Transition(act);
        if (Gate(store, roles) is { } refusal)
        {
            return refusal;
        }

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
            store.Move(id, to, Account.Name, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), workflow.SeparateDuties);
        }
        catch (StoreException e)
        {
            return Message(409, "不能执行", e.Message, $"/versions/{id}");
        }

        return Redirect(act == "submit" ? "/workspace" : $"/versions/{id}");
    }
}
