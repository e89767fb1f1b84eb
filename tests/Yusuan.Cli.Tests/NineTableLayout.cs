using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Yusuan.Core.Compile;

namespace Yusuan.Cli.Tests;

/// <summary>
/// A document in another city's layout, made from the sample's data with other tools: the nine-table template many cities use
/// (部门收支总表, 部门收入总表, 部门支出总表, 财政拨款收支总表, …), codes split into 类 | 款 | 项 columns, amounts in 元 with
/// two decimals — written as a workbook and turned into a PDF by LibreOffice, not by Yusuan's renderer.
/// </summary>
internal static class NineTableLayout
{
    public static string WritePdf(CompiledBudget budget, string dir)
    {
        var xlsx = Path.Combine(dir, "other-city.xlsx");
        WriteWorkbook(budget, xlsx);

        // LibreOffice finds the CJK font through a fontconfig file naming the repository's fonts folder.
        var fonts = Path.Combine(dir, "fonts.conf");
        File.WriteAllText(fonts, $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig>
              <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
              <dir>{Path.Combine(Repository.Root, "assets", "fonts")}</dir>
              <cachedir>{Path.Combine(dir, "fontcache")}</cachedir>
            </fontconfig>
            """);
        var start = new ProcessStartInfo("soffice", ["--headless", "--norestore", $"-env:UserInstallation=file://{dir}/profile", "--convert-to", "pdf", "--outdir", dir, xlsx])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FONTCONFIG_FILE"] = fonts;
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(180_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException("LibreOffice failed: " + error);
        }

        return Path.Combine(dir, "other-city.pdf");
    }

    private static IEnumerable<string> Row(RowDraft row, int from, int count) =>
        row.Cells.Skip(from).Take(count).Select(c => c.Truth.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture));

    private static string[] SplitCode(string? code) => code is null
        ? ["", "", ""]
        : [code[..3], code.Length >= 5 ? code[3..5] : string.Empty, code.Length == 7 ? code[5..7] : string.Empty];

    private static void WriteWorkbook(CompiledBudget budget, string path)
    {
        var drafts = budget.Drafts.ToDictionary(d => d.Id);
        var name = budget.Disclosure.Department.Name;
        var sheets = new List<(string Name, List<string[]> Rows)>();

        List<string[]> Start(string title, string[] header) =>
        [
            [title], [$"部门名称：{name}", string.Empty, "金额单位：元"], header,
        ];

        // 1 部门收支总表: income ∥ expenditure, names without codes.
        var t01 = drafts["T01"];
        var incomeRows = t01.Rows.Where(r => r.Template.Section == "income").ToList();
        var spending = t01.Rows.Where(r => r.Template.Section == "expenditure").ToList();
        var rows = Start("部门收支总表", ["收入项目", "预算数", "支出项目", "预算数"]);
        for (var i = 0; i < Math.Max(incomeRows.Count, spending.Count); i++)
        {
            rows.Add([
                i < incomeRows.Count ? incomeRows[i].Template.Name : string.Empty, i < incomeRows.Count ? Row(incomeRows[i], 0, 1).First() : string.Empty,
                i < spending.Count ? spending[i].Template.Name : string.Empty, i < spending.Count ? Row(spending[i], 0, 1).First() : string.Empty,
            ]);
        }

        sheets.Add(("表一", rows));

        // 3 部门支出总表 and 5 一般公共预算支出表: 类 | 款 | 项 | 科目名称 | 合计 | 基本支出 | 项目支出.
        foreach (var (id, title, sheet) in new[] { ("T03", "部门支出总表", "表三"), ("T07", "一般公共预算支出表", "表五") })
        {
            rows = Start(title, ["类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"]);
            foreach (var row in drafts[id].Rows.Where(r => r.Template.Key is null or "department"))
            {
                rows.Add([.. SplitCode(row.Template.Code), row.Template.Code is null ? "合计" : row.Template.Name, .. Row(row, 0, 3)]);
            }

            sheets.Add((sheet, rows));
        }

        // 7 一般公共预算“三公”经费支出表.
        rows = Start("一般公共预算“三公”经费支出表", ["年度", "合计", "因公出国（境）费", "公务接待费", "公务用车购置及运行维护费小计", "公务用车购置费", "公务用车运行维护费"]);
        foreach (var row in drafts["T09"].Rows)
        {
            rows.Add([row.Template.Name, .. Row(row, 0, 6)]);
        }

        sheets.Add(("表七", rows));

        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var book = document.AddWorkbookPart();
        book.Workbook = new Workbook();
        var styles = book.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(new FontSize { Val = 10 }, new FontName { Val = "Noto Sans SC" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat()));
        var list = book.Workbook.AppendChild(new Sheets());
        uint id2 = 1;
        foreach (var (sheetName, content) in sheets)
        {
            var part = book.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 1;
            foreach (var cells in content)
            {
                var row = new Row { RowIndex = r };
                for (var c = 0; c < cells.Length; c++)
                {
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r}",
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(cells[c])),
                    });
                }

                data.Append(row);
                r++;
            }

            part.Worksheet = new Worksheet(
                new SheetProperties(new PageSetupProperties { FitToPage = true }),
                new Columns(Enumerable.Range(1, 7).Select(i => new Column { Min = (uint)i, Max = (uint)i, Width = i == 4 || (sheetName == "表一" && i is 1 or 3) ? 34 : 16, CustomWidth = true })),
                data,
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            list.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id2++, Name = sheetName });
        }

        book.Workbook.Save();
    }
}
