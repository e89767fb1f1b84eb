using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Core.Findings;
using Yusuan.Formats.Ledger;

namespace Yusuan.Web.Pages.Workspace;

/// <summary>A unit uploads a ledger: compiled and checked into a new draft, or every problem shown beside the row it is about.</summary>
[Authorize(Policy = Policies.Edits)]
public sealed class UploadModel(StoreFactory stores) : YusuanPage(stores)
{
    public string FileName { get; private set; } = string.Empty;

    public IReadOnlyList<InputProblem> Problems { get; private set; } = [];

    private IReadOnlyList<RawRow> rows = [];

    /// <summary>What a row holds, as the unit wrote it.</summary>
    public string RowText(int? row) => rows.FirstOrDefault(r => r.Number == row) is { } found ? string.Join(",", found.Fields) : string.Empty;

    public async Task<IActionResult> OnPostAsync(string code, int? year, IFormFile? ledger)
    {
        using var store = Stores.Open();

        if (!YusuanWeb.ActsFor(Account, code))
        {
            return Message(403, "无权访问", $"{Account.Name} 不代表单位 {code}。");
        }

        if (ledger is null || year is null)
        {
            return Message(400, "无法编制", "请选择预算明细文件并填写年度。");
        }

        var (id, result, read) = await Drafts.Create(store, code, year.Value, ledger, Account.Name);
        if (result.Compiled)
        {
            return Redirect($"/versions/{id}");
        }

        (FileName, Problems, rows) = (ledger.FileName, result.Problems, read);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
