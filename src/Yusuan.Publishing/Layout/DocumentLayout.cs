using Yusuan.Core.Compile;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Narrative;
using Yusuan.Core.Tables;

namespace Yusuan.Publishing.Layout;

/// <summary>
/// Lays a disclosure out as the seed prints it: cover, 目录, the nine text parts, then 表 1 … 表 12 with their merged headers;
/// or, given a template with a publishing section (regions/templates, yusuan build --template), under that template's part
/// headings and numbering, its tables numbered in its order and its code columns (类 | 款 | 项 where it splits them).
/// </summary>
public static class DocumentLayout
{
    private static readonly IReadOnlyList<string> FundGroupKeys = Core.Tables.ColumnMeanings.FundSources;

    /// <summary>The document as printed: its parts, tables (numbered, titled, their figures in the unit printed) and charts.</summary>
    /// <param name="disclosure">What to print; in a template, restated in it first (<see cref="Core.Compile.TemplateRestatement"/>).</param>
    /// <param name="template">The template whose layout to follow; null, or one without a publishing section: the seed's.</param>
    public static PrintedDocument From(Disclosure disclosure, DocumentTemplate? template = null)
    {
        var name = disclosure.Department.Name;
        var publishing = template?.Publishing;
        // The tables take their place among the template's parts (上海: 四、部门预算表 between 三 and 五), and are numbered so.
        var parts = publishing is { Parts.Count: > 0 }
            ? publishing.Parts.Select((part, i) => i < publishing.TablesAfter ? i + 1 : i + 2).Zip(publishing.Parts)
                .Select(p => new PrintedPart(p.First, Heading(publishing.Numbering, p.First, p.Second.Title),
                    p.Second.From.SelectMany(from => disclosure.Narrative.Where(s => s.Part == from).Select(s => s.Sentence)).ToList())).ToList()
            : Enumerable.Range(1, TableTitles.Parts.Count)
                .Select(p => new PrintedPart(p, Heading(publishing?.Numbering ?? PartNumbering.Parts, p, TableTitles.Parts[p - 1]),
                    disclosure.Narrative.Where(s => s.Part == p).Select(s => s.Sentence).ToList()))
                .ToList();
        // A template that names no parts of its own prints Yusuan's nine, then the tables.
        var tablesAfter = publishing is { Parts.Count: > 0 } ? publishing.TablesAfter : parts.Count;
        var codes = publishing?.Codes ?? CodeLayout.Joined;
        var tables = disclosure.Tables.Select((t, i) => Table(t, publishing is null ? Number(t.Id) : i + 1, codes, disclosure)).ToList();
        var exact = disclosure.Tables.Count > 0 && disclosure.Tables.All(t => t.PrintedUnit == "元");
        return new PrintedDocument(
            $"{disclosure.FiscalYear}年{name}部门预算",
            name,
            disclosure.FiscalYear,
            parts,
            tables,
            Charts(disclosure),
            RoundingNote(exact, Core.Rounding.RoundingModes.Of(disclosure)))
        {
            TextHeading = publishing is null ? "一、文字部分" : null,
            TablesHeading = publishing is null ? "二、表格部分" : Heading(publishing.Numbering, tablesAfter + 1, publishing.TablesHeading),
            TablesAfter = tablesAfter,
        };
    }

    /// <summary>
    /// The 说明 printed over the tables: their unit and how their figures were rounded — the one place a reader finds 受控舍入
    /// explained (the glossary only gives the unit).
    /// </summary>
    private static string RoundingNote(bool exact, Core.Rounding.RoundingMode rounding) =>
        exact ? "说明：本部分各表金额单位为元，列示数为各项预算的精确数，合计数等于其各分项之和。"
        : rounding == Core.Rounding.RoundingMode.Controlled
            ? "说明：本部分各表金额单位为万元，按受控舍入取舍到各表列示的位数：每个数取其精确值向上或向下最近的列示数，使每个合计数都等于其各分项列示数之和，各数与精确值之差小于一个列示单位。"
            : "说明：本部分各表金额单位为万元，各数按“四舍五入”取舍到各表列示的位数，合计数与各分项列示数之和可能存在尾数差异。";

    /// <summary>A part's heading as the template numbers it: 第三部分 名词解释, or 三、名词解释.</summary>
    private static string Heading(PartNumbering numbering, int number, string title) =>
        numbering == PartNumbering.Ordinals ? $"{TableTitles.ChineseOrdinal(number)}、{title}" : $"第{Wording.ChineseCount(number)}部分 {title}";

    private static int Number(string id) => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture);

    private static PrintedTable Table(DisclosureTable table, int number, CodeLayout codes, Disclosure disclosure)
    {
        if (table.PrintedUnit == "元" && table.Unit == "万元")
        {
            // Kept in 万元 and printed in 元 (a template that prints 元): the exact figures, two decimals at most.
            table = table with { Unit = "元", PrintedUnit = null, Decimals = 2, Rows = table.Rows.Select(r => r with { Values = r.Values.Select(v => v * 10_000m).ToArray() }).ToList() };
        }

        var specification = TableSpecifications.Find(table.Id);
        var blocks = specification?.Shape switch
        {
            TableShape.TwoSided => [new GridBlock(TwoSided(table, disclosure.FiscalYear))],
            TableShape.Official => [new GridBlock(Official(table))],
            TableShape.Goals => Performance(table, disclosure.Department.Name),
            _ => new List<Block> { new GridBlock(Coded(table, codes)) },
        };
        var landscape = specification?.Landscape == true || (codes == CodeLayout.Split && table.Columns.Count > 6);
        // Headers and labels set as Chinese is printed (2023年预算数, 因公出国（境）费; 表9's 2022年); figures as they are.
        blocks = blocks.Select(b => b is GridBlock g
            ? new GridBlock(g.Grid with
            {
                Header = [.. g.Grid.Header.Select(r => (IReadOnlyList<HeaderCell>)[.. r.Select(h => h with { Text = Typography.Typeset(h.Text) })])],
                Rows = [.. g.Grid.Rows.Select(r => (IReadOnlyList<PrintedCell>)[.. r.Select(c => c.Value is null ? c with { Text = Typography.Typeset(c.Text) } : c)])],
            })
            : b).ToList();
        return new PrintedTable(table.Id, number, Typography.Typeset(table.Title), disclosure.Department.Name, table.Unit, blocks, table.Note, landscape, table.Decimals);
    }

    private static PrintedCell Figure(decimal value, int decimals, bool bold = false) => new(Figures.Format(value, decimals), value, 0, bold);

    /// <summary>
    /// T02, T03, T04, T05, T07, T08, T10, T11: 预算单位 | 科目编码 | 科目名称 | figures, with the seed's merged headers; the
    /// code in three columns 类 | 款 | 项 under 科目编码 where the template splits it (上海).
    /// </summary>
    private static Grid Coded(DisclosureTable table, CodeLayout codes)
    {
        var isProjects = TableSpecifications.Find(table.Id)?.Shape == TableShape.Projects;
        var split = codes == CodeLayout.Split && !isProjects;

        // Economic codes have no 项: 上海 prints them as 类 | 款 (301 | 01).
        var segments = TableSpecifications.Find(table.Id)?.Codes == RowCodes.Economic ? 2 : 3;
        var leading = isProjects
            ? new List<HeaderCell> { new("预算单位", 1, 2), new("项目编码", 1, 2), new("项目名称", 1, 2), new("功能科目", 1, 2) }
            : [new("预算单位", 1, 2), split ? new("科目编码", segments) : new("科目编码", 1, 2), new("科目名称", 1, 2)];
        var top = new List<HeaderCell>(leading);
        var second = new List<HeaderCell>(split ? new[] { new HeaderCell("类"), new HeaderCell("款"), new HeaderCell("项") }.Take(segments) : []);
        var keys = table.Columns.Select(c => c.Key).ToList();
        if (keys.SequenceEqual(["total", .. FundGroupKeys]))
        {
            top.Add(new HeaderCell("合计", 1, 2));
            top.Add(new HeaderCell("政府预算拨款", 3));
            second.AddRange(table.Columns.Skip(1).Take(3).Select(c => new HeaderCell(c.Title)));
            top.Add(new HeaderCell(table.Columns[4].Title, 1, 2));
            top.Add(new HeaderCell("单位资金", 5));
            second.AddRange(table.Columns.Skip(5).Take(5).Select(c => new HeaderCell(c.Title)));
            top.Add(new HeaderCell(table.Columns[10].Title, 1, 2));
        }
        else if (keys.Contains("procurement"))
        {
            top.AddRange(table.Columns.Take(3).Select(c => new HeaderCell(c.Title, 1, 2)));
            top.Add(new HeaderCell(table.Columns[3].Title.Replace("小计", string.Empty, StringComparison.Ordinal), 3));
            second.AddRange([new HeaderCell("小计"), new HeaderCell(table.Columns[4].Title), new HeaderCell(table.Columns[5].Title)]);
        }
        else if (split)
        {
            top.AddRange(table.Columns.Select(c => new HeaderCell(c.Title, 1, 2)));
        }
        else
        {
            top = top.Select(h => h with { RowSpan = 1 }).ToList();
            top.AddRange(table.Columns.Select(c => new HeaderCell(c.Title)));
        }

        var header = second.Count > 0 ? new List<IReadOnlyList<HeaderCell>> { top, second } : [top];
        var rows = table.Rows.Select(r =>
        {
            var bold = r.Level <= 1;
            var cells = new List<PrintedCell> { new(r.Unit ?? string.Empty, Bold: bold) };
            cells.AddRange(split ? ClassSectionItem(r.Code, segments).Select(c => new PrintedCell(c, Bold: bold)) : [new PrintedCell(r.Code ?? string.Empty, Bold: bold)]);
            cells.Add(new PrintedCell(r.Code is null && r.Unit is not null ? string.Empty : r.Name, Indent: Math.Max(0, r.Level - 1), Bold: bold));
            if (isProjects)
            {
                cells.Add(new PrintedCell(r.FunctionCode ?? string.Empty));
            }

            cells.AddRange(r.Values.Select((v, c) => Figure(v, table.Decimals, bold) with { Place = PlaceOf(table, r, c) }));
            return (IReadOnlyList<PrintedCell>)cells;
        }).ToList();
        var widths = isProjects ? new List<double> { 2.0, 1.7, 3.6, 1.1 } : split ? [2.2, .. new[] { 0.5, 0.4, 0.4 }.Take(segments), 3.0] : [2.2, 1.1, 3.0];

        widths.AddRange(table.Columns.Select(_ => 1.0));
        return new Grid(header, rows, widths);
    }

    /// <summary>
    /// A code as its 类 | 款 | 项 columns, blanks where it stops: a function code in three (2080505 → 208 | 05 | 05), an economic
    /// code in two, a region's longer item keeping its digits in the 款 (30101 → 301 | 01; 3010201 → 301 | 0201).
    /// </summary>
    private static string[] ClassSectionItem(string? code, int columns)
    {
        code ??= string.Empty;
        var type = code[..Math.Min(3, code.Length)];
        return columns == 2
            ? [type, code.Length > 3 ? code[3..] : string.Empty]
            : [type, code.Length > 3 ? code[3..Math.Min(5, code.Length)] : string.Empty, code.Length > 5 ? code[5..] : string.Empty];
    }

    /// <summary>T01, T06: income ∥ expenditure side by side; the three total rows aligned at the bottom as the seed prints them.</summary>
    private static Grid TwoSided(DisclosureTable table, int year)
    {
        var header = new List<IReadOnlyList<HeaderCell>>
        {
            new[] { new HeaderCell("收 入", 2), new HeaderCell("支 出", 2) },
            new[] { new HeaderCell("项 目"), new HeaderCell($"{year}年预算数"), new HeaderCell("项 目"), new HeaderCell($"{year}年预算数") },
        };
        var totals = Core.Tables.TableSpecifications.TwoSidedTotals;
        var income = table.Rows.Where(r => r.Section == "income" && !totals.Any(t => t.Income == r.Key)).ToList();
        var expenditure = table.Rows.Where(r => r.Section == "expenditure" && !totals.Any(t => t.Expenditure == r.Key)).ToList();
        var rows = new List<IReadOnlyList<PrintedCell>>();
        for (var i = 0; i < Math.Max(income.Count, expenditure.Count); i++)
        {
            var cells = new List<PrintedCell>();
            cells.AddRange(i < income.Count ? Side(table, income[i], table.Decimals) : [PrintedCell.Empty, PrintedCell.Empty]);
            cells.AddRange(i < expenditure.Count ? Side(table, expenditure[i], table.Decimals) : [PrintedCell.Empty, PrintedCell.Empty]);
            rows.Add(cells);
        }

        foreach (var (incomeTotal, expenditureTotal) in totals)
        {
            var left = table.Rows.FirstOrDefault(r => r.Key == incomeTotal);
            var right = table.Rows.FirstOrDefault(r => r.Key == expenditureTotal);
            rows.Add([.. left is null ? [PrintedCell.Empty, PrintedCell.Empty] : Side(table, left, table.Decimals, true), .. right is null ? [PrintedCell.Empty, PrintedCell.Empty] : Side(table, right, table.Decimals, true)]);
        }

        return new Grid(header, rows, [3.0, 1.2, 3.6, 1.2]);
    }

    private static PrintedCell[] Side(DisclosureTable table, TableRow row, int decimals, bool bold = false)
    {
        var strong = bold || row.Level == 1 || (row.Section == "income" && !row.Name.Contains(". ", StringComparison.Ordinal));
        return [new PrintedCell(row.Name, Indent: Math.Max(0, row.Level - 1), Bold: strong), Figure(row.Values[0], decimals, strong) with { Place = PlaceOf(table, row, 0) }];
    }

    /// <summary>Where a figure stands in its disclosure table, named as a finding's location names it (row: code, else key, else name).</summary>
    private static (string, string, string)? PlaceOf(DisclosureTable table, TableRow row, int column) =>
        column < table.Columns.Count ? (table.Id, row.Code ?? row.Key ?? row.Name, table.Columns[column].Key) : null;

    private static Grid Official(DisclosureTable table)
    {
        var header = new List<IReadOnlyList<HeaderCell>>
        {
            new[]
            {
                new HeaderCell("预算单位", 1, 2), new HeaderCell("年度", 1, 2), new HeaderCell(table.Columns[0].Title, 1, 2),
                new HeaderCell(table.Columns[1].Title, 1, 2), new HeaderCell(table.Columns[2].Title, 1, 2), new HeaderCell("公务用车购置及运行维护费", 3),
            },
            new[] { new HeaderCell("小计"), new HeaderCell(table.Columns[4].Title), new HeaderCell(table.Columns[5].Title) },
        };
        var rows = table.Rows.Select(r => (IReadOnlyList<PrintedCell>)[new PrintedCell(r.Unit ?? string.Empty), new PrintedCell(r.Name), .. r.Values.Select(v => Figure(v, table.Decimals))]).ToList();
        return new Grid(header, rows, [2.4, 1.4, 1, 1, 1, 1, 1, 1]);
    }

    private static List<Block> Performance(DisclosureTable table, string department)
    {
        var blocks = new List<Block>
        {
            new TextBlock($"单位名称：{department}　　主管部门：{table.Performance?.Supervisor ?? string.Empty}"),
            new TextBlock("年度主要任务", Heading: true),
        };
        var header = new List<IReadOnlyList<HeaderCell>>
        {
            new[] { new HeaderCell("任务名称", 1, 2), new HeaderCell("主要内容", 1, 2), new HeaderCell("预算金额（万元）", 3) },
            new[] { new HeaderCell(table.Columns[0].Title), new HeaderCell(table.Columns[1].Title), new HeaderCell(table.Columns[2].Title) },
        };
        var rows = table.Rows.Select(r => (IReadOnlyList<PrintedCell>)[new PrintedCell(r.Name, Bold: r.Key == "total"), new PrintedCell(r.Text ?? string.Empty), .. r.Values.Select(v => Figure(v, table.Decimals, r.Key == "total"))]).ToList();
        blocks.Add(new GridBlock(new Grid(header, rows, [1.6, 7.0, 0.9, 0.9, 0.9])));
        if (table.Performance is { } p)
        {
            // What is not filled in says so in words: an empty grid would read as a table of no figures.
            blocks.Add(new TextBlock("年度总体目标", Heading: true));
            blocks.AddRange(p.Goals.Count > 0 ? p.Goals.Select(g => new TextBlock(g)) : [new TextBlock("未填写年度总体目标。")]);
            blocks.Add(new TextBlock("年度绩效指标", Heading: true));
            var indicators = p.Indicators.Select(i => (IReadOnlyList<PrintedCell>)[new PrintedCell(i.Level1), new PrintedCell(i.Level2), new PrintedCell(i.Name), new PrintedCell(i.Target)]).ToList();
            blocks.Add(indicators.Count > 0
                ? new GridBlock(new Grid([new[] { new HeaderCell("一级指标"), new HeaderCell("二级指标"), new HeaderCell("三级指标"), new HeaderCell("目标值") }], indicators, [1.2, 1.4, 5.0, 1.8]))
                : new TextBlock("未填写年度绩效指标。"));
        }

        return blocks;
    }

    /// <summary>This year's spending of a table by 类 (summed over the agencies that print the same 类).</summary>
    private static Chart ClassChart(DisclosureTable table, string title)
    {
        var classes = table.Rows.Where(r => r.Level == 1 && r.Code is not null).GroupBy(r => (r.Code!, r.Name)).ToList();
        return new Chart(title, table.Unit, classes.Select(c => c.Key.Name).ToList(), [("本年预算", classes.Select(c => c.Sum(r => r.Values[0])).ToList())]);
    }

    /// <summary>Spending by function class (T03), by economic class (T08), and this year against last by project category (the text).</summary>
    private static List<Chart> Charts(Disclosure disclosure)
    {
        var charts = new List<Chart>();
        if (disclosure.Table("T03") is { } t03)
        {
            charts.Add(ClassChart(t03, "支出按功能分类（类）"));
        }

        if (disclosure.Table("T08") is { } t08)
        {
            charts.Add(ClassChart(t08, "一般公共预算支出按经济分类（类）"));
        }

        var categories = new List<(string Name, decimal Current, decimal Prior)>();
        foreach (var sentence in disclosure.Narrative.Where(s => s.Part == 3))
        {
            var figures = sentence.Figures.ToList();
            var category = figures.FirstOrDefault(f => Subjects.IsCategory(f.Subject));
            var change = figures.LastOrDefault(f => f.Subject == Subjects.Change);
            if (category is not null && change is not null)
            {
                categories.Add((category.Subject[Subjects.CategoryPrefix.Length..], category.Value, category.Value - change.Value));
            }
        }

        if (categories.Count > 0)
        {
            charts.Add(new Chart("项目支出按类别：本年与上年", "万元", categories.Select(c => c.Name).ToList(),
                [($"{disclosure.FiscalYear}年", categories.Select(c => c.Current).ToList()), ($"{disclosure.FiscalYear - 1}年", categories.Select(c => c.Prior).ToList())]));
        }

        return charts;
    }
}
