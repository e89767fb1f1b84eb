using System.Text.RegularExpressions;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Rules;

namespace Yusuan.Formats.Audit;

/// <summary>
/// Reads the rows of one table by their content, not their position: a code (3/5/7 digits) followed by a name starts a coded
/// row, a name without a code is a unit (预算单位) row, and the figures follow. Blank cells between figures are zeros.
/// </summary>
internal static partial class TableReaders
{
    private static readonly string[] Level1 = ["产出指标", "效益指标", "满意度指标", "成本指标"];
    private static readonly string[] Level2 = ["数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标"];

    [GeneratedRegex(@"^\d{3}(\d{2}){0,2}$")]
    private static partial Regex Code();

    [GeneratedRegex(@"^[—\-–]\s*\d+\s*[—\-–]$")]
    private static partial Regex Footer();

    [GeneratedRegex(@"^\d{4}\s*年")]
    private static partial Regex YearLabel();

    private static bool IsNumber(string cell) => DocumentExtractor.IsNumber(cell);

    /// <summary>The cells of a data line (one holding a figure), without the blanks at its ends.</summary>
    private static List<string>? DataCells(SourceLine line)
    {
        if (!line.Cells.Any(c => IsNumber(c)) || line.Text.StartsWith("注", StringComparison.Ordinal) || line.Text.Contains("单位：", StringComparison.Ordinal))
        {
            return null;
        }

        return line.Cells.ToList();
    }

    private static TableColumn[] ColumnsFor(string id, int count)
    {
        // A table of no standard id read from lines is taken for a spending table (支出总计 | 基本支出 | 项目支出).
        var specification = Core.Tables.TableSpecifications.Find(id) ?? Core.Tables.TableSpecifications.Get("T07");
        var keys = specification.Columns;
        return Enumerable.Range(0, count)
            .Select(i => i < keys.Count ? new TableColumn(keys[i], Core.Tables.ColumnMeanings.NameOf(keys[i])) : new TableColumn($"c{i + 1}", $"第 {i + 1} 栏")).ToArray();
    }

    public static DisclosureTable Coded(string id, List<SourceLine> body, decimal scale, ClassificationCatalogue catalogue)
    {
        var rows = new List<TableRow>();
        var parsed = new List<(TableRow Row, List<string> Values, bool IsUnit)>();
        var lastPage = -1;
        foreach (var line in body)
        {
            if (DataCells(line) is not { } cells)
            {
                // A name that wraps inside its cell continues on a line of its own, below the row it belongs to.
                var words = line.Cells.Where(c => c.Length > 0).ToList();
                if (parsed.Count > 0 && line.Page == lastPage && words.Count == 1 && !Footer().IsMatch(words[0]) && !words[0].StartsWith("注", StringComparison.Ordinal) && TableTitleMatcher.Match(words[0]) is null
                    && !words[0].StartsWith("表", StringComparison.Ordinal) && !words[0].Contains("：", StringComparison.Ordinal) && words[0].Length < 20)
                {
                    var last = parsed[^1];
                    var name = last.Row.Name + words[0];
                    parsed[^1] = (last.Row with { Name = name, Unit = last.Row.Unit is null ? null : name }, last.Values, last.IsUnit);
                }

                continue;
            }

            var filled = cells.Select((c, i) => (c, i)).Where(x => x.c.Length > 0).ToList();
            if (filled.Count == 0)
            {
                continue;
            }

            // Codes split into 类 | 款 | 项 columns (208 | 05 | 05) are joined back into one code (2080505).
            if (filled.Count >= 3 && Regex.IsMatch(filled[0].c, @"^\d{3}$") && Regex.IsMatch(filled[1].c, @"^\d{2}$"))
            {
                var parts = 2 + (filled.Count > 3 && Regex.IsMatch(filled[2].c, @"^\d{2}$") && !IsNumber(filled[3].c) ? 1 : 0);
                if (!IsNumber(filled[parts].c))
                {
                    var joined = string.Concat(filled.Take(parts).Select(f => f.c));
                    filled = [(joined, filled[parts - 1].i), .. filled.Skip(parts)];
                }
            }

            var (first, firstAt) = filled[0];
            TableRow row;
            int valuesFrom;
            if (id == "T05" && filled.Count >= 3 && !IsNumber(filled[1].c) && (Code().IsMatch(filled[2].c) || IsNumber(filled[2].c)) && filled[2].c.Length == 7)
            {
                row = new TableRow { Code = first, Name = filled[1].c, FunctionCode = filled[2].c, Level = 1, Values = [] };
                valuesFrom = filled[2].i + 1;
            }
            else if (Code().IsMatch(first) && filled.Count > 1 && !IsNumber(filled[1].c))
            {
                row = new TableRow { Code = first, Name = filled[1].c, Level = (first.Length - 1) / 2, Values = [] };
                valuesFrom = filled[1].i + 1;
            }
            else if (!IsNumber(first))
            {
                row = new TableRow { Unit = first, Name = first, Values = [] };
                valuesFrom = firstAt + 1;
            }
            else
            {
                continue;
            }

            var values = cells.Skip(valuesFrom).ToList();
            while (values.Count > 0 && values[^1].Length == 0)
            {
                values.RemoveAt(values.Count - 1);
            }

            if (values.Any(v => v.Length > 0 && !IsNumber(v)))
            {
                values = values.Where(IsNumber).ToList();
            }

            parsed.Add((row, values, row.Code is null));
            lastPage = line.Page;
        }

        // Figures align at the right end of a row: a unit row's empty 科目编码 and 科目名称 cells are not figures.
        var width = parsed.Where(p => !p.IsUnit).Select(p => p.Values.Count).DefaultIfEmpty(0).Max();
        if (width == 0)
        {
            width = parsed.Select(p => p.Values.Count(v => v.Length > 0)).DefaultIfEmpty(0).Max();
        }

        foreach (var (row, values, isUnit) in parsed)
        {
            var aligned = isUnit ? (values.Count > width ? values.Skip(values.Count - width).ToList() : values.Where(v => v.Length > 0).ToList()) : values;
            rows.Add(row with { Values = aligned.Select(v => DocumentExtractor.Number(v, scale)).ToList() });
        }

        rows = rows.Select(r => r with { Values = [.. r.Values, .. Enumerable.Repeat(0m, width - r.Values.Count)] }).ToList();
        var leading = rows.TakeWhile(r => r.Code is null).Count();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Code is not null)
            {
                continue;
            }

            var key = i < leading
                ? leading >= 2 && i == 0 ? "supervisor" : (leading >= 2 ? i == 1 : i == 0) ? "department" : "agency:" + rows[i].Name
                : "agency:" + rows[i].Name;
            rows[i] = rows[i] with { Key = key };
        }

        return new DisclosureTable { Id = id, Title = id, Columns = ColumnsFor(id, width), Rows = rows, Decimals = Decimals(rows) };
    }

    private static int Decimals(IEnumerable<TableRow> rows) => rows.SelectMany(r => r.Values).Select(RuleContext.DecimalsOf).DefaultIfEmpty(0).Max();

    /// <summary>T01, T06: income ∥ expenditure. A side is told by its column in a text export, or by its name (income rows have known names).</summary>
    public static DisclosureTable TwoSided(string id, List<SourceLine> body, decimal scale)
    {
        var income = new List<TableRow>();
        var expenditure = new List<TableRow>();
        foreach (var line in body)
        {
            if (DataCells(line) is not { } cells)
            {
                continue;
            }

            var pairs = new List<(string Name, string Value, bool RightHalf)>();
            if (cells.Count >= 4)
            {
                if (cells[0].Length > 0 && IsNumber(cells[1]))
                {
                    pairs.Add((cells[0], cells[1], false));
                }

                if (cells[2].Length > 0 && IsNumber(cells[3]))
                {
                    pairs.Add((cells[2], cells[3], true));
                }
            }
            else
            {
                var filled = cells.Where(c => c.Length > 0).ToList();
                for (var i = 0; i + 1 < filled.Count; i += 2)
                {
                    if (!IsNumber(filled[i]) && IsNumber(filled[i + 1]))
                    {
                        var isIncome = KeyFor("income", filled[i], id) is not null && filled.Count == 2 ? true : i == 0 && filled.Count == 4;
                        pairs.Add((filled[i], filled[i + 1], !isIncome));
                    }
                }
            }

            foreach (var (name, value, right) in pairs)
            {
                var section = right ? "expenditure" : "income";
                var row = new TableRow { Section = section, Name = name, Values = [DocumentExtractor.Number(value, scale)] };
                row = row with { Key = KeyFor(section, name, id) };
                (right ? expenditure : income).Add(row);
            }
        }

        return new DisclosureTable
        {
            Id = id,
            Title = id,
            Columns = [new TableColumn("budget", "预算数")],
            Rows = [.. income, .. expenditure],
            Decimals = Decimals([.. income, .. expenditure]),
        };
    }

    private static string? KeyFor(string section, string name, string id)
    {
        var view = new TableView(new DisclosureTable { Id = id, Title = id, Columns = [], Rows = [] }, 0);
        return view.KeyOf(new TableRow { Section = section, Name = name, Values = [] });
    }

    /// <summary>
    /// Gives the 类/款/项 rows of a two-sided table their codes from the catalogue, following the hierarchy down; a name the
    /// catalogue does not know takes a code the document prints it with elsewhere, the one that fits where the row stands
    /// (深圳: 建设市场管理与监督 is 款 21206 under 212, then 项 2120601 under 21206).
    /// </summary>
    /// <param name="documentCodes">Every code the document's coded tables print each name with, name → codes.</param>
    public static DisclosureTable ResolveCodes(DisclosureTable table, ClassificationCatalogue catalogue, IReadOnlyDictionary<string, IReadOnlyList<string>> documentCodes)
    {
        var entries = catalogue.Entries(ClassificationKind.Function).ToList();
        string? currentClass = null, currentSection = null;
        var rows = table.Rows.Select(r =>
        {
            if (r.Section != "expenditure" || r.Key is not null)
            {
                return r;
            }

            var name = TableView.StripOrdinal(r.Name);
            var isClass = name != r.Name.Trim();
            Core.Catalogue.ClassificationEntry? match = isClass
                ? entries.FirstOrDefault(e => e.Level == 1 && e.Name == name)
                : entries.FirstOrDefault(e => e.Level == 3 && e.ParentCode == currentSection && e.Name == name)
                  ?? entries.FirstOrDefault(e => e.Level == 2 && e.ParentCode == currentClass && e.Name == name)
                  ?? (currentSection is null ? entries.FirstOrDefault(e => e.Level == 3 && e.ParentCode?.StartsWith(currentClass ?? "-", StringComparison.Ordinal) == true && e.Name == name) : null);
            var known = documentCodes.GetValueOrDefault(name) ?? [];
            var code = match?.Code
                ?? known.FirstOrDefault(c => c.Length == 7 && currentSection is not null && c.StartsWith(currentSection, StringComparison.Ordinal))
                ?? known.FirstOrDefault(c => c.Length == 5 && currentClass is not null && c.StartsWith(currentClass, StringComparison.Ordinal))
                ?? (known.Count == 1 ? known[0] : null);
            if (code is null)
            {
                return r;
            }

            var level = (code.Length - 1) / 2;
            if (level == 1)
            {
                currentClass = code;
                currentSection = null;
            }
            else if (level == 2)
            {
                currentSection = code;
            }

            return r with { Code = code, Level = level };
        }).ToList();
        return table with { Rows = rows };
    }

    /// <summary>
    /// Gives the rows of an economic table printed by name only (深圳 2026's 基本支出总表: 支出项目类别 indented by level, no
    /// codes) their 部门预算支出经济分类 codes: a name the document codes elsewhere (its 一般公共预算支出表（按经济分类）) takes that
    /// code, else the catalogue's 类 of that name, or its 款 under the 类 above (brackets and spaces aside: 维修(护)费 is
    /// 维修（护）费). A row that matches nothing keeps no code where it names a 预算单位 (…局, …中心); any other row that matches
    /// nothing leaves the whole table as printed, since a table coded in part would be judged by the wrong hierarchy. A table
    /// with any coded row is left as printed.
    /// </summary>
    /// <param name="documentCodes">Names the document prints with one economic code each, name → code.</param>
    public static DisclosureTable ResolveEconomicCodes(DisclosureTable table, ClassificationCatalogue catalogue, IReadOnlyDictionary<string, string> documentCodes)
    {
        if (table.Rows.Any(r => r.Code is not null))
        {
            return table;
        }

        var entries = catalogue.Entries(ClassificationKind.DepartmentEconomic).ToList();
        var known = documentCodes.GroupBy(p => Comparable(p.Key)).Where(g => g.Select(p => p.Value).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        string? currentClass = null;
        var unresolved = false;
        var rows = table.Rows.Select(r =>
        {
            if (r.Key is not null)
            {
                return r;
            }

            var name = Comparable(TableView.StripOrdinal(r.Name));
            var code = known.TryGetValue(name, out var printed) ? printed
                : entries.FirstOrDefault(e => e.Level == 1 && Comparable(e.Name) == name)?.Code
                  ?? entries.FirstOrDefault(e => e.Level == 2 && e.ParentCode == currentClass && Comparable(e.Name) == name)?.Code;
            if (code is null)
            {
                unresolved |= !Organisation().IsMatch(name);
                return r;
            }

            if (code.Length == 3)
            {
                currentClass = code;
            }

            return r with { Code = code, Level = (code.Length - 1) / 2 };
        }).ToList();
        return unresolved ? table : table with { Rows = rows };

        static string Comparable(string name) => Regex.Replace(name, @"\s", string.Empty).Replace('（', '(').Replace('）', ')');
    }

    /// <summary>A 预算单位's name: it ends as an office, a bureau, a centre, a school … does, perhaps with (本级) or a place after it.</summary>
    [GeneratedRegex(@"(?:局|委员会|委|办公室|办|中心|院|所|站|队|处|馆|厅|部|会|校|学|园|社|台|署|室|司|组|团|库|场)(?:\([^()]{1,20}\))?$")]
    private static partial Regex Organisation();

    public static DisclosureTable Official(List<SourceLine> body, int year, decimal scale)
    {
        var rows = new List<TableRow>();
        foreach (var line in body)
        {
            if (DataCells(line) is not { } cells)
            {
                continue;
            }

            var filled = cells.Where(c => c.Length > 0).ToList();
            var label = filled.FindIndex(c => YearLabel().IsMatch(c) || c.Contains("增减", StringComparison.Ordinal));
            if (label < 0)
            {
                continue;
            }

            var name = filled[label];
            var key = name.Contains("增减", StringComparison.Ordinal) ? "change" : name.StartsWith(year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) ? "current" : "prior";
            rows.Add(new TableRow
            {
                Key = key,
                Unit = label > 0 ? filled[0] : null,
                Name = name,
                Values = filled.Skip(label + 1).Where(IsNumber).Select(v => DocumentExtractor.Number(v, scale)).ToList(),
            });
        }

        string[] keys = ["total", "abroad", "reception", "vehicle", "vehicle_purchase", "vehicle_operation"];
        var width = rows.Select(r => r.Values.Count).DefaultIfEmpty(0).Max();
        return new DisclosureTable
        {
            Id = "T09",
            Title = "T09",
            Columns = keys.Take(width).Select(k => new TableColumn(k, Core.Tables.ColumnMeanings.NameOf(k))).ToList(),
            Rows = rows,
            Decimals = Decimals(rows),
        };
    }

    /// <summary>A cell that heads a performance form rather than an indicator: 项目名称, 主管部门, 实施期限, 资金总额, 其中：财政拨款, 其他资金, 目标1：….</summary>
    [GeneratedRegex(@"^(?:项目名称|主管部门|实施期限|(?:实施期|年度)资金总额|资金金额|其中：财政拨款|其他资金|(?:实施期)?总目标|年度目标)|^目标\s*\d|资金总额：")]
    private static partial Regex FormHead();

    public static DisclosureTable Performance(List<SourceLine> body, decimal scale)
    {
        var tasks = new List<TableRow>();
        var indicators = new List<PerformanceIndicator>();
        var goals = new List<string>();
        var supervisor = string.Empty;
        var inIndicators = false;

        // 西安 prints a 分值权重 column after the 指标值 (≤400 | 1): then a row's target is its last cell but one.
        var weighted = false;
        string level1 = string.Empty, level2 = string.Empty;
        foreach (var line in body)
        {
            var filled = line.Cells.Where(c => c.Length > 0).ToList();
            var text = line.Text;
            if (filled.Any(c => c.Contains("分值", StringComparison.Ordinal) || c.Contains("权重", StringComparison.Ordinal)) && !filled.Any(IsNumber))
            {
                weighted = true;
            }

            if (supervisor.Length == 0 && !inIndicators && filled.Any(c => c.StartsWith("主管部门", StringComparison.Ordinal)))
            {
                var at = filled.FindIndex(c => c.StartsWith("主管部门", StringComparison.Ordinal));
                var inline = Regex.Match(filled[at], @"主管部门[：:]\s*(\S+)");
                supervisor = inline.Success ? inline.Groups[1].Value : at + 1 < filled.Count ? filled[at + 1] : string.Empty;
                continue;
            }

            if (text.Contains("年度绩效指标", StringComparison.Ordinal) || filled.Contains("一级指标"))
            {
                inIndicators = true;
                continue;
            }

            if (Regex.IsMatch(text, @"^\s*(年度总体目标\s*)?目标\s*\d"))
            {
                goals.Add(Regex.Replace(text, @"^\s*年度总体目标\s*", string.Empty));
                continue;
            }

            if (!inIndicators)
            {
                var numbers = filled.AsEnumerable().Reverse().TakeWhile(IsNumber).Reverse().ToList();
                if (numbers.Count >= 3)
                {
                    var words = filled.Take(filled.Count - numbers.Count).Where(c => c is not ("年度主要任务" or "任务名称")).ToList();
                    if (words.Count == 0)
                    {
                        continue;
                    }

                    var name = words[0];
                    tasks.Add(new TableRow
                    {
                        Name = name,
                        Key = name is "金额合计" or "合计" ? "total" : null,
                        Text = string.Join(" ", words.Skip(1)),
                        Level = 1,
                        Values = numbers.TakeLast(3).Select(v => DocumentExtractor.Number(v, scale)).ToList(),
                    });
                }

                continue;
            }

            if (filled.Count < 2 || filled.Contains("二级指标"))
            {
                continue;
            }

            // The head of a further form printed under the same table (西安's 专项业务经费绩效目标表: 项目名称, 主管部门 | 实施期限,
            // 实施期资金总额, 目标1：…) is no indicator; its own indicators follow under its 一级指标 header.
            if (filled.Any(c => FormHead().IsMatch(c)))
            {
                inIndicators = false;
                continue;
            }

            var rest = new List<string>();
            foreach (var cell in filled)
            {
                if (Level1.Contains(cell) && rest.Count == 0 && !(Level2.Contains(cell) && level1.Length > 0 && cell == "成本指标" && filled.Count <= 3))
                {
                    level1 = cell;
                    level2 = string.Empty;
                }
                else if (Level2.Contains(cell) && rest.Count == 0)
                {
                    level2 = cell;
                }
                else
                {
                    rest.Add(cell);
                }
            }

            if (weighted && rest.Count >= 3 && IsNumber(rest[^1]))
            {
                indicators.Add(new PerformanceIndicator(level1, level2, string.Concat(rest.SkipLast(2)), rest[^2]));
            }
            else if (rest.Count >= 2)
            {
                indicators.Add(new PerformanceIndicator(level1, level2, string.Concat(rest.SkipLast(1)), rest[^1]));
            }
        }

        return new DisclosureTable
        {
            Id = "T12",
            Title = "T12",
            Columns = [new TableColumn("total", "总额"), new TableColumn("fiscal", "其中：财政拨款"), new TableColumn("other", "其中：其他资金")],
            Rows = tasks,
            Decimals = Decimals(tasks),
            Performance = new PerformanceSection(goals, indicators, supervisor),
        };
    }
}
