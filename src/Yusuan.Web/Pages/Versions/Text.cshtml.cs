using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Core.Findings;
using Yusuan.Formats.Yaml;

namespace Yusuan.Web.Pages.Versions;

/// <summary>
/// A draft's text parts in a form: one field per part (部门职责, 增减原因, 项目类别说明 …), last year's figures for the
/// comparisons, staffing and assets, with each finding of a part shown beside that part's fields. The department and its
/// agencies are shown, not edited: they come from the store.
/// </summary>
[Authorize(Policy = Policies.Edits)]
public sealed class TextModel(StoreFactory stores) : EditorPage(stores)
{
    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    /// <summary>The department and year the text belongs to, as registered.</summary>
    public string Department { get; private set; } = string.Empty;

    /// <summary>The version's findings on its text, by part (1 … 9).</summary>
    public ILookup<int, Finding> PartFindings { get; private set; } = Array.Empty<Finding>().ToLookup(f => 0);

    public IActionResult OnGet(long id) => Editable(id, (store, files) =>
    {
        if (Read(store, files) is not { } profile)
        {
            return Page();
        }

        Form = ProfileForm.From(profile);
        return Page();
    });

    public IActionResult OnPost(long id, int? revision) => Editable(id, (store, files) => SaveForm(
        store,
        revision,
        () => Read(store, files),
        Form.ApplyTo,
        profile => files with { Profile = YamlWriter.Write(profile, $"{Department} {profile.FiscalYear} 年部门预算的概况和文字部分（yusuan.profile/1，金额单位：元），由工作台的表单写出") },
        "修改文字部分"));

    /// <summary>The stored profile and what the page shows around the form; null (with the reason shown) when it cannot be read.</summary>
    private ProfileDocument? Read(Yusuan.Store.BudgetStore store, Yusuan.Store.VersionFiles files)
    {
        PartFindings = store.Findings(Version.Id).Where(f => f.Location.Part is not null).ToLookup(f => f.Location.Part!.Value);
        var (profile, problems) = YamlReader.ReadDocument<ProfileDocument>("profile.yaml", files.Profile);
        Department = profile?.Department is { } d ? $"{d.Code} {d.Name}" : Version.DepartmentCode;
        if (profile is null)
        {
            Fail(problems);
        }

        return profile;
    }
}
