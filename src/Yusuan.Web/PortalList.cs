using Yusuan.Store;

namespace Yusuan.Web;

/// <summary>
/// The portal's list of published budgets, kept in memory while the store's <see cref="BudgetStore.PublishedStamp"/> stays
/// the same: each request asks the store one small question, and pages, filters and searches the kept list (name, code,
/// year, version, digest — never a disclosure). Another process publishing changes the stamp, so the list is never stale.
/// </summary>
public sealed class PortalList
{
    private readonly Lock gate = new();
    private (string Stamp, IReadOnlyList<BudgetStore.PublishedEntry> Entries, IReadOnlyList<int> Years)? kept;

    /// <summary>One page of the list filtered by year and by a text in the name or the code (case ignored), and how many there are; and the years there are.</summary>
    public (IReadOnlyList<BudgetStore.PublishedEntry> Page, int Total, IReadOnlyList<int> Years) Find(BudgetStore store, int? year, string? text, int offset, int limit)
    {
        var stamp = store.PublishedStamp();
        var current = kept;
        if (current?.Stamp != stamp)
        {
            current = (stamp, store.PublishedList(null, null, 0, int.MaxValue).Page, store.PublishedYears());
            lock (gate)
            {
                kept = current;
            }
        }

        var (_, entries, years) = current.Value;
        var found = entries.Where(e => (year is null || e.Year == year)
            && (string.IsNullOrEmpty(text) || e.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || e.Code.Contains(text, StringComparison.OrdinalIgnoreCase))).ToList();
        return (found.Skip(offset).Take(limit).ToList(), found.Count, years);
    }
}
