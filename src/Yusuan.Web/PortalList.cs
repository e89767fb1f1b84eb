using Yusuan.Store;

namespace Yusuan.Web;

/// <summary>
/// The portal's list of published budgets, kept in memory while the store's <see cref="BudgetStore.PublishedStamp"/> stays
/// the same: each request asks the store one small question, and pages, filters and searches the kept list (name, code,
/// year, version, digest — never a disclosure). Another process publishing changes the stamp, so the list is never stale.
/// </summary>
public sealed class PortalList
{
    /// <summary>How long a kept list is trusted without a publication changing the stamp (a department renamed by an import does not).</summary>
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private volatile Snapshot? kept;

    /// <summary>One page of the list filtered by year and by a text in the name or the code (case ignored), and how many there are; and the years there are.</summary>
    public (IReadOnlyList<BudgetStore.PublishedEntry> Page, int Total, IReadOnlyList<int> Years) Find(BudgetStore store, int? year, string? text, int offset, int limit)
    {
        var stamp = store.PublishedStamp();
        var current = kept;
        if (current is null || current.Stamp != stamp || DateTime.UtcNow - current.Taken > MaxAge)
        {
            current = new Snapshot(stamp, DateTime.UtcNow, store.PublishedList(null, null, 0, int.MaxValue).Page, store.PublishedYears());
            kept = current;
        }

        var found = current.Entries.Where(e => (year is null || e.Year == year)
            && (string.IsNullOrEmpty(text) || e.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || e.Code.Contains(text, StringComparison.OrdinalIgnoreCase))).ToList();
        return (found.Skip(offset).Take(limit).ToList(), found.Count, current.Years);
    }

    /// <summary>The list as read at one moment: replaced whole, never changed, so a reader sees one list and its stamp together.</summary>
    private sealed record Snapshot(string Stamp, DateTime Taken, IReadOnlyList<BudgetStore.PublishedEntry> Entries, IReadOnlyList<int> Years);
}
