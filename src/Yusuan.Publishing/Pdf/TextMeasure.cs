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
    /// Breaks text into lines no wider than <paramref name="width"/> (pt; the first line <paramref name="firstIndent"/> less):
    /// Chinese may break between any two characters (text elements); explicit line breaks are kept; a line holds at least one
    /// character. Where a line's summed width comes within <see cref="NearBreak"/> of the room left, the line is measured
    /// whole, so every break falls exactly where measuring each candidate line whole would put it.
    /// </summary>
    public List<string> Wrap(string text, XFont font, double width, double firstIndent = 0)
    {
        // A text of one line that fits whole is its own line (most of a table's cells): every part of it is no wider than the
        // whole, so no break could fall inside it — without walking it character by character.
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0 && Width(text, font) <= width - firstIndent)
        {
            return [text];
        }

        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            var lineWidth = 0.0;
            var available = lines.Count == 0 ? width - firstIndent : width;
            var elements = StringInfo.GetTextElementEnumerator(paragraph);
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                var elementWidth = Width(element, font);
                if (line.Length > 0 && Overflows(line, element, lineWidth + elementWidth, available, font))
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    lineWidth = 0;
                    available = width;
                }

                line.Append(element);
                lineWidth += elementWidth;
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    private bool Overflows(StringBuilder line, string element, double summed, double available, XFont font) =>
        Math.Abs(summed - available) > NearBreak ? summed > available : measure(line + element, font) > available;
}
