using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Yusuan.Publishing.Layout;
using Yusuan.Publishing.Pdf;

namespace Yusuan.Publishing.Tests;

/// <summary>
/// <see cref="TextMeasure.Wrap"/> sums each segment's width where the PDF writer used to measure the whole line again at
/// every character. Against that whole-line measuring (kept here as the oracle), with PDFsharp's own measurement, it must break
/// every text in the same places — the sample's sentences, table cells and headers, in the fonts the writer uses, at widths
/// that fall exactly on a line's measured width as well as between.
/// </summary>
public class TextMeasureTests
{
    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    public static TheoryData<double, bool> Fonts() => new() { { 8.5, false }, { 8.5, true }, { 10.5, false } };

    [Theory]
    [MemberData(nameof(Fonts))]
    public void Wrap_breaks_every_sample_text_where_measuring_each_line_whole_breaks_it(double size, bool bold)
    {
        CjkFont.Register();
        var font = new XFont(CjkFont.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Embedded);
        using var document = new PdfDocument();
        using var gfx = XGraphics.FromPdfPage(document.AddPage());
        double Whole(string text, XFont f) => gfx.MeasureString(text, f).Width;
        var measure = new TextMeasure(Whole);
        var texts = SampleTexts().ToList();
        Assert.True(texts.Count > 200, $"only {texts.Count} texts");
        var compared = 0;
        var onTheEdge = 0;
        foreach (var text in texts)
        {
            foreach (var width in new[] { 40.0, 63.7, 120.0, 511.0 })
            {
                Assert.Equal(WrapWhole(text, font, width, Whole), measure.Wrap(text, font, width));
                compared++;
            }

            // A width exactly that of the whole text, and a hair less: it fits on one line, then it does not.
            var whole = Whole(text, font);
            foreach (var width in new[] { whole, whole - 1e-9, whole + 1e-9 })
            {
                Assert.Equal(WrapWhole(text, font, width, Whole), measure.Wrap(text, font, width));
                Assert.Equal(WrapWhole(text, font, width + 10, Whole, firstIndent: 10), measure.Wrap(text, font, width + 10, firstIndent: 10));
                compared += 2;
            }

            // A width exactly that of the text's first few characters: the line must end there, as measured whole.
            var prefix = string.Concat(Elements(text).Take(5));
            if (prefix.Length < text.Length)
            {
                var edge = Whole(prefix, font);
                Assert.Equal(WrapWhole(text, font, edge, Whole), measure.Wrap(text, font, edge));
                Assert.Equal(WrapWhole(text, font, edge, Whole, firstIndent: 10), measure.Wrap(text, font, edge, firstIndent: 10));
                onTheEdge++;
            }
        }

        Assert.True(onTheEdge > 100, $"only {onTheEdge} texts measured on the edge");
        Assert.True(compared > 1000, $"only {compared} comparisons");
    }

    [Fact]
    public void Wrap_keeps_explicit_line_breaks_and_puts_at_least_one_character_on_a_line()
    {
        CjkFont.Register();
        var font = new XFont(CjkFont.Family, 8.5, XFontStyleEx.Regular, Embedded);
        using var document = new PdfDocument();
        using var gfx = XGraphics.FromPdfPage(document.AddPage());
        var measure = new TextMeasure((text, f) => gfx.MeasureString(text, f).Width);
        Assert.Equal(["一般公共", "预算"], measure.Wrap("一般公共\r\n预算", font, 500));
        Assert.Equal(["基", "本", "支", "出"], measure.Wrap("基本支出", font, 1));
        Assert.Equal([string.Empty], measure.Wrap(string.Empty, font, 100));
    }

    /// <summary>Every sentence of the sample's text and every cell and header of its tables.</summary>
    private static IEnumerable<string> SampleTexts()
    {
        var printed = SamplePublication.Document;
        var grids = printed.Tables.SelectMany(t => t.Blocks.OfType<GridBlock>()).Select(b => b.Grid).ToList();
        return SamplePublication.Disclosure.Narrative.Select(s => s.Sentence)
            .Concat(grids.SelectMany(g => g.Rows.SelectMany(r => r.Select(c => c.Text))))
            .Concat(grids.SelectMany(g => g.Header.SelectMany(r => r.Select(h => h.Text))))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Elements(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            yield return elements.GetTextElement();
        }
    }

    /// <summary>The same breaking with the whole candidate line measured at every segment (and every character of a segment wider than a line).</summary>
    private static List<string> WrapWhole(string text, XFont font, double width, Func<string, XFont, double> whole, double firstIndent = 0)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            var available = lines.Count == 0 ? width - firstIndent : width;
            void Add(string piece)
            {
                if (line.Length > 0 && whole(line + piece, font) > available)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    available = width;
                }

                line.Append(piece);
            }

            foreach (var segment in TextMeasure.Segments(paragraph))
            {
                if (line.Length > 0 && whole(line + segment, font) > available)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    available = width;
                }

                if (line.Length == 0 && whole(segment, font) > available)
                {
                    foreach (var element in Elements(segment))
                    {
                        Add(element);
                    }
                }
                else
                {
                    line.Append(segment);
                }
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    [Theory]
    [InlineData("环评政策与技术审查及标准557万元；综合管理715万元。")]
    [InlineData("一网统管-基于CIM平台的重点建筑工地噪声污染非现场执法应用场景等建设项目270万元，增长80.4%。")]
    [InlineData("涉及预算资金5,854万元，设置并编报3个项目绩效目标。")]
    public void No_figure_code_or_word_is_split_and_no_line_starts_with_closing_punctuation(string text)
    {
        CjkFont.Register();
        var font = new XFont(CjkFont.Family, 10.5, XFontStyleEx.Regular, Embedded);
        using var document = new PdfDocument();
        using var gfx = XGraphics.FromPdfPage(document.AddPage());
        var measure = new TextMeasure((t, f) => gfx.MeasureString(t, f).Width);
        var words = System.Text.RegularExpressions.Regex.Matches(text, @"[A-Za-z0-9][A-Za-z0-9.,%\-]*").Select(m => m.Value).ToList();
        // From the widest segment up: narrower than that, a segment can only be broken between its characters.
        for (var width = TextMeasure.Segments(text).Max(t => measure.Width(t, font)); width < 400; width += 1.5)
        {
            var lines = measure.Wrap(text, font, width);
            Assert.Equal(text, string.Concat(lines));
            Assert.All(lines.Skip(1), l => Assert.DoesNotMatch(@"^[，。、；：）%]", l));
            Assert.All(lines.SkipLast(1), l => Assert.DoesNotMatch(@"[（“]$", l));
            var whole = words.Where(w => lines.Any(l => l.Contains(w, StringComparison.Ordinal))).ToList();
            Assert.Equal(words, whole);
        }
    }

    [Fact]
    public void A_header_keeps_its_bracketed_note_with_the_word_before_it()
    {
        CjkFont.Register();
        var font = new XFont(CjkFont.Family, 8.5, XFontStyleEx.Bold, Embedded);
        using var document = new PdfDocument();
        using var gfx = XGraphics.FromPdfPage(document.AddPage());
        var measure = new TextMeasure((t, f) => gfx.MeasureString(t, f).Width);
        Assert.Equal(["因公出", "国（境）", "费"], measure.Wrap("因公出国（境）费", font, measure.Width("国（境）", font) + 0.5));
        Assert.Equal(["因公出国（境）", "费"], measure.Wrap("因公出国（境）费", font, measure.Width("因公出国（境）", font) + 0.5));
        Assert.Equal(["因", "公", "出", "国(境)", "费"], TextMeasure.Segments("因公出国(境)费"));
        Assert.Equal(["因", "公", "出", "国（境）", "费"], TextMeasure.Segments("因公出国（境）费"));
        Assert.Equal(["部", "门（单位）", "整", "体"], TextMeasure.Segments("部门（单位）整体"));
        Assert.Equal(["审", "计", "局（本级）", "共"], TextMeasure.Segments("审计局（本级）共"));
        Assert.Equal(["（一）", "人", "员"], TextMeasure.Segments("（一）人员"));
        Assert.Equal(["2023", "年", "预", "算", "数"], TextMeasure.Segments("2023年预算数"));
        Assert.Equal(["减", "少", "0.47", "万", "元，"], TextMeasure.Segments("减少0.47万元，"));
    }

    [Theory]
    [InlineData("深圳市生态环境智能管控中心")]
    [InlineData("政府性基金预算拨款")]
    [InlineData("其中：面向小型、微型企业政府采购项目")]
    public void A_cell_or_header_wraps_into_even_lines_never_leaving_one_character_alone(string text)
    {
        CjkFont.Register();
        var font = new XFont(CjkFont.Family, 9, XFontStyleEx.Regular, Embedded);
        using var document = new PdfDocument();
        using var gfx = XGraphics.FromPdfPage(document.AddPage());
        var measure = new TextMeasure((t, f) => gfx.MeasureString(t, f).Width);
        var tried = 0;
        for (var width = measure.Width("国国国", font); width < measure.Width(text, font); width += 1.5)
        {
            var plain = measure.Wrap(text, font, width);
            var balanced = measure.WrapBalanced(text, font, width);
            Assert.Equal(text, string.Concat(balanced));
            Assert.Equal(plain.Count, balanced.Count);
            Assert.All(balanced, l => Assert.True(measure.Width(l, font) <= width));
            if (plain.Count > 1 && System.Globalization.StringInfo.ParseCombiningCharacters(plain[^1]).Length == 1)
            {
                Assert.True(System.Globalization.StringInfo.ParseCombiningCharacters(balanced[^1]).Length > 1, $"{width}: {string.Join("/", balanced)}");
                tried++;
            }
        }

        Assert.True(tried > 0, "no width left one character alone");
    }
}
