using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Yusuan.Formats.Audit;

/// <summary>
/// Reads a published HTML page: each table row a line with its cells (a cell spanning columns keeps its place), every other
/// block of text (headings, paragraphs, list items) a line of one cell. Scripts and styles are dropped; entities decoded.
/// </summary>
public static partial class HtmlDocumentReader
{
    [GeneratedRegex(@"<(script|style|head)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<tr\b[^>]*>(.*?)</tr\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"<t[hd]\b([^>]*)>(.*?)</t[hd]\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TableCell();

    [GeneratedRegex(@"colspan\s*=\s*[""']?(\d{1,3})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex ColSpan();

    [GeneratedRegex(@"<(?:/?(?:p|div|h[1-6]|li|br|caption|section|table|tr)\b)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Block();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    public static SourceDocument Read(string path)
    {
        var name = Path.GetFileName(path);
        var (encoding, badLine) = Text.TextDecoding.DetectWithLine(path);
        if (!encoding.Success)
        {
            return new SourceDocument(name, [], $"{encoding.Error}（第 {badLine} 行）");
        }

        // \u0001 marks where a table row stands in for its text below; the document's own control characters must not.
        var html = Hidden().Replace(File.ReadAllText(path, encoding.Value).Replace('\u0001', ' '), " ");

        // Table rows become lines of cells; a marker keeps their place among the text blocks.
        var rows = new List<List<string>>();
        html = TableRow().Replace(html, m =>
        {
            var cells = new List<string>();
            foreach (Match cell in TableCell().Matches(m.Groups[1].Value))
            {
                cells.Add(Clean(cell.Groups[2].Value));
                var span = ColSpan().Match(cell.Groups[1].Value) is { Success: true } s ? int.Parse(s.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                for (var i = 1; i < Math.Min(span, 50); i++)
                {
                    cells.Add(string.Empty);
                }
            }

            rows.Add(cells);
            return $"\n\u0001{rows.Count - 1}\n";
        });
        // A list item reads as one entry of a list ("- …"), as the 目录 is printed in text exports.
        html = Regex.Replace(html, @"<li\b[^>]*>", "\n- ", RegexOptions.IgnoreCase);
        var lines = new List<SourceLine>();
        var number = 0;
        foreach (var block in Block().Replace(html, "\n").Split('\n'))
        {
            var text = block.Trim();
            if (text.StartsWith('\u0001') && int.TryParse(text[1..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < rows.Count)
            {
                lines.Add(new SourceLine(1, ++number, rows[index]));
                continue;
            }

            var clean = Clean(text);
            if (clean.Length > 0)
            {
                lines.Add(new SourceLine(1, ++number, [clean]));
            }
        }

        return lines.Count == 0 ? new SourceDocument(name, [], "网页没有文字内容") : new SourceDocument(name, lines, null);
    }

    private static string Clean(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), @"\s+", " ").Trim();
}
