using System.Globalization;
using System.Text.RegularExpressions;
using Yusuan.Core.Disclosures;

namespace Yusuan.Formats.Audit.Layout;

/// <summary>
/// Gives a printed table its meaning: which columns hold codes (one column, or 类 | 款 | 项 joined back into one code), which
/// the row's name, and what each other column means by its header path (合计, 基本支出, 一般公共预算 … — a header that maps to
/// nothing keeps its printed text under a column of its own). A two-sided sheet (收入 | 支出) gives income and expenditure rows.
/// Every printed cell is kept: figures become values in 万元 (元 and 千元 converted exactly), and the text as printed stays
/// beside them, blank cells as blank.
/// </summary>
public static partial class PrintedTableMapper
{
    [GeneratedRegex(@"^\d{2,9}$")]
    private static partial Regex CodeCell();

    /// <summary>A 政府采购品目 code: A 货物, B 工程, C 服务, and their subdivisions (A02010104).</summary>
    [GeneratedRegex(@"^[ABC](?:\d{2}){0,5}$")]
    private static partial Regex ProcurementCode();

    /// <summary>
    /// A shorter code joined to its name by a dash (北京: 政府采购品目 "A-货物", 政府购买服务目录 "01-公共服务", "0101-公共安全服务"),
    /// or a project's code (北京: "11000022T000000444194-法律援助办案补贴").
    /// </summary>
    [GeneratedRegex(@"^([ABC](?:\d{2}){0,5}|\d{2}(?:\d{2}){0,4}|\d{6,10}[A-Z]\d{6,15})\s*[-－—]\s*(?=[^\d\s])(.+)$")]
    private static partial Regex CodeDashName();

    [GeneratedRegex(@"^[\[【(（]?(\d{3}(?:\d{2}){0,3})[\]】)）]?\s*[-－—_:：]?\s*(?=[^\d\s年.,、])(.+)$")]
    private static partial Regex CodeInName();

    /// <summary>The conversion from a printed unit to 万元: values are divided by it.</summary>
    public static decimal Scale(string? unit) => unit switch
    {
        "元" => 10_000m,
        "千元" => 10m,
        _ => 1m,
    };

    /// <summary>
    /// A table without its 行次 (栏次) columns: the line numbers a 决算 statement prints beside its names (一、一般公共预算财政拨款
    /// | 1 | 296,030.91) are neither codes nor amounts.
    /// </summary>
    private static PrintedTable WithoutLineNumbers(PrintedTable printed)
    {
        // A 栏次 header row under the names (科目名称 / 栏次, then 1 | 2 | 3 over the amounts) numbers the columns: that column
        // is the names. A line-number column holds small whole numbers only.
        bool LineNumbers(int c) => printed.ColumnPaths[c].Split('/')[^1].Replace(" ", string.Empty, StringComparison.Ordinal) is "行次" or "栏次"
            && printed.Rows.All(r => c >= r.Cells.Count || r.Cells[c].Trim() is var t && (t.Length == 0 || (t.Length <= 3 && t.All(char.IsAsciiDigit))));
        var keep = Enumerable.Range(0, printed.ColumnPaths.Count).Where(c => !LineNumbers(c)).ToList();
        return keep.Count == printed.ColumnPaths.Count
            ? printed
            : printed with
            {
                ColumnPaths = [.. keep.Select(c => printed.ColumnPaths[c])],
                Rows = [.. printed.Rows.Select(r => r with { Cells = [.. keep.Select(c => c < r.Cells.Count ? r.Cells[c] : string.Empty)] })],
            };
    }

    public static DisclosureTable Map(PrintedTable printed, string id)
    {
        printed = WithoutLineNumbers(Unsplit(printed));
        var scale = Scale(printed.Unit);
        var width = printed.ColumnPaths.Count;
        var kinds = Enumerable.Range(0, width).Select(c => KindOf(printed, c)).ToArray();
        var found = Sides(printed, kinds) is { Count: > 0 } twoSided ? twoSided : Blocks(printed, kinds);
        (int From, int To, string? Section)[] sides = found.Count > 0
            ? found.Select((s, i) => (s.From, i + 1 < found.Count ? found[i + 1].From : width, s.Section)).ToArray()
            : [(0, width, null)];
        var layouts = sides.Select(s => Layout(printed, kinds, s.From, s.To)).ToList();
        printed = LabelsAcross(printed, sides.Select(s => s.Section).ToList(), layouts);
        var valueCount = layouts.Max(l => l.Values.Count);
        var widest = layouts.OrderByDescending(l => l.Values.Count).First();
        var columns = ColumnsFor(printed, widest.Values, valueCount);

        // Side by side, each side read down in turn: all income rows, then all expenditure rows (list by list), as a reader reads.
        var rows = new List<TableRow>();
        for (var s = 0; s < sides.Length; s++)
        {
            var lastCode = new string?[3];
            foreach (var row in printed.Rows)
            {
                if (RowOf(row, layouts[s], sides[s].Section, scale, valueCount, lastCode) is { } mapped)
                {
                    rows.Add(mapped);
                }
            }
        }

        // 部门代码 024 over its units 024001, 024002: the department's row heads the table, each unit's row heads its block.
        var agencies = rows.Select(r => r.Key).Where(k => k?.StartsWith("agency:", StringComparison.Ordinal) == true).ToList();
        rows = rows.Select(r => r.Key is { } key && agencies.Any(a => a != key && a!.StartsWith(key, StringComparison.Ordinal)) ? r with { Key = "department" } : r).ToList();

        return new DisclosureTable
        {
            Id = id,
            Title = printed.Title,
            Unit = "万元",
            PrintedUnit = printed.Unit,
            Label = printed.Label,
            Decimals = scale == 1 ? 2 : 6,
            Columns = columns,
            Rows = rows,
            Note = printed.Note,
            Part = printed.Part,
            Source = new TableSource(printed.Pages),
        };
    }

    /// <summary>
    /// A Word table whose rows have cells of different widths gives the page more column rules than any row has cells, and
    /// one printed column falls into two grid columns, row by row (江苏高院 2019: 金额 | 金额, the figure now left, now right;
    /// a figure under a blank-headed column left of its header 合计). Two neighbouring columns that no row fills both of are
    /// one column when they have the same header, or when the left one has none.
    /// </summary>
    private static PrintedTable Unsplit(PrintedTable printed)
    {
        if (printed.Rows.Count == 0)
        {
            return printed;
        }

        var paths = printed.ColumnPaths.ToList();
        var cells = printed.Rows.Select(r => r.Cells.ToList()).ToList();
        for (var c = paths.Count - 2; c >= 0; c--)
        {
            var (left, right) = (Leaf(paths[c]), Leaf(paths[c + 1]));
            var sameHeader = left.Length > 0 && left == right && (Parent(paths[c]) == Parent(paths[c + 1]) || Parent(paths[c]).Length <= 2 || Parent(paths[c + 1]).Length <= 2);
            if (!(sameHeader || left.Length == 0 && right.Length > 0)
                || cells.Any(row => row[c].Trim().Length > 0 && row[c + 1].Trim().Length > 0)
                || !cells.Any(row => row[c].Trim().Length > 0))
            {
                continue;
            }

            foreach (var row in cells)
            {
                row[c] = row[c].Trim().Length > 0 ? row[c] : row[c + 1];
                row.RemoveAt(c + 1);
            }

            paths[c] = paths[c + 1].Length >= paths[c].Length ? paths[c + 1] : paths[c];
            paths.RemoveAt(c + 1);
        }

        return paths.Count == printed.ColumnPaths.Count ? printed : printed with { ColumnPaths = paths, Rows = printed.Rows.Select((r, i) => r with { Cells = cells[i] }).ToList() };

        static string Leaf(string path) => Regex.Replace(path.Split('/')[^1], @"\s", string.Empty);
        static string Parent(string path) => path.Contains('/') ? Regex.Replace(path[..path.LastIndexOf('/')], @"\s", string.Empty) : string.Empty;
    }

    /// <summary>
    /// A total printed across the 支出 lists of a 收支总表 (江苏高院 2019: 当年支出小计 merged over 功能分类 and 支出用途, its figure
    /// under the last list's 金额): the label stands in one list with no figure, the figure in a later list with no name. The
    /// row is the later list's.
    /// </summary>
    private static PrintedTable LabelsAcross(PrintedTable printed, List<string?> sections, List<SideLayout> layouts)
    {
        var lists = Enumerable.Range(0, sections.Count).Where(s => sections[s]?.StartsWith("expenditure", StringComparison.Ordinal) == true && layouts[s].Name >= 0).ToList();
        if (lists.Count < 2)
        {
            return printed;
        }

        bool Named(IReadOnlyList<string> cells, int s) => cells[layouts[s].Name].Trim().Length > 0;
        bool Figured(IReadOnlyList<string> cells, int s) => layouts[s].Values.Any(c => cells[c].Trim().Length > 0);
        var rows = printed.Rows.Select(row =>
        {
            var from = lists.FirstOrDefault(s => Named(row.Cells, s), -1);
            var to = lists.LastOrDefault(s => Figured(row.Cells, s), -1);
            if (from < 0 || to <= from || Figured(row.Cells, from) || lists.Where(s => s > from).Any(s => Named(row.Cells, s)))
            {
                return row;
            }

            var cells = row.Cells.ToArray();
            (cells[layouts[to].Name], cells[layouts[from].Name]) = (cells[layouts[from].Name], string.Empty);
            return row with { Cells = cells };
        }).ToList();
        return printed with { Rows = rows };
    }

    private enum Kind
    {
        Empty,
        Code,
        Figure,
        Text,
    }

    /// <summary>Which columns of one side hold the 预算单位 (Unit, -1 for none), the code parts, the name and the values.</summary>
    /// <param name="Parallel">A second classification printed beside the first (政府预算支出经济分类: 类 | 款 | 名称), or empty.</param>
    /// <param name="FunctionCode">The column of a project row's function code (项目支出总表), or -1.</param>
    private sealed record SideLayout(int Unit, List<int> Codes, int Name, List<int> Values, bool AgencyCodes, List<int> Parallel, int FunctionCode = -1)
    {
        /// <summary>A column of group names left of the name, under the same header (the name where the row's own is blank), or -1.</summary>
        public int Group { get; init; } = -1;
    }

    private static Kind KindOf(PrintedTable table, int column)
    {
        var cells = table.Rows.Select(r => r.Cells[column].Trim()).Where(c => c.Length > 0).ToList();
        var header = table.ColumnPaths[column];
        if (cells.Count == 0)
        {
            // A table with nothing in it (本表无数据) still names its code and name columns: they are not figures.
            var leaf = header.Split('/')[^1];
            // Codes split into 类 | 款 | 项 are codes too, and the 预算单位 column names the rows.
            leaf = Regex.Replace(leaf, @"\s", string.Empty);
            return Regex.IsMatch(leaf, "编码|代码|^[类款项]$") ? Kind.Code : Regex.IsMatch(leaf, "名称$|^项目$|^预算单位$") ? Kind.Text : Kind.Empty;
        }

        // A code column: codes, and perhaps a 合计 label printed across the code columns or in the code column itself.
        // 项目编码 run to twenty digits (13900122009); under a header that says so they are codes, not amounts.
        // Under a header that says 编码, a single digit is a code too (西安's 单位编码 1 for 全额 above 234001).
        var codes = cells.Count(c => CodeCell().IsMatch(c) || ProcurementCode().IsMatch(c) || Regex.IsMatch(c, @"^(?:\d{10,20}|\d)$") && Regex.IsMatch(header, "编码|代码|编号"));
        var labels = cells.Count(c => Regex.IsMatch(c, @"^(?:合\s*计|总\s*计|小\s*计)$"));
        if (codes > 0 && codes * 10 >= (cells.Count - labels) * 7 && cells.All(c => CodeCell().IsMatch(c) || Regex.IsMatch(c, @"^\d{10,20}$") || Regex.IsMatch(c, @"^\d$") && Regex.IsMatch(header, "编码|代码|编号") || !PdfTableReader.IsAmount(c))
            && (Regex.IsMatch(header, "编码|代码|编号|科目|^类$|/类$|/款$|/项$|^款$|^项$") || cells.Where(c => CodeCell().IsMatch(c)).All(c => c.Length <= 3)))
        {
            return Kind.Code;
        }

        // A column of years under 年度 names the rows (西安: 2021 | 2022 | 变化 down a comparison of two budgets).
        if (Regex.IsMatch(Regex.Replace(header.Split('/')[^1], @"\s", string.Empty), "^(?:年度|年份)$")
            && cells.All(c => Regex.IsMatch(c, @"^(?:19|20)\d\d年?$") || !PdfTableReader.IsAmount(c)))
        {
            return Kind.Text;
        }

        var figures = cells.Count(c => PdfTableReader.IsAmount(c) || c is "-" or "—" or "/");
        return figures * 2 >= cells.Count ? Kind.Figure : Kind.Text;
    }

    /// <summary>
    /// The sides of a 收入 | 支出 sheet, each with its first column and its section (income, expenditure, and any further
    /// 支出 list printed beside the first: Xi'an's 收支总表 prints 支出 three times, by 功能科目, by 部门预算支出经济科目 and by
    /// 政府预算支出经济分类科目); empty for a one-sided table.
    /// </summary>
    private static List<(int From, string? Section)> Sides(PrintedTable table, Kind[] kinds)
    {
        var tops = table.ColumnPaths.Select(p => Regex.Replace(p.Split('/')[0], @"\s", string.Empty)).ToList();
        var income = tops.FindIndex(t => t.Contains("收入", StringComparison.Ordinal) && !t.Contains("支出", StringComparison.Ordinal));
        var expenditure = tops.FindIndex(t => t.Contains("支出", StringComparison.Ordinal) && !t.Contains("收入", StringComparison.Ordinal));
        var start = 0;
        if (income >= 0 && income < expenditure && kinds[income..expenditure].Any(k => k == Kind.Figure)
            && Enumerable.Range(0, income).All(c => kinds[c] != Kind.Figure || IsRowNumber(table, c)))
        {
            start = expenditure;
        }
        else
        {
            // Without a 收入/支出 header: a second name column after a figure column starts the other side.
            var firstFigure = Array.IndexOf(kinds, Kind.Figure);
            if (firstFigure > 0 && kinds[0] == Kind.Text)
            {
                for (var c = firstFigure + 1; c < kinds.Length && start == 0; c++)
                {
                    if (kinds[c] == Kind.Text && kinds[(c + 1)..].Contains(Kind.Figure)
                        && table.ColumnPaths[c].Replace(" ", string.Empty, StringComparison.Ordinal) == table.ColumnPaths[0].Replace(" ", string.Empty, StringComparison.Ordinal).Replace("收入", "支出", StringComparison.Ordinal))
                    {
                        start = c;
                    }
                }
            }
        }

        if (start == 0)
        {
            return [];
        }

        var sides = new List<(int From, string? Section)> { (0, "income"), (start, "expenditure") };
        for (var c = start + 1; c < kinds.Length; c++)
        {
            if (kinds[c] == Kind.Text && kinds[c - 1] == Kind.Figure && kinds[(c + 1)..].Contains(Kind.Figure))
            {
                sides.Add((c, FurtherExpenditure(table.ColumnPaths[c].Split('/')[^1], sides.Count)));
            }
        }

        return sides;
    }

    /// <summary>
    /// One list printed in two or more blocks side by side to fill the page, each block under the same headers (上海's 决算
    /// 一般公共预算财政拨款基本支出决算表: 经济分类科目编码 | 科目名称 | 决算数, 人员经费 on the left and 公用经费 on the right);
    /// empty when the headers do not repeat. The blocks are read one after the other, as one list.
    /// </summary>
    private static List<(int From, string? Section)> Blocks(PrintedTable table, Kind[] kinds)
    {
        var leaves = table.ColumnPaths.Select(p => Regex.Replace(p.Split('/')[^1], @"\s", string.Empty)).ToList();
        for (var size = 2; size <= leaves.Count / 2; size++)
        {
            if (leaves.Count % size != 0 || leaves.Take(size).Any(l => l.Length == 0)
                || !Enumerable.Range(size, leaves.Count - size).All(c => leaves[c] == leaves[c - size])
                || !kinds.Take(size).Contains(Kind.Figure) || !kinds.Take(size).Any(k => k is Kind.Text or Kind.Code))
            {
                continue;
            }

            return Enumerable.Range(0, leaves.Count / size).Select(b => (b * size, (string?)null)).ToList();
        }

        return [];
    }

    /// <summary>The section of a further 支出 list, named by the classification its header gives.</summary>
    private static string FurtherExpenditure(string header, int ordinal) =>
        header.Contains("政府", StringComparison.Ordinal) && header.Contains("经济", StringComparison.Ordinal) ? "expenditure-government-economic"
        : header.Contains("经济", StringComparison.Ordinal) ? "expenditure-economic"
        : "expenditure-" + ordinal.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A column that numbers the rows (序号, 行次): so headed, or counting 1, 2, 3 … down its filled cells under a header that
    /// is blank or begins 序 (a narrow 序号 cell whose 号 the reader placed in the next column's header).
    /// </summary>
    private static bool IsRowNumber(PrintedTable table, int column)
    {
        var header = Regex.Replace(table.ColumnPaths[column].Split('/')[^1], @"\s", string.Empty);
        if (Regex.IsMatch(header, "^(?:序号|行次|编号)$"))
        {
            return true;
        }

        var filled = table.Rows.Select(r => r.Cells[column].Trim()).Where(c => c.Length > 0).ToList();
        return (header.Length == 0 || header.StartsWith('序')) && filled.Count >= 2
            && filled.Select((cell, i) => cell == (i + 1).ToString(CultureInfo.InvariantCulture)).All(same => same);
    }

    private static int Filled(PrintedTable table, int column) => table.Rows.Count(r => r.Cells[column].Trim().Length > 0);

    private static SideLayout Layout(PrintedTable table, Kind[] kinds, int from, int to)
    {
        var codes = new List<int>();
        var c = from;

        // A row-number column (序号, 行次) numbers the rows: neither a figure nor a name. Nor is a label merged down the whole
        // table beside its rows (重庆's 绩效指标 left of every indicator): it heads the rows and fills no cell of any.
        var numbers = new List<int>();
        while (c < to && (IsRowNumber(table, c) || kinds[c] == Kind.Empty && c + 1 < to && kinds[c + 1] == Kind.Text && Filled(table, c) == 0 && table.Rows.Count > 0))
        {
            if (Filled(table, c) > 0)
            {
                numbers.Add(c);
            }

            c++;
        }

        // In a list with no figure of its own (单位构成: 序号 | 单位名称 | 备注) the numbers are all it counts: they stay a column.
        if (Enumerable.Range(c, to - c).Any(i => kinds[i] == Kind.Figure && table.Rows.Any(r => PdfTableReader.IsAmount(r.Cells[i]))))
        {
            numbers.Clear();
        }

        // The seed's layout and Shenzhen's: a 预算单位 column before the codes, filled on the department and agency rows.
        var unit = -1;
        if (c + 1 < to && kinds[c] == Kind.Text && kinds[c + 1] == Kind.Code)
        {
            unit = c++;
        }

        // The seed's "三公" table: 预算单位 | 年度 | figures, the unit named on the first row only; the row is named by 年度.
        else if (c + 2 < to && kinds[c] == Kind.Text && kinds[c + 1] == Kind.Text && kinds[c + 2] == Kind.Figure
            && Regex.IsMatch(table.ColumnPaths[c], "单位|部门") && Filled(table, c) < Filled(table, c + 1))
        {
            unit = c++;
        }

        while (c < to && kinds[c] == Kind.Code && codes.Count < 3)
        {
            codes.Add(c++);
        }

        var name = -1;
        var group = -1;
        var before = new List<int>();

        // 深圳's 重点项目绩效目标情况: 二级预算单位名称 | 一级项目名称 | 预算数 | 绩效目标 — a list of projects, each under its unit:
        // the project names the row, the unit is a column of it.
        if (codes.Count == 0 && c + 1 < to && kinds[c] == Kind.Text && kinds[c + 1] == Kind.Text
            && Regex.IsMatch(table.ColumnPaths[c].Split('/')[^1], "单位(?:名称)?$") && Regex.IsMatch(table.ColumnPaths[c + 1].Split('/')[^1], "项目(?:名称)?$"))
        {
            before.Add(c);
            name = c + 1;
            c += 2;
        }
        // 江苏高院's 收入预算总表: 项目名称 merged over two columns, the group (一般公共预算资金, merged down its rows) and the item
        // (小计, 公共财政拨款资金): the item names the row, the group a row of its own (收入总计 across both).
        else if (codes.Count == 0 && c + 1 < to && kinds[c] == Kind.Text && kinds[c + 1] == Kind.Text
            && Regex.Replace(table.ColumnPaths[c], @"\s", string.Empty) is var path && Regex.IsMatch(path, "(?:名称|项目)$")
            && path == Regex.Replace(table.ColumnPaths[c + 1], @"\s", string.Empty))
        {
            group = c;
            name = c + 1;
            c += 2;
        }
        else if (c < to && kinds[c] == Kind.Text)
        {
            name = c++;
        }
        else if (codes.Count > 0 && c < to && kinds[c] == Kind.Empty)
        {
            name = c++;
        }

        // 西安's 政府采购预算表: 类 | 款 | 项 | 单位编码 | 采购项目 — the agency's code between the row's code (if any) and its name
        // is a column of the row (1 全额, 234001 西安市气象局), not the name.
        else if (c + 1 < to && kinds[c] is Kind.Figure or Kind.Code && kinds[c + 1] == Kind.Text
            && Regex.IsMatch(table.ColumnPaths[c], "(?:单位|部门)(?:编码|代码)"))
        {
            before.Add(c);
            name = c + 1;
            c += 2;
        }

        // Yantai, Xi'an: 部门预算支出经济分类 类 | 款 | 名称, then 政府预算支出经济分类 类 | 款 | 名称 — the second classification
        // describes the row (301 01 基本工资 is 501 01 工资奖金津补贴), it is not a figure.
        // The seed's 项目支出总表: 项目编码 | 项目名称 | 功能科目 | figures — the row's function code after its name.
        var functionCode = -1;
        if (codes.Count > 0 && name >= 0 && c + 1 < to && kinds[c] == Kind.Code && kinds[c + 1] == Kind.Figure && table.ColumnPaths[c].Contains("功能", StringComparison.Ordinal))
        {
            functionCode = c++;
        }

        var parallel = new List<int>();
        if (codes.Count > 0 && name >= 0 && functionCode < 0)
        {
            var at = c;
            while (at < to && kinds[at] == Kind.Code && parallel.Count < 3)
            {
                parallel.Add(at++);
            }

            if (parallel.Count > 0 && at < to && kinds[at] == Kind.Text)
            {
                parallel.Add(at++);
                c = at;
            }
            else
            {
                parallel.Clear();
            }
        }

        // 单位编码, 部门（单位）代码: the codes of agencies; 部门预算支出经济分类科目 names a classification, not agencies.
        var agency = codes.Any(i => Regex.IsMatch(table.ColumnPaths[i], "部门|单位") && !Regex.IsMatch(table.ColumnPaths[i], "科目|分类"));
        return new SideLayout(unit, codes, name, [.. numbers, .. before, .. Enumerable.Range(c, to - c)], agency, parallel, functionCode) { Group = group };
    }

    private static TableColumn[] ColumnsFor(PrintedTable table, List<int> values, int count)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var columns = new TableColumn[count];
        for (var i = 0; i < count; i++)
        {
            var path = i < values.Count ? table.ColumnPaths[values[i]] : string.Empty;
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var leaf = parts.Length > 0 ? parts[^1] : string.Empty;
            var group = parts.Length > 1 ? MeaningOf(parts[^2]) : null;

            // A 小计 under 一般公共预算拨款 is that group's total: the column means 一般公共预算拨款.
            var key = MeaningOf(leaf) is "total" && group is not null and not "total" ? group : MeaningOf(leaf) ?? $"c{i + 1}";
            if (!used.Add(key))
            {
                key = group is not null && used.Add($"{group}.{key}") ? $"{group}.{key}" : $"c{i + 1}";
                used.Add(key);
            }

            columns[i] = new TableColumn(key, leaf.Length > 0 ? leaf : $"第 {i + 1} 栏", path);
        }

        return columns;
    }

    private static string? MeaningOf(string header)
    {
        var text = header.Replace("其中：", string.Empty, StringComparison.Ordinal).Replace("其中:", string.Empty, StringComparison.Ordinal);
        return Core.Tables.ColumnMeanings.KeyOf(text);
    }

    private static TableRow? RowOf(PrintedRow row, SideLayout layout, string? section, decimal scale, int valueCount, string?[] lastCode)
    {
        var name = layout.Name >= 0 ? row.Cells[layout.Name].Trim() : string.Empty;
        if (name.Length == 0 && layout.Group >= 0)
        {
            name = row.Cells[layout.Group].Trim();
        }

        var code = JoinCode(layout.Codes.Select(i => row.Cells[i].Trim()).ToList(), lastCode);
        if (layout.Codes.Count == 0 && (CodeInName().Match(name) is { Success: true } found ? found : CodeDashName().Match(name)) is { Success: true } inName)
        {
            code = inName.Groups[1].Value;
            name = inName.Groups[2].Value.Trim();
        }

        var printed = layout.Values.Select(i => row.Cells[i].Trim()).ToList();
        if (name.Length == 0 && code is null && printed.All(p => p.Length == 0) && (layout.Unit < 0 || row.Cells[layout.Unit].Trim().Length == 0))
        {
            return null;
        }

        // A 合计 label printed across the code columns lands in the first code cell.
        if (name.Length == 0 && layout.Codes.Count > 0 && code is null && row.Cells[layout.Codes[0]].Trim() is { Length: > 0 } label)
        {
            name = label;
        }

        // …or in a text column beside the blank name (北京 预算06表: "合 计" under 部门支出经济分类科目): it names the row, its cell is blank.
        if (name.Length == 0 && code is null && printed.FindIndex(p => Regex.IsMatch(p, @"^(?:合\s*计|总\s*计)$")) is var labelled and >= 0
            && printed.Where((p, i) => i != labelled).Any(PdfTableReader.IsAmount))
        {
            name = Regex.Replace(printed[labelled], @"\s", string.Empty);
            printed[labelled] = string.Empty;
        }

        var unitName = layout.Unit >= 0 ? row.Cells[layout.Unit].Trim() : string.Empty;
        if (unitName.Length > 0 && name.Length == 0 && code is null)
        {
            name = unitName;
        }

        // A six-digit code (125001, 024001) in a classification's column is a 预算单位's: classification codes have 3, 5 or 7.
        var agencyCode = code is not null && (layout.AgencyCodes || code.Length == 6);
        var agency = agencyCode || unitName.Length > 0 && code is null && name == unitName;
        var values = printed.Select(p => Number(p, scale)).Concat(Enumerable.Repeat(0m, valueCount - printed.Count)).ToList();
        // A 合计 row of a one-sided table is its total, not a 预算单位 row (the rules read a row without a code as a unit).
        var total = section is null && code is null && Regex.Replace(name, @"\s", string.Empty) is "合计" or "总计" or "总合计" or "本年合计";
        return new TableRow
        {
            Section = section,
            Key = total ? "total" : agencyCode ? $"agency:{code}" : null,
            Code = agency ? null : code,
            Unit = agency ? name : null,
            Name = name,
            Level = agency || code is null ? 0 : Math.Min(3, (code.Length - 1) / 2),
            FunctionCode = layout.FunctionCode >= 0 && row.Cells[layout.FunctionCode].Trim() is { Length: > 0 } function ? function : null,
            GovernmentEconomicCode = layout.Parallel.Count > 1 && JoinCode([.. layout.Parallel[..^1].Select(i => row.Cells[i].Trim())], new string?[layout.Parallel.Count - 1]) is { } parallelCode ? parallelCode : null,
            GovernmentEconomicName = layout.Parallel.Count > 1 && row.Cells[layout.Parallel[^1]].Trim() is { Length: > 0 } parallelName ? parallelName : null,
            Values = values,
            Printed = [.. printed, .. Enumerable.Repeat(string.Empty, valueCount - printed.Count)],
        };
    }

    /// <summary>
    /// One code from its 类 | 款 | 项 cells. Some layouts print only a row's own part (01 on a 项 row under 204 | 06): the
    /// parts above are the last ones printed.
    /// </summary>
    private static string? JoinCode(List<string> parts, string?[] last)
    {
        if (parts.Count == 0 || parts.All(p => p.Length == 0)
            || parts.Any(p => p.Length > 0 && !CodeCell().IsMatch(p) && !(parts.Count == 1 && (Regex.IsMatch(p, @"^(?:\d{10,20}|\d)$") || ProcurementCode().IsMatch(p)))))
        {
            return null;
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        var deepest = parts.FindLastIndex(p => p.Length > 0);
        var joined = new List<string>();
        for (var i = 0; i <= deepest; i++)
        {
            var part = parts[i].Length > 0 ? parts[i] : last[i] ?? string.Empty;
            joined.Add(part);
            last[i] = part;
        }

        for (var i = deepest + 1; i < last.Length; i++)
        {
            last[i] = null;
        }

        // A part that already holds its parents (20406 in the 款 column) is the code itself.
        return joined[^1].Length > 3 && joined.Count > 1 && joined[^1].StartsWith(joined[0], StringComparison.Ordinal) ? joined[^1] : string.Concat(joined);
    }

    /// <summary>A printed figure in 万元: thousands separators dropped, a percentage as its number, "-" and text as 0.</summary>
    public static decimal Number(string printed, decimal scale)
    {
        var text = printed.Replace(",", string.Empty, StringComparison.Ordinal);
        var percent = text.EndsWith('%');
        return decimal.TryParse(text.TrimEnd('%'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? percent ? value : value / scale
            : 0m;
    }
}
