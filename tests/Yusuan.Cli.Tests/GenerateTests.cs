using System.Security.Cryptography;

namespace Yusuan.Cli.Tests;

public class GenerateTests
{
    private static string Folder() => Path.Combine(Path.GetTempPath(), "yusuan-gen-" + Guid.NewGuid().ToString("N"));

    /// <summary>A generated city whose ledger has had one of its lines changed (by its index, 0 = the header).</summary>
    private static string CityWithLine(int agencies, int lines, int seed, Func<string[], int> which, Func<string, string> change)
    {
        var folder = Folder();
        Assert.Equal(0, Yusuan.Run("generate", "--agencies", $"{agencies}", "--lines", $"{lines}", "--seed", $"{seed}", "--out", folder).ExitCode);
        var ledger = Path.Combine(folder, "ledger.csv");
        var all = File.ReadAllLines(ledger);
        var at = which(all);
        all[at] = change(all[at]);
        File.WriteAllLines(ledger, all);
        return folder;
    }

    private static string Digest(string folder) => Convert.ToHexString(SHA256.HashData(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(f => System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, f)).Concat(File.ReadAllBytes(f))).ToArray()));

    [Fact]
    public void The_same_seed_gives_the_same_dataset_and_another_seed_another()
    {
        var (a, b, c) = (Folder(), Folder(), Folder());
        Assert.Equal(0, Yusuan.Run("generate", "--agencies", "30", "--lines", "1500", "--seed", "11", "--out", a).ExitCode);
        Assert.Equal(0, Yusuan.Run("generate", "--agencies", "30", "--lines", "1500", "--seed", "11", "--out", b).ExitCode);
        Assert.Equal(0, Yusuan.Run("generate", "--agencies", "30", "--lines", "1500", "--seed", "12", "--out", c).ExitCode);
        Assert.Equal(Digest(a), Digest(b));
        Assert.NotEqual(Digest(a), Digest(c));
        Assert.Equal(1501, File.ReadLines(Path.Combine(a, "ledger.csv")).Count());
        var agencies = File.ReadLines(Path.Combine(a, "ledger.csv")).Skip(1).Select(l => l.Split(',')[0]).Distinct().Count();
        Assert.Equal(30, agencies);
    }

    [Fact]
    public void A_generated_city_checks_department_by_department_without_errors()
    {
        // Seed 7 once found two faults: an agency without 政府性基金 lines heading T10 was taken for a header row, and a
        // 小微企业 share printed one unit above the 中小企业 share it is part of was called an error, not 尾数误差.
        var folder = Folder();
        var made = Yusuan.Run("generate", "--agencies", "20", "--lines", "2000", "--seed", "7", "--out", folder);
        Assert.Contains("已生成 6 个部门、20 个单位、2000 条预算明细", made.Out, StringComparison.Ordinal);
        var check = Yusuan.Run("check", folder);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("6 个部门，2000 条预算明细：错误 0 条", check.Out, StringComparison.Ordinal);
        Assert.Contains("== 000001 ", check.Out, StringComparison.Ordinal);

        // The same lines in another order (departments interleaved, so none can be finished early) give the same findings.
        var ledger = Path.Combine(folder, "ledger.csv");
        var lines = File.ReadAllLines(ledger);
        File.WriteAllLines(ledger, lines.Take(1).Concat(lines.Skip(1).Select((l, i) => (l, i)).OrderBy(x => x.i % 7).ThenBy(x => x.i).Select(x => x.l)));
        var memory = Path.Combine(folder, "rounding");
        var shuffled = Yusuan.Run("check", folder, "--keep-rounding", memory);
        Assert.Equal(check.Out.Split('\n').Order(StringComparer.Ordinal), shuffled.Out.Split('\n').Order(StringComparer.Ordinal));
        Assert.Contains("已检查 6 / 6 个部门（100%）", shuffled.Error, StringComparison.Ordinal);

        // Found out only as it is read, in the one read that also compiles: what that read kept is void, every department is
        // compiled again from a second read, and each keeps its rounding once (nothing staged is left behind).
        Assert.Contains($"已把 6 个部门的舍入结果保存到 {memory}", shuffled.Error, StringComparison.Ordinal);
        Assert.Equal(6, Directory.GetFiles(memory).Length);
        Assert.Empty(Directory.GetDirectories(memory));
    }

    [Fact]
    public void A_fault_in_the_last_line_of_a_city_voids_everything_the_one_read_had_made()
    {
        // The ledger is checked and compiled in one read: by its last line every department but the last has been compiled and
        // judged. A fault there must still leave only the problem — no department's findings, no rounding kept.
        var folder = CityWithLine(20, 2000, 7, all => all.Length - 1, line =>
        {
            var fields = line.Split(',');
            fields[11] = "12.3.4";
            return string.Join(',', fields);
        });
        var memory = Path.Combine(folder, "rounding");

        foreach (var format in new[] { "text", "json" })
        {
            var check = Yusuan.Run("check", folder, "--keep-rounding", memory, "--format", format);
            Assert.Equal(2, check.ExitCode);
            Assert.Contains("ledger.csv 第 2001 行 列“amount”", check.Error, StringComparison.Ordinal);
            Assert.Contains("未作检查", check.Error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, check.Out);
            Assert.False(Directory.Exists(memory) && Directory.EnumerateFileSystemEntries(memory).Any(), "a rounding was kept from a ledger that failed");
        }
    }

    [Fact]
    public void A_city_check_shows_its_progress_and_keeps_and_reuses_each_departments_rounding()
    {
        var folder = Folder();
        Assert.Equal(0, Yusuan.Run("generate", "--agencies", "20", "--lines", "2000", "--seed", "7", "--out", folder).ExitCode);
        var memory = Path.Combine(folder, "rounding");
        var first = Yusuan.Run("check", folder, "--keep-rounding", memory);
        Assert.Equal(0, first.ExitCode);

        // Standard error is a pipe here: the progress comes as lines, the findings stay on standard output.
        Assert.Contains("已检查 6 / 6 个部门（100%）", first.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("已检查", first.Out, StringComparison.Ordinal);
        Assert.Contains($"已把 6 个部门的舍入结果保存到 {memory}", first.Error, StringComparison.Ordinal);
        var kept = Directory.GetFiles(memory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"{i:000000}.rounding.json"), kept);

        // Checked again against what it kept, nothing having changed: the same findings to the byte.
        var again = Yusuan.Run("check", folder, "--previous", memory);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(first.Out, again.Out);

        // The kept rounding is what the next check starts from: turn twenty of department 000001's atoms the other way in the
        // kept file, and the check against it keeps most of them so (every figure still within one unit), where a check
        // afresh keeps none — it rounds them as it did at first.
        var file = Path.Combine(memory, "000001.rounding.json");
        var original = File.ReadAllText(file);
        var document = System.Text.Json.Nodes.JsonNode.Parse(original)!;
        var turned = new Dictionary<string, decimal>();
        foreach (var atom in document["atoms"]!.AsArray().Take(20))
        {
            var unit = atom!["key"]!.GetValue<string>().StartsWith("2|", StringComparison.Ordinal) ? 100m : 10_000m;
            var (amount, printed) = (atom["amount"]!.GetValue<decimal>(), atom["printed"]!.GetValue<decimal>());
            var other = printed == decimal.Floor(amount / unit) ? printed + 1 : printed - 1;
            atom["printed"] = other;
            turned[atom["key"]!.GetValue<string>()] = other;
        }

        File.WriteAllText(file, document.ToJsonString());
        var (against, afresh) = (Path.Combine(folder, "against"), Path.Combine(folder, "afresh"));
        Assert.Equal(0, Yusuan.Run("check", folder, "--previous", memory, "--keep-rounding", against).ExitCode);
        Assert.Equal(0, Yusuan.Run("check", folder, "--keep-rounding", afresh).ExitCode);
        int Kept(string kept) => System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(kept, "000001.rounding.json")))!["atoms"]!.AsArray()
            .Count(a => turned.TryGetValue(a!["key"]!.GetValue<string>(), out var other) && a["printed"]!.GetValue<decimal>() == other);
        Assert.True(Kept(against) >= 10, $"only {Kept(against)} of 20 turned atoms kept");
        Assert.Equal(0, Kept(afresh));
        File.WriteAllText(file, original);

        // A kept file that cannot be read costs only its department's stability: it is named, rounded afresh, and the check goes on.
        File.WriteAllText(Path.Combine(memory, "000002.rounding.json"), "{ \"schema\": \"yusuan.rounding/1\", \"department\": \"000003\", \"fiscalYear\": 2024, \"atoms\": [] }");
        var spoiled = Yusuan.Run("check", folder, "--previous", memory);
        Assert.Equal(0, spoiled.ExitCode);
        Assert.Equal(first.Out, spoiled.Out);
        Assert.Contains("上一版的舍入结果无法使用，该部门已重新舍入", spoiled.Error, StringComparison.Ordinal);
        Assert.Contains("上一版是部门 000003 的 2024 年预算", spoiled.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_of_an_agency_in_no_department_stops_the_check_with_its_row()
    {
        var folder = CityWithLine(5, 100, 3, _ => 4, line => "999999999" + line[line.IndexOf(',', StringComparison.Ordinal)..]);
        var check = Yusuan.Run("check", folder);
        Assert.Equal(2, check.ExitCode);
        Assert.Contains("ledger.csv 第 5 行 列“agency_code”：单位编码“999999999”不属于 departments/ 中任何部门的 agencies", check.Error, StringComparison.Ordinal);

        var refused = Yusuan.Run("generate", "--agencies", "5", "--lines", "100", "--out", folder);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("不是空的", refused.Error, StringComparison.Ordinal);
    }
}
