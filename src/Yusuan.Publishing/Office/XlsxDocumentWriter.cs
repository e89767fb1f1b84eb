using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Yusuan.Core.Model;
using Yusuan.Publishing.Layout;

namespace Yusuan.Publishing.Office;

/// <summary>
/// The workbook published beside the PDF: one sheet per table (title, 部门名称 and 单位 line, the seed's merged headers, number
/// formats, frozen headers, fitted to the page width) and a sheet with the budget lines, streamed so it can hold millions.
/// </summary>
public static class XlsxDocumentWriter
{
    private const uint Title = 1, Header = 2, Text = 3, TextBold = 4, Number0 = 5, Number0Bold = 6, Number2 = 7, Number2Bold = 8, Plain = 9, Amount = 10;

    public static void Write(PrintedDocument document, IEnumerable<BudgetLine>? lines, Stream output)
    {
        using var workbook = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var book = workbook.AddWorkbookPart();
        book.Workbook = new Workbook();
        var styles = book.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheets = book.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var table in document.Tables)
        {
            var part = book.AddNewPart<WorksheetPart>();
            WriteTable(part, table);
            sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id++, Name = SheetName(table) });
        }

        if (lines is not null)
        {
            var part = book.AddNewPart<WorksheetPart>();
            WriteLines(part, lines);
            sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id, Name = "预算明细" });
        }

        book.Workbook.Save();
    }

    public static string SheetName(PrintedTable table)
    {
        var name = $"表{table.Number} {table.Title}";
        foreach (var c in new[] { '[', ']', ':', '*', '?', '/', '\\' })
        {
            name = name.Replace(c, '_');
        }

        return name.Length > 31 ? name[..31] : name;
    }

    /// <summary>
    /// One sheet's table, streamed into its part with the SDK's SAX writer (a tree of every cell built and then serialised
    /// was most of the workbook's time): the rows are planned first — the frozen header's height goes in the sheet view,
    /// which precedes them — then written in the order the schema gives (sheetPr, sheetViews, cols, sheetData, mergeCells,
    /// pageMargins, pageSetup).
    /// </summary>
    private static void WriteTable(WorksheetPart part, PrintedTable table)
    {
        var rows = new List<(uint Index, List<SheetCell> Cells)>();
        var merges = new List<string>();
        var columns = table.Blocks.OfType<GridBlock>().Max(g => g.Grid.Widths.Count);
        var widths = table.Blocks.OfType<GridBlock>().First().Grid.Widths;
        uint row = 1;
        rows.Add((row, [SheetCell.Of(1, table.Title, Title)]));
        merges.Add($"A1:{Column(columns)}1");
        row++;
        rows.Add((row, [SheetCell.Of(1, $"部门名称：{table.Department}", Plain), SheetCell.Of(columns, $"单位：{table.Unit}", Plain)]));
        row++;
        uint frozen = 0;
        foreach (var block in table.Blocks)
        {
            if (block is TextBlock text)
            {
                rows.Add((row, [SheetCell.Of(1, text.Text, text.Heading ? TextBold : Plain)]));
                merges.Add($"A{row}:{Column(columns)}{row}");
                row++;
                continue;
            }

            var grid = ((GridBlock)block).Grid;
            // Merged header cells: the text sits in the top-left cell; the covered cells are written empty (with the header style,
            // so borders show) in the rows they belong to.
            var occupied = new HashSet<(int, int)>();
            var headerCells = Enumerable.Range(0, grid.Header.Count).Select(_ => new List<SheetCell>()).ToList();
            for (var r = 0; r < grid.Header.Count; r++)
            {
                var column = 1;
                foreach (var h in grid.Header[r])
                {
                    while (occupied.Contains((r, column)))
                    {
                        column++;
                    }

                    for (var rr = r; rr < Math.Min(r + h.RowSpan, grid.Header.Count); rr++)
                    {
                        for (var cc = column; cc < column + h.ColSpan; cc++)
                        {
                            occupied.Add((rr, cc));
                            headerCells[rr].Add(SheetCell.Of(cc, rr == r && cc == column ? h.Text : string.Empty, Header));
                        }
                    }

                    if (h.ColSpan > 1 || h.RowSpan > 1)
                    {
                        merges.Add($"{Column(column)}{row + r}:{Column(column + h.ColSpan - 1)}{row + r + h.RowSpan - 1}");
                    }

                    column += h.ColSpan;
                }
            }

            for (var r = 0; r < grid.Header.Count; r++)
            {
                rows.Add(((uint)(row + r), headerCells[r]));
            }

            row += (uint)grid.Header.Count;
            if (frozen == 0)
            {
                frozen = row - 1;
            }

            foreach (var cells in grid.Rows)
            {
                var written = new List<SheetCell>(cells.Count);
                for (var c = 0; c < cells.Count; c++)
                {
                    var cell = cells[c];
                    if (cell.Value is decimal value)
                    {
                        var style = table.Decimals == 0 ? (cell.Bold ? Number0Bold : Number0) : (cell.Bold ? Number2Bold : Number2);
                        written.Add(new SheetCell(c + 1, null, value, style));
                    }
                    else
                    {
                        written.Add(SheetCell.Of(c + 1, (cell.Indent > 0 ? new string('　', cell.Indent) : string.Empty) + cell.Text, cell.Bold ? TextBold : Text));
                    }
                }

                rows.Add((row, written));
                row++;
            }

            row++;
        }

        if (table.Note is not null)
        {
            rows.Add((row, [SheetCell.Of(1, "注：" + table.Note, Plain)]));
        }

        using var writer = OpenXmlWriter.Create(part, new System.Text.UTF8Encoding(false));
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        // Pane.VerticalSplit is the ySplit attribute: the number of rows frozen above the pane.
        writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = frozen, TopLeftCell = $"A{frozen + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        {
            WorkbookViewId = 0,
        }));
        var total = widths.Sum();
        var cols = new Columns();
        for (var c = 0; c < widths.Count; c++)
        {
            cols.Append(new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Round(widths[c] / total * (table.Landscape ? 150 : 100), 1), CustomWidth = true });
        }

        writer.WriteElement(cols);
        writer.WriteStartElement(new SheetData());
        foreach (var (index, cells) in rows)
        {
            writer.WriteStartElement(new Row { RowIndex = index });
            foreach (var cell in cells.OrderBy(c => c.Column))
            {
                var reference = $"{Column(cell.Column)}{index}";
                writer.WriteElement(cell.Value is decimal value
                    ? new Cell { CellReference = reference, CellValue = new CellValue(value), DataType = CellValues.Number, StyleIndex = cell.Style }
                    : Inline(reference, cell.Text!, cell.Style));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        var distinct = merges.Distinct().ToList();
        if (distinct.Count > 0)
        {
            writer.WriteElement(new MergeCells(distinct.Select(m => new MergeCell { Reference = m })) { Count = (uint)distinct.Count });
        }

        writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup
        {
            PaperSize = 9,
            Orientation = table.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1,
            FitToHeight = 0,
        });
        writer.WriteEndElement();
    }

    /// <summary>A cell of a table sheet as planned: text (an inline string) or a number, in its 1-based column.</summary>
    private readonly record struct SheetCell(int Column, string? Text, decimal? Value, uint Style)
    {
        public static SheetCell Of(int column, string text, uint style) => new(column, text, null, style);
    }

    private static Cell Inline(string reference, string text, uint style) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }), StyleIndex = style };

    public static string Column(int number)
    {
        var name = string.Empty;
        while (number > 0)
        {
            var m = (number - 1) % 26;
            name = (char)('A' + m) + name;
            number = (number - m) / 26;
        }

        return name;
    }

    private static readonly (string Title, Func<BudgetLine, object?> Value)[] LineColumns =
    [
        ("单位编码 agency_code", l => l.AgencyCode),
        ("功能科目编码 exp_func_code", l => l.Function.Value),
        ("经济科目编码 dep_bgt_eco_code", l => l.Economic.Value),
        ("政府经济科目编码 gov_bgt_eco_code", l => l.GovernmentEconomic?.Value),
        ("支出类型 exp_kind", l => l.Kind.Title()),
        ("项目编码 pro_code", l => l.ProjectCode),
        ("项目名称 pro_name", l => l.ProjectName),
        ("项目类别 pro_cat_name", l => l.ProjectCategory),
        ("资金性质 fund_type_code", l => l.Fund.Title()),
        ("金额（元） amount", l => l.Amount),
        ("政府采购类型 gov_purchase_type", l => l.Procurement.Title()),
        ("政府采购金额 gov_purchase_amt", l => l.ProcurementAmount),
        ("面向中小企业 sme_amt", l => l.SmeAmount),
        ("面向小微企业 micro_amt", l => l.MicroAmount),
        ("三公经费类别 three_public_type", l => l.OfficialExpense.Title()),
        ("机关运行经费 is_operating_expense", l => l.IsOperatingExpense ? "是" : "否"),
    ];

    /// <summary>The budget lines, streamed with the SAX writer: memory stays flat however many lines there are.</summary>
    private static void WriteLines(WorksheetPart part, IEnumerable<BudgetLine> lines)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetViews());
        writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
        writer.WriteElement(new Pane { TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen, VerticalSplit = 1 });
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement(new SheetData());
        uint row = 1;
        writer.WriteStartElement(new Row { RowIndex = row });
        for (var c = 0; c < LineColumns.Length; c++)
        {
            writer.WriteElement(Inline($"{Column(c + 1)}{row}", LineColumns[c].Title, Header));
        }

        writer.WriteEndElement();
        foreach (var line in lines)
        {
            row++;
            writer.WriteStartElement(new Row { RowIndex = row });
            for (var c = 0; c < LineColumns.Length; c++)
            {
                var reference = $"{Column(c + 1)}{row}";
                switch (LineColumns[c].Value(line))
                {
                    case decimal d:
                        writer.WriteElement(new Cell { CellReference = reference, CellValue = new CellValue(d), DataType = CellValues.Number, StyleIndex = Amount });
                        break;
                    case string { Length: > 0 } s:
                        writer.WriteElement(Inline(reference, s, Plain));
                        break;
                }
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static Stylesheet Stylesheet()
    {
        var thin = new Border(
            new LeftBorder(new Color { Rgb = "FF8C959F" }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Rgb = "FF8C959F" }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Rgb = "FF8C959F" }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Rgb = "FF8C959F" }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        var center = new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true };
        var wrap = new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true };
        CellFormat Format(uint font, uint fill, uint border, uint numberFormat, Alignment? alignment) => new(alignment?.CloneNode(true) ?? new Alignment())
        {
            FontId = font,
            FillId = fill,
            BorderId = border,
            NumberFormatId = numberFormat,
            ApplyFont = true,
            ApplyFill = fill > 0,
            ApplyBorder = border > 0,
            ApplyNumberFormat = numberFormat > 0,
            ApplyAlignment = alignment is not null,
        };

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0.00" },
                new NumberingFormat { NumberFormatId = 166, FormatCode = "#,##0.00" }) { Count = 3 },
            new Fonts(
                new Font(new FontSize { Val = 10 }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "黑体" })) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFEEF2F6" }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellFormats(
                new CellFormat(),
                Format(2, 0, 0, 0, center),
                Format(1, 2, 1, 0, center),
                Format(0, 0, 1, 0, wrap),
                Format(1, 0, 1, 0, wrap),
                Format(0, 0, 1, 164, null),
                Format(1, 0, 1, 164, null),
                Format(0, 0, 1, 165, null),
                Format(1, 0, 1, 165, null),
                Format(0, 0, 0, 0, null),
                Format(0, 0, 0, 166, null)) { Count = 11 });
    }
}
