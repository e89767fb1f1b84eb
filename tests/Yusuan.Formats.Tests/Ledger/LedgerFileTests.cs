using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Yusuan.Core.Model;
using Yusuan.Formats.Ledger;
using Yusuan.Formats.Text;

namespace Yusuan.Formats.Tests.Ledger;

public class LedgerFileTests
{
    private const string Header = "agency_code,exp_func_code,dep_bgt_eco_code,exp_kind,pro_code,pro_name,fund_type_code,amount";

    [Fact]
    public void Every_column_has_a_number_of_its_own_that_a_parser_can_index_by()
    {
        Assert.Equal(Enumerable.Range(0, LedgerColumn.All.Count), LedgerColumn.All.Select(c => c.Ordinal).Order());
    }

    [Fact]
    public void Good_csv_streams_exact_lines()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ledger.csv", Header + "\n139001,2080505,30108,人员经费,,,一般公共预算拨款,\"1,259,000.10\"\n139001,2111101,30227,项目支出,P1,\"宣传, 教育\",11,6000000\n");
        var ledger = LedgerFile.Open(path);
        var check = ledger.Check();
        Assert.Empty(check.Problems);
        Assert.Equal(2, check.Lines);
        var lines = ledger.Lines().ToList();
        Assert.Equal(1_259_000.10m, lines[0].Amount);
        Assert.Equal(ExpenditureKind.Personnel, lines[0].Kind);
        Assert.Equal("宣传, 教育", lines[1].ProjectName);
        Assert.Equal(FundSource.GeneralPublicBudget, lines[1].Fund);
        Assert.Equal(3, lines[1].Source.Row);
    }

    [Fact]
    public void Chinese_column_titles_are_accepted()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ledger.csv", "单位编码,功能科目编码,经济科目编码,支出类型,资金性质,金额\n139001,2080505,30108,人员经费,一般公共预算拨款,100\n");
        var check = LedgerFile.Open(path).Check();
        Assert.Empty(check.Problems);
        Assert.Equal(1, check.Lines);
    }

    [Fact]
    public void Malformed_amount_names_file_row_and_column()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ledger.csv", Header + "\n139001,2080505,30108,人员经费,,,11,100\n139001,2080505,30108,人员经费,,,11,12万\n");
        var problem = Assert.Single(LedgerFile.Open(path).Check().Problems);
        Assert.Equal(("ledger.csv", 3, "amount"), (problem.File, problem.Row, problem.Column));
        Assert.Contains("“12万”不是数字", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_column_is_named_with_its_chinese_title()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ledger.csv", "agency_code,exp_func_code,dep_bgt_eco_code,exp_kind,fund_type_code\n139001,2080505,30108,人员经费,11\n");
        var problem = Assert.Single(LedgerFile.Open(path).Check().Problems);
        Assert.Equal((1, "amount"), (problem.Row, problem.Column));
        Assert.Contains("缺少必需的列“amount（金额）”", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicated_column_is_refused_even_under_another_title()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ledger.csv", Header + ",金额\n139001,2080505,30108,人员经费,,,11,100,100\n");
        var problem = Assert.Single(LedgerFile.Open(path).Check().Problems);
        Assert.Equal((1, "金额"), (problem.Row, problem.Column));
        Assert.Contains("重复（第 8 列已是该列）", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_and_header_only_file_are_refused()
    {
        using var folder = new TempFolder();
        var empty = Assert.Single(LedgerFile.Open(folder.Write("ledger.csv", string.Empty)).Check().Problems);
        Assert.Equal(("ledger.csv", null, null), (empty.File, empty.Row, empty.Column));
        Assert.Contains("文件为空", empty.Reason, StringComparison.Ordinal);

        var headerOnly = Assert.Single(LedgerFile.Open(folder.Write("ledger.csv", Header + "\n")).Check().Problems);
        Assert.Contains("没有预算明细行", headerOnly.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Gb18030_file_is_detected_and_read()
    {
        using var folder = new TempFolder();
        var text = "单位编码,功能科目编码,经济科目编码,支出类型,项目编码,项目名称,资金性质,金额\n139001,2111101,30227,项目支出,P1,生态环境宣传教育,一般公共预算拨款,6000000\n";
        var path = folder.Write("ledger.csv", TextDecoding.Gb18030.GetBytes(text));
        Assert.Equal("GB18030", TextDecoding.Detect(path).Value.WebName, ignoreCase: true);
        var ledger = LedgerFile.Open(path);
        Assert.Empty(ledger.Check().Problems);
        Assert.Equal("生态环境宣传教育", ledger.Lines().Single().ProjectName);
    }

    [Fact]
    public void Text_in_neither_utf8_nor_gb18030_is_refused_with_a_reason()
    {
        using var folder = new TempFolder();
        var bytes = Encoding.ASCII.GetBytes(Header + "\n").Concat(new byte[] { 0xFF, 0xFE, 0x80, 0xFF, 0x0A }).ToArray();
        var problem = Assert.Single(LedgerFile.Open(folder.Write("ledger.csv", bytes)).Check().Problems);
        Assert.Equal(("ledger.csv", 2), (problem.File, problem.Row));
        Assert.Contains("既不是 UTF-8 也不是 GB18030", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_in_the_file_is_reported_at_once()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ledger.csv", Header + "\n"
            + "139001,2080505,30108,人员经费,,,11,abc\n"
            + "139001,20805A5,30108,人员经费,,,11,100\n"
            + "139001,2080505,30108,补贴,,,11,100\n"
            + "139001,2111101,30227,项目支出,,,11,100\n"
            + ",2080505,30108,人员经费,,,财政,100\n");
        var problems = LedgerFile.Open(path).Check().Problems;
        Assert.Equal(
            [(2, "amount"), (3, "exp_func_code"), (4, "exp_kind"), (5, "pro_code"), (6, "agency_code"), (6, "fund_type_code")],
            problems.Select(p => (p.Row!.Value, p.Column!)).OrderBy(p => p.Item1).ThenBy(p => p.Item2, StringComparer.Ordinal));
    }

    [Fact]
    public void A_code_repeated_or_coming_back_reads_as_written_and_a_bad_one_is_reported_on_each_row()
    {
        // The parser keeps the last text of each coded column and what it parsed to; the reader gives repeated texts as one
        // string. Every row still reads as its own text says, a repeated bad code once per row.
        string[] good = ["2080505,30108,人员经费,,,11,100", "2080505,30108,人员经费,,,11,200", "2111101,30227,公用经费,,,12,300", "2080505,30108,人员经费,,,11,400"];
        string[] bad = ["2080505,30108,补贴,,,11,500", "2080505,30108,补贴,,,11,600", "2111101,30227,公用经费,,,财政,700", "2111101,30227,公用经费,,,财政,800"];
        string Ledger(IEnumerable<string> rows) => Header + "\n" + string.Concat(rows.Select(r => "139001," + r + "\n"));
        using var folder = new TempFolder();
        var problems = LedgerFile.Open(folder.Write("ledger.csv", Ledger([.. good, .. bad]))).Check().Problems;
        Assert.Equal([(6, "exp_kind"), (7, "exp_kind"), (8, "fund_type_code"), (9, "fund_type_code")], problems.Select(p => (p.Row!.Value, p.Column!)));
        Assert.All(problems, p => Assert.Contains(p.Column == "exp_kind" ? "“补贴”" : "“财政”", p.Reason, StringComparison.Ordinal));

        var lines = LedgerFile.Open(folder.Write("ledger.csv", Ledger(good))).Lines().ToList();
        Assert.Equal(["2080505", "2080505", "2111101", "2080505"], lines.Select(l => l.Function.Value));
        Assert.Equal(["30108", "30108", "30227", "30108"], lines.Select(l => l.Economic.Value));
        Assert.Equal([ExpenditureKind.Personnel, ExpenditureKind.Personnel, ExpenditureKind.Operating, ExpenditureKind.Personnel], lines.Select(l => l.Kind));
        Assert.Equal([FundSource.GeneralPublicBudget, FundSource.GeneralPublicBudget, FundSource.GovernmentFund, FundSource.GeneralPublicBudget], lines.Select(l => l.Fund));
        Assert.Equal([100m, 200m, 300m, 400m], lines.Select(l => l.Amount));
    }

    [Fact]
    public void Procurement_parts_must_nest_inside_the_amount()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ledger.csv", Header + ",gov_purchase_type,gov_purchase_amt,sme_amt,micro_amt\n"
            + "139001,2111101,30227,项目支出,P1,项目,11,100,服务,200,0,0\n"
            + "139001,2111101,30227,项目支出,P1,项目,11,100,服务,100,150,0\n"
            + "139001,2111101,30227,项目支出,P1,项目,11,100,,50,0,0\n");
        var problems = LedgerFile.Open(path).Check().Problems;
        Assert.Equal([(2, "gov_purchase_amt"), (3, "sme_amt"), (4, "gov_purchase_type")], problems.Select(p => (p.Row!.Value, p.Column!)));
    }

    [Fact]
    public void Unclosed_quote_names_the_line_it_starts_on()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ledger.csv", Header + "\n139001,2080505,30108,人员经费,,\"open,11,100\n139001,2080505,30108,人员经费,,,11,100\n");
        var problems = LedgerFile.Open(path).Check().Problems;
        Assert.Contains(problems, p => p.Row == 2 && p.Reason.Contains("引号未闭合", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_columns_are_warnings_not_errors()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ledger.csv", Header + ",经办人\n139001,2080505,30108,人员经费,,,11,100,张三\n");
        var check = LedgerFile.Open(path).Check();
        Assert.Empty(check.Problems);
        var warning = Assert.Single(check.Warnings);
        Assert.Equal(("ledger.column.ignored", "经办人"), (warning.Rule, warning.Location.Column));
    }

    [Fact]
    public void Fiscal_year_of_another_year_is_refused()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ledger.csv", Header + ",fiscal_year\n139001,2080505,30108,人员经费,,,11,100,2022\n");
        var problem = Assert.Single(LedgerFile.Open(path).Check(2023).Problems);
        Assert.Equal((2, "fiscal_year"), (problem.Row!.Value, problem.Column!));
    }

    [Fact]
    public void Xlsx_that_is_not_a_workbook_is_refused()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ledger.xlsx", Header + "\n139001,2080505,30108,人员经费,,,11,100\n");
        var problem = Assert.Single(LedgerFile.Open(path).Check().Problems);
        Assert.Equal(("ledger.xlsx", null, null), (problem.File, problem.Row, problem.Column));
        Assert.Contains("不是有效的 XLSX 工作簿", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_ledger_reads_shared_inline_and_numeric_cells_exactly()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "ledger.xlsx");
        WriteWorkbook(path,
        [
            ["单位编码", "功能科目编码", "经济科目编码", "支出类型", "资金性质", "金额"],
            ["139001", "2080505", "30108", "人员经费", "一般公共预算拨款", 1259000.1m],
            ["139001", "2080506", "30109", "人员经费", "一般公共预算拨款", "bad"],
        ]);
        var problems = LedgerFile.Open(path).Check().Problems;
        var problem = Assert.Single(problems);
        Assert.Equal(("ledger.xlsx", 3, "amount"), (problem.File, problem.Row, problem.Column));

        WriteWorkbook(path,
        [
            ["单位编码", "功能科目编码", "经济科目编码", "支出类型", "资金性质", "金额"],
            ["139001", "2080505", "30108", "人员经费", "一般公共预算拨款", 1259000.1m],
        ]);
        var line = LedgerFile.Open(path).Lines().Single();
        Assert.Equal(1_259_000.1m, line.Amount);
        Assert.Equal("2080505", line.Function.Value);
    }

    /// <summary>Writes a workbook the way Excel does: text as shared strings (first column inline), numbers as numbers.</summary>
    internal static void WriteWorkbook(string path, object[][] rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var data = new SheetData();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                var cell = rows[r][c] switch
                {
                    decimal d => new Cell { CellReference = reference, CellValue = new CellValue(d), DataType = CellValues.Number },
                    string s when c == 0 => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(s)) },
                    var o => SharedString(reference, (string)o, strings.SharedStringTable),
                };
                row.Append(cell);
            }

            data.Append(row);
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "预算明细" }));
    }

    private static Cell SharedString(string reference, string text, SharedStringTable table)
    {
        table.AppendChild(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(text)));
        return new Cell { CellReference = reference, CellValue = new CellValue(table.Count() - 1), DataType = CellValues.SharedString };
    }
}
