using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Yusuan.Web.Pages;

/// <summary>The portal: every published budget by department and year, searched by name or code.</summary>
public sealed class IndexModel(StoreFactory stores) : PageModel
{
    public string Query { get; private set; } = string.Empty;

    public IReadOnlyList<(string Code, string Name, int Year)> Budgets { get; private set; } = [];

    public void OnGet(string? q)
    {
        Query = q?.Trim() ?? string.Empty;
        using var store = stores.Open();
        Budgets = store.Published()
            .Where(b => Query.Length == 0 || b.Name.Contains(Query, StringComparison.Ordinal) || b.Code.Contains(Query, StringComparison.Ordinal))
            .Select(b => (b.Code, b.Name, b.Year)).ToList();
    }
}
