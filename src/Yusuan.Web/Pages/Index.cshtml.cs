using Microsoft.AspNetCore.Mvc.RazorPages;
using Yusuan.Store;

namespace Yusuan.Web.Pages;

/// <summary>
/// The portal: the published budgets by department and year, <see cref="PageSize"/> to a page, filtered by year and by a
/// text in the department's name or code. Reads the list only (<see cref="PortalList"/>), never a disclosure.
/// </summary>
public sealed class IndexModel(StoreFactory stores, PortalList list) : PageModel
{
    public const int PageSize = 50;

    public string Query { get; private set; } = string.Empty;

    public int? Year { get; private set; }

    /// <summary>The page shown, from 1.</summary>
    public int Number { get; private set; } = 1;

    public int Pages { get; private set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<BudgetStore.PublishedEntry> Budgets { get; private set; } = [];

    public void OnGet(string? q, int? year, int? p)
    {
        Query = (q ?? string.Empty).Trim() is var typed && typed.Length > 100 ? typed[..100] : typed;
        using var store = stores.Open();
        Number = Math.Max(1, p ?? 1);
        var text = Query.Length == 0 ? null : Query;
        (Budgets, Total, Years) = list.Find(store, year, text, (Number - 1) * PageSize, PageSize);
        Year = year is { } y && Years.Contains(y) ? y : null;
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        if (Year != year || Number > Pages)
        {
            Number = Math.Min(Number, Pages);
            (Budgets, Total, _) = list.Find(store, Year, text, (Number - 1) * PageSize, PageSize);
            Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
            Number = Math.Min(Number, Pages);
        }
    }

    /// <summary>The address of another page of the same list.</summary>
    public string Link(int page)
    {
        var parts = new[]
        {
            Query.Length > 0 ? "q=" + Uri.EscapeDataString(Query) : null,
            Year is { } year ? "year=" + year.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            page > 1 ? "p=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        }.Where(p => p is not null).ToList();
        return parts.Count == 0 ? "/" : "/?" + string.Join("&", parts);
    }
}
