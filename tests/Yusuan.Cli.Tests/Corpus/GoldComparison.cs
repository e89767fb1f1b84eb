using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Yusuan.Core.Disclosures;

namespace Yusuan.Cli.Tests.Corpus;

/// <summary>
/// Compares extracted tables with a hand-made gold transcription, cell for cell: gold tables are matched to extracted tables
/// by printed title (the two halves of a two-sided sheet, （收入） and （支出）, to the one extracted table, each half to the
/// rows of its side, so that the 总计 of 支出 is not the 总计 of 收入), rows by code or, without one, by name (rows sharing a
/// key in order), values after the unit conversion the extraction records. A blank gold
/// cell matches a blank or 0; text cells of text columns are not figures and are not compared. The rules of the corpus's
/// reference script tools/gold_score.py, which matches a half against both sides; in addition, a row's gov_code (the 政府预算支出经济分类
/// printed beside a 部门经济分类 row) is compared with the extracted GovernmentEconomicCode.
/// </summary>
internal static partial class GoldComparison
{
    public sealed record Result(int Right, int Total, IReadOnlyList<string> Wrong, IReadOnlyList<string> Tables);

    [GeneratedRegex(@"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、]|(?:公开|预算|部门)?\s*\d*\s*表\s*\d*[-—]?\d*)\s*")]
    private static partial Regex Ordinal();

    public static Result Compare(Disclosure disclosure, string goldPath)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(goldPath));
        var (right, total) = (0, 0);
        var wrong = new List<string>();
        var perTable = new List<string>();
        foreach (var goldTable in gold.RootElement.GetProperty("tables").EnumerateArray())
        {
            var title = goldTable.GetProperty("title").GetString()!;
            var table = Match(title, disclosure.Tables);
            var scale = Scale(goldTable.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null, table?.Unit);
            var byCode = new Dictionary<string, List<TableRow>>(StringComparer.Ordinal);
            var byName = new Dictionary<string, List<TableRow>>(StringComparer.Ordinal);
            var half = HalfOf(title);
            foreach (var row in (table?.Rows ?? []).Where(r => half is null || r.Section is null || r.Section.StartsWith(half, StringComparison.Ordinal)))
            {
                // A 预算单位's code is kept in its row's key (agency:234001), not as a classification code.
                var agencyCode = row.Key?.StartsWith("agency:", StringComparison.Ordinal) == true ? row.Key["agency:".Length..] : null;
                if (Key(row.Code ?? agencyCode, null) is { Length: > 0 } code)
                {
                    (byCode.TryGetValue(code, out var l) ? l : byCode[code] = []).Add(row);
                }

                var name = Key(null, row.Name);
                (byName.TryGetValue(name, out var n) ? n : byName[name] = []).Add(row);
            }

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var (tableRight, tableTotal) = (0, 0);
            foreach (var goldRow in goldTable.GetProperty("rows").EnumerateArray())
            {
                var code = Key(goldRow.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null, null);
                var name = Key(null, goldRow.TryGetProperty("name", out var nm) && nm.ValueKind == JsonValueKind.String ? nm.GetString() : null);
                var same = code.Length > 0 && byCode.TryGetValue(code, out var withCode) ? withCode : byName.GetValueOrDefault(name) ?? [];
                var key = code.Length > 0 ? code : name;
                var index = seen.GetValueOrDefault(key);
                seen[key] = index + 1;
                var extracted = index < same.Count ? same[index] : same.LastOrDefault();

                // A second classification printed beside the row (政府预算支出经济分类, recorded as gov_code) is a cell too.
                if (goldRow.TryGetProperty("gov_code", out var gov) && gov.ValueKind == JsonValueKind.String && gov.GetString() is { Length: > 0 } govCode)
                {
                    tableTotal++;
                    if (Regex.Replace(govCode, @"\s", string.Empty) == extracted?.GovernmentEconomicCode)
                    {
                        tableRight++;
                    }
                    else if (wrong.Count < 40)
                    {
                        wrong.Add($"{title} {code}{name} 政府经济分类：应为 {govCode}，提取 {extracted?.GovernmentEconomicCode ?? "（无）"}");
                    }
                }

                var j = 0;
                foreach (var value in goldRow.GetProperty("values").EnumerateArray())
                {
                    var at = j++;
                    decimal? expected = value.ValueKind switch
                    {
                        JsonValueKind.Number => value.GetDecimal(),
                        JsonValueKind.Null => null,
                        _ => decimal.MinValue,
                    };
                    if (expected == decimal.MinValue)
                    {
                        continue;
                    }

                    tableTotal++;
                    var actual = extracted is not null && at < extracted.Values.Count ? extracted.Values[at] : (decimal?)null;
                    var good = actual is { } a && (expected is null ? a == 0 : Math.Abs(a - expected.Value * scale) <= 0.005m * (scale > 1 ? scale : 1));
                    if (good)
                    {
                        tableRight++;
                    }
                    else if (wrong.Count < 40)
                    {
                        wrong.Add($"{title} {code}{name} 第 {at + 1} 栏：应为 {expected?.ToString(CultureInfo.InvariantCulture) ?? "空"}，提取 {actual?.ToString(CultureInfo.InvariantCulture) ?? (extracted is null ? "（无此行）" : "（无此栏）")}");
                    }
                }
            }

            right += tableRight;
            total += tableTotal;
            perTable.Add($"{title}:{tableRight}/{tableTotal}");
        }

        return new Result(right, total, wrong, perTable);
    }

    /// <summary>The section a half of a two-sided sheet is read from: income for （收入）, expenditure (any list) for （支出…）.</summary>
    private static string? HalfOf(string goldTitle) =>
        Regex.Match(goldTitle.Trim(), @"[（(](收入|支出)(?:[-－:：][^）)]*)?[）)]$") is { Success: true } m ? (m.Groups[1].Value == "收入" ? "income" : "expenditure") : null;

    private static decimal Scale(string? goldUnit, string? tableUnit) => (goldUnit, tableUnit) switch
    {
        _ when goldUnit == tableUnit || tableUnit is null => 1m,
        ("元", "万元") => 0.0001m,
        ("万元", "元") => 10_000m,
        ("千元", "万元") => 0.1m,
        _ => 1m,
    };

    private static string Normalise(string title)
    {
        var s = Regex.Replace(title.Trim(), @"[（(](?:收入|支出)(?:[:：][^）)]*)?[）)]$", string.Empty);
        for (var i = 0; i < 2; i++)
        {
            s = Ordinal().Replace(s, string.Empty);
        }

        s = Regex.Replace(s, @"[（(][^）)]*表\s*\d+[^）)]*[）)]", string.Empty);
        s = Regex.Replace(s, @"20\d\d\s*年(?:度)?", string.Empty);
        return Regex.Replace(s, @"[\s“”""‘’（）()\[\]【】、．.:：]", string.Empty);
    }

    private static DisclosureTable? Match(string goldTitle, IReadOnlyList<DisclosureTable> tables)
    {
        var wanted = Normalise(goldTitle);
        DisclosureTable? best = null;
        var score = 0.0;
        foreach (var table in tables)
        {
            var title = Normalise(table.Heading);
            if (title.Length == 0)
            {
                continue;
            }

            var ratio = Similarity(wanted, title);
            if (ratio > score)
            {
                (best, score) = (table, ratio);
            }
        }

        return score >= 0.6 ? best : null;
    }

    /// <summary>2 × common subsequence / total length, as difflib's ratio is near enough for titles.</summary>
    private static double Similarity(string a, string b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                lcs[i, j] = a[i - 1] == b[j - 1] ? lcs[i - 1, j - 1] + 1 : Math.Max(lcs[i - 1, j], lcs[i, j - 1]);
            }
        }

        return a.Length + b.Length == 0 ? 0 : 2.0 * lcs[a.Length, b.Length] / (a.Length + b.Length);
    }

    private static string Key(string? code, string? name)
    {
        var c = Regex.Replace(code ?? string.Empty, @"\s", string.Empty);
        return c.Length > 0 ? c : Regex.Replace(name ?? string.Empty, @"[\s0-9.、．:：（）()一二三四五六七八九十]", string.Empty);
    }
}
