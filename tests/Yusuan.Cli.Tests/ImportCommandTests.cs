using Yusuan.Store;

namespace Yusuan.Cli.Tests;

public class ImportCommandTests
{
    private static string Folder() => Path.Combine(Path.GetTempPath(), "yusuan-import-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_city_is_imported_and_a_bad_row_imports_nothing()
    {
        var city = Folder();
        Assert.Equal(0, Yusuan.Run("generate", "--agencies", "12", "--lines", "3000", "--seed", "5", "--out", city).ExitCode);
        var db = Path.Combine(Folder(), "yusuan.db");

        var imported = Yusuan.Run("import", city, "--db", "sqlite:" + db);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains("已导入 3,000 条预算明细", imported.Out, StringComparison.Ordinal);
        Assert.Contains("导入批次 1", imported.Out, StringComparison.Ordinal);

        // One unreadable amount on row 1,501: the check names it, and the database keeps exactly the first import.
        var ledger = Path.Combine(city, "ledger.csv");
        var lines = File.ReadAllLines(ledger);
        var fields = lines[1500].Split(',');
        fields[Array.IndexOf(lines[0].Split(','), "amount")] = "12.3x";
        lines[1500] = string.Join(',', fields);
        File.WriteAllLines(ledger, lines);
        var refused = Yusuan.Run("import", city, "--db", "sqlite:" + db);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("ledger.csv 第 1501 行", refused.Error, StringComparison.Ordinal);
        Assert.Contains("数据库未作任何改变", refused.Error, StringComparison.Ordinal);
        using var store = BudgetStore.Open("sqlite:" + db);
        var only = Assert.Single(store.Imports());
        Assert.Equal((3_000L, only.Total), store.ImportedLines(only.Id));
        Assert.Equal(3_000L, store.ImportedLineCount());
    }
}
