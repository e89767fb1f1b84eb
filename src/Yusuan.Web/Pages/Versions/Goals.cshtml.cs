using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Core.Findings;
using Yusuan.Formats.Yaml;

namespace Yusuan.Web.Pages.Versions;

/// <summary>
/// A draft's performance goals in a form: 表12's tasks, overall goals and indicators, and 第七部分's project goals, as rows;
/// the findings on them (表12 and 第七部分) beside the form. A draft without goals starts from an empty form.
/// </summary>
[Authorize(Policy = Policies.Edits)]
public sealed class GoalsModel(StoreFactory stores) : EditorPage(stores)
{
    [BindProperty]
    public GoalsForm Form { get; set; } = new();

    /// <summary>The findings on the goals: 表12's and 第七部分's.</summary>
    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    public IActionResult OnGet(long id) => Editable(id, (store, files) =>
    {
        if (Read(store, files) is { } document)
        {
            Form = GoalsForm.From(document);
        }

        return Page();
    });

    public IActionResult OnPost(long id, int? revision) => Editable(id, (store, files) => SaveForm(
        store,
        revision,
        () => Read(store, files),
        Form.ApplyTo,
        document => files with { Performance = YamlWriter.Write(document, $"{Version.DepartmentCode} {Version.FiscalYear} 年部门（单位）整体支出绩效目标（yusuan.performance/1），由工作台的表单写出") },
        "修改绩效目标"));

    private PerformanceDocument? Read(Yusuan.Store.BudgetStore store, Yusuan.Store.VersionFiles files)
    {
        Findings = store.Findings(Version.Id).Where(f => f.Category == "performance" || f.Location.Table == "T12" || f.Location.Part == 7).ToList();
        if (files.Performance is null)
        {
            return new PerformanceDocument { Schema = "yusuan.performance/1", FiscalYear = Version.FiscalYear };
        }

        var (document, problems) = YamlReader.ReadDocument<PerformanceDocument>("performance.yaml", files.Performance);
        if (document is null)
        {
            Fail(problems);
        }

        return document;
    }
}
