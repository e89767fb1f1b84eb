using System.Globalization;
using System.Text.RegularExpressions;
using Yusuan.Core.Disclosures;

namespace Yusuan.Formats.Audit;

/// <summary>
/// How much of what a document prints in its tables the extraction holds: the amount-like figures (1,234 or 12.34) printed on
/// its table pages — a page with at least three such figures and at most two sentences — against the figures of the extracted
/// tables, in 万元 or in 元 (a 元 figure matches its 万元 value × 10,000). Zeros are not counted: a blank and a 0.00 look alike
/// in the text. The page texts come from outside the extractor (pdftotext -layout), so the measure does not grade itself.
/// </summary>
public static partial class FigureCoverage
{
    [GeneratedRegex(@"(?<![\d.])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\d,.])-?\d+\.\d{1,4}(?![\d])")]
    private static partial Regex Amount();

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
        foreach (var page in pages)
        {
            var figures = Amount().Matches(page).Select(m => decimal.Parse(m.Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture))
                .Where(v => v != 0).ToList();
            if (figures.Count < 3 || page.Count(c => c == '。') > 2)
            {
                continue;
            }

            tablePages++;
            printed += figures.Count;
            found += figures.Count(f => extracted.Contains(f));
        }

        return new Result(tablePages, printed, found);
    }
}
