using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Yusuan.Core.Catalogue;
using Yusuan.Formats.Audit;

namespace Yusuan.Formats.Tests.Audit;

/// <summary>
/// A published workbook or web page read as tables, not lines: merged header cells (rowspan, colspan) give each column its
/// meaning, a blank cell stays blank, two tables on one sheet stay apart, and a hostile cell reference is refused with its
/// place.
/// </summary>
public class WorkbookTableTests
{
    [Fact]
    public void Two_tables_on_one_sheet_are_read_apart_with_their_merged_headers_and_blank_cells()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "budget.xlsx");
        Write(path,
        [
            ["2026年部门收支预算总表"],
            ["单位：万元"],
            ["收入", "", "支出", ""],
            ["项目", "预算数", "项目", "预算数"],
            ["一、一般公共预算拨款收入", "120.50", "一、一般公共服务支出", "100.50"],
            ["二、政府性基金预算拨款收入", "", "二、社会保障和就业支出", "20.00"],
            ["收入总计", "120.50", "支出总计", "120.50"],
            [],
            ["2026年部门收入预算总表"],
            ["单位：万元"],
            ["科目编码", "科目名称", "合计", "本年收入", "", ""],
            ["", "", "", "一般公共预算", "政府性基金预算", "事业收入"],
            ["", "合计", "120.50", "100.50", "", "20.00"],
            ["201", "一般公共服务支出", "100.50", "100.50", "", ""],
            ["208", "社会保障和就业支出", "20.00", "", "", "20.00"],
        ],
        ["A1:D1", "A3:B3", "C3:D3", "A9:F9", "D11:F11", "A11:A12", "B11:B12", "C11:C12"]);

        var audit = Auditor.Audit(path, ClassificationCatalogue.BuiltIn());
        var tables = audit.Disclosure!.Tables;

        var summary = Assert.Single(tables, t => t.Id == "T01");
        Assert.Equal("2026年部门收支预算总表", summary.Title);
        Assert.Equal(100.50m, summary.Rows.Single(r => r.Section == "expenditure" && r.Name.EndsWith("一般公共服务支出", StringComparison.Ordinal)).Values[0]);
        var blank = summary.Rows.Single(r => r.Section == "income" && r.Name.EndsWith("政府性基金预算拨款收入", StringComparison.Ordinal));
        Assert.Equal((0m, string.Empty), (blank.Values[0], blank.Printed![0]));

        var income = Assert.Single(tables, t => t.Id == "T02");
        Assert.Equal(["total", "general", "fund", "institution"], income.Columns.Select(c => c.Key));
        Assert.Equal("本年收入/政府性基金预算", income.Columns[2].Path);
        var social = income.Rows.Single(r => r.Code == "208");
        Assert.Equal([20.00m, 0m, 0m, 20.00m], social.Values);
        Assert.Equal(["20.00", "", "", "20.00"], social.Printed);
    }

    [Fact]
    public void An_html_table_is_read_by_its_rowspan_and_colspan_with_the_title_above_it_and_the_note_below()
    {
        using var folder = new TempFolder();
        var path = folder.Write("budget.html", """
            <html><body>
            <h1>某局2026年部门预算</h1>
            <p>表2</p><p>2026年部门收入预算总表</p><p>单位：万元</p>
            <table>
              <tr><th rowspan="2">科目编码</th><th rowspan="2">科目名称</th><th rowspan="2">合计</th><th colspan="3">本年收入</th></tr>
              <tr><th>一般公共预算</th><th>政府性基金预算</th><th>事业收入</th></tr>
              <tr><td></td><td>合计</td><td>120.50</td><td>100.50</td><td></td><td>20.00</td></tr>
              <tr><td>208</td><td>社会保障和就业支出</td><td>20.00</td><td></td><td></td><td>20.00</td></tr>
            </table>
            <p>注：本表金额保留两位小数。</p>
            <p>2026年政府性基金预算支出表</p>
            <table><tr><th>科目编码</th><th>科目名称</th><th>合计</th><th>基本支出</th><th>项目支出</th></tr></table>
            <p>本表本年无发生额。</p>
            </body></html>
            """);

        var read = HtmlDocumentReader.Read(path);
        Assert.Equal(2, read.Tables!.Count);
        var audit = Auditor.Audit(path, ClassificationCatalogue.BuiltIn());
        var income = Assert.Single(audit.Disclosure!.Tables, t => t.Id == "T02");
        Assert.Equal(("2026年部门收入预算总表", "表2", "万元"), (income.Title, income.Label, income.PrintedUnit));
        Assert.Equal("本年收入/事业收入", income.Columns[^1].Path);
        Assert.Equal([20.00m, 0m, 0m, 20.00m], income.Rows.Single(r => r.Code == "208").Values);
        Assert.Equal("本表金额保留两位小数。", income.Note);
        Assert.Equal("本表本年无发生额。", Assert.Single(audit.Disclosure.Tables, t => t.Id == "T10").Note);
    }

    [Fact]
    public void A_cell_beyond_the_last_column_is_refused_with_its_sheet_and_row()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "hostile.xlsx");
        using (var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var row = new Row { RowIndex = 3 };
            row.Append(new Cell { CellReference = "ZZZZZZ3", CellValue = new CellValue(1m), DataType = CellValues.Number });
            sheet.Worksheet = new Worksheet(new SheetData(row));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "表1" }));
        }

        var read = XlsxDocumentReader.Read(path);
        Assert.Equal("工作表“表1”第 3 行：单元格引用“ZZZZZZ3”超出 XLSX 的列数上限（XFD 列）", read.Problem);
    }

    private static void Write(string path, string[][] rows, string[] merges)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new Row { RowIndex = (uint)r + 1 };
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c].Length > 0)
                {
                    row.Append(new Cell { CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(rows[r][c])) });
                }
            }

            data.Append(row);
        }

        var worksheet = new Worksheet(data);
        worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        sheet.Worksheet = worksheet;
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "公开表" }));
    }
}
