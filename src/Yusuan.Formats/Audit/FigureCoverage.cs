using System.Globalization;
using System.Text.RegularExpressions;
using Yusuan.Core.Disclosures;

namespace Yusuan.Formats.Audit;

/// <summary>
/// How much of what a document prints in its tables the extraction holds: the amount-like figures (1,234 or 12.34) printed on
/// its table pages — a page with at least three such figures and at most two sentences (。 or ；) — against the figures of the extracted
/// tables, in 万元 or in 元 (a 元 figure matches its 万元 value × 10,000). Zeros are not counted: a blank and a 0.00 look alike
/// in the text; nor are figures that belong to sentences or to performance targets: followed by 万元, 元, 年 or a unit of
/// measure (平方米, 吨, 人 …), a percentage followed by ，or 。, a target after ≤ or ≥. The page texts come from outside the extractor (pdftotext -layout), so the measure does not grade itself.
/// </summary>
public static partial class FigureCoverage
{
    [GeneratedRegex(@"(?<![≥≤<>＜＞]\s?)(?:(?<![\d.])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d,.])-?\d+\.\d{1,6})(?![\d.,])(?!\s?(?:万元|亿元|元|年|平方|平米|万头|头|吨|米|公里|亩|人|个|次|户|台|件|天|小时)|[%％][，。；、])")]
    private static partial Regex Amount();

    [GeneratedRegex(@"(?<=\s)\.\d{1,4}(?!\d)")]
    private static partial Regex DecimalTail();

    [GeneratedRegex(@"\d[\d,]*\d|\d")]
    private static partial Regex Digits();

    /// <summary>Figures printed on table pages, and how many of them the extracted tables hold.</summary>
    public sealed record Result(int TablePages, int Printed, int Found)
    {
        public decimal Coverage => Printed == 0 ? 1m : Math.Round((decimal)Found / Printed, 4);
    }

    /// <param name="pages">The text of each page, in order (pdftotext -layout, pages separated by form feeds).</param>
    /// <param name="disclosure">What the audit extracted; null when nothing could be read.</param>
    public static Result Measure(IEnumerable<string> pages, Disclosure? disclosure)
    {
        var extracted = new HashSet<decimal>();
        foreach (var value in disclosure?.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Values) ?? [])
        {
            if (value != 0)
            {
                extracted.Add(value);
                extracted.Add(value * 10_000m);
            }
        }

        var (tablePages, printed, found) = (0, 0, 0);
        foreach (var page in pages.Select(JoinDropped))
        {
            var figures = Amount().Matches(page).Select(m => decimal.Parse(m.Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture))
                .Where(v => v != 0).ToList();
            if (figures.Count < 3 || page.Count(c => c is '。' or '；') > 2)
            {
                continue;
            }

            tablePages++;
            printed += figures.Count;
            found += figures.Count(f => extracted.Contains(f));
        }

        return new Result(tablePages, printed, found);
    }

    /// <summary>
    /// Joins figures that pdftotext breaks over two lines: where a font sets the decimal point and its digits lower than the
    /// integer part, one printed "14,770.62" comes out as "14,770" with ".62" under it, its first character within the
    /// integer's columns. The tail is moved up to its integer, so the oracle counts the figure the page shows.
    /// </summary>
    private static string JoinDropped(string page)
    {
        if (!page.Contains('.', StringComparison.Ordinal))
        {
            return page;
        }

        var lines = page.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var tails = DecimalTail().Matches(lines[i]);
            if (tails.Count == 0)
            {
                continue;
            }

            var above = lines[i - 1];
            var integers = Digits().Matches(above);
            var below = lines[i].ToCharArray();
            var joins = new List<(int End, string Tail)>();
            foreach (Match tail in tails)
            {
                var integer = integers.FirstOrDefault(n => n.Index <= tail.Index && tail.Index <= n.Index + n.Length
                    && (n.Index + n.Length == above.Length || above[n.Index + n.Length] != '.'));
                if (integer is null)
                {
                    continue;
                }

                joins.Add((integer.Index + integer.Length, tail.Value));
                Array.Fill(below, ' ', tail.Index, tail.Length);
            }

            foreach (var (end, tail) in joins.OrderByDescending(j => j.End))
            {
                above = above.Insert(end, tail);
            }

            lines[i - 1] = above;
            lines[i] = new string(below);
        }

        return string.Join('\n', lines);
    }
}
