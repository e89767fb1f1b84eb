using Microsoft.AspNetCore.Mvc;
using Yusuan.Formats.Ledger;

namespace Yusuan.Web.Pages.Versions;

/// <summary>A draft's ledger as a grid: change cells, delete rows, add rows; each problem stands beside its row.</summary>
public sealed class LedgerModel(StoreFactory stores) : EditorPage(stores)
{
    /// <summary>Blank rows at the end of the grid, for adding lines.</summary>
    public const int BlankRows = 3;

    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>The column titles a budget officer knows (单位编码, 金额 …) for the ledger's columns.</summary>
    public IReadOnlyList<string> Labels => Header.Select(h => LedgerColumn.All.FirstOrDefault(c => c.Matches(h)) is { Titles.Length: > 0 } column ? column.Titles[0] : h).ToList();

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; private set; } = [];

    public IActionResult OnGet(long id) => Editable(id, (store, files) =>
    {
        var rows = Drafts.RowsOfCsv(files.LedgerCsv);
        (Header, Rows) = (rows[0].Fields, rows.Skip(1).Select(r => r.Fields).ToList());
        return Page();
    });

    public IActionResult OnPost(long id, int? revision, string[] h, string[] c, int[] delete) => Editable(id, (store, files) =>
    {
        if (h.Length == 0 || c.Length % h.Length != 0 || revision is null)
        {
            return Message(400, "无法保存", "提交的表格不完整，请刷新页面后重新编辑。", $"/versions/{id}/ledger");
        }

        var deleted = delete.ToHashSet();
        Header = h;
        Rows = c.Select(cell => cell ?? string.Empty).Chunk(h.Length).Select((row, index) => (row, index))
            .Where(r => !deleted.Contains(r.index) && r.row.Any(cell => cell.Trim().Length > 0))
            .Select(r => (IReadOnlyList<string>)r.row.Select(cell => cell.Trim()).ToList()).ToList();
        return Save(store, revision.Value, files with { LedgerCsv = LedgerCsv.Write(Rows.Prepend(Header)) }, "修改预算明细");
    });
}
