using System.Net;
using System.Text.RegularExpressions;
using Yusuan.Formats.Text;

namespace Yusuan.Formats.Audit;

/// <summary>
/// Reads a plain-text export of a published document (like the seed): tab-separated table rows, stray HTML fragments
/// (&lt;p&gt; …) removed, UTF-8 or GB18030. Pages are not marked in such files; a repeated table heading (表 N) starts a page.
/// </summary>
public static partial class TextDocumentReader
{
    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff])\s(?=[\u4e00-\u9fff])")]
    private static partial Regex CjkWrap();

    [GeneratedRegex(@"^表\s*\d+\s*$")]
    private static partial Regex TableNumber();

    /// <summary>Conversions to text sometimes leave LaTeX for symbols (the seed prints ≥ 90% as $\geq 90\%$).</summary>
    private static string Latex(string text) => text.Contains('$', StringComparison.Ordinal)
        ? text.Replace(@"\geq ", "≥", StringComparison.Ordinal).Replace(@"\leq ", "≤", StringComparison.Ordinal).Replace(@"\geq", "≥", StringComparison.Ordinal).Replace(@"\leq", "≤", StringComparison.Ordinal).Replace(@"\%", "%", StringComparison.Ordinal).Replace("$", string.Empty, StringComparison.Ordinal)
        : text;

    public static SourceDocument Read(string path)
    {
        var name = Path.GetFileName(path);
        var (encoding, badLine) = TextDecoding.DetectWithLine(path);
        if (!encoding.Success)
        {
            return new SourceDocument(name, [], $"{encoding.Error}（第 {badLine} 行）");
        }

        var lines = new List<SourceLine>();
        var page = 1;
        var number = 0;
        foreach (var raw in File.ReadLines(path, encoding.Value))
        {
            number++;
            var text = Latex(WebUtility.HtmlDecode(Tag().Replace(raw, " ")));
            if (TableNumber().IsMatch(text.Trim()) && lines.Count > 0)
            {
                page++;
            }

            // A space between two Chinese characters is a line wrapped inside a cell ("资助项目 立项"): joined back.
            lines.Add(new SourceLine(page, number, text.Split('\t').Select(c => CjkWrap().Replace(Regex.Replace(c, @"\s+", " ").Trim(), string.Empty)).ToList()));
        }

        return lines.All(l => l.IsBlank) ? new SourceDocument(name, [], "文件没有文字内容") : new SourceDocument(name, lines, null);
    }
}
