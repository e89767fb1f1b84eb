using Microsoft.AspNetCore.Mvc;

namespace Yusuan.Web.Pages.Versions;

/// <summary>A draft's text parts (the profile's text section) and performance goals, edited as the YAML the command line reads.</summary>
public sealed class TextModel(StoreFactory stores) : EditorPage(stores)
{
    public string Profile { get; private set; } = string.Empty;

    public string Performance { get; private set; } = string.Empty;

    public IActionResult OnGet(long id) => Editable(id, (store, files) =>
    {
        (Profile, Performance) = (files.Profile, files.Performance ?? string.Empty);
        return Page();
    });

    public IActionResult OnPost(long id, int? revision, string? profile, string? performance) => Editable(id, (store, files) =>
    {
        if (revision is null)
        {
            return Message(400, "无法保存", "提交的表单不完整，请刷新页面后重新编辑。", $"/versions/{id}/text");
        }

        Profile = (profile ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);
        Performance = (performance ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);
        return Save(store, revision.Value, files with { Profile = Profile, Performance = Performance.Trim().Length == 0 ? null : Performance }, "修改文字部分和绩效目标");
    });
}
