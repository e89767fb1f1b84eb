using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Yusuan.Core.Compile;
using Yusuan.Publishing.Layout;
using Yusuan.Publishing.Office;

namespace Yusuan.Publishing.Tests;

public class OfficeTests
{
    [Fact]
    public void Workbook_has_a_sheet_per_table_and_the_budget_lines()
    {
        using var book = SpreadsheetDocument.Open(new MemoryStream(SamplePublication.Publication.Xlsx), false);
        var sheets = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(13, sheets.Count);
        Assert.Equal("表3 支出总表", sheets[2]);
        Assert.Equal("预算明细", sheets[^1]);
        var lines = (WorksheetPart)book.WorkbookPart.GetPartById(book.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Last().Id!);
        Assert.Equal(SamplePublication.LineCount + 1, lines.Worksheet.Descendants<Row>().Count());
    }

    [Fact]
    public void Table_sheet_has_title_unit_merged_headers_number_formats_frozen_header_and_fits_the_page()
    {
        using var book = SpreadsheetDocument.Open(new MemoryStream(SamplePublication.Publication.Xlsx), false);
        var sheet = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "表3 支出总表");
        var worksheet = ((WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
        var text = worksheet.Descendants<InlineString>().Select(s => s.InnerText).ToList();
        Assert.Equal("支出总表", text[0]);
        Assert.Contains("单位：万元", text);
        var merges = worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value).ToList();
        Assert.Contains("G3:I3", merges);
        Assert.Contains("A3:A4", merges);
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal(4d, pane.VerticalSplit!.Value);
        var setup = worksheet.Descendants<PageSetup>().Single();
        Assert.Equal((1u, 0u), (setup.FitToWidth!.Value, setup.FitToHeight!.Value));
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        var formats = book.WorkbookPart.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Select(f => f.FormatCode!.Value);
        Assert.Contains("#,##0", formats);
    }

    [Fact]
    public void Every_figure_of_the_workbook_equals_the_disclosure_and_a_change_is_caught()
    {
        Assert.Empty(ReadBack.CheckXlsx(new MemoryStream(SamplePublication.Publication.Xlsx), SamplePublication.Document));
        var changed = DocumentLayout.From(Edit.SetT03(SamplePublication.Disclosure, "2080506", 99));
        var finding = Assert.Single(ReadBack.CheckXlsx(new MemoryStream(SamplePublication.Publication.Xlsx), changed));
        Assert.Equal(("render.xlsx.readback", "T03"), (finding.Rule, finding.Location.Table));
        Assert.Equal((99m, 47m), (finding.Expected, finding.Actual));
    }

    [Fact]
    public void Both_office_files_are_valid_open_xml()
    {
        using var docx = WordprocessingDocument.Open(new MemoryStream(SamplePublication.Publication.Docx), false);
        var docxErrors = new OpenXmlValidator().Validate(docx).Select(e => e.Description + " @ " + e.Path?.XPath).ToList();
        Assert.True(docxErrors.Count == 0, string.Join("\n", docxErrors.Take(5)));
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(SamplePublication.Publication.Xlsx), false);
        var xlsxErrors = new OpenXmlValidator().Validate(xlsx).Select(e => e.Description + " @ " + e.Path?.XPath).ToList();
        Assert.True(xlsxErrors.Count == 0, string.Join("\n", xlsxErrors.Take(5)));
    }

    [Fact]
    public void Word_document_has_the_parts_as_headings_and_the_tables()
    {
        using var docx = WordprocessingDocument.Open(new MemoryStream(SamplePublication.Publication.Docx), false);
        var body = docx.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2")
            .Select(p => p.InnerText).ToList();
        foreach (var part in TableTitles.Parts)
        {
            Assert.Contains(headings, h => h.EndsWith(part, StringComparison.Ordinal));
        }

        Assert.Equal(13, body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Count());
    }

    [Fact]
    public void Word_document_has_a_cover_a_contents_field_heading_styles_and_a_landscape_section_for_each_wide_table()
    {
        using var docx = WordprocessingDocument.Open(new MemoryStream(SamplePublication.Publication.Docx), false);
        var main = docx.MainDocumentPart!;
        var body = main.Document.Body!;
        var paragraphs = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToList();

        // The cover: title, year, issuer, date — then a section of its own without a footer.
        var texts = paragraphs.Select(p => p.InnerText).ToList();
        Assert.Equal("2023年深圳市生态环境智能管控中心部门预算", texts.First(t => t.Length > 0));
        Assert.Contains("深圳市生态环境智能管控中心", texts.Take(8));
        Assert.Contains("2023年2月10日", texts.Take(8));

        // A real table-of-contents field over heading levels 1–2, each entry linked to a bookmarked heading; Word updates it on opening.
        var instructions = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.FieldCode>().Select(f => f.Text.Trim()).ToList();
        Assert.Contains(@"TOC \o ""1-2"" \h \z \u", instructions);
        // Each entry links to the heading it names, with the PDF's page as its cached number.
        var headings = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.BookmarkStart>().ToDictionary(b => b.Name!.Value!, b => b.Parent!.InnerText);
        var links = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Hyperlink>().ToList();
        Assert.Equal(1 + 9 + 1 + 12, links.Count);
        static string Shown(DocumentFormat.OpenXml.OpenXmlElement e) => string.Concat(e.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
        Assert.All(links, link => Assert.StartsWith(headings[link.Anchor!.Value!], Shown(link), StringComparison.Ordinal));
        var pages = SamplePublication.Publication.Rendering.Contents;
        var expenditure = links.Single(l => Shown(l).StartsWith("支出总表", StringComparison.Ordinal));
        Assert.Equal("支出总表" + pages["（三）支出总表"], Shown(expenditure));
        Assert.True(main.DocumentSettingsPart!.Settings.Elements<DocumentFormat.OpenXml.Wordprocessing.UpdateFieldsOnOpen>().Single().Val!.Value);

        // Word's own heading styles, so the navigation pane and the contents follow them.
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>().ToDictionary(s => s.StyleId!.Value!, s => s.StyleName!.Val!.Value);
        Assert.Equal(("heading 1", "heading 2", "heading 3"), (styles["Heading1"], styles["Heading2"], styles["Heading3"]));
        var level1 = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["一、文字部分", "二、表格部分"], level1);

        // One section per table; the wide ones landscape; every table's header rows repeat on each page and no row splits.
        var sections = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().ToList();
        var landscape = sections.Count(s => s.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!.Orient?.Value == DocumentFormat.OpenXml.Wordprocessing.PageOrientationValues.Landscape);
        Assert.Equal(SamplePublication.Document.Tables.Count(t => t.Landscape), landscape);
        Assert.True(landscape > 0);
        Assert.All(body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>(), t =>
            Assert.NotNull(t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().First().TableRowProperties?.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TableHeader>()));
    }

    [Fact]
    public void Word_columns_are_wide_enough_for_every_figure_and_code_on_one_line()
    {
        // 13900122009 and 2110203 in 表5, 7,656 in bold: each column at least as wide as its longest figure or code at 0.6 em.
        foreach (var table in SamplePublication.Document.Tables)
        {
            foreach (var grid in table.Blocks.OfType<GridBlock>().Select(b => b.Grid))
            {
            var widths = DocxDocumentWriter.ColumnWidths(grid, (table.Landscape ? 16838 : 11906) - 2 * 1247);
            for (var c = 0; c < widths.Length; c++)
            {
                var longest = grid.Rows.Select(r => r[c]).Where(cell => cell.Value is not null || (cell.Text.Length > 0 && cell.Text.All(char.IsAsciiDigit))).Select(cell => cell.Text.Length).DefaultIfEmpty(0).Max();
                Assert.True(widths[c] >= longest * 108 + 216, $"表{table.Number} column {c}: {widths[c]} twips for {longest} characters");
            }
            }
        }
    }
}
