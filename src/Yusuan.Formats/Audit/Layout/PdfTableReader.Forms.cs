using System.Text.RegularExpressions;

namespace Yusuan.Formats.Audit.Layout;

/// <summary>
/// Forms: a 绩效目标表 is printed as a form, not a list. Its rows are a label and its value (项目名称 | 警务辅助人员经费;
/// 主管部门 | … | 实施单位 | …), then blocks under a label merged down their rows: the amounts (专项资金情况（万元）:
/// 资金总额 44.47 | 其中：财政拨款 44.47 | 其他资金 0.00), a list of tasks under their own header (年度主要任务: 任务名称 |
/// 主要内容 | 预算金额（万元）/总额 …), the indicators (绩效指标: 一级指标 | 二级指标 | 三级指标 | 指标值). Read as one
/// table its columns mean nothing (the value of 主管部门 heads a column of amounts); read block by block each block is a
/// table of its own, titled by the form and the block (…绩效目标表（专项资金情况）), and the label | value rows are a
/// table of their own under the form's title (the project named in it where the title does not name it).
/// </summary>
/// <remarks>
/// Rows keep the page's shape: a block's rows are named by their first column (资金总额; 任务名称 基本履职; 一级指标
/// 产出指标), and a cell merged down several rows is given once, on its first row, as in a list; a block whose first column
/// holds figures (北京's 总体资金情况 row of seven amounts) has its rows named by the block's label.
/// </remarks>
public static partial class PdfTableReader
{
    /// <summary>What a form states by name: the project, policy or department (项目名称, 部门（单位）名称).</summary>
    private const string Named = "(?:专项（项目）|项目|政策|政策和项目|部门（单位）|部门|单位|预算单位)名称";

    /// <summary>The label of a form's first row: the project, policy or department it states.</summary>
    [GeneratedRegex("^" + Named + "$")]
    private static partial Regex FormName();

    /// <summary>Labels of a form's label | value rows.</summary>
    [GeneratedRegex("^(?:" + Named + "|主管部门(?:及代码)?|实施单位|项目单位|预算单位|项目类别|项目期限|项目属性)$")]
    private static partial Regex FormLabel();

    /// <summary>A cell only a performance form prints: the sign that a 名称 row heads a form and not a list's header.</summary>
    [GeneratedRegex("^(?:[一二三]级指标|指标值|指标内容|绩效指标|(?:年度|总体|整体)?(?:绩效)?目标|年度主要任务)$")]
    private static partial Regex FormSign();

    /// <summary>Words of a header cell of a block of a form.</summary>
    [GeneratedRegex("指标|名称|内容|金额|总额|合计|资金|支出|性质|单位|权重|任务|活动|预算数|执行数|执行率|分值|得分|完成值")]
    private static partial Regex FormHeaderWord();

    /// <summary>A header cell no row of a block repeats: where a list is under way, only such a row starts another.</summary>
    [GeneratedRegex("^(?:[一二三]级指标|指标值|指标名称|指标内容|任务名称|主要内容)$")]
    private static partial Regex FormHeader();

    [GeneratedRegex(@"[（(]\s*(万元|千元|元)\s*[）)]")]
    private static partial Regex FormUnit();

    private sealed record FormCell(int Column, int Columns, int Rows, string Text)
    {
        public int End => Column + Columns;
    }

    private sealed class FormBlock
    {
        public string? Label { get; set; }

        public string? Unit { get; set; }

        /// <summary>The grid column of the sub-labels of label | amount rows.</summary>
        public int Column { get; init; } = -1;

        /// <summary>Grid columns [From, To), their rules and the header path of each column; empty for label | amount rows.</summary>
        public List<(int From, int To, double Left, double Right, string Path)> Columns { get; } = [];

        public List<List<string>> Rows { get; } = [];

        public bool Listed => Columns.Count > 0;
    }

    /// <summary>
    /// A grid that is a form: its first row states a 名称 and its value, or an indicator header (一级指标 | 二级指标) stands
    /// below a row of figures.
    /// </summary>
    /// <param name="afterForm">The grid has no title and a form ends on this page or the one before: a grid of the form's
    /// indicators (一级指标 | 二级指标 …) goes on with it.</param>
    private static bool IsForm(RuledGrid grid, string[,] cells, int skip, bool afterForm)
    {
        // The first row, or one under a subtitle ruled into the sheet (北京: （2026年度）).
        for (var r = skip; r < Math.Min(grid.Rows, skip + 2); r++)
        {
            var first = FormCells(grid, cells, r).SkipWhile(c => c.Text.Length == 0).ToList();
            // 项目名称 | 警务辅助人员经费 (or blank, in a form left empty), not a list's header (单位名称 | 合计 | 财政拨款 …).
            if (first.Count >= 2 && FormName().IsMatch(first[0].Text) && first.Skip(2).All(c => c.Text.Length == 0 || FormLabel().IsMatch(c.Text))
                && !Regex.IsMatch(first[1].Text, "合计|总计|小计|金额|预算|收入|支出|资金|数$") && !FormLabel().IsMatch(first[1].Text)
                && Enumerable.Range(r + 1, grid.Rows - r - 1).Any(k => FormCells(grid, cells, k).Any(c => FormLabel().IsMatch(c.Text) || FormSign().IsMatch(c.Text))))
            {
                return true;
            }
        }

        var figures = afterForm;
        for (var r = skip; r < grid.Rows; r++)
        {
            if (figures && Holds(grid, cells, r, "一级指标") && Holds(grid, cells, r, "二级指标"))
            {
                return true;
            }

            figures = figures || IsDataRow(grid, cells, r);
        }

        return false;
    }

    /// <summary>Whether a cell of the row reads the text, spaces aside (一 级 指 标).</summary>
    private static bool Holds(RuledGrid grid, string[,] cells, int row, string text)
    {
        for (var c = 0; c < grid.Columns; c++)
        {
            if (grid.IsCellStart(row, c) && cells[row, c].Contains(text[^1]) && Regex.Replace(cells[row, c], @"\s", string.Empty) == text)
            {
                return true;
            }
        }

        return false;
    }

    private static List<FormCell> FormCells(RuledGrid grid, string[,] cells, int row) =>
        Enumerable.Range(0, grid.Columns).Where(c => grid.IsCellStart(row, c))
            .Select(c => (Column: c, Span: grid.Span(row, c)))
            .Select(c => new FormCell(c.Column, c.Span.Columns, c.Span.Rows, Regex.Replace(cells[row, c.Column], @"\s", string.Empty)))
            .ToList();

    private static void ReadForm(int page, RuledGrid grid, string[,] cells, int skip, Heading heading, List<Builder> tables)
    {
        var fields = new List<List<string>>();
        var blocks = new List<FormBlock>();
        FormBlock? block = null;
        (string Label, int End, int Right)? group = null;

        void Flush()
        {
            AddForm(page, heading, fields, blocks, tables);
            fields = [];
            blocks = [];
            block = null;
        }

        for (var r = skip; r < grid.Rows; r++)
        {
            // A block ends with its label; a list goes on below it while its rows keep to its columns.
            if (group is { } g && r >= g.End)
            {
                (group, block) = (null, block is { Listed: true } ? block : null);
            }

            var all = FormCells(grid, cells, r);
            var filled = all.Where(c => c.Text.Length > 0).ToList();
            if (filled.Count == 0)
            {
                continue;
            }

            // A label merged down several rows, with cells right of it: a block (in a list, left of the list's columns; a
            // cell of the list merged down is the list's).
            if (group is null && filled[0].Rows > 1 && filled.Count > 1 && !IsAmount(filled[0].Text) && !FormLabel().IsMatch(filled[0].Text)
                && (block is not { Listed: true } || filled[0].Column < block.Columns[0].From))
            {
                group = (filled[0].Text, r + filled[0].Rows, filled[0].End);
                block = null;
            }

            // A list whose first column has no header, and a label in it merged down the rest of the grid (西安: 年度绩效指标
            // beside every indicator): the label is the list's.
            if (group is null && block is { Listed: true, Rows.Count: 0 } opened && opened.Columns[0].Path.Length == 0
                && filled[0].Column == opened.Columns[0].From && filled[0].Rows > 2 && r + filled[0].Rows >= grid.Rows && filled.Count > 1)
            {
                group = (filled[0].Text, r + filled[0].Rows, opened.Columns[0].To);
                opened.Columns.RemoveAt(0);
                block = new FormBlock { Label = filled[0].Text, Unit = opened.Unit };
                block.Columns.AddRange(opened.Columns);
                blocks[^1] = block;
            }

            var row = group is { } inGroup ? all.Where(c => c.Column >= inGroup.Right).ToList() : all;
            filled = row.Where(c => c.Text.Length > 0).ToList();
            if (filled.Count == 0)
            {
                continue;
            }

            var amounts = filled.Any(c => IsAmount(c.Text));
            if (FormName().IsMatch(filled[0].Text) && (blocks.Count > 0 || fields.Any(f => FormName().IsMatch(f[0]))))
            {
                // The next project's form in the same grid.
                Flush();
            }

            // label | value rows: 项目名称 | …; 主管部门 | … | 实施单位 | …; 总体目标 | (a sentence); 备注 | (blank).
            var pairs = !amounts && (FormLabel().IsMatch(filled[0].Text) && Enumerable.Range(0, filled.Count).Where(i => i % 2 == 0).All(i => FormLabel().IsMatch(filled[i].Text))
                || block is null && group is null && filled.Count <= 2 && (filled.Count == 1 || filled[1].Columns > 1 || filled[1].Text.Length > 15)
                || block is { Listed: true } && group is null && filled.Count == 1 && filled[0].Column <= block.Columns[0].From);
            if (pairs)
            {
                // Each label with the cell after it, blank or not (项目名称 | | 主管部门 | in a form left empty).
                var stated = row.SkipWhile(c => c.Text.Length == 0).ToList();
                for (var i = 0; i < stated.Count; i++)
                {
                    var label = stated[i].Text;
                    var value = i + 1 < stated.Count && !FormLabel().IsMatch(stated[i + 1].Text) ? stated[++i].Text : string.Empty;
                    if (label.Length > 0)
                    {
                        fields.Add([label, value]);
                    }
                }

                block = group is null ? null : block;
                continue;
            }

            // A header row: no figure, words of a header; as deep as its tallest cell.
            // (西安 prints the total of the indicators' weights in their header: 分值权重指标值（分） | 90.)
            if ((!amounts || filled.Count(c => FormHeader().IsMatch(c.Text)) >= 2) && filled.Count >= 2 && filled.Any(c => FormHeaderWord().IsMatch(c.Text))
                && filled.All(c => c.Text.Length <= 24)
                && (block is not { Listed: true } || group is null && filled.Any(c => FormHeader().IsMatch(c.Text))))
            {
                var depth = filled.Max(c => c.Rows);
                var last = Math.Min(grid.Rows - 1, r + depth - 1);

                // A cell merged down beside the data (西安: 执行率分值（10分） right of the first tasks) is no deeper header: the
                // header ends above the first row of figures.
                for (var d = r + 1; d <= last; d++)
                {
                    if (IsDataRow(grid, cells, d))
                    {
                        last = d - 1;
                        break;
                    }
                }

                block = new FormBlock { Label = group?.Label, Unit = Unit(group?.Label) };
                var from = group?.Right ?? 0;
                for (var c = from; c < grid.Columns;)
                {
                    var (top, start) = grid.CellOf(last, c);
                    var end = top < r ? c + 1 : start + grid.Span(top, start).Columns;
                    block.Columns.Add((c, end, grid.Xs[c], grid.Xs[end], HeaderPath(grid, cells, r, last + 1, c)));
                    c = end;
                }

                blocks.Add(block);
                r = last;
                continue;
            }

            if (block is { Listed: true } list)
            {
                var cellsOfRow = Enumerable.Repeat(string.Empty, list.Columns.Count).ToList();
                foreach (var cell in filled)
                {
                    var at = Math.Max(0, list.Columns.FindLastIndex(k => k.From <= cell.Column));
                    cellsOfRow[at] = cellsOfRow[at].Length == 0 ? cell.Text : cellsOfRow[at] + cell.Text;
                }

                // A name wrapped over a rule inside its cell: the rest of it, alone on the row, belongs to the row above.
                if (group is not null && list.Rows.Count > 0 && filled.Count == 1 && cellsOfRow[0].Length > 0 && !amounts)
                {
                    list.Rows[^1][0] += cellsOfRow[0];
                    continue;
                }

                list.Rows.Add(cellsOfRow);
                continue;
            }

            // A block's label wrapped over rows of its own rules (西安: 资金金额 | 实施期资金总额： | 1715.97, then （万元） |
            // 其中：财政拨款 | 1715.97, then 其他资金 with its amount blank): label | sub-label | amount rows.
            if (group is null && block is not { Listed: true } && (amounts && filled.Count >= 3 && !IsAmount(filled[0].Text) && !IsAmount(filled[1].Text)
                || block is { Rows.Count: > 0 } && filled.Count == 1 && filled[0].Column == block.Column))
            {
                var wrapped = filled.Count >= 3 ? filled[0].Text : null;
                if (block is null || wrapped is not null && !wrapped.StartsWith('（') && !wrapped.StartsWith('('))
                {
                    block = new FormBlock { Label = wrapped, Unit = Unit(wrapped), Column = filled[^2].Column };
                    blocks.Add(block);
                }
                else if (wrapped is not null)
                {
                    block.Label += wrapped;
                    block.Unit ??= Unit(block.Label);
                }

                block.Rows.Add([.. filled.Skip(filled.Count >= 3 ? 1 : 0).Select(c => c.Text)]);
                continue;
            }

            if (group is not null && amounts)
            {
                // label | amount rows under a block's label (资金总额 | 44.47).
                if (block is null)
                {
                    block = new FormBlock { Label = group.Value.Label, Unit = Unit(group.Value.Label) };
                    blocks.Add(block);
                }

                block.Rows.Add([.. filled.Select(c => c.Text)]);
                continue;
            }

            // What is left is text: under a block's label (总体目标: 年度目标 …), or a label and its value.
            fields.Add(group is { } text && (filled.Count == 1 || filled[0].Text == text.Label)
                ? [text.Label, string.Join(string.Empty, filled.Skip(filled[0].Text == text.Label ? 1 : 0).Select(c => c.Text))]
                : [filled[0].Text, string.Join(string.Empty, filled.Skip(1).Select(c => c.Text))]);
        }

        Flush();
    }

    private static string? Unit(string? label) => label is not null && FormUnit().Match(label) is { Success: true } unit ? unit.Groups[1].Value : null;

    /// <summary>The form's label | value rows and each of its blocks, as tables in their order on the page.</summary>
    private static void AddForm(int page, Heading heading, List<List<string>> fields, List<FormBlock> blocks, List<Builder> tables)
    {
        if (fields.Count == 0 && blocks.All(b => b.Rows.Count == 0))
        {
            return;
        }

        // A form with no title of its own under the one before it (the next project's, on the same page or the next) is
        // another form of the same table.
        var title = heading.Title ?? (tables.Count > 0 && tables[^1] is { Form: { } before } last && last.LastPage >= page - 1 ? before : string.Empty);

        // A project's or policy's form names it in its blocks' parts (two forms under one title); a department's does not.
        var named = fields.FirstOrDefault(f => FormName().IsMatch(f[0]) && Regex.IsMatch(f[0], "项目|政策"))?[1];
        var project = named is { Length: > 0 } && !Regex.Replace(title, @"\s", string.Empty).Contains(named, StringComparison.Ordinal) ? named : null;
        string? PartOf(string? block) => new[] { project, block }.Where(p => p is { Length: > 0 }).ToList() is { Count: > 0 } parts ? string.Join("，", parts) : null;

        Builder Add(string? part, string? unit, List<string> paths, List<(double Left, double Right)>? bounds = null, bool labelled = false)
        {
            var builder = new Builder
            {
                Title = title,
                Titled = title.Length > 0,
                Form = title,
                Part = part,
                Labelled = labelled,
                Label = heading.Label,
                Unit = unit ?? heading.Unit,
                Paths = paths,
                Bounds = bounds ?? [.. paths.Select(_ => (0.0, 0.0))],
            };
            builder.Pages.Add(page);
            builder.LastPage = page;
            tables.Add(builder);
            return builder;
        }

        if (fields.Count > 0)
        {
            var table = Add(PartOf(null), null, [string.Empty, "内容"]);
            table.Rows.AddRange(fields.Select(f => new PrintedRow(page, f)));
        }

        foreach (var block in blocks.Where(b => b.Rows.Count > 0))
        {
            var label = block.Label is { } l ? FormUnit().Replace(l, string.Empty)
                : block.Columns.Any(c => c.Path.Contains("指标", StringComparison.Ordinal)) ? "绩效指标"
                : block.Columns.Select(c => c.Path).FirstOrDefault(p => p.Length > 0);
            if (!block.Listed)
            {
                var width = block.Rows.Max(r => r.Count);
                var table = Add(PartOf(label), block.Unit, [string.Empty, .. Enumerable.Range(0, width - 1).Select(i => i == 0 ? block.Label ?? string.Empty : $"{block.Label}/{i + 1}")]);
                table.Rows.AddRange(block.Rows.Select(r => new PrintedRow(page, [.. r, .. Enumerable.Repeat(string.Empty, width - r.Count)])));
                continue;
            }

            // A first column of figures is no name: the block's label names its rows.
            var unnamed = block.Rows.Any(r => IsAmount(r[0]));
            var paths = block.Columns.Select(c => c.Path).ToList();
            var bounds = block.Columns.Select(c => (c.Left, c.Right)).ToList();
            var listed = Add(PartOf(label), block.Unit, unnamed ? [string.Empty, .. paths] : paths, unnamed ? [(0.0, 0.0), .. bounds] : bounds, labelled: block.Label is not null);
            listed.Rows.AddRange(block.Rows.Select(r => new PrintedRow(page, unnamed ? [block.Label ?? string.Empty, .. r] : r)));
        }
    }
}
