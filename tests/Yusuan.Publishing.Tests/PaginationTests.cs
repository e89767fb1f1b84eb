using System.Diagnostics;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Yusuan.Publishing.Layout;
using Yusuan.Publishing.Pdf;

namespace Yusuan.Publishing.Tests;

/// <summary>
/// The sample's PDF as a reader checks it page by page, from the words PdfPig finds and where they sit: no table leaves
/// fewer than three of its rows on a page, no figure or code is broken across lines, no line starts with closing
/// punctuation, both faces are embedded as subsets, Chinese titles have full-width brackets.
/// </summary>
public partial class PaginationTests
{
    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})*(\.\d+)?$")]
    private static partial Regex AFigure();

    private static PdfDocument Open() => PdfDocument.Open(SamplePublication.Publication.Pdf);

    /// <summary>A page's words in lines: grouped by baseline (within 1 pt), each line left to right.</summary>
    private static List<List<Word>> Lines(Page page) =>
        page.GetWords().Where(w => w.Text.Trim().Length > 0)
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(g => g.Key)
            .Select(g => g.OrderBy(w => w.BoundingBox.Left).ToList())
            .ToList();

    [Fact]
    public void No_page_of_a_table_holds_fewer_than_three_of_its_rows()
    {
        using var pdf = Open();
        var rendering = SamplePublication.Publication.Rendering;
        var checkedPages = 0;
        foreach (var table in SamplePublication.Document.Tables)
        {
            var rows = table.Blocks.OfType<GridBlock>().Min(g => g.Grid.Rows.Count);
            foreach (var index in rendering.TablePages[table.Id])
            {
                // Fewer only where three rows of that height cannot stand on one page (表12's long 主要内容).
                var page = pdf.GetPage(index + 1);
                var (onPage, _, tallest) = BodyRows(page);
                Assert.True(onPage >= Math.Min(PdfDocumentWriter.MinimumRowsOnAPage, rows) || tallest * 3 > page.Height - 250, $"表{table.Number} on page {index + 1}: {onPage} rows, the tallest {tallest:0} pt");
                checkedPages++;
            }
        }

        Assert.True(checkedPages > 14, $"{checkedPages} pages");
        // 表3 runs over: its last page holds 住房保障支出 with its three rows, not 购房补贴 alone.
        Assert.True(rendering.TablePages["T03"].Count > 1);
    }

    /// <summary>
    /// The body rows of the tables on a page, from the rules drawn: a row starts at a rule across the whole table, inside the
    /// span of the column rules (which run from the first row's top to the last row's foot); the rule at their foot closes
    /// the table and starts no row. Header cells are boxes of their own and span no whole table.
    /// </summary>
    /// <returns>The rows; the room left under the lowest rule above the page's foot margin (70 pt), pt; the tallest row, pt.</returns>
    private static (int Rows, double Room, double Tallest) BodyRows(Page page)
    {
        var strokes = page.Paths.Where(p => p.IsStroked).SelectMany(p => p).Select(sub => sub.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>().ToList();
        var columns = strokes.Where(b => b.Width < 0.5 && b.Height > 5).ToList();
        var widest = strokes.Where(b => b.Height < 0.5).Select(b => b.Width).DefaultIfEmpty(0).Max();
        var lines = strokes.Where(b => b.Height < 0.5 && b.Width > widest * 0.6).Select(b => Math.Round(b.Bottom, 1)).Distinct().OrderDescending().ToList();
        var starts = lines.Where(y => columns.Any(c => c.Bottom < y - 0.5 && c.Top > y - 0.5)).ToList();
        var tallest = starts.Select(y => y - lines.Where(l => l < y).DefaultIfEmpty(y).Max()).DefaultIfEmpty(0).Max();
        return (starts.Count, lines.Count == 0 ? 0 : lines[^1] - 70, tallest);
    }

    [Theory]
    [InlineData(new double[] { 10, 10, 10, 10, 10, 10, 10 }, 60, 60, new[] { 0, 4 })] // 6 + 1 would leave one row alone
    [InlineData(new double[] { 10, 10, 10, 10, 10, 10, 10, 10, 10 }, 60, 60, new[] { 0, 6 })] // 6 + 3: as filled
    [InlineData(new double[] { 10, 10, 10, 10 }, 60, 60, new[] { 0 })] // fits
    [InlineData(new double[] { 10, 10 }, 60, 60, new[] { 0 })]
    [InlineData(new double[] { 10, 10, 10, 10, 10 }, 35, 35, new[] { 0, 3 })] // 3 + 2: the last can hold no third row of the first page without leaving two
    public void Rows_are_moved_back_so_the_last_page_of_a_table_keeps_three(double[] heights, double first, double page, int[] starts) =>
        Assert.Equal(starts, PdfDocumentWriter.PageStarts(heights, first, page)!.Order());

    [Fact]
    public void A_grid_that_would_start_with_fewer_than_three_rows_at_a_pages_foot_starts_on_the_next() =>
        Assert.Null(PdfDocumentWriter.PageStarts([10, 10, 10, 10, 10], 25, 100));

    [Fact]
    public void Rows_too_tall_for_three_a_page_are_laid_out_on_a_fresh_page_all_the_same() =>
        Assert.Equal([0, 1, 2], PdfDocumentWriter.PageStarts([400, 400, 400], 700, 700)!.Order());

    [Fact]
    public void No_figure_or_code_is_broken_across_lines_and_no_line_starts_with_closing_punctuation()
    {
        using var pdf = Open();
        var lines = 0;
        var tablePages = SamplePublication.Publication.Rendering.TablePages.Values.SelectMany(p => p).ToHashSet();
        foreach (var page in pdf.GetPages().Where(p => !tablePages.Contains(p.Number - 1) && !p.Text.Contains("（单位：", StringComparison.Ordinal)))
        {
            // The text's pages, line by line (the charts' page aside: its figures stand at the ends of bars, one above another).
            var text = Lines(page).Select(l => string.Concat(l.Select(w => w.Text))).ToList();
            for (var i = 1; i < text.Count; i++)
            {
                Assert.False(Regex.IsMatch(text[i - 1], @"\d[,.]?$") && Regex.IsMatch(text[i], @"^[\d,.%]"), $"page {page.Number}: “{text[i - 1]}” / “{text[i]}”");
                Assert.DoesNotMatch(@"^[，。、；：？！）》”%]", text[i]);
                lines++;
            }
        }

        Assert.True(lines > 150, $"{lines} lines");

        // Every figure and code of every table is printed whole, as one word on the table's pages.
        var rendering = SamplePublication.Publication.Rendering;
        foreach (var table in SamplePublication.Document.Tables)
        {
            var words = rendering.TablePages[table.Id].SelectMany(i => pdf.GetPage(i + 1).GetWords()).Select(w => w.Text).ToHashSet(StringComparer.Ordinal);
            var cells = table.Blocks.OfType<GridBlock>().SelectMany(g => g.Grid.Rows).SelectMany(r => r).ToList();
            var codes = cells.Where(c => c.Value is null && c.Text.Length is >= 3 and <= 12 && c.Text.All(char.IsAsciiDigit)).Select(c => c.Text).ToList();
            Assert.All(codes, code => Assert.Contains(code, words));
            Assert.All(cells.Where(c => c.Value is not null).Select(c => c.Text), figure => Assert.Contains(figure, words));
        }
    }

    [Fact]
    public void Both_faces_are_embedded_as_subsets()
    {
        var path = Path.Combine(Path.GetTempPath(), $"yusuan-fonts-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, SamplePublication.Publication.Pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdffonts", [path]) { RedirectStandardOutput = true })!;
            var rows = process.StandardOutput.ReadToEnd().Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            // name, type, encoding, emb, sub, uni: every font a subset (ABCDEF+), embedded.
            Assert.Equal(["Noto Sans SC Regular", "Noto Serif SC Regular"], rows.Select(r => Regex.Match(r, @"^[A-Z]{6}\+(.+?)\s{2,}").Groups[1].Value).Order(StringComparer.Ordinal));
            Assert.All(rows, r => Assert.Matches(@"Identity-H\s+yes\s+yes\s+yes", r));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Every_chinese_title_and_header_has_full_width_brackets()
    {
        var document = SamplePublication.Document;
        var texts = document.Tables.Select(t => t.Title)
            .Concat(document.Tables.SelectMany(t => t.Blocks.OfType<GridBlock>()).SelectMany(g => g.Grid.Header).SelectMany(r => r).Select(h => h.Text))
            .Concat(document.Parts.Select(p => p.Title))
            .ToList();
        Assert.All(texts, t => Assert.DoesNotMatch(@"[()]", t));
        Assert.Contains("一般公共预算支出表（按功能分类）", texts);
        Assert.Equal("因公出国（境）费", Yusuan.Core.Narrative.Typography.Typeset("因公出国(境)费"));
        Assert.Equal("2023年预算数", Yusuan.Core.Narrative.Typography.Typeset("2023 年预算数"));
        Assert.Equal("(A)", Yusuan.Core.Narrative.Typography.Typeset("(A)"));

        using var pdf = Open();
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("因公出国（境）费", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2023 年预算数", text, StringComparison.Ordinal);
        Assert.Contains("2023年深圳市生态环境智能管控中心部门预算", text, StringComparison.Ordinal);
    }
}
