using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Core.Findings;
using Yusuan.Formats.Json;
using Yusuan.Publishing.Html;
using Yusuan.Publishing.Layout;
using Yusuan.Store;

namespace Yusuan.Web.Pages.Versions;

/// <summary>
/// One version as it would be published, under a panel with its state, what may be done with it, its findings, what changed
/// since the previous version (for the reviewer) and who did what. Officers see only their agencies' versions.
/// </summary>
[Authorize(Policy = Policies.ReadsVersions)]
public sealed class ShowModel(StoreFactory stores) : YusuanPage(stores)
{
    public BudgetVersion Version { get; private set; } = null!;

    public bool Saved { get; private set; }

    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    public BudgetVersion? Previous { get; private set; }

    public IReadOnlyList<(string Code, decimal Before, decimal After)> Changes { get; private set; } = [];

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    /// <summary>The department's name as the version's document prints it.</summary>
    public string DepartmentName { get; private set; } = string.Empty;

    /// <summary>A 功能分类 code's name as the version's tables print it; empty when none does.</summary>
    public string CodeName(string code) => names.GetValueOrDefault(code) ?? string.Empty;

    private Dictionary<string, string> names = [];

    /// <summary>Why the version was sent back: the latest comment, shown at the top while it is returned.</summary>
    public (string Author, string Text, DateTime At)? ReturnReason { get; private set; }

    /// <summary>The rendered document up to and including its opening body tag, and the rest.</summary>
    public string DocumentHead { get; private set; } = string.Empty;

    public string DocumentBody { get; private set; } = string.Empty;

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>Where a finding points, in words (<see cref="Formats.Ledger.LedgerColumn.Described"/>).</summary>
    public static string Where(Finding finding) => Formats.Ledger.LedgerColumn.Described(finding.Location).ToString();

    /// <summary>
    /// Where a finding's link leads: a ledger line to its row in the ledger editor (while the unit may still edit it), a
    /// table figure to its cell in the document below, a text finding to its sentence (or its part); null when it points nowhere.
    /// </summary>
    public string? Link(Finding finding)
    {
        var at = finding.Location;
        if (at.Row is { } row && at.Table is null)
        {
            return Version.State.IsEditable() && Account.Role is "officer" or "admin" ? $"/versions/{Version.Id}/ledger#row-{row}" : null;
        }

        if (at.Table is { } table)
        {
            return at.TableRow is { } tableRow && at.TableColumn is { } column
                ? "#" + Publishing.Html.HtmlDocumentWriter.CellId(table, tableRow, column)
                : "#" + table;
        }

        return at.Part is { } part ? (at.Sentence is { } sentence ? $"#part{part}-{sentence}" : $"#part{part}") : null;
    }

    public IActionResult OnGet(long id, int? saved)
    {
        using var store = Stores.Open();

        var (version, missing) = OpenVersion(store, id);
        if (version is null)
        {
            return missing!;
        }

        (Version, Saved) = (version, saved is not null);
        Findings = store.Findings(id).OrderByDescending(f => f.Severity).ToList();
        Previous = store.Versions(version.DepartmentCode, version.FiscalYear).Where(v => v.Number < version.Number).OrderBy(v => v.Number).LastOrDefault();
        if (Previous is not null)
        {
            static Dictionary<string, decimal> ByFunction(IEnumerable<(string Agency, string Function, string Economic, decimal Amount)> lines) =>
                lines.GroupBy(l => l.Function).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
            var before = ByFunction(store.Lines(Previous.Id));
            var after = ByFunction(store.Lines(id));
            Changes = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
                .Select(code => (code, before.GetValueOrDefault(code), after.GetValueOrDefault(code))).Where(c => c.Item2 != c.Item3).ToList();
        }

        History = store.AuditLog(id);
        ReturnReason = store.Comments(id).Select(c => ((string, string, DateTime)?)c).FirstOrDefault();
        var disclosure = YusuanJson.DeserializeDisclosure(version.DisclosureJson);
        DepartmentName = disclosure?.Department.Name ?? string.Empty;
        names = (disclosure?.Tables ?? []).SelectMany(t => t.Rows).Where(r => r.Code is not null).GroupBy(r => r.Code!).ToDictionary(g => g.Key, g => g.First().Name);
        var document = disclosure is null ? PageFrame.Page("预算版本", string.Empty) : HtmlDocumentWriter.Write(DocumentLayout.From(disclosure));
        var body = document.IndexOf("<body>\n", StringComparison.Ordinal) + "<body>\n".Length;
        (DocumentHead, DocumentBody) = (document[..body], document[body..]);
        return Page();
    }
}
