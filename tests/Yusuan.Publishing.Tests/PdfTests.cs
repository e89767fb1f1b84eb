using System.Text;
using UglyToad.PdfPig;
using Yusuan.Core.Compile;
using Yusuan.Core.Findings;
using Yusuan.Publishing.Layout;
using Yusuan.Publishing.Pdf;

namespace Yusuan.Publishing.Tests;

public class PdfTests
{
    private static PdfDocument Open() => PdfDocument.Open(SamplePublication.Publication.Pdf);

    [Fact]
    public void Pdf_text_holds_every_part_heading_and_table_title()
    {
        using var pdf = Open();
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        foreach (var part in TableTitles.Parts)
        {
            Assert.Contains(part, text, StringComparison.Ordinal);
        }

        foreach (var (_, title) in TableTitles.All)
        {
            Assert.Contains(title, text, StringComparison.Ordinal);
        }

        Assert.Contains("第九部分", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_embeds_a_subset_of_the_cjk_font()
    {
        var raw = Encoding.Latin1.GetString(SamplePublication.Publication.Pdf);
        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
        Assert.Matches(@"/BaseFont\s*/[A-Z]{6}\+", raw);
        using var pdf = Open();
        Assert.All(pdf.GetPage(3).Letters.Where(l => l.Value.Trim().Length > 0), l => Assert.Contains("Noto", l.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_figure_on_a_table_page_is_boxed_by_rules_on_all_four_sides()
    {
        // Whatever strokes draw them (a rectangle per cell, or lines per row and column), each printed figure of a table sits
        // in a box: a horizontal rule above and below it across its width, a vertical rule left and right of it down its height.
        using var pdf = Open();
        var figures = 0;
        foreach (var page in pdf.GetPages())
        {
            var strokes = page.Paths.Where(p => p.IsStroked).SelectMany(p => p)
                .Select(sub => sub.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>().ToList();
            bool Across(double y, double left, double right) =>
                strokes.Any(b => Math.Abs(b.Bottom - y) < 0.5 || Math.Abs(b.Top - y) < 0.5 ? b.Left <= left && b.Right >= right : false);
            bool Down(double x, double bottom, double top) =>
                strokes.Any(b => Math.Abs(b.Left - x) < 0.5 || Math.Abs(b.Right - x) < 0.5 ? b.Bottom <= bottom && b.Top >= top : false);
            var ys = strokes.SelectMany(b => new[] { b.Bottom, b.Top }).Distinct().ToList();
            var xs = strokes.SelectMany(b => new[] { b.Left, b.Right }).Distinct().ToList();
            var rows = new HashSet<(double Baseline, double Above)>();
            foreach (var word in page.GetWords().Where(w => System.Text.RegularExpressions.Regex.IsMatch(w.Text, @"^-?\d{1,3}(,\d{3})*(\.\d+)?$")))
            {
                var box = word.BoundingBox;
                var above = ys.Where(y => y >= box.Top).DefaultIfEmpty(double.NaN).Min();
                var below = ys.Where(y => y <= box.Bottom).DefaultIfEmpty(double.NaN).Max();
                var left = xs.Where(x => x <= box.Left).DefaultIfEmpty(double.NaN).Max();
                var right = xs.Where(x => x >= box.Right).DefaultIfEmpty(double.NaN).Min();
                if (double.IsNaN(above) || double.IsNaN(below) || double.IsNaN(left) || double.IsNaN(right) || right - left > page.Width / 2)
                {
                    continue; // a figure in the text, not in a table's cell
                }

                figures++;
                rows.Add((Math.Round(box.Bottom, 1), above));
                Assert.True(Across(above, left, right) && Across(below, left, right), $"page {page.Number}: no rule above and below {word.Text}");
                Assert.True(Down(left, below, above) && Down(right, below, above), $"page {page.Number}: no rule left and right of {word.Text}");
            }

            // A rule above every row: figures on different lines are never under the same rule.
            Assert.Equal(rows.Select(r => r.Baseline).Distinct().Count(), rows.Select(r => r.Above).Distinct().Count());
        }

        Assert.True(figures > 300, $"{figures} figures boxed");
    }

    [Fact]
    public void Every_figure_of_the_disclosure_is_read_back_from_the_pdf()
    {
        Assert.DoesNotContain(SamplePublication.Publication.Findings, f => f.Rule == "render.pdf.readback");
        Assert.Empty(SamplePublication.Publication.Findings);
        var figures = SamplePublication.Document.Tables.Sum(t => ReadBack.Cells(t).Count());
        Assert.True(figures > 300, $"{figures} figures");
    }

    [Fact]
    public void A_figure_the_pdf_does_not_print_is_an_error()
    {
        var document = SamplePublication.Document;
        using var pdf = new MemoryStream(SamplePublication.Publication.Pdf);
        var changed = DocumentLayout.From(Tests.Edit.SetT03(SamplePublication.Disclosure, "2080506", 99));
        var findings = ReadBack.CheckPdf(pdf, changed, SamplePublication.Publication.Rendering);
        var finding = Assert.Single(findings);
        Assert.Equal(("render.pdf.readback", Severity.Error, "T03"), (finding.Rule, finding.Severity, finding.Location.Table));
        Assert.Contains("99", finding.Message, StringComparison.Ordinal);
        _ = document;
    }

    [Fact]
    public void Pdf_has_bookmarks_for_every_part_and_table()
    {
        using var pdf = Open();
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var titles = bookmarks.GetNodes().Select(n => n.Title).ToList();
        foreach (var part in TableTitles.Parts)
        {
            Assert.Contains(titles, t => t.EndsWith(part, StringComparison.Ordinal));
        }

        foreach (var (_, title) in TableTitles.All)
        {
            Assert.Contains(titles, t => t.EndsWith(title, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Wide_tables_are_landscape_and_long_ones_continue_with_repeated_headers()
    {
        var rendering = SamplePublication.Publication.Rendering;
        using var pdf = Open();
        var t03 = pdf.GetPage(rendering.TablePages["T03"][0] + 1);
        Assert.True(t03.Width > t03.Height);
        var t07 = pdf.GetPage(rendering.TablePages["T07"][0] + 1);
        Assert.True(t07.Height > t07.Width);

        var t12 = rendering.TablePages["T12"];
        Assert.True(t12.Count > 1, "the sample's 表12 runs over several pages");
        foreach (var index in t12.Skip(1))
        {
            var text = pdf.GetPage(index + 1).Text;
            Assert.Contains("续表", text, StringComparison.Ordinal);
        }

        Assert.Contains("任务名称", pdf.GetPage(t12[1] + 1).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Contents_page_lists_the_page_of_every_table()
    {
        using var pdf = Open();
        var contents = pdf.GetPage(2).Text;
        Assert.Contains("目录", contents.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var rendering = SamplePublication.Publication.Rendering;
        Assert.Contains("支出总表" + (rendering.TablePages["T03"][0] + 1), contents, StringComparison.Ordinal);
    }

    [Fact]
    public void A_character_the_font_lacks_is_a_warning_naming_it()
    {
        var document = SamplePublication.Document with { Department = "测试单位🀄" };
        using var pdf = new MemoryStream();
        var findings = ReadBack.MissingGlyphs(PdfDocumentWriter.Write(document, pdf));
        var finding = Assert.Single(findings);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("🀄", finding.Message, StringComparison.Ordinal);
        Assert.Contains("U+1F004", finding.Message, StringComparison.Ordinal);
    }
}
