using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;

namespace Yusuan.Formats.Audit.Layout;

/// <summary>
/// Reads the printed tables of a PDF from its ruled cells: the page's rules give a grid (<see cref="RuledGrid"/>), each glyph
/// goes into the cell that holds its centre, header rows give each column its path, and the lines above a grid give its
/// title, label and unit. A grid with no title of its own (or the same title again, or 续表) with its columns continues the
/// table before it, over as many pages as it runs; its repeated header is not read again as data.
/// </summary>
public static partial class PdfTableReader
{
    [GeneratedRegex(@"单位\s*[：:]\s*(万元|千元|元)")]
    private static partial Regex UnitText();

    [GeneratedRegex(@"^(?:附|公开|单位预算|部门预算|预算|部门|单位)?\s*(?:表\s*[0-9一二三四五六七八九十]+(?:\s*[-—–]\s*\d+)?|\d+\s*表)(?=\s|$|[\u4e00-\u9fff])")]
    private static partial Regex LabelText();

    [GeneratedRegex(@"^[-—–\s第页]*\d+[-—–\s页]*$|^第\s*\d+\s*页")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?:部门|单位|预算单位|预算主管部门|主管部门|编制单位|编制部门|填报单位)(?:名称)?(?:（单位）|\(单位\))?\s*[：:]")]
    private static partial Regex IssuerText();

    [GeneratedRegex(@"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$|^-?\.\d+$")]
    private static partial Regex Amount();

    /// <summary>A numbered heading of the text (三、部门预算单位构成; （一）机构设置), no sentence.</summary>
    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])\s*[^，,。；;：:]{2,24}$")]
    private static partial Regex SectionHeading();

    /// <summary>A heading numbered in figures (1、一般公共预算当年拨款规模变化情况), no sentence.</summary>
    [GeneratedRegex(@"^\d{1,2}、\s*[^，,。；;：:]{2,30}$")]
    private static partial Regex NumberedHeading();

    /// <summary>Reads the tables of one document as its pages are given, in order (the caller reads each page once for its lines too).</summary>
    public sealed class Collector
    {
        private readonly List<Builder> tables = [];

        /// <summary>The text lines of the last page read below its last grid (all its lines where it has none).</summary>
        private List<string> trailing = [];

        public void Add(Page page) => trailing = ReadPage(page, tables, trailing);

        /// <summary>
        /// Adds a table whose cells the source states (a worksheet's rows, an HTML or Word table): the text of each cell by row
        /// and column, the merged cells (top-left row and column, rows and columns spanned), on the given page (a sheet's
        /// number). Title, unit and header rows inside it are read as on a ruled page.
        /// </summary>
        public void Add(int page, IReadOnlyList<IReadOnlyList<string>> rows, IEnumerable<(int Row, int Column, int Rows, int Columns)> merges, IReadOnlyList<string>? above = null) =>
            ReadCells(page, rows, merges, above ?? [], tables);

        /// <summary>
        /// Whether a table of stated cells is within any budget's size (at most 20,000 rows and 256 columns): a larger one is
        /// left as lines, so that time and memory stay bounded. Readers ask before they lay a table out.
        /// </summary>
        public static bool Fits(int rows, int columns) => rows is > 0 and <= 20_000 && columns <= 256;

        /// <summary>
        /// The line printed just under the last table added: where it notes the table (注：…, 本表本年无发生额。) it is kept as
        /// that table's note.
        /// </summary>
        /// <returns>Whether the line is such a note.</returns>
        public bool LineUnder(string text)
        {
            if (tables.Count > 0 && (IsNote(text) || text.StartsWith("本表", StringComparison.Ordinal)))
            {
                // A note of several lines (注：1.… / 注：2.…) is kept whole.
                tables[^1].Note = tables[^1].Note is { } before ? before + Note(text) : Note(text);
                return true;
            }

            return false;
        }

        public List<PrintedTable> Tables() => Built(tables);
    }

    private static List<PrintedTable> Built(List<Builder> tables) =>
        tables.Where(t => t.Rows.Count > 0 || t.Titled).Select(t => t.Build()).ToList();

    /// <summary>A table's note without its 注：.</summary>
    private static string Note(string text) => text.TrimStart('（', '(', '备', '注', '：', ':', ' ').TrimEnd('）', ')', ' ');

    /// <summary>A line that notes the table above it: 注：…, 备注：…, or either in brackets (（注：…没有…的支出。）).</summary>
    private static bool IsNote(string text) => text.TrimStart('（', '(', ' ') is var bare && (bare.StartsWith('注') || bare.StartsWith("备注", StringComparison.Ordinal));

    /// <summary>The text lines of the glyphs outside every grid of a reading (titles, units, notes, page numbers).</summary>
    private static List<TextLine> Outside(List<RuledGrid> grids, List<Letter> letters) =>
        TextLines(letters.Where(l => !grids.Any(g => g.Locate(CentreX(l), CentreY(l)) is not null)).ToList());

    /// <summary>Every amount on the page lies inside the grids, and no cell holds two amounts that finer rules might part.</summary>
    private static bool Settled(List<TextLine> outside, List<string[,]> texts)
    {
        // A figure has a point or a thousands separator; a page number or a year outside the grids is no figure.
        if (outside.SelectMany(l => l.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Any(t => IsAmount(t) && (t.Contains('.') || t.Contains(','))))
        {
            return false;
        }

        return texts.All(t => t.Cast<string>().All(cell => cell.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Count(IsAmount) < 2));
    }

    private static void ReadCells(int page, IReadOnlyList<IReadOnlyList<string>> rows, IEnumerable<(int Row, int Column, int Rows, int Columns)> merges, IReadOnlyList<string> above, List<Builder> tables)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        if (rows.Count == 0 || width == 0)
        {
            return;
        }

        var grid = RuledGrid.FromCells(rows.Count, width, merges);
        var cells = new string[rows.Count, width];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < width; c++)
            {
                cells[r, c] = grid.IsCellStart(r, c) && c < rows[r].Count ? Digits.Ascii(rows[r][c].Trim()) : string.Empty;
            }
        }

        var rowLines = Enumerable.Range(0, rows.Count)
            .Select(r => Enumerable.Range(0, width).Where(c => grid.IsCellStart(r, c) && cells[r, c].Length > 0).Select(c => cells[r, c].Replace('\n', ' ')).ToList())
            .Select(texts => texts.Count == 0 ? new List<string>() : [string.Join(' ', texts)])
            .ToList();
        var inside = HeadingRows(grid, cells, rowLines);
        ReadGrid(page, grid, cells, inside, ReadHeading([.. above, .. rowLines.Take(inside).SelectMany(r => r)]), tables, measured: false);
    }

    /// <returns>The text lines below the page's last grid, or all its lines where it has none: what a table at the top of the
    /// next page may be headed by.</returns>
    private static List<string> ReadPage(Page page, List<Builder> tables, List<string> trailing)
    {
        var letters = Deduplicated(page.Letters);

        // The reading whose grids hold the most figures, the likelier first on a tie. The first reading settles it when every
        // figure of the page is alone in one of its cells: no other reading can hold more.
        (List<RuledGrid> Grids, List<string[,]> Texts) best = ([], []);
        List<TextLine>? bestOutside = null;
        var most = -1;
        var first = true;
        foreach (var rulings in PageRulings.Candidates(page))
        {
            var found = RuledGrid.Find(rulings).Select(g => (Grid: g, Texts: CellTexts(g, letters))).Where(g => !IsProse(g.Texts)).ToList();
            var read = (Grids: found.Select(g => g.Grid).ToList(), Texts: found.Select(g => g.Texts).ToList());
            var figures = read.Texts.Sum(t => t.Cast<string>().Count(IsAmount));
            var outside = first && found.Count > 0 ? Outside(read.Grids, letters) : null;
            if (figures > most)
            {
                (best, most, bestOutside) = (read, figures, outside);
            }

            if (outside is not null && Settled(outside, read.Texts))
            {
                break;
            }

            first = false;
        }

        var (grids, texts) = best;
        if (grids.Count == 0)
        {
            return TextLines(letters).Select(l => l.Text).ToList();
        }

        var lines = bestOutside ?? Outside(grids, letters);
        var above = page.Height + 1;
        foreach (var (grid, cells) in grids.Zip(texts))
        {
            var rowLines = RowLines(grid, letters);
            var inside = HeadingRows(grid, cells, rowLines);
            var headingLines = lines.Where(l => l.Y > grid.Top && l.Y < above).Select(l => l.Text)
                .Concat(rowLines.Take(inside).SelectMany(r => r))
                .ToList();
            var heading = ReadHeading(headingLines);
            // A table at the top of a page, with nothing above it, under a numbered heading at the foot of the page before
            // (西安 p9 "1、一般公共预算当年拨款规模变化情况", then its paragraph; the table on p10): the heading titles it. A table
            // that runs on from the page before has no heading after its last grid there.
            if (above > page.Height && heading is { Title: null, Label: null } && Carried(trailing) is { } carried)
            {
                heading = heading with { Title = carried };
            }

            above = grid.Bottom;
            ReadGrid(page.Number, grid, cells, inside, heading, tables);
        }

        // A note printed under the last table of the page belongs to it (注：本表无数据 …, 备注：本部门没有 … 故本表无数据。).
        if (tables.Count > 0 && lines.Where(l => l.Y < above).Select(l => l.Text.Trim()).FirstOrDefault(IsNote) is { } note)
        {
            tables[^1].Note ??= Note(note);
        }

        return lines.Where(l => l.Y < above).Select(l => l.Text).ToList();
    }

    /// <summary>The last numbered heading (三、…, （一）…, 1、…) among the lines at the foot of a page, or null.</summary>
    private static string? Carried(List<string> lines) =>
        lines.Select(l => l.Trim()).LastOrDefault(t => SectionHeading().IsMatch(t) || NumberedHeading().IsMatch(t));

    /// <summary>
    /// A "grid" that is running text cut into pieces by rectangles nobody sees (深圳市民政局's prose pages: a clipping path
    /// around every run of text): most of its rows read as sentences (，。) and a year or a figure with thousands separators is
    /// cut across two of its cells ("2 | 025 年", "1 | 4,309.95 万元"). No table prints a sentence in most rows and such a
    /// figure over a rule. The unit cut from its figure and from itself ("22,701.77 | 万 | 元。") is a sign on its own: no table
    /// prints 万 alone in a cell with 元… in the next, or 万 alone after an amount at the end of a row (元 wrapped to the next
    /// line); nor a count with its measure alone in the next cell and the sentence going on in the one after, from its
    /// punctuation ("1 | 辆 | 、应急保障用车", "2025 | 年 | 年初预算；"), or a year cut from its 年 ("1.2025 | 年 | 年初…").
    /// (A 绩效目标表's "10 | 个 | 完成10个项目。" is not taken for prose.) (Cut figures without separators, "9 | 76.21", are not taken as the sign:
    /// a 序号 beside an amount reads the same.)
    /// </summary>
    private static bool IsProse(string[,] texts)
    {
        var (rows, columns) = (texts.GetLength(0), texts.GetLength(1));
        var (filled, sentences, cut, split, measured) = (0, 0, 0, 0, 0);
        for (var r = 0; r < rows; r++)
        {
            var cells = Enumerable.Range(0, columns).Select(c => texts[r, c].Trim()).Where(t => t.Length > 0).ToList();
            if (cells.Count == 0)
            {
                continue;
            }

            filled++;
            sentences += cells.Any(t => t.Contains('，') || t.Contains('。')) ? 1 : 0;
            cut += cells.Zip(cells.Skip(1)).Count(p => Regex.IsMatch(p.First, @"^\d{1,3}$")
                && (p.Second.StartsWith(',') || Regex.IsMatch(p.First + p.Second, @"^(?:20\d\d(?!\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?)")));
            split += cells.Zip(cells.Skip(1)).Count(p => p.First == "万" && p.Second.StartsWith('元'))
                + (cells.Count >= 2 && cells[^1] == "万" && Regex.IsMatch(cells[^2], @"^\d[\d,]*\.\d+$") ? 1 : 0);
            measured += cells.Zip(cells.Skip(1), cells.Skip(2)).Count(p => Regex.IsMatch(p.First, @"^\d[\d,.]*$") && p.Second is "年" or "辆" or "台" or "个" or "人" or "项"
                && (p.Third.Length > 0 && p.Third[0] is '、' or '，' or '；' or '。' || p.Third.Contains('；') || p.Second == "年" && Regex.IsMatch(p.First, @"20\d\d$")));
        }

        return filled > 0 && (sentences * 2 >= filled && cut > 0 || split > 0 || measured > 0);
    }

    /// <param name="Contents">The grid is a 目录 (目录, 报表目录 above or in it): a list of tables, not a table.</param>
    private sealed record Heading(string? Title, string? Label, string? Unit, bool Continued, bool Contents = false);

    /// <summary>
    /// A table's title broken over two lines, joined: a bracket opened on one line and closed on the next (西安:
    /// "…一般公共预算支出明细表（按支出功能分类科" / "目-不含上年结转）"), or a line ending in a conjunction before the line
    /// that names the table ("…“三公”经费及" / "会议费、培训费支出预算表（不含上年结转）").
    /// </summary>
    private static List<string> JoinBrokenTitles(List<string> lines)
    {
        var joined = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Trim();
            var next = i + 1 < lines.Count ? lines[i + 1].Trim() : string.Empty;
            var unclosed = text.LastIndexOf('（') > text.LastIndexOf('）') && text.Contains('表', StringComparison.Ordinal);
            var closes = next.Length is > 0 and <= 30 && next.Contains('）', StringComparison.Ordinal) && !next.Contains('（', StringComparison.Ordinal) && next.IndexOf('）') < next.Length && !next.Contains('表', StringComparison.Ordinal);
            var dangling = text.Length is > 4 and <= 60 && !text.Contains('表', StringComparison.Ordinal) && text.IndexOfAny(['：', ':', '。', '，']) < 0
                && (text.EndsWith('及') || text.EndsWith('和') || text.EndsWith('与') || text.EndsWith('、'))
                && next.Length is > 0 and <= 60 && next.Contains('表', StringComparison.Ordinal) && next.IndexOfAny(['：', ':', '。']) < 0;
            if ((unclosed && closes) || dangling)
            {
                joined.Add(text + next);
                i++;
            }
            else
            {
                joined.Add(lines[i]);
            }
        }

        return joined;
    }

    /// <summary>The title, label and unit printed above a grid (nearest line first); page numbers and issuer lines are not titles.</summary>
    private static Heading ReadHeading(List<string> lines)
    {
        lines = JoinBrokenTitles(lines);
        string? named = null, section = null, title = null, introduction = null, label = null, unit = null;
        var continued = false;
        var contents = false;
        foreach (var raw in Enumerable.Reverse(lines))
        {
            var text = raw.Trim();
            contents |= Regex.Replace(text, @"\s", string.Empty) is "目录" or "报表目录" or "公开报表目录" or "附表目录";
            if (UnitText().Match(text) is { Success: true } u)
            {
                unit ??= u.Groups[1].Value;
                text = text[..u.Index].Trim();
            }

            if (IssuerText().IsMatch(text) || PageNumber().IsMatch(text) || text.Length == 0)
            {
                continue;
            }

            if (text.Contains("续表", StringComparison.Ordinal) || text.Contains("（续）", StringComparison.Ordinal))
            {
                continued = true;
                text = text.Replace("（续表）", string.Empty, StringComparison.Ordinal).Replace("(续表)", string.Empty, StringComparison.Ordinal)
                    .Replace("续表", string.Empty, StringComparison.Ordinal).Replace("（续）", string.Empty, StringComparison.Ordinal).Trim();
            }

            if (LabelText().Match(text) is { Success: true } l)
            {
                label ??= Regex.Replace(l.Value, @"\s", string.Empty);
                text = text[l.Length..].Trim();
            }

            if (text.Length == 0 || text.EndsWith("部分", StringComparison.Ordinal) || text.StartsWith("第", StringComparison.Ordinal) && text.Contains("部分", StringComparison.Ordinal))
            {
                continue;
            }

            // The nearest line that names a table (…表), else the nearest section heading (三、部门预算单位构成), else the nearest
            // line that introduces the table (…详细情况见下表：), else the nearest short line that is not a sentence.
            if (text.Length <= 120 && (text.EndsWith('：') || text.EndsWith(':')))
            {
                introduction ??= text;
            }
            else if (text.Length <= 60 && !text.EndsWith('。'))
            {
                if (text.Contains('表', StringComparison.Ordinal))
                {
                    named ??= text;
                }
                else if (SectionHeading().IsMatch(text))
                {
                    section ??= text;
                }
                else if (text.Length <= 30 && text.IndexOfAny(['，', ',', '。', '；', ';']) < 0)
                {
                    title ??= text;
                }
            }
        }

        return new Heading(named ?? section ?? introduction ?? title, label, unit, continued, contents);
    }

    /// <summary>
    /// Leading rows of a grid that hold the table's title, issuer or unit rather than its header: some producers rule the title
    /// into the sheet, as one cell across the table or as issuer and unit cells.
    /// </summary>
    /// <remarks>
    /// A row is read as heading by its lines across the grid (<paramref name="rowLines"/>), not cell by cell: a title centred
    /// over cells whose rules are drawn (the Beijing 报表: "预算02表 收入总表" over three cells) falls into several of them.
    /// Read so, only the first three rows can be heading: title, issuer and unit; a 目录 ruled as a grid is not a heading.
    /// </remarks>
    private static int HeadingRows(RuledGrid grid, string[,] cells, List<List<string>> rowLines)
    {
        var rows = 0;
        while (rows < grid.Rows)
        {
            var titled = rows < 3 && rowLines[rows].Count is > 0 and <= 3 && rowLines[rows].All(IsHeadingLine);
            if (!titled && IsDataRow(grid, cells, rows))
            {
                break;
            }

            var filled = Enumerable.Range(0, grid.Columns).Where(c => grid.IsCellStart(rows, c) && cells[rows, c].Length > 0).ToList();
            var heading = titled || filled.All(c =>
                grid.Span(rows, c).Columns * 2 > grid.Columns && grid.Columns > 1
                || cells[rows, c].Split('\n').All(t => UnitText().IsMatch(t) || IssuerText().IsMatch(t) || LabelText().Match(t).Length == t.Trim().Length));
            if (!heading)
            {
                break;
            }

            rows++;
        }

        return rows;
    }

    /// <summary>A line above a table's header: its unit, issuer, label, or a title naming a table (…表) with no figure in it.</summary>
    private static bool IsHeadingLine(string line)
    {
        var text = line.Trim();
        if (UnitText().Match(text) is { Success: true } unit)
        {
            // The unit alone or beside an issuer or label (金额单位：万元); a header cell 预算数（单位：万元） is not a heading.
            var rest = text.Remove(unit.Index, unit.Length).Replace("金额", string.Empty, StringComparison.Ordinal).Trim(' ', '（', '）', '(', ')');
            return rest.Length == 0 || IsHeadingLine(rest);
        }

        if (IssuerText().IsMatch(text) || LabelText().Match(text).Length == text.Length)
        {
            return true;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return text.Contains('表', StringComparison.Ordinal) && Regex.Replace(text, @"\s", string.Empty).Length >= 4 && !words.Any(IsAmount);
    }

    /// <summary>The text lines of each grid row, read across its cells left to right.</summary>
    private static List<List<string>> RowLines(RuledGrid grid, List<Letter> letters)
    {
        var inRow = Enumerable.Range(0, grid.Rows).Select(_ => new List<Letter>()).ToList();
        foreach (var letter in letters)
        {
            if (grid.Locate(CentreX(letter), CentreY(letter)) is { } at)
            {
                inRow[at.Row].Add(letter);
            }
        }

        return inRow.Select(row => TextLines(row).Select(l => l.Text).ToList()).ToList();
    }

    /// <param name="measured">The grid's rules are where the page draws them; false for a grid of stated cells (a worksheet, an
    /// HTML or Word table), whose columns can only be matched by their count.</param>
    private static void ReadGrid(int page, RuledGrid grid, string[,] cells, int skip, Heading heading, List<Builder> tables, bool measured = true)
    {
        if (heading.Contents)
        {
            return;
        }

        if (IsForm(grid, cells, skip, heading.Title is null && tables.Count > 0 && tables[^1] is { Form: not null } form && form.LastPage >= page - 1))
        {
            ReadForm(page, grid, cells, skip, heading, tables);
            return;
        }

        var rows = grid.Rows;
        var firstData = Enumerable.Range(skip, rows - skip).FirstOrDefault(r => IsDataRow(grid, cells, r), -1);
        var headerRows = firstData >= 0 ? firstData : Math.Min(rows, Math.Max(skip, HeaderOfEmpty(grid, cells)));
        var columns = Enumerable.Range(0, grid.Columns)
            .Where(c => Enumerable.Range(skip, rows - skip).Any(r => grid.IsCellStart(r, c) && cells[r, c].Length > 0 && (grid.Span(r, c).Columns * 2 <= grid.Columns || grid.Columns <= 3)))
            .ToList();
        // One column of text is a framed paragraph or text box, not a table.
        if (columns.Count < 2)
        {
            return;
        }

        var paths = columns.Select(c => HeaderPath(grid, cells, skip, headerRows, c)).ToList();
        var bounds = columns.Select(c => (Left: grid.Xs[c], Right: grid.Xs[c + 1])).ToList();
        var previous = tables.Count > 0 ? tables[^1] : null;
        var sameTitle = heading.Title is not null && previous?.Title == heading.Title;
        // A running page header (苏州市审计局2026年度部门预算公开 over every page) is no table's title: a line that names no
        // table (…表), with no label, does not start a table where the grid continues the last one's columns.
        var runningHeader = heading.Title is { } t && heading.Label is null && !t.Contains('表', StringComparison.Ordinal);
        var continues = previous is not null && previous.LastPage >= page - 1
            && (heading.Title is null || sameTitle || runningHeader)
            && (columns.Count == previous.Paths.Count || measured && Continues(previous, bounds.Skip(Beside(previous, bounds)).ToList()));
        Builder table;
        if (continues)
        {
            table = previous!;
        }
        else
        {
            table = new Builder
            {
                Title = heading.Title ?? string.Empty,
                Titled = heading.Title is not null,
                Label = heading.Label,
                Unit = heading.Unit,
                Paths = paths,
                Bounds = bounds,
            };
            tables.Add(table);
        }

        table.Pages.Add(page);
        table.LastPage = page;
        table.Unit ??= heading.Unit;

        // A row broken by the page: the rest of its name ("中心" of 杭州市综合交通运输研究中心) heads the continuation page in a
        // row of its own with no figure; it belongs to the last row of the page before.
        var first = continues && table.Rows.Count > 0 && !paths.SequenceEqual(table.Paths) ? skip : headerRows;
        for (; first < headerRows; first++)
        {
            var filled = columns.Where(c => grid.IsCellStart(first, c) && cells[first, c].Length > 0).ToList();
            if (filled.Count != 1 || columns.IndexOf(filled[0]) is var i && (columns.Count == table.Paths.Count ? i : Under(table.Bounds, bounds[i])) is var at && at < 0)
            {
                break;
            }

            var last = table.Rows[^1];
            // A row of its own (十六、金融支出 with blank figures) starts with an ordinal or a code; the rest of a name does not.
            if (grid.Span(first, filled[0]).Columns != 1 || last.Cells[at].Length == 0 || IsAmount(last.Cells[at]) || IsAmount(cells[first, filled[0]])
                || Regex.IsMatch(cells[first, filled[0]], @"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|\d{3,}|其中|合\s*计|总\s*计|小\s*计)"))
            {
                break;
            }

            var joined = last.Cells.ToArray();
            joined[at] += cells[first, filled[0]].Replace("\n", string.Empty, StringComparison.Ordinal);
            table.Rows[^1] = last with { Cells = joined };
        }

        // A continuation page without the header: what looked like header rows (no figure in them) are the table's rows when
        // none of their cells is a header of the table (北京's indicators go on over pages; a page may open with 定性 | 效果显著).
        var start = headerRows;
        if (first < headerRows && continues && table.Rows.Count > 0 && !paths.SequenceEqual(table.Paths))
        {
            var leaves = table.Paths.SelectMany(p => p.Split('/')).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
            if (Enumerable.Range(first, headerRows - first).All(r => columns.All(c => !grid.IsCellStart(r, c) || !leaves.Contains(Regex.Replace(cells[r, c], @"\s", string.Empty)))))
            {
                start = first;
            }
        }

        for (var r = start; r < rows; r++)
        {
            // A note ruled into the sheet under the figures (注：…, a sentence across the table) is the table's note, not a row.
            var filled = Enumerable.Range(0, grid.Columns).Where(c => grid.IsCellStart(r, c) && cells[r, c].Length > 0).ToList();
            if (filled.Count == 1 && grid.Span(r, filled[0]).Columns * 2 > grid.Columns && grid.Columns > 2
                && cells[r, filled[0]] is var prose && (prose.StartsWith('注') || prose.Contains('。', StringComparison.Ordinal)))
            {
                table.Note ??= Note(prose.Replace("\n", string.Empty, StringComparison.Ordinal));
                continue;
            }

            var row = new string[table.Paths.Count];
            Array.Fill(row, string.Empty);
            for (var i = 0; i < columns.Count; i++)
            {
                var c = columns[i];
                if (!grid.IsCellStart(r, c) || cells[r, c].Length == 0)
                {
                    continue;
                }

                // A continuation page that leaves a column empty has fewer columns: its cells go under the table's column at
                // the same place on the page.
                var at = !continues || columns.Count == table.Paths.Count ? i : Place(table, bounds[i]);
                if (at < 0)
                {
                    continue;
                }

                row[at] = cells[r, c].Replace("\n", string.Empty, StringComparison.Ordinal);
            }

            if (row.Any(c => c.Length > 0))
            {
                table.Rows.Add(new PrintedRow(page, row));
            }
        }
    }

    /// <summary>
    /// Columns of a continuation page left of every column of a form's list that has a label merged down beside it (北京's
    /// 整体绩效目标 over four pages of indicators, printed in the middle of its merged cell): the label's, not the list's.
    /// </summary>
    private static int Beside(Builder table, List<(double Left, double Right)> bounds) =>
        table.Labelled && table.Bounds.Count > 0 ? bounds.TakeWhile(b => b.Right <= table.Bounds[0].Left + 1).Count() : 0;

    /// <summary>
    /// Whether the columns of a page stand under those of the table before it: each under one of its columns by its rules,
    /// or, where a Word table's doubled rules differ from page to page (江苏高院: 214 | 220 on one page, 219 on the next),
    /// each in a column of its own by its middle.
    /// </summary>
    private static bool Continues(Builder table, List<(double Left, double Right)> bounds) =>
        bounds.All(b => Under(table.Bounds, b, table.Labelled) >= 0)
        || bounds.Count >= 2 && bounds.Select(b => Middle(table.Bounds, b)).ToList() is var at && at.All(i => i >= 0) && at.Distinct().Count() == at.Count;

    /// <summary>The table column a cell of a continuation page goes under (see <see cref="Continues"/>), or -1.</summary>
    private static int Place(Builder table, (double Left, double Right) cell) =>
        Under(table.Bounds, cell, table.Labelled) is var at and >= 0 ? at : Middle(table.Bounds, cell);

    /// <summary>The column whose rules hold the middle of a cell, within the cell: -1 when none does.</summary>
    private static int Middle(List<(double Left, double Right)> columns, (double Left, double Right) cell)
    {
        var middle = (cell.Left + cell.Right) / 2;
        return columns.FindIndex(c => c.Left <= middle && middle <= c.Right && c.Left >= cell.Left - 3 && c.Right <= cell.Right + 3);
    }

    /// <summary>
    /// The table column a cell of a continuation page stands under: the one whose left rule it shares, where its right rule is
    /// that column's or a later one's (a 合计 label across the code columns); -1 when the cell fits no column.
    /// </summary>
    /// <param name="ruledWithin">The page may rule a column finer than the table's first page did (a form's list over
    /// pages): the left rule alone places the cell.</param>
    private static int Under(List<(double Left, double Right)> columns, (double Left, double Right) cell, bool ruledWithin = false)
    {
        var at = columns.FindIndex(c => Math.Abs(c.Left - cell.Left) < 3);
        return at >= 0 && (ruledWithin && cell.Right <= columns[at].Right + 3 || columns.Skip(at).Any(c => Math.Abs(c.Right - cell.Right) < 3)) ? at : -1;
    }

    /// <summary>A row that holds a figure (or a code); a column-number row (栏次: 1 2 3 …) is header, not data.</summary>
    private static bool IsDataRow(RuledGrid grid, string[,] cells, int row)
    {
        var texts = Enumerable.Range(0, grid.Columns).Where(c => grid.IsCellStart(row, c)).Select(c => cells[row, c]).Where(t => t.Length > 0).ToList();
        if (texts.Count == 0 || texts.Any(t => t.Contains("栏次", StringComparison.Ordinal)))
        {
            return false;
        }

        // A year printed alone in a header cell (2026 | 年预算数) is not a figure.
        var numbers = texts.Where(t => IsAmount(t) && !Regex.IsMatch(t, @"^(?:19|20)\d{2}$")).ToList();
        if (numbers.Count == 0)
        {
            return false;
        }

        // Column numbers: 1 2 3 … in order, perhaps beside a label (栏次, **) with no figure of its own.
        var columnNumbers = numbers.Count >= 2 && numbers.All(n => n.Length <= 2 && n.All(char.IsAsciiDigit))
            && numbers.Select(int.Parse).Zip(numbers.Skip(1).Select(int.Parse)).All(p => p.Second == p.First + 1)
            && (numbers.Count == texts.Count || texts.Except(numbers).All(t => !t.Any(char.IsAsciiDigit)));
        return !columnNumbers;
    }

    /// <summary>A table with no figure at all (本表无数据): its header ends above its first 合计 or 本表… row, or above its first blank row.</summary>
    private static int HeaderOfEmpty(RuledGrid grid, string[,] cells)
    {
        for (var r = 0; r < grid.Rows; r++)
        {
            var first = Enumerable.Range(0, grid.Columns).Select(c => cells[r, c]).FirstOrDefault(t => t.Length > 0) ?? string.Empty;
            var normal = Regex.Replace(first, @"\s", string.Empty);
            if (normal is "合计" or "总计" || normal.StartsWith("本表", StringComparison.Ordinal) || normal.StartsWith("无", StringComparison.Ordinal))
            {
                return r;
            }
        }

        return grid.Rows;
    }

    internal static bool IsAmount(string text) => Amount().IsMatch(text.Trim());

    private static string HeaderPath(RuledGrid grid, string[,] cells, int from, int headerRows, int column)
    {
        var parts = new List<string>();
        for (var r = from; r < headerRows; r++)
        {
            var (row, start) = grid.CellOf(r, column);
            if (row < from)
            {
                continue;
            }

            var text = Regex.Replace(cells[row, start], @"\s", string.Empty);
            if (text.Length > 0 && (parts.Count == 0 || parts[^1] != text) && !(text.All(char.IsAsciiDigit) && text.Length <= 2))
            {
                parts.Add(text);
            }
        }

        return string.Join("/", parts);
    }

    /// <summary>The text of every printed cell, at its top-left grid element; glyphs are read line by line, left to right.</summary>
    private static string[,] CellTexts(RuledGrid grid, List<Letter> letters)
    {
        var inCell = new List<Letter>[grid.Rows, grid.Columns];
        foreach (var letter in letters)
        {
            if (grid.Locate(CentreX(letter), CentreY(letter)) is not { } at)
            {
                continue;
            }

            var (r, c) = grid.CellOf(at.Row, at.Column);
            (inCell[r, c] ??= []).Add(letter);
        }

        // A long name overflows into the figure cell to its right, where the page clips it from view but the text layer keeps
        // it ("障中" and "心" among the digits of 1,839,311.66): Chinese glyphs in a cell whose other glyphs make a figure belong
        // to the name on their left.
        for (var r = 0; r < grid.Rows; r++)
        {
            for (var c = 1; c < grid.Columns; c++)
            {
                if (inCell[r, c] is not { } cell || !grid.IsCellStart(r, c) || !cell.Exists(StartsHanzi) || cell.TrueForAll(StartsHanzi))
                {
                    continue;
                }

                var hanzi = cell.Where(StartsHanzi).ToList();
                var rest = cell.Except(hanzi).OrderBy(CentreX).ToList();
                // A year and 年… ("2026 年预算数", a header; "2025年", a row of the "三公" table) is not a figure with a name in it.
                var digits = string.Concat(rest.Select(l => l.Value));
                if (hanzi.Count > 0 && rest.Count > 0 && IsAmount(digits)
                    && !(Regex.IsMatch(digits, "^(?:19|20)\\d\\d$") && hanzi.OrderBy(CentreX).First().Value == "年"))
                {
                    var (lr, lc) = grid.CellOf(r, c - 1);
                    (inCell[lr, lc] ??= []).AddRange(hanzi);
                    inCell[r, c] = rest;
                }
            }
        }

        // A name wider than its cell runs over its rules, where the page clips it from view but the text layer keeps it
        // (西安 表10: "气" of 气象灾害… in the 单位编码 cell on its left): Chinese text that continues without a gap across a rule,
        // and is all its cell holds on that line, belongs to the cell holding the rest of the run.
        for (var r = 0; r < grid.Rows; r++)
        {
            for (var c = 1; c < grid.Columns; c++)
            {
                var (lr, lc) = grid.CellOf(r, c - 1);
                if (!grid.IsCellStart(r, c) || inCell[lr, lc] is not { Count: > 0 } leftCell || inCell[r, c] is not { Count: > 0 } rightCell
                    || !leftCell.Exists(IsHanzi) || !rightCell.Exists(IsHanzi))
                {
                    continue;
                }

                foreach (var line in inCell[lr, lc]!.GroupBy(l => Math.Round(l.StartBaseLine.Y)).ToList())
                {
                    var (left, right) = (inCell[lr, lc]!, inCell[r, c]!);
                    var before = line.OrderBy(CentreX).ToList();
                    var after = right.Where(l => Math.Abs(l.StartBaseLine.Y - before[0].StartBaseLine.Y) < Math.Max(l.PointSize, 4) * 0.4).OrderBy(CentreX).ToList();
                    if (after.Count == 0 || !IsHanzi(before[^1]) || !IsHanzi(after[0])
                        || after[0].BoundingBox.Left - before[^1].BoundingBox.Right > Math.Max(after[0].PointSize, 4) * 0.15)
                    {
                        continue;
                    }

                    // The shorter part moves, and only when it is the whole of its cell on that line.
                    var rightLine = right.Where(l => Math.Abs(l.StartBaseLine.Y - before[0].StartBaseLine.Y) < Math.Max(l.PointSize, 4) * 0.4).ToList();
                    if (before.Count < rightLine.Count && before.All(IsHanzi))
                    {
                        inCell[lr, lc] = left.Except(before).ToList();
                        inCell[r, c] = [.. before, .. right];
                    }
                    else if (rightLine.Count < before.Count && rightLine.All(IsHanzi) && rightLine.Count == after.Count)
                    {
                        inCell[r, c] = right.Except(rightLine).ToList();
                        inCell[lr, lc] = [.. left, .. rightLine];
                    }
                }
            }
        }

        // A figure wider than its cell overflows to the left, and its first digits land in the figure cell there (北京: 57.000000
        // printed as "107.0000005" | "7.000000"): digits printed on from the left cell's figure, beyond the decimals both
        // figures print, begin the right one.
        for (var r = 0; r < grid.Rows; r++)
        {
            for (var c = 1; c < grid.Columns; c++)
            {
                if (inCell[r, c] is not { Count: > 0 } right || !grid.IsCellStart(r, c) || grid.CellOf(r, c - 1) is var (lr, lc) && inCell[lr, lc] is not { Count: > 1 } left
                    || !right.TrueForAll(l => IsFigurePiece(l, false)) || !left.TrueForAll(l => IsFigurePiece(l, true)))
                {
                    continue;
                }

                var leftLetters = left.OrderBy(CentreX).ToList();
                var rightLetters = right.OrderBy(CentreX).ToList();
                var leftText = string.Concat(leftLetters.Select(l => l.Value));
                var rightText = string.Concat(rightLetters.Select(l => l.Value));
                var decimals = Regex.Match(rightText, @"^\d[\d,]*\.(\d+)$");
                var gap = rightLetters[0].BoundingBox.Left - leftLetters[^1].BoundingBox.Right;
                if (!decimals.Success || gap > rightLetters[0].PointSize * 0.6
                    || Regex.Match(leftText, $@"^-?\d[\d,]*\.\d{{{decimals.Groups[1].Length}}}(\d+)$") is not { Success: true } overflow)
                {
                    continue;
                }

                var moved = leftLetters.TakeLast(overflow.Groups[1].Length).ToList();
                inCell[lr, lc] = leftLetters.SkipLast(moved.Count).ToList();
                inCell[r, c] = [.. moved, .. right];
            }
        }

        var texts = new string[grid.Rows, grid.Columns];
        for (var r = 0; r < grid.Rows; r++)
        {
            for (var c = 0; c < grid.Columns; c++)
            {
                texts[r, c] = inCell[r, c] is { } cell ? string.Join('\n', TextLines(cell).Select(l => l.Text.Trim())) : string.Empty;
            }
        }

        return texts;
    }

    private sealed record TextLine(double Y, string Text);

    /// <summary>Glyphs grouped into lines by their baseline (within 40 % of the text height), top down; a space where a gap is wide.</summary>
    private static List<TextLine> TextLines(List<Letter> letters)
    {
        var lines = new List<(double Y, double Height, List<Letter> Letters)>();
        foreach (var letter in letters.OrderByDescending(l => l.StartBaseLine.Y))
        {
            var height = Math.Max(letter.PointSize, 4);
            var y = letter.StartBaseLine.Y;
            var index = lines.FindIndex(l => Math.Abs(l.Y - y) <= Math.Max(l.Height, height) * 0.4);
            if (index < 0)
            {
                lines.Add((y, height, [letter]));
            }
            else
            {
                lines[index].Letters.Add(letter);
            }
        }

        return lines.OrderByDescending(l => l.Y).Select(l => new TextLine(l.Y, Join(l.Letters.OrderBy(CentreX).ToList()))).ToList();
    }

    private static string Join(List<Letter> letters)
    {
        var text = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in letters)
        {
            if (previous is not null)
            {
                var gap = letter.BoundingBox.Left - previous.BoundingBox.Right;
                var size = Math.Max(Math.Max(previous.PointSize, letter.PointSize), 4);
                if (gap > size * 0.6)
                {
                    text.Append(' ');
                }
            }

            text.Append(letter.Value);
            previous = letter;
        }

        return Digits.Ascii(text.ToString());
    }

    /// <summary>Visible glyphs once each: some producers print a glyph twice at the same place (bold by overprinting).</summary>
    private static List<Letter> Deduplicated(IReadOnlyList<Letter> letters)
    {
        var seen = new HashSet<(string, long, long)>();
        var result = new List<Letter>(letters.Count);
        foreach (var letter in letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value) || !seen.Add((letter.Value, (long)Math.Round(CentreX(letter) * 2), (long)Math.Round(CentreY(letter) * 2))))
            {
                continue;
            }

            result.Add(letter);
        }

        return result;
    }

    private static bool StartsHanzi(Letter letter) => letter.Value.Length > 0 && letter.Value[0] >= '\u3400';

    /// <summary>A glyph that can be part of a printed figure (digits, separators, and a sign where <paramref name="signed"/>).</summary>
    private static bool IsFigurePiece(Letter letter, bool signed) =>
        letter.Value.All(c => char.IsDigit(c) || c is ',' or '.' || (signed && c == '-'));

    private static bool IsHanzi(Letter letter) => letter.Value.Length > 0 && (letter.Value[0] >= '\u3400' || letter.Value[0] is '、' or '，' or '（' or '）');

    private static double CentreX(Letter letter) => (letter.BoundingBox.Left + letter.BoundingBox.Right) / 2;

    private static double CentreY(Letter letter) => (letter.BoundingBox.Bottom + letter.BoundingBox.Top) / 2;

    private sealed class Builder
    {
        public required string Title { get; init; }

        public bool Titled { get; init; }

        public string? Label { get; init; }

        public string? Unit { get; set; }

        public string? Note { get; set; }

        public required List<string> Paths { get; init; }

        /// <summary>The left and right rule of each column, as on the table's first page.</summary>
        public required List<(double Left, double Right)> Bounds { get; init; }

        public List<int> Pages { get; } = [];

        public int LastPage { get; set; }

        public List<PrintedRow> Rows { get; } = [];

        public string? Form { get; init; }

        public string? Part { get; init; }

        /// <summary>A form's list with its label merged down beside it, left of its columns.</summary>
        public bool Labelled { get; init; }

        public PrintedTable Build() => new()
        {
            Form = Form,
            Part = Part,
            Title = Title,
            Label = Label,
            Unit = Unit,
            Pages = Pages.Distinct().ToList(),
            ColumnPaths = Paths,
            Rows = Rows,
            Note = Note,
        };
    }
}
