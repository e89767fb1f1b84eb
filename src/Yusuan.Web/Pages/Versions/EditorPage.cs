using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Core.Findings;
using Yusuan.Store;

namespace Yusuan.Web.Pages.Versions;

/// <summary>
/// What the two editors of a draft share. Every save recompiles and rechecks the whole budget; a save that cannot compile
/// shows each problem and keeps what was typed. Each form carries the revision it was made from: if someone else saved
/// first, the save is refused with who and when, the typed content stays on the page, and the form now carries the stored
/// revision, so saving again replaces the other save knowingly.
/// </summary>
public abstract class EditorPage(StoreFactory stores) : YusuanPage(stores)
{
    public BudgetVersion Version { get; private set; } = null!;

    public int Revision { get; protected set; }

    public string? Error { get; private set; }

    public IReadOnlyList<InputProblem> Problems { get; private set; } = [];

    /// <summary>Fields of a form that are not what they should be: field name → reason, shown beside each.</summary>
    public Dictionary<string, string> Invalid { get; } = [];

    /// <summary>Runs <paramref name="edit"/> for one acting for the version's agency (the page's policy: an officer or an admin), while the unit still holds the version.</summary>
    protected IActionResult Editable(long id, Func<BudgetStore, VersionFiles, IActionResult> edit)
    {
        using var store = Stores.Open();

        var (version, missing) = OpenVersion(store, id);
        if (version is null)
        {
            return missing!;
        }

        if (!version.State.IsEditable())
        {
            return Message(409, "不能修改", $"第 {version.Number} 版处于“{version.State.Title()}”状态，只有草稿和退回的版本可以修改。", $"/versions/{id}");
        }

        (Version, Revision) = (version, version.Revision);
        return store.Files(id) is { } files
            ? edit(store, files)
            : Message(409, "不能修改", $"第 {version.Number} 版没有保存明细原文，请在工作台重新上传预算明细。");
    }

    /// <summary>Shows problems of the stored files (a file that can no longer be read) above the form; nothing is saved.</summary>
    protected void Fail(IReadOnlyList<InputProblem> problems)
    {
        (Problems, Error) = (problems, "保存的内容无法读取，请联系管理员，或重新上传。");
        Response.StatusCode = StatusCodes.Status409Conflict;
    }

    /// <summary>
    /// The post of a form over one of the draft's documents (profile.yaml, performance.yaml): the document as stored
    /// (<paramref name="read"/>; null when it cannot be read, the reason shown), the form written into it
    /// (<paramref name="apply"/>: each field that is not right is shown beside it and nothing is saved), then the files with
    /// the document written back (<paramref name="write"/>) recompiled and saved.
    /// </summary>
    protected IActionResult SaveForm<TDocument>(BudgetStore store, int? revision, Func<TDocument?> read, Func<TDocument, IReadOnlyList<(string Field, string Reason)>> apply, Func<TDocument, VersionFiles> write, string what)
        where TDocument : class
    {
        if (revision is null)
        {
            return Message(400, "无法保存", "提交的表单不完整，请刷新页面后重新编辑。", Request.Path);
        }

        if (read() is not { } document)
        {
            return Page();
        }

        Revision = revision.Value;
        foreach (var (field, reason) in apply(document))
        {
            Invalid[field] = reason;
        }

        if (Invalid.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Save(store, revision.Value, write(document), what);
    }

    /// <summary>Recompiles and saves the changed files; on a problem or a conflict, the page again with what was typed.</summary>
    protected IActionResult Save(BudgetStore store, int revision, VersionFiles files, string what)
    {
        Revision = revision;
        try
        {
            var result = Drafts.Save(store, Version, revision, files, Account.Name, what);
            if (result.Compiled)
            {
                return Redirect($"/versions/{Version.Id}?saved=1");
            }

            (Problems, Error) = (result.Problems, $"有 {result.Problems.Count} 处问题，没有保存。请改正后再保存；你填写的内容都还在。");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (StoreConflictException e)
        {
            (Revision, Error) = (e.Revision, $"{e.Message}。你填写的内容都还在下面：可以打开第 {Version.Number} 版查看对方的修改，或再次保存以你的内容为准。");
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (StoreException e)
        {
            return Message(409, "不能修改", e.Message, $"/versions/{Version.Id}");
        }

        return Page();
    }
}
