using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Rounding;
using Yusuan.Formats.Datasets;
using Yusuan.Publishing;

namespace Yusuan.Web.Tests;

/// <summary>
/// The sample's HTML printed by Chromium (its print preview, as PDF) gives the PDF's pages: the cover and the contents on
/// pages of their own, every part, the charts and every table starting on the page the PDF starts it on, the wide tables
/// landscape, page numbers at the foot — and the contents give the PDF's page numbers.
/// </summary>
public class PrintStylesheetTests
{
    [Fact]
    public async Task Printing_the_html_gives_the_pdfs_pages()
    {
        var (dataset, problems) = Dataset.Load(Repository.Sample(string.Empty));
        Assert.Empty(problems);
        var disclosure = dataset!.Compile(ClassificationCatalogue.BuiltIn(), RoundingMode.Controlled).Disclosure;
        var publication = Publisher.Render(disclosure, null, issuedOn: dataset.Profile.PublishedOn);

        var (playwright, browser) = await Browser.Chromium();
        byte[] printed;
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.NewPageAsync();
                await page.SetContentAsync(publication.Html);
                printed = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
            }
        }

        using var html = UglyToad.PdfPig.PdfDocument.Open(printed);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(publication.Pdf);

        // Where each heading first stands: the parts' and the tables' (表1 … 表12 as a line of its own).
        static Dictionary<string, int> Starts(UglyToad.PdfPig.PdfDocument document)
        {
            var starts = new Dictionary<string, int>(StringComparer.Ordinal);
            // From page 3: the contents (page 2) list them all. Chromium's PDF gives some characters as their Kangxi radicals
            // (⼀ for 一), which NFKC folds back.
            foreach (var page in document.GetPages().Skip(2))
            {
                var lines = page.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom)).Select(g => string.Concat(g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)).Normalize(System.Text.NormalizationForm.FormKC)).ToList();
                foreach (var line in lines)
                {
                    if (Regex.Match(line, @"^(表\d{1,2}|第[一二三四五六七八九]部分|图表$|二、表格部分$)") is { Success: true } m && (m.Value.StartsWith('第') || line == m.Value))
                    {
                        starts.TryAdd(m.Value, page.Number);
                    }
                }
            }

            return starts;
        }

        var inPdf = Starts(pdf);
        var inHtml = Starts(html);
        Assert.True(inPdf.Count >= 12 + 9 + 2, string.Join("、", inPdf.Keys));
        Assert.Equal(inPdf.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal), inHtml.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal));

        // The last table's rows of long text may fall one page differently; no more.
        Assert.InRange(html.NumberOfPages, pdf.NumberOfPages - 1, pdf.NumberOfPages + 1);

        // Landscape where the PDF is, page numbers at the foot from the contents on, and the cover alone, with no number.
        var landscape = Enumerable.Range(1, pdf.NumberOfPages).Where(i => pdf.GetPage(i).Width > pdf.GetPage(i).Height).ToList();
        Assert.NotEmpty(landscape);
        Assert.All(landscape.Where(i => i < inPdf["表12"]), i => Assert.True(html.GetPage(i).Width > html.GetPage(i).Height, $"page {i}"));
        Assert.Contains("— 2 —", html.GetPage(2).Text.Replace("—2—", "— 2 —", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("—", html.GetPage(1).Text, StringComparison.Ordinal);

        // The contents' page numbers are the PDF's.
        Assert.Contains("<span class=\"page\">12</span>", publication.Html.Split("（三）支出总表")[1][..200], StringComparison.Ordinal);
    }
}
