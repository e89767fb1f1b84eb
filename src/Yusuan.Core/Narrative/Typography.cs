using System.Text.RegularExpressions;

namespace Yusuan.Core.Narrative;

/// <summary>
/// How Chinese text is set in what Yusuan prints (GB/T 15834, 标点符号用法): no space between a figure and 年/月/日
/// (2023年10月), full-width brackets around Chinese — 因公出国（境）费, 部门（单位）.
/// </summary>
public static partial class Typography
{
    [GeneratedRegex(@"(?<=\d)\s+(?=[年月日])|(?<=[年月])\s+(?=\d)")]
    private static partial Regex SpaceInDate();

    [GeneratedRegex(@"\(([^()]{0,40})\)")]
    private static partial Regex HalfWidthBrackets();

    /// <summary>"2022 年 10 月" → "2022年10月": no space between a figure and 年, 月 or 日.</summary>
    public static string Dates(string text) => SpaceInDate().Replace(text, string.Empty);

    /// <summary>
    /// A title or header as printed: <see cref="Dates"/>, and half-width brackets made full-width wherever what they hold, or
    /// the character before them, is Chinese (因公出国(境)费 → 因公出国（境）费; 项目(2023) → 项目（2023）); brackets in
    /// Latin text alone — (A) — stay.
    /// </summary>
    public static string Typeset(string text)
    {
        var compact = Dates(text);
        return HalfWidthBrackets().Replace(compact, m => m.Groups[1].Value.Any(IsChinese) || (m.Index > 0 && IsChinese(compact[m.Index - 1]))
            ? $"（{m.Groups[1].Value}）"
            : m.Value);
    }

    /// <summary>A character of Chinese text: CJK ideographs and full-width punctuation (U+3000 and above).</summary>
    private static bool IsChinese(char c) => c >= '\u3000';
}
