using System.Globalization;
using System.Text.RegularExpressions;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Compile;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Rules;

namespace Yusuan.Formats.Audit;

/// <summary>
/// Rebuilds a Disclosure from a published document's lines: kind, department and year from the title; the 目录; the text parts
/// with the figures they state; and the tables, recognised by title and read by content (codes, names, figures), so the same
/// code reads the seed's text export and a PDF's text layer. Figures are kept in 万元 as printed (元 tables are converted).
/// </summary>
public sealed partial class DocumentExtractor(ClassificationCatalogue catalogue)
{
    [GeneratedRegex(@"^第([一二三四五六七八九十]+)部分\s*(.*)$")]
    private static partial Regex PartHeading();

    [GeneratedRegex(@"(\d{4})\s*年")]
    private static partial Regex Year();

    [GeneratedRegex(@"^-?(?=[\d,]*\d)[\d,]{1,20}(\.\d{1,8})?$")]
    private static partial Regex NumberCell();

    [GeneratedRegex(@"单位[：:]\s*(万元|元)")]
    private static partial Regex UnitLine();

    /// <summary>Every code the given tables print each row name with (name as <paramref name="nameOf"/> gives it → codes).</summary>
    private static Dictionary<string, IReadOnlyList<string>> PrintedCodes(IEnumerable<DisclosureTable> tables, Func<TableRow, string> nameOf) =>
        tables.SelectMany(t => t.Rows).Where(r => r.Code is not null).GroupBy(nameOf)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Code!).Distinct().ToList());

    public Disclosure Extract(SourceDocument document)
    {
        var lines = document.Lines;
        var (kind, year, department, _) = Cover(lines);
        var contentsEnd = 0;
        var contents = Contents(lines, ref contentsEnd);
        var finalAccounts = kind == "部门决算";
        var firstTable = FindTables(lines, contentsEnd, finalAccounts);
        var tableStart = firstTable.Count > 0 ? firstTable[0].Index : lines.Count;
        List<DisclosureTable> tables;
        if (document.Tables is { } printed && printed.Any(t => t.Rows.Any(r => r.Cells.Any(Layout.PdfTableReader.IsAmount))))
        {
            // Ruled tables are read from the page layout; tables on pages without rules are still read from their lines.
            var ruledPages = printed.SelectMany(t => t.Pages).ToHashSet();
            var contentsPages = lines.Where(l => TableTitleMatcher.Normalise(l.Text) == "目录").Select(l => l.Page).ToHashSet();
            var listed = firstTable.Where(t => !contentsPages.Contains(lines[t.Index].Page) && t.Index >= contentsEnd).ToList();
            var unruled = listed.Where(t => !ruledPages.Contains(lines[t.Index].Page));

            // A table without rules in such a document is read on its own page only: read on, its lines would run into the
            // prose and the ruled tables after it.
            var fromLines = unruled.SelectMany(t =>
            {
                var page = lines.Where(l => l.Page == lines[t.Index].Page).ToList();
                return ReadTables(page, [(page.IndexOf(lines[t.Index]), t.Id, t.Title)], year);
            });
            tables = Numbered([.. FromLayout(printed, finalAccounts, lines, firstTable, year), .. fromLines.Where(t => t.Rows.Count > 0)]);
            // A small table inside the text (西安: 部门预算单位构成 in 第一部分) does not end it; the first table of the table part does:
            // a standard one, or one printed with a label (表1, 公开01表).
            // A source of one page (an HTML page) says by its pages nothing of where the text ends: its table titles do.
            var paged = lines.Select(l => l.Page).Distinct().Skip(1).Any();
            var firstPage = tables.Where(t => paged && t.Rows.Count > 0 && (!t.Id.StartsWith('X') || t.Label is not null || t.TitledAs is not null))
                .Select(t => t.Source!.Pages[0]).DefaultIfEmpty(int.MaxValue).Min();
            // The text ends where the first table begins; a 目录 listing the tables is not their beginning.
            tableStart = Math.Min(listed.Count > 0 ? listed[0].Index : lines.Count, lines.ToList().FindIndex(l => l.Page >= firstPage) is var at and >= 0 ? at : lines.Count);
        }
        else
        {
            tables = ReadTables(lines, firstTable, year);
        }

        // A row of asterisks under the header (湖州: "** | ** | 1") numbers the columns; it holds no amount.
        tables = tables.Select(t => t.Rows.Any(IsColumnNumbers) ? t with { Rows = [.. t.Rows.Where(r => !IsColumnNumbers(r))] } : t).ToList();

        // T01 and T06 print names without codes: find the codes in the catalogue (and in the document's coded tables).
        // A name may be a 款 and its one 项 at once (21206 and 2120601 建设市场管理与监督): each name keeps every code it is printed with.
        var documentCodes = PrintedCodes(tables.Where(t => t.Id is "T03" or "T07"), r => r.Name);
        tables = tables.Select(t => Core.Tables.TableSpecifications.Find(t.Id)?.Shape == Core.Tables.TableShape.TwoSided ? TableReaders.ResolveCodes(t, catalogue, documentCodes) : t).ToList();

        // An economic table may print names only (深圳 2026's 基本支出总表): the codes come from the document's coded ones.
        var economicCodes = PrintedCodes(tables.Where(t => Core.Tables.TableSpecifications.Find(t.Id)?.Codes == Core.Tables.RowCodes.Economic), r => TableView.StripOrdinal(r.Name))
            .Where(p => p.Value.Count == 1).ToDictionary(p => p.Key, p => p.Value[0]);
        tables = tables.Select(t => Core.Tables.TableSpecifications.Find(t.Id)?.Codes == Core.Tables.RowCodes.Economic ? TableReaders.ResolveEconomicCodes(t, catalogue, economicCodes) : t).ToList();
        var narrative = new NarrativeReader(tables).Read(lines, contentsEnd, tableStart);
        return new Disclosure
        {
            Kind = kind,
            Department = new DisclosureEntity(string.Empty, department),
            FiscalYear = year,
            Rounding = "independent",
            Contents = contents,
            Tables = tables,
            Narrative = narrative,
        };
    }

    private static bool IsColumnNumbers(TableRow row) => row.Code is null && row.Name.Trim() is { Length: > 0 } name && name.All(c => c is '*' or ' ');

    /// <summary>
    /// Kind, fiscal year and department as the cover names them. The cover's lines are read joined, spaces aside, since a
    /// title wraps anywhere ("上海市普陀区规划和自然" / "资源局" / "2024 年度部门决算"). The department is the one a label names
    /// (预算单位：, 预算主管部门：, 部门名称： on the first pages), else the name the title gives before or after its year
    /// ("2026年广州市政务服务和数据管理局部门预算", "北京市教育委员会部门 2026 年度部门预算", "西安市财政局（汇总）2026年部门预算公开说明").
    /// The year is the title's; a cover without one (北京's 报表 attachment) takes the year most of the document names.
    /// </summary>
    internal static (string Kind, int Year, string Department, string Text) Cover(IReadOnlyList<SourceLine> lines)
    {
        var titleLine = lines.FirstOrDefault(l => !l.IsBlank);
        var coverLines = lines.Where(l => !l.IsBlank && l.Page == titleLine?.Page).Take(8).Select(l => l.Text.Replace(" ", string.Empty, StringComparison.Ordinal)).ToList();
        var contentsAt = coverLines.FindIndex(l => l is "目录" || l.StartsWith("目录", StringComparison.Ordinal));
        var cover = string.Concat(contentsAt > 0 ? coverLines.Take(contentsAt) : coverLines.Take(4));
        var kind = cover.Contains("决算", StringComparison.Ordinal) ? "部门决算" : cover.Contains("单位预算", StringComparison.Ordinal) ? "单位预算" : "部门预算";

        var title = CoverTitle().Match(cover);
        // A title may name no year at all ("某某局部门预算"): both groups are optional.
        var yearGroup = title.Groups["before"].Success ? title.Groups["before"] : title.Groups["after"];
        var year = title.Success && yearGroup.Success ? int.Parse(yearGroup.Value, CultureInfo.InvariantCulture) : CommonYear(lines);

        var firstPages = lines.TakeWhile(l => titleLine is null || l.Page <= titleLine.Page + 2);
        var labelled = firstPages.Select(l => DepartmentLabel().Match(l.Text.Replace(" ", string.Empty, StringComparison.Ordinal))).FirstOrDefault(m => m.Success);
        var department = labelled is not null ? labelled.Groups[1].Value
            : title.Success && !title.Groups["name"].Value.StartsWith('第') ? title.Groups["name"].Value
            : string.Empty;
        return (kind, year, department, cover);
    }

    /// <summary>The year most of the document's lines name (2026 年预算数, 2026年度), or 0.</summary>
    private static int CommonYear(IReadOnlyList<SourceLine> lines) =>
        lines.SelectMany(l => Year().Matches(l.Text)).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Where(v => v is > 1990 and < 2100)
            .GroupBy(v => v).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => g.Key).FirstOrDefault();

    /// <summary>A cover's title: [year] name [部门] [year] [区级|市级] 部门|单位 [综合] 预算|决算.</summary>
    [GeneratedRegex(@"^(?:附件\d{0,2})?(?:(?<before>\d{4})年度?)?(?<name>[^\d：:]{3,60}?)(?:部门)?(?:(?<after>\d{4})年度?)?(?:区级|市级|省级|县级)?(?:部门|单位)(?:综合)?(?:预算|决算)")]
    private static partial Regex CoverTitle();

    [GeneratedRegex(@"^(?:预算单位|预算主管部门|部门名称|单位名称|编制单位)[：:](\S{3,60}?)(?:单位[：:].*)?$")]
    private static partial Regex DepartmentLabel();

    /// <summary>
    /// The 目录: from its heading to where the body begins — the first part heading that is not a list entry where the
    /// entries carry page numbers, else the first line that repeats an entry (a 目录 without page numbers, Shenzhen's:
    /// the body's 一、文字部分 or 第一部分 部门概况 is printed again), else a sentence.
    /// </summary>
    private static List<ContentsEntry> Contents(IReadOnlyList<SourceLine> lines, ref int end)
    {
        var entries = new List<ContentsEntry>();
        var start = lines.ToList().FindIndex(l => TableTitleMatcher.Normalise(l.Text) == "目录");
        if (start < 0)
        {
            return entries;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var anyNumbered = false;
        for (var i = start + 1; i < lines.Count; i++)
        {
            // A 目录 printed as a grid (西安: 报表 | 报表名称 | 是否空表 | 公开空表理由) lists each table by its name's cell.
            var cells = lines[i].Cells.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
            var text = cells.Count >= 2 && Regex.IsMatch(cells[0], @"^(?:表|公开)?\d{1,2}表?$") && cells.Skip(1).Where(c => c.Contains('表', StringComparison.Ordinal)).MaxBy(c => c.Length) is { } named
                ? named
                : lines[i].Text.Trim();

            // An entry is a list item (- …) or ends with its page number (… 9); the body's first part heading ends the 目录.
            var numbered = Regex.IsMatch(text, @"[\s\.…·]\d+$");
            var listed = text.StartsWith('-') || text.StartsWith('·') || text.StartsWith('•') || numbered;
            var entry = Regex.Replace(text.TrimStart('-', '·', '•', ' '), @"[\s\.…·]*\d+$", string.Empty);
            var key = TableTitleMatcher.Normalise(entry);
            if (key.Length > 0 && !listed && (seen.Contains(key) || entries.Count > 0 && (key.Length > 40 || key.EndsWith('。'))))
            {
                end = i;
                return entries;
            }

            seen.Add(key);
            anyNumbered |= numbered;
            if (PartHeading().Match(entry) is { Success: true } part)
            {
                if (!listed && anyNumbered && entries.Any(e => e.Part is not null))
                {
                    end = i;
                    return entries;
                }

                entries.Add(new ContentsEntry(part.Groups[2].Value.Trim(), Part: Core.Compile.TableTitles.Parts.ToList().IndexOf(part.Groups[2].Value.Trim()) + 1 is var n and > 0 ? n : entries.Count(e => e.Part is not null) + 1));
                continue;
            }

            var bare = Regex.Replace(entry, @"^[\(（][一二三四五六七八九十\d]+[\)）]\s*", string.Empty);
            if (TableTitleMatcher.Match(bare) is { } id && bare.Length > 0)
            {
                entries.Add(new ContentsEntry(bare, Table: id));
            }
            else if (bare.Length is > 2 and <= 80 && Regex.IsMatch(bare, @"表(?:[（(][^）)]{1,30}[）)])?$"))
            {
                // A table of the region's own (一般公共预算项目支出情况表, 部门预算项目支出及其他支出预算表): listed by its title.
                entries.Add(new ContentsEntry(bare));
            }
        }

        end = lines.Count;
        return entries;
    }

    /// <summary>
    /// Title lines of tables after the text, each with its standard id. A table no budget id carries — a 决算 document's
    /// 收入支出决算总表, say — is kept under its own id (X01, X02, …) with its printed title: extracted faithfully, mapped to nothing.
    /// </summary>
    private static List<(int Index, string Id, string Title)> FindTables(IReadOnlyList<SourceLine> lines, int from, bool finalAccounts)
    {
        var found = new List<(int, string, string)>();
        var others = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = from; i < lines.Count; i++)
        {
            var cells = lines[i].Cells.Where(c => c.Length > 0).ToList();
            if (cells.Count != 1)
            {
                continue;
            }

            var title = cells[0].Replace("（续表）", string.Empty, StringComparison.Ordinal).Replace("(续表)", string.Empty, StringComparison.Ordinal);
            var id = finalAccounts ? null : TableTitleMatcher.Match(title);
            if (id is null && IsOtherTableTitle(title, lines, i))
            {
                var key = TableTitleMatcher.Normalise(title);
                if (!others.TryGetValue(key, out id))
                {
                    id = $"X{others.Count + 1:00}";
                    others.Add(key, id);
                }
            }

            if (id is not null)
            {
                found.Add((i, id, title));
            }
        }

        return found;
    }

    /// <summary>A title the budget ids do not know: a short line ending in 表, printed under its 表 N number or in a 决算 document.</summary>
    private static bool IsOtherTableTitle(string title, IReadOnlyList<SourceLine> lines, int index)
    {
        var text = TableTitleMatcher.Normalise(title);
        if (text.Length is < 4 or > 40 || !text.EndsWith('表') || text.Contains('，', StringComparison.Ordinal) || text.Contains('。', StringComparison.Ordinal))
        {
            return false;
        }

        var numbered = Enumerable.Range(1, 3).Any(k => index - k >= 0 && Regex.IsMatch(lines[index - k].Text.Trim(), @"^(公开)?表\s*\d+$"));
        return numbered || text.Contains("决算", StringComparison.Ordinal);
    }

    /// <summary>
    /// Printed tables with the standard id their title names, or an X id with the printed title: a table nobody knows is kept,
    /// never dropped. A 部门整体支出绩效目标表 in the seed's form (goals, then the indicator tree) is read by its own reader.
    /// </summary>
    private List<DisclosureTable> FromLayout(IReadOnlyList<Layout.PrintedTable> printed, bool finalAccounts, IReadOnlyList<SourceLine> lines, List<(int Index, string Id, string Title)> titles, int year)
    {
        var tables = new List<DisclosureTable>();
        foreach (var table in printed)
        {
            var id = table.Form is not null ? null : finalAccounts ? TableTitleMatcher.MatchFinal(table.Title) : TableTitleMatcher.Match(table.Title);
            var form = finalAccounts || table.Form is null ? null : TableTitleMatcher.Match(table.Form);

            // The goals table in the seed's layout is read whole, over its pages, by the performance reader; a later grid under
            // the same title (its indicator tree on the next page), or a block of the same form, is part of what it read.
            if ((id ?? form) == "T12" && tables.Any(t => t.Performance is not null))
            {
                continue;
            }

            if ((id ?? form) == "T12" && titles.Where(t => t.Id == "T12" && table.Pages.Contains(lines[t.Index].Page)).ToList() is { Count: > 0 } performance
                && ReadTables(lines, performance, year).FirstOrDefault() is { Performance: not null, Rows.Count: > 0 } read)
            {
                // The tasks as the ruled form prints them, where it holds more than the lines gave (西安: the first task is
                // printed on the line of the 年度主要任务 label and of 执行率分值（10分） merged beside it).
                var ruled = printed.FirstOrDefault(p => p.Form is not null && p.Part == "年度主要任务" && p.Pages.Intersect(table.Pages).Any());
                tables.Add(ruled is not null && RuledTasks(ruled) is { Count: > 0 } tasks && tasks.Count > read.Rows.Count ? read with { Rows = tasks } : read);
                continue;
            }

            // A title names the table only where the table has its shape; a table with an unknown title may still be known by
            // an unmistakable shape (收入 | 支出 side by side). Anything else keeps its printed title under an X id.
            var mapped = Layout.PrintedTableMapper.Map(table, id ?? "X");
            id ??= finalAccounts || table.Form is not null || table.Title.Contains("决算", StringComparison.Ordinal) ? null : Core.Tables.TableSpecifications.IdentifyByShape(mapped);
            var fits = id is not null && Core.Tables.TableSpecifications.Fits(Core.Tables.TableSpecifications.Get(id), mapped);
            tables.Add(fits ? mapped with { Id = id! } : mapped with { Id = "X", TitledAs = id ?? form });
        }

        return tables;
    }

    /// <summary>Tables in printed order; a standard id goes to the first table that claims it, the others are X01, X02 ….</summary>
    private static List<DisclosureTable> Numbered(IEnumerable<DisclosureTable> tables)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var others = 0;
        var result = new List<DisclosureTable>();
        foreach (var table in tables.OrderBy(t => t.Source?.Pages.FirstOrDefault() ?? 0))
        {
            result.Add(!table.Id.StartsWith('X') && used.Add(table.Id) ? table : table with { Id = $"X{++others:00}" });
        }

        return result;
    }

    private List<DisclosureTable> ReadTables(IReadOnlyList<SourceLine> lines, List<(int Index, string Id, string Title)> titles, int year)
    {
        var tables = new List<DisclosureTable>();
        foreach (var group in titles.GroupBy(t => t.Id))
        {
            var body = new List<SourceLine>();
            var unit = "万元";
            string? note = null;
            foreach (var (index, _, _) in group)
            {
                var end = titles.Select(t => t.Index).Where(i => i > index).DefaultIfEmpty(lines.Count).Min();
                for (var i = index + 1; i < end; i++)
                {
                    var text = lines[i].Text;
                    if (UnitLine().Match(text) is { Success: true } u)
                    {
                        unit = u.Groups[1].Value;
                    }

                    if (text.StartsWith("注：", StringComparison.Ordinal) || text.StartsWith("注:", StringComparison.Ordinal))
                    {
                        note = text[2..].Trim();
                    }

                    body.Add(lines[i]);
                }
            }

            var first = group.First();
            var pages = group.Select(g => lines[g.Index].Page).Distinct().ToList();
            var scale = unit == "元" ? 10_000m : 1m;
            var table = Core.Tables.TableSpecifications.Find(first.Id)?.Shape switch
            {
                Core.Tables.TableShape.TwoSided => TableReaders.TwoSided(first.Id, body, scale),
                Core.Tables.TableShape.Official => TableReaders.Official(body, year, scale),
                Core.Tables.TableShape.Goals => TableReaders.Performance(body, scale),
                _ => TableReaders.Coded(first.Id, body, scale, catalogue),
            };
            tables.Add(table with
            {
                Title = TableTitleMatcher.Normalise(first.Title).Contains("整体支出绩效目标表", StringComparison.Ordinal) ? Core.Compile.TableTitles.Title("T12") : first.Title,
                Unit = "万元",
                Decimals = scale == 1 ? table.Decimals : 4,
                Note = note,
                Source = new TableSource(pages),
            });
        }

        return tables.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
    }

    internal static bool IsNumber(string cell) => NumberCell().IsMatch(cell.Trim());

    /// <summary>
    /// The tasks of a ruled 年度主要任务 list (任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金), a blank amount as 0; none where a
    /// row's amounts are not three figures or blanks.
    /// </summary>
    private static List<TableRow> RuledTasks(Layout.PrintedTable list)
    {
        var amounts = list.ColumnPaths.Select((path, i) => (path, i)).Where(p => p.path.Contains("总额", StringComparison.Ordinal) || p.path.Contains("财政拨款", StringComparison.Ordinal) || p.path.Contains("其他资金", StringComparison.Ordinal))
            .Select(p => p.i).ToList();
        var scale = Layout.PrintedTableMapper.Scale(list.Unit);
        var tasks = new List<TableRow>();
        foreach (var row in list.Rows)
        {
            var cells = amounts.Select(i => i < row.Cells.Count ? row.Cells[i].Trim() : string.Empty).ToList();
            var name = row.Cells.FirstOrDefault()?.Trim() ?? string.Empty;
            if (amounts.Count != 3 || name.Length == 0 || cells.Any(c => c.Length > 0 && !IsNumber(c)) || cells.All(c => c.Length == 0))
            {
                return amounts.Count == 3 && name.Length > 0 && cells.All(c => c.Length == 0) ? tasks : [];
            }

            tasks.Add(new TableRow
            {
                Name = name,
                Key = name is "金额合计" or "合计" ? "total" : null,
                Text = row.Cells.Count > 1 && !amounts.Contains(1) ? row.Cells[1].Trim() : string.Empty,
                Level = 1,
                Values = [.. cells.Select(c => c.Length == 0 ? 0m : Number(c, scale))],
            });
        }

        return tasks;
    }

    internal static decimal Number(string cell, decimal scale) =>
        cell.Trim().Length == 0 ? 0 : decimal.Parse(cell.Trim().Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) / scale;
}
