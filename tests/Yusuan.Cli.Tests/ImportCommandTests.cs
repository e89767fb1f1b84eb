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

    [Fact]
    public void An_import_says_what_it_is_doing_as_it_checks_and_writes_and_commits()
    {
        var city = Path.Combine(Path.GetTempPath(), "yusuan-city-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, Yusuan.Run("generate", "--agencies", "12", "--lines", "25000", "--seed", "7", "--out", city).ExitCode);
        var imported = Yusuan.Run("import", city, "--db", "sqlite:" + Path.Combine(city, "yusuan.db"));
        Assert.True(imported.ExitCode == 0, imported.Error);

        // Standard error here is a pipe: a line at each step and as the lines go in, in order; the result stays on standard output.
        var steps = imported.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("正在逐行检查并写入预算明细…", steps[0]);
        Assert.Equal(["已写入 10,000 / 25,000 条（40%）", "已写入 20,000 / 25,000 条（80%）", "全部写入，正在提交事务…"], steps[1..]);
        Assert.Contains("已导入 25,000 条预算明细", imported.Out, StringComparison.Ordinal);
    }
}
