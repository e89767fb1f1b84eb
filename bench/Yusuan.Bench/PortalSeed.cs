using System.Globalization;
using Yusuan.Store;

namespace Yusuan.Bench;

/// <summary>
/// The portal of a city for bench/web.sh: the sample's published budget published again under N more departments (codes
/// 500000 …), each through the whole review (submitted, approved, published), as `yusuan serve` would hold them.
/// </summary>
internal static class PortalSeed
{
    public static int Run(string database, int count)
    {
        using var store = BudgetStore.Open(database);
        store.Migrate();
        var sample = store.Published("139001", 2023) ?? throw new InvalidOperationException("the database has no published sample: start `yusuan serve` on it once first");
        for (var i = 0; i < count; i++)
        {
            var code = (500_000 + i).ToString(CultureInfo.InvariantCulture);
            store.SaveDepartment(code, $"示例市第{i + 1}局");
            var id = store.CreateDraft(code, 2023, [], sample.DisclosureJson.Replace("\"139001\"", $"\"{code}\"", StringComparison.Ordinal), [], "基准测试");
            foreach (var state in new[] { BudgetState.Submitted, BudgetState.Approved, BudgetState.Published })
            {
                store.Move(id, state, state == BudgetState.Submitted ? "经办人" : "财政局");
            }
        }

        Console.WriteLine($"{count} departments published");
        return 0;
    }
}
