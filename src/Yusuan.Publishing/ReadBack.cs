using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;
using Yusuan.Core.Findings;
using Location = Yusuan.Core.Findings.Location;
using Yusuan.Publishing.Layout;
using Yusuan.Publishing.Office;
using Yusuan.Publishing.Pdf;

namespace Yusuan.Publishing;

/// <summary>
/// Reads the rendered PDF (PdfPig) and XLSX back and compares every figure with the document they were rendered from; any
/// difference is an error finding. A figure that does not survive rendering is never published silently.
/// </summary>
public static partial class ReadBack
{
    [GeneratedRegex(@"-?\d[\d,]*(\.\d+)?")]
    private static partial Regex Number();

    /// <summary>Every figure of each table must be printed on that table's pages; every part heading and table title must be in the text.</summary>
    public static List<Finding> CheckPdf(Stream pdf, PrintedDocument document, PdfRendering rendering)
    {
        var findings = new List<Finding>();
        using var reader = PdfDocument.Open(pdf);
        var pages = Enumerable.Range(1, reader.NumberOfPages).Select(i => reader.GetPage(i)).ToList();
        var allText = string.Concat(pages.Select(p => p.Text));
        foreach (var title in document.Parts.Select(p => p.Title).Concat(document.Tables.Select(t => t.Title)))
        {
            if (!allText.Contains(title.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal) && !allText.Contains(title, StringComparison.Ordinal))
            {
                findings.Add(new Finding("render.pdf.readback", Severity.Error, "render", $"PDF 中找不到“{title}”", new Location { File = "disclosure.pdf" }));
            }
        }

        foreach (var table in document.Tables)
        {
            if (!rendering.TablePages.TryGetValue(table.Id, out var tablePages))
            {
                continue;
            }

            var found = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var index in tablePages)
            {
                foreach (var word in pages[index].GetWords())
                {
                    foreach (Match m in Number().Matches(word.Text))
                    {
                        found[m.Value] = found.GetValueOrDefault(m.Value) + 1;
                    }
                }
            }

            foreach (var (cell, where) in Cells(table))
            {
                if (found.GetValueOrDefault(cell.Text) > 0)
                {
                    found[cell.Text]--;
                    continue;
                }

                findings.Add(new Finding("render.pdf.readback", Severity.Error, "render",
                    $"PDF 第 {string.Join("、", tablePages.Select(p => p + 1))} 页的表 {table.Number} 中读不到 {where} 的数字 {cell.Text}",
                    new Location { File = "disclosure.pdf", Table = table.Id, TableRow = where, Page = tablePages[0] + 1 }, cell.Value, null));
            }
        }

        return findings;
    }

    /// <summary>Every figure cell of every table sheet must hold exactly the printed figure, in the same order.</summary>
    public static List<Finding> CheckXlsx(Stream xlsx, PrintedDocument document)
    {
        var findings = new List<Finding>();
        using var workbook = SpreadsheetDocument.Open(xlsx, false);
        var book = workbook.WorkbookPart!;
        foreach (var table in document.Tables)
        {
            var name = XlsxDocumentWriter.SheetName(table);
            var sheet = book.Workbook.Sheets!.Elements<Sheet>().FirstOrDefault(s => s.Name == name);
            if (sheet is null)
            {
                findings.Add(new Finding("render.xlsx.readback", Severity.Error, "render", $"工作簿中没有工作表“{name}”", new Location { File = "disclosure.xlsx", Table = table.Id }));
                continue;
            }

            var part = (WorksheetPart)book.GetPartById(sheet.Id!);
            var numbers = part.Worksheet.Descendants<Cell>()
                .Where(c => c.DataType?.Value == CellValues.Number)
                .Select(c => (Reference: c.CellReference?.Value ?? string.Empty, Value: decimal.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
            var expected = Cells(table).ToList();
            for (var i = 0; i < Math.Max(numbers.Count, expected.Count); i++)
            {
                var want = i < expected.Count ? expected[i].Cell.Value : null;
                var got = i < numbers.Count ? numbers[i].Value : (decimal?)null;
                if (want != got)
                {
                    findings.Add(new Finding("render.xlsx.readback", Severity.Error, "render",
                        $"工作表“{name}”{(i < numbers.Count ? " " + numbers[i].Reference : string.Empty)} 为 {got?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "（无）"}，应为 {want?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "（无）"}（{(i < expected.Count ? expected[i].Where : string.Empty)}）",
                        new Location { File = "disclosure.xlsx", Table = table.Id, TableRow = i < expected.Count ? expected[i].Where : null }, want, got));
                }
            }
        }

        return findings;
    }

    /// <summary>The figure cells of a printed table in reading order, with the row they belong to.</summary>
    public static IEnumerable<(PrintedCell Cell, string Where)> Cells(PrintedTable table) =>
        table.Blocks.OfType<GridBlock>().SelectMany(g => g.Grid.Rows.SelectMany(row =>
        {
            var label = string.Join(" ", row.Where(c => c.Value is null && c.Text.Length > 0).Select(c => c.Text).Take(2));
            return row.Where(c => c.Value is not null).Select(c => (c, label));
        }));

    /// <summary>Characters the embedded font lacks, as one warning per character with where it appears.</summary>
    public static List<Finding> MissingGlyphs(PdfRendering rendering) =>
        rendering.MissingGlyphs.GroupBy(m => m.Character).Select(g => new Finding(
            "render.font.missing-glyph", Severity.Warning, "render",
            $"字体中没有字符“{g.Key}”（U+{char.ConvertToUtf32(g.Key, 0):X4}），PDF 中该字显示为空框；出现在：{string.Join("、", g.Select(m => m.Where).Distinct().Take(5))}",
            new Location { File = "disclosure.pdf" })).ToList();
}
