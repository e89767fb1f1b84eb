using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Model;
using Yusuan.Formats.Ledger;

namespace Yusuan.Web.Pages.Versions;

/// <summary>
/// A draft's ledger in a spreadsheet-style grid (Tabulator, served from /static): the ledger's columns under their Chinese
/// titles, drop-down lists for the fixed code lists (资金性质, 支出类型, 政府采购类型, “三公”经费类别, 机关运行经费) and for the
/// classification codes with their names, formatted amounts with totals, paste from Excel, each problem on its cell. The page
/// carries the grid's data in a JSON block; the grid posts the whole ledger back as JSON in one field.
/// </summary>
[Authorize(Policy = Policies.Edits)]
[RequestFormLimits(ValueLengthLimit = (int)YusuanWeb.MaxUpload)]
public sealed class LedgerModel(StoreFactory stores) : EditorPage(stores)
{
    /// <summary>No ledger a page edits comes near this many lines; a post with more is refused.</summary>
    public const int MaxRows = 200_000;

    /// <summary>A ledger has some twenty columns Yusuan reads; a post with more than this is refused.</summary>
    public const int MaxColumns = 64;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public IReadOnlyList<string> Header { get; private set; } = [];

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; private set; } = [];

    /// <summary>The grid's data as the page's JSON block: columns (title, editor, choices), rows, and every problem on its row and column.</summary>
    public string GridJson => JsonSerializer.Serialize(
        new
        {
            revision = Revision,
            columns = Header.Select((h, i) => Column(h, i)).ToList(),
            rows = Rows,
            problems = Problems.Where(p => p.Row is not null).Select(p => new
            {
                row = p.Row,
                column = p.Column is { } c ? Header.ToList().FindIndex(h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase) || (LedgerColumn.All.FirstOrDefault(l => l.Matches(h)) is { } l && l.Matches(c))) : -1,
                reason = p.Reason,
            }),
        },
        Json);

    public IActionResult OnGet(long id) => Editable(id, (store, files) =>
    {
        var rows = Drafts.RowsOfCsv(files.LedgerCsv);
        (Header, Rows) = (rows[0].Fields, rows.Skip(1).Select(r => r.Fields).ToList());
        return Page();
    });

    /// <summary>The ledger as it was stored, as CSV (UTF-8 with BOM, so Excel reads its Chinese): to edit outside and upload again.</summary>
    public IActionResult OnGetCsv(long id) => Editable(id, (store, files) =>
        File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(files.LedgerCsv)).ToArray(), "text/csv; charset=utf-8", $"{Version.DepartmentCode}-{Version.FiscalYear}-第{Version.Number}版-预算明细.csv"));

    public IActionResult OnPost(long id, int? revision, string? grid) => Editable(id, (store, files) =>
    {
        if (revision is null || Posted(grid) is not { } posted)
        {
            return Message(400, "无法保存", "提交的表格不完整，请刷新页面后重新编辑。", $"/versions/{id}/ledger");
        }

        (Header, Rows) = posted;
        return Save(store, revision.Value, files with { LedgerCsv = LedgerCsv.Write(Rows.Prepend(Header)) }, "修改预算明细");
    });

    /// <summary>The posted grid — its header and its rows, each as long as the header, the empty ones left out — or null when it is not one.</summary>
    private static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)? Posted(string? grid)
    {
        if (string.IsNullOrEmpty(grid))
        {
            return null;
        }

        try
        {
            var posted = JsonSerializer.Deserialize<PostedGrid>(grid, Json);
            if (posted?.Header is not { Count: > 0 and <= MaxColumns } header || header.Any(h => h is null) || posted.Rows is not { } rows || rows.Count > MaxRows
                || rows.Any(r => r is null || r.Count != header.Count))
            {
                return null;
            }

            return (header.Select(h => h!.Trim()).ToList(), rows.Select(r => (IReadOnlyList<string>)r.Select(cell => cell?.Trim() ?? string.Empty).ToList()).Where(r => r.Any(cell => cell.Length > 0)).ToList());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record PostedGrid(List<string?>? Header, List<List<string?>>? Rows);

    /// <summary>How the grid shows and edits one column: its Chinese title, and its choices or number format.</summary>
    private static object Column(string header, int index)
    {
        var column = LedgerColumn.All.FirstOrDefault(c => c.Matches(header));
        var title = column is { Titles.Length: > 0 } ? column.Titles[0] : header;
        var element = column?.Element ?? string.Empty;
        string[] Titles<T>(IEnumerable<T> values, Func<T, string> titleOf) => [.. values.Select(titleOf).Where(t => t.Length > 0)];
        return element switch
        {
            "fund_type_code" => new { field = "c" + index, element, header, title, editor = "list", choices = Titles(Terms.AllFunds, f => f.Title()) },
            "exp_kind" => new { field = "c" + index, element, header, title, editor = "list", choices = Titles(Enum.GetValues<ExpenditureKind>(), k => k.Title()) },
            "gov_purchase_type" => new { field = "c" + index, element, header, title, editor = "list", choices = (string[])["", .. Titles(Enum.GetValues<ProcurementType>(), p => p.Title())] },
            "three_public_type" => new { field = "c" + index, element, header, title, editor = "list", choices = (string[])["", .. Titles(Enum.GetValues<OfficialExpenseCategory>(), o => o.Title())] },
            "is_operating_expense" => new { field = "c" + index, element, header, title, editor = "list", choices = (string[])["否", "是"] },
            "exp_func_code" => (object)new { field = "c" + index, element, header, title, editor = "code", codes = Codes(ClassificationKind.Function) },
            "dep_bgt_eco_code" => new { field = "c" + index, element, header, title, editor = "code", codes = Codes(ClassificationKind.DepartmentEconomic) },
            "amount" or "gov_purchase_amt" or "sme_amt" or "micro_amt" => new { field = "c" + index, element, header, title, editor = "money" },
            _ => new { field = "c" + index, element, header, title, editor = "text" },
        };
    }

    /// <summary>The codes a line may carry (the catalogue's lowest level) with their names, for the code columns' lists.</summary>
    private static Dictionary<string, string> Codes(ClassificationKind kind)
    {
        var entries = Catalogue.Entries(kind).ToList();
        var parents = entries.Select(e => e.ParentCode).Where(p => p is not null).ToHashSet(StringComparer.Ordinal);
        return entries.Where(e => !parents.Contains(e.Code)).OrderBy(e => e.Code, StringComparer.Ordinal).ToDictionary(e => e.Code, e => $"{e.Code} {e.Name}");
    }

    private static readonly ClassificationCatalogue Catalogue = ClassificationCatalogue.BuiltIn();
}
