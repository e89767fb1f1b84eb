using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Yusuan.Core.Compile;
using Yusuan.Publishing.Layout;

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
}
