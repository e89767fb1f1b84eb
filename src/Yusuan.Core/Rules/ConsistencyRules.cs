using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;

namespace Yusuan.Core.Rules;

/// <summary>Across tables: the same money seen from different sides must agree.</summary>
internal static class ConsistencyRules
{
    private const string Category = "consistency";

    public static IEnumerable<Rule> All()
    {
        yield return new Rule("X.T01-T03.function", Severity.Error, Category, "收支总表支出 = 支出总表（按功能分类）",
            "收支总表支出方与支出总表同一科目的支出总计相等", (rule, context) => FunctionAgreement(rule, context, "T01", "T03", "total", exact: true));
        yield return new Rule("X.T01-T06.function", Severity.Error, Category, "政府预算拨款支出不超过部门预算支出，全部为政府预算拨款时两表相等",
            "政府预算拨款收支总表是收支总表的财政拨款部分", (rule, context) => FunctionAgreement(rule, context, "T01", "T06", "budget", exact: OnlyAppropriations(context)));
        yield return new Rule("X.T03-T07.function", Severity.Error, Category, "一般公共预算支出不超过支出总表（按功能分类）",
            "一般公共预算支出表是支出总表的一般公共预算部分", (rule, context) => FunctionAgreement(rule, context, "T03", "T07", "total", exact: OnlyGeneralBudget(context)));
        foreach (var identity in Tables.TableSpecifications.Identities)
        {
            yield return Same(identity);
        }

        yield return new Rule("X.T03-sources", Severity.Error, Category, "支出总计 = 一般公共预算 + 政府性基金 + 国有资本经营 + 其他来源",
            "支出总表按资金来源分解", CheckSources);
        yield return new Rule("X.T08-T04.basic", Severity.Error, Category, "一般公共预算基本支出（按经济分类）不超过基本支出总表",
            "一般公共预算支出表的基本支出栏是基本支出总表的一般公共预算部分", CheckEconomicBasic);
        yield return new Rule("X.T09-T08.official", Severity.Warning, Category, "“三公”经费与经济分类科目一致",
            "因公出国（境）费用 30212、公务接待费 30217、公务用车运行维护费 30231、公务用车购置 31013", CheckOfficialCodes);
        yield return new Rule("X.T12-T03.basic", Severity.Warning, Category, "绩效目标表“基本支出”任务 = 支出总表基本支出",
            "整体支出绩效目标的基本支出任务覆盖全部基本支出", CheckBasicTask);
        yield return new Rule("X.T12-supervisor", Severity.Warning, Category, "绩效目标表的主管部门与其他表一致",
            "同一文件中主管部门名称应一致", CheckSupervisor);
    }

    /// <summary>The value a reference names: a two-sided row key, "top" (the first unit row), or a keyed row.</summary>
    /// <param name="byPlace">The column is named by its place in the seed's table (found by its key in another layout); false for an index already found.</param>
    private static (decimal Value, Location Location, string Label)? Figure(RuleContext context, string table, string row, int column, bool byPlace = true)
    {
        if (context.Table(table) is not { } t)
        {
            return null;
        }

        var view = new TableView(t, context.Disclosure.FiscalYear);
        var r = row == "top" ? view.TopRow() : view.Row(row);

        // A column is named by its place in the seed's table; a table read from another region's layout is found by its key.
        if (byPlace && Tables.TableSpecifications.Find(t.Id) is { Shape: not Tables.TableShape.TwoSided } specification
            && column < specification.Columns.Count && column < t.Columns.Count && t.Columns[column].Key != specification.Columns[column])
        {
            column = t.ColumnIndex(specification.Columns[column]);
        }

        if (r is null || column < 0 || column >= r.Values.Count)
        {
            return null;
        }

        return (r.Values[column], view.At(r, column), view.Describe(r, column));
    }

    /// <summary>
    /// The rule of a cross-table identity: each pair of figures equal, where both tables print them; where the identity
    /// allows carried-over money, the second may exceed the first by up to the 上年结余、结转 the document prints.
    /// </summary>
    private static Rule Same(Tables.TableIdentity identity) =>
        new(identity.Rule, Severity.Error, Category, identity.Title, identity.Statement, (rule, context) => identity.Pairs.SelectMany(p =>
        {
            var a = Figure(context, p.Figure.Table, p.Figure.Row, p.Figure.Place);
            var columnB = p.Same.Key is null ? p.Same.Place : context.Table(p.Same.Table)?.ColumnIndex(p.Same.Key) ?? -1;
            var b = columnB < 0 ? null : Figure(context, p.Same.Table, p.Same.Row, columnB, byPlace: false);
            if (a is null || b is null)
            {
                return [];
            }

            var carryover = identity.Carryover is { } c ? Figure(context, c.Table, c.Row, c.Place)?.Value ?? 0 : 0;
            return carryover > 0 && b.Value.Value > a.Value.Value && b.Value.Value <= a.Value.Value + carryover
                ? []
                : rule.CompareSame(context, b.Value.Location, $"{b.Value.Label} 与 {a.Value.Label}", a.Value.Value, b.Value.Value);
        }).ToList());

    private static bool OnlyAppropriations(RuleContext context)
    {
        // Only where the income is known to be appropriations alone: its total is 一般公共预算 + 政府性基金 + 国有资本经营 (+ 上年结转),
        // not merely where the seed's 财政专户 and 单位资金 rows are absent (other regions name their other income otherwise).
        var view = context.Table("T01") is { } t ? new TableView(t, context.Disclosure.FiscalYear) : null;
        return view?.Value("income.total") is { } total && (view.Value("income.special") ?? 0) == 0 && (view.Value("income.unit") ?? 0) == 0
            && total == (view.Value("income.general") ?? 0) + (view.Value("income.fund") ?? 0) + (view.Value("income.capital") ?? 0) + (view.Value("income.carryover") ?? 0);
    }

    private static bool OnlyGeneralBudget(RuleContext context)
    {
        var view = context.Table("T01") is { } t ? new TableView(t, context.Disclosure.FiscalYear) : null;
        return view is not null && view.Value("income.general") is { } general && general == view.Value("income.total");
    }

    /// <summary>Function rows of two tables: equal (exact) or the second never above the first, code by code, summed over agencies.</summary>
    private static IEnumerable<Finding> FunctionAgreement(Rule rule, RuleContext context, string first, string second, string secondColumn, bool exact)
    {
        if (context.Table(first) is not { } a || context.Table(second) is not { } b)
        {
            yield break;
        }

        // A table printed by names alone (杭州: 功能分类科目名称 indented, no codes) is compared by its 类, named as the
        // catalogue names them; what it does not name that way is not said to be missing.
        var named = !b.Rows.Any(r => r.Code is not null) || !a.Rows.Any(r => r.Code is not null);
        a = a.Rows.Any(r => r.Code is not null) ? a : ClassesByName(a, context.Catalogue);
        b = b.Rows.Any(r => r.Code is not null) ? b : ClassesByName(b, context.Catalogue);
        var columnA = Tables.TableSpecifications.Find(a.Id)?.Shape == Tables.TableShape.TwoSided ? 0 : a.ColumnIndex("total");
        var columnB = b.ColumnIndex(secondColumn) is var c and >= 0 ? c : 0;
        var sumsA = CodeSums(a, columnA);
        var sumsB = CodeSums(b, columnB);
        var viewB = new TableView(b, context.Disclosure.FiscalYear);

        // Codes are compared at the levels both tables print: a 收支总表 that lists only 类 says nothing of 款 and 项.
        var levelsA = sumsA.Keys.Select(k => k.Length).ToHashSet();
        var levelsB = sumsB.Keys.Select(k => k.Length).ToHashSet();
        foreach (var (code, (valueB, countB)) in sumsB.Where(s => levelsA.Contains(s.Key.Length)))
        {
            var (valueA, countA) = sumsA.GetValueOrDefault(code);
            if (valueA == valueB)
            {
                continue; // no finding either way: its row, place and wording are looked up only for one that differs
            }

            var row = b.Rows.First(r => r.Code == code);
            var what = $"{second} 科目 {code} {row.Name} 与 {first}";
            if (exact)
            {
                // A 决算's statements each round the accounts' figures on their own: a 类 line of its 收入支出决算总表 may differ by
                // one unit from the 类 row of its 支出决算表 (普陀区规划和自然资源局 2024: 236.63 and 236.64), which is rounding.
                var terms = Math.Max(countA, countB) + (context.Disclosure.Kind == "部门决算" ? 1 : 0);
                foreach (var f in rule.CompareSame(context, viewB.At(row, columnB), what, valueA, valueB, terms))
                {
                    yield return f;
                }
            }
            else if (valueB - valueA > context.SumTolerance(Math.Max(countA, countB) - 1, b.Decimals))
            {
                yield return rule.Finding($"{what}：{second} 列示 {RuleMessages.N(valueB)}，超过 {first} 的 {RuleMessages.N(valueA)}", viewB.At(row, columnB), valueA, valueB);
            }
        }

        if (exact && !named)
        {
            var viewA = new TableView(a, context.Disclosure.FiscalYear);
            foreach (var (code, (valueA, _)) in sumsA.Where(s => !sumsB.ContainsKey(s.Key) && s.Value.Value != 0 && levelsB.Contains(s.Key.Length)))
            {
                var row = a.Rows.First(r => r.Code == code);
                yield return rule.Finding($"{first} 科目 {code} {row.Name} 列示 {RuleMessages.N(valueA)}，{second} 中没有该科目", viewA.At(row, columnA), valueA, 0);
            }
        }
    }

    /// <summary>The table with its 类 rows coded where their name is a 类's official name, printed once.</summary>
    private static DisclosureTable ClassesByName(DisclosureTable table, Catalogue.ClassificationCatalogue catalogue)
    {
        static string Bare(string name) => TableView.StripOrdinal(name).Replace(" ", string.Empty, StringComparison.Ordinal);
        var classes = catalogue.Entries(Catalogue.ClassificationKind.Function).Where(e => e.Level == 1).GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);
        var once = table.Rows.Where(r => r.Key is null && r.Section is null or "expenditure").GroupBy(r => Bare(r.Name)).Where(g => g.Count() == 1 && classes.ContainsKey(g.Key)).Select(g => g.Single()).ToHashSet();
        return table with { Rows = [.. table.Rows.Select(r => once.Contains(r) ? r with { Code = classes[Bare(r.Name)], Level = 1 } : r)] };
    }

    private static Dictionary<string, (decimal Value, int Count)> CodeSums(DisclosureTable table, int column)
    {
        var sums = new Dictionary<string, (decimal Value, int Count)>(StringComparer.Ordinal);
        foreach (var row in table.Rows.Where(r => r.Code is not null && column < r.Values.Count))
        {
            var (value, count) = sums.GetValueOrDefault(row.Code!);
            sums[row.Code!] = (value + row.Values[column], count + 1);
        }

        return sums;
    }

    private static IEnumerable<Finding> CheckSources(Rule rule, RuleContext context)
    {
        var total = Figure(context, "T03", "top", 0);
        if (total is null || context.Table("T01") is not { } t01)
        {
            yield break;
        }

        var income = new TableView(t01, context.Disclosure.FiscalYear);
        var parts = new[] { Figure(context, "T07", "top", 0), Figure(context, "T10", "top", 0), Figure(context, "T11", "top", 0) };
        if (parts.Any(p => p is null))
        {
            yield break;
        }

        var other = (income.Value("income.special") ?? 0) + (income.Value("income.unit") ?? 0) + (income.Value("income.carryover") ?? 0);
        foreach (var f in rule.CompareSum(context, total.Value.Location, $"{total.Value.Label} 与 一般公共预算 + 政府性基金 + 国有资本经营 + 其他来源", total.Value.Value,
                     parts.Sum(p => p!.Value.Value) + other, 6, 0))
        {
            yield return f;
        }
    }

    private static IEnumerable<Finding> CheckEconomicBasic(Rule rule, RuleContext context)
    {
        if (context.Table("T08") is not { } t08 || context.Table("T04") is not { } t04)
        {
            yield break;
        }

        var basic = t08.ColumnIndex("basic");
        var total = t04.ColumnIndex("total");
        if (basic < 0 || total < 0)
        {
            yield break;
        }

        var exact = OnlyGeneralBudget(context);
        var sums08 = CodeSums(t08, basic);
        var sums04 = CodeSums(t04, total);
        var view = new TableView(t08, context.Disclosure.FiscalYear);
        foreach (var (code, (value08, count)) in sums08.Where(s => s.Value.Value != 0 || sums04.ContainsKey(s.Key)))
        {
            var (value04, _) = sums04.GetValueOrDefault(code);
            if (value04 == value08)
            {
                continue; // no finding either way (as above)
            }

            var row = t08.Rows.First(r => r.Code == code);
            if (exact)
            {
                foreach (var f in rule.CompareSame(context, view.At(row, basic), $"T08 科目 {code} {row.Name}「基本支出」与 T04 合计", value04, value08, count))
                {
                    yield return f;
                }
            }
            else if (value08 - value04 > context.SumTolerance(count - 1, t08.Decimals))
            {
                yield return rule.Finding($"T08 科目 {code} {row.Name} 基本支出 {RuleMessages.N(value08)} 超过基本支出总表的 {RuleMessages.N(value04)}", view.At(row, basic), value04, value08);
            }
        }
    }

    private static IEnumerable<Finding> CheckOfficialCodes(Rule rule, RuleContext context)
    {
        if (context.Table("T09") is not { } t09 || context.Table("T08") is not { } t08)
        {
            yield break;
        }

        var view = new TableView(t09, context.Disclosure.FiscalYear);
        var sums = CodeSums(t08, 0);
        foreach (var (column, code, name) in new[] { ("abroad", "30212", "因公出国（境）费用"), ("reception", "30217", "公务接待费"), ("vehicle_operation", "30231", "公务用车运行维护费"), ("vehicle_purchase", "31013", "公务用车购置") })
        {
            var value = view.Value("current", column);
            if (value is null)
            {
                continue;
            }

            var (coded, _) = sums.GetValueOrDefault(code);
            if (Math.Abs(value.Value - coded) > 0.5m + context.SumTolerance(0, t09.Decimals))
            {
                var row = view.Row("current")!;
                yield return rule.Finding($"T09 本年{name} {RuleMessages.N(value.Value)} 万元，与 T08 科目 {code} {name} {RuleMessages.N(coded)} 万元不一致",
                    view.At(row, t09.ColumnIndex(column)), coded, value);
            }
        }
    }

    private static IEnumerable<Finding> CheckBasicTask(Rule rule, RuleContext context)
    {
        if (context.Table("T12") is not { } t12 || Figure(context, "T03", "top", 1) is not { } basic)
        {
            yield break;
        }

        var view = new TableView(t12, context.Disclosure.FiscalYear);
        var task = t12.Rows.FirstOrDefault(r => r.Name.Contains("基本支出", StringComparison.Ordinal));
        if (task is null || task.Values.Count == 0)
        {
            yield break;
        }

        foreach (var f in rule.CompareSame(context, view.At(task, 0), $"T12 任务“{task.Name}”与 {basic.Label}", basic.Value, task.Values[0]))
        {
            yield return f;
        }
    }

    private static IEnumerable<Finding> CheckSupervisor(Rule rule, RuleContext context)
    {
        var named = context.Table("T12")?.Performance?.Supervisor;
        var printed = new[] { "T07", "T08", "T10", "T11" }.Select(id => context.Table(id)).OfType<DisclosureTable>()
            .Select(t => new TableView(t, context.Disclosure.FiscalYear).Blocks().Headers.FirstOrDefault()?.Name).FirstOrDefault(n => n is not null);
        if (string.IsNullOrWhiteSpace(named) || printed is null || named == printed)
        {
            yield break;
        }

        yield return rule.Finding($"T12 主管部门为“{named}”，而 T07 等表列示的主管部门为“{printed}”", new Location { Table = "T12", TableRow = "主管部门" });
    }
}
