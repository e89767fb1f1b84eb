using System.Globalization;
using System.Text;
using PdfSharp.Drawing;

namespace Yusuan.Publishing.Pdf;

/// <summary>
/// Widths of text as PDFsharp measures it (pt), each text measured once per document, and lines broken to fit a width.
/// PDFsharp measures without kerning, so a text is as wide as the sum of its characters (to within 10⁻¹⁰ pt): a line grows
/// by adding each character's width instead of measuring the whole line again at every character, which made breaking a
/// paragraph quadratic in its length.
/// </summary>
/// <param name="measure">PDFsharp's measurement of a whole text in a font (XGraphics.MeasureString's width).</param>
internal sealed class TextMeasure(Func<string, XFont, double> measure)
{
    /// <summary>How near (pt) a line's summed width may come to the room left before the line is measured whole.</summary>
    private const double NearBreak = 1e-6;

    // By font (the writer's own fonts, compared by reference) and text.
    private readonly Dictionary<(XFont Font, string Text), double> widths = [];

    /// <summary>The width of <paramref name="text"/> in <paramref name="font"/>, in pt.</summary>
    public double Width(string text, XFont font)
    {
        if (!widths.TryGetValue((font, text), out var width))
        {
            width = measure(text, font);
            widths.Add((font, text), width);
        }

        return width;
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/> (pt; the first line <paramref name="firstIndent"/> less)
    /// between the <see cref="Segments"/> of each paragraph — between two Chinese characters, never inside a figure, a code or
    /// a Latin word, never before closing or after opening punctuation; a segment wider than a whole line is broken between
    /// its characters. Explicit line breaks are kept; a line holds at least one character. Where a line's summed width comes
    /// within <see cref="NearBreak"/> of the room left, the line is measured whole, so every break falls exactly where
    /// measuring each candidate line whole would put it.
    /// </summary>
    public List<string> Wrap(string text, XFont font, double width, double firstIndent = 0)
    {
        // A text of one line that fits whole is its own line (most of a table's cells): every part of it is no wider than the
        // whole, so no break could fall inside it — without walking it segment by segment.
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0 && Width(text, font) <= width - firstIndent)
        {
            return [text];
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        var lineWidth = 0.0;
        var available = width - firstIndent;
        void Break()
        {
            lines.Add(line.ToString());
            line.Clear();
            lineWidth = 0;
            available = width;
        }

        // A piece on the line, after a break where it would overflow.
        void Add(string piece, double pieceWidth)
        {
            if (line.Length > 0 && Overflows(line, piece, lineWidth + pieceWidth, available, font))
            {
                Break();
            }

            line.Append(piece);
            lineWidth += pieceWidth;
        }

        foreach (var paragraph in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            foreach (var segment in Segments(paragraph))
            {
                var segmentWidth = Width(segment, font);
                if (line.Length > 0 && Overflows(line, segment, lineWidth + segmentWidth, available, font))
                {
                    Break();
                }

                if (line.Length == 0 && segmentWidth > available)
                {
                    // Wider than a whole line (a long code or URL in a narrow cell): its characters, as many as fit on each line.
                    foreach (var element in Elements(segment))
                    {
                        Add(element, Width(element, font));
                    }
                }
                else
                {
                    Add(segment, segmentWidth);
                }
            }

            Break();
        }

        return lines;
    }

    /// <summary>
    /// Lines as <see cref="Wrap"/> breaks them, but as even as they can be: as many lines, at the narrowest width that needs no
    /// more — so a cell or a header never ends with one character alone (深圳市生态环境智能管控中 / 心 becomes
    /// 深圳市生态环境 / 智能管控中心). Explicit line breaks are kept as they are.
    /// </summary>
    public List<string> WrapBalanced(string text, XFont font, double width)
    {
        var lines = Wrap(text, font, width);
        if (lines.Count < 2 || text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            return lines;
        }

        // The narrowest width worth trying: the text shared evenly, and never below its widest piece (which would break).
        var low = Math.Max(Width(text, font) / lines.Count, Segments(text).Max(s => Width(s, font))) - 0.01;
        var high = width;
        for (var i = 0; i < 12 && high - low > 0.25; i++)
        {
            var middle = (low + high) / 2;
            if (Wrap(text, font, middle).Count <= lines.Count)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        // Greedy lines at one width can still end with one character (13 in lines of 3: 3, 3, 3, 3, 1): the line before gives
        // its last piece to the last, where it fits and leaves more than one behind.
        var even = Wrap(text, font, high);
        if (even.Count > 1 && StringInfo.ParseCombiningCharacters(even[^1]).Length == 1)
        {
            var before = Segments(even[^2]).ToList();
            var moved = before[^1] + even[^1];
            if (before.Count > 1 && StringInfo.ParseCombiningCharacters(before[^1]).Length < StringInfo.ParseCombiningCharacters(even[^2]).Length - 1 && Width(moved, font) <= width)
            {
                even[^2] = string.Concat(before.SkipLast(1));
                even[^1] = moved;
            }
        }

        return even;
    }

    /// <summary>
    /// The pieces a line may break between, in order, together the paragraph: each Chinese character alone; a run of Latin
    /// letters, digits and the marks inside a figure or code (7,656.00, 2021-2025, 90%, CIM) whole; closing punctuation
    /// (，。、；：）》” …) kept with what precedes it and opening punctuation (（《“ …) with what follows, as Chinese typesetting
    /// requires (GB/T 15834's line-start and line-end rules); a short bracketed note — （境）, （套） — kept with the word before
    /// it. Spaces end a piece and stay at its end.
    /// </summary>
    public static IEnumerable<string> Segments(string paragraph)
    {
        var pieces = new List<StringBuilder>();
        var elements = Elements(paragraph).ToList();
        var glueNext = false;
        var insideNote = false;
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            var last = pieces.Count > 0 ? pieces[^1] : null;
            var note = IsOpening(element) && ShortNote(elements, i);
            var joins = last is not null && (glueNext || insideNote
                || IsClosing(element)
                || element == " " || element == "\u3000"
                || (IsWord(element) && last.Length > 0 && IsWord(last[^1].ToString()))
                || note);
            if (joins)
            {
                last!.Append(element);
            }
            else
            {
                pieces.Add(new StringBuilder(element));
            }

            // A short note is kept whole, to its closing bracket: 部门（单位）, 深圳市审计局（本级）.
            insideNote = (insideNote || note) && element is not ("）" or ")");
            glueNext = IsOpening(element);
        }

        return pieces.Select(p => p.ToString());
    }

    private const string Closing = "，。、；：？！）》」』”’〕】〉…—·%‰℃,.;:?!)]}";
    private const string Opening = "（《「『“‘〔【〈([{";

    private static bool IsClosing(string element) => element.Length == 1 && Closing.Contains(element[0], StringComparison.Ordinal);

    private static bool IsOpening(string element) => element.Length == 1 && Opening.Contains(element[0], StringComparison.Ordinal);

    /// <summary>Letters, digits and the marks that join them inside a figure or a code.</summary>
    private static bool IsWord(string element) =>
        element.Length == 1 && (char.IsAsciiLetterOrDigit(element[0]) || element[0] is '.' or ',' or '-' or '/' or '%' or '_' or '+' or '#' or '&' or '@' or '\'' or '~' or '=' or '<' or '>' or '≤' or '≥');

    /// <summary>An opening bracket at <paramref name="at"/> that closes within four characters: （境）, （套）, （本级）.</summary>
    private static bool ShortNote(List<string> elements, int at)
    {
        for (var i = at + 1; i < elements.Count && i <= at + 5; i++)
        {
            if (IsClosing(elements[i]) && elements[i] is "）" or ")")
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Elements(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            yield return elements.GetTextElement();
        }
    }

    private bool Overflows(StringBuilder line, string segment, double summed, double available, XFont font) =>
        Math.Abs(summed - available) > NearBreak ? summed > available : measure(line + segment, font) > available;
}
