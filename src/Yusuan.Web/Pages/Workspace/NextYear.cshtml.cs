using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Core.Findings;

namespace Yusuan.Web.Pages.Workspace;

/// <summary>
/// An officer starts the next fiscal year of an agency: a draft of the year after its latest, from that year's text, goals and
/// lines, compared with last year's published figures (<see cref="Drafts.NextYear"/>); or the reason it cannot start.
/// </summary>
[Authorize(Policy = Policies.Edits)]
public sealed class NextYearModel(StoreFactory stores) : YusuanPage(stores)
{
    public string Code { get; private set; } = string.Empty;

    public IReadOnlyList<InputProblem> Problems { get; private set; } = [];

    public IActionResult OnGet(string code) => Redirect("/workspace");

    public IActionResult OnPost(string code)
    {
        using var store = Stores.Open();

        if (!YusuanWeb.ActsFor(Account, code))
        {
            return Message(403, "无权访问", $"{Account.Name} 不代表单位 {code}。");
        }

        var (id, result) = Drafts.NextYear(store, code, Account.Name);
        if (result.Compiled)
        {
            return Redirect($"/versions/{id}");
        }

        (Code, Problems) = (code, result.Problems);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
