using Yusuan.Core.Disclosures;

namespace Yusuan.Publishing.Tests;

internal static class Edit
{
    /// <summary>The disclosure with T03's total for one code set to a value.</summary>
    public static Disclosure SetT03(Disclosure d, string code, decimal total) => d with
    {
        Tables = d.Tables.Select(t => t.Id != "T03" ? t : t with
        {
            Rows = t.Rows.Select(r => r.Code != code ? r : r with { Values = [total, .. r.Values.Skip(1)] }).ToList(),
        }).ToList(),
    };
}
