using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;

namespace Yusuan.Core.Rules;

/// <summary>Arithmetic inside each table: totals equal the sums of their parts, by rows and by columns, and codes roll up.</summary>
internal static class ArithmeticRules
{
    private const string Category = "arithmetic";

    public static IEnumerable<Rule> All()
    {
        // The sums each table specifies (TableSpecifications): each table's column total first, then the other column sums.
        var specifications = Tables.TableSpecifications.All;
        foreach (var sum in specifications.SelectMany(t => t.ColumnSums.Take(1).Select(sum => (t.Id, sum))).Concat(specifications.SelectMany(t => t.ColumnSums.Skip(1).Select(sum => (t.Id, sum)))))
        {
            yield return ColumnSum($"{sum.Id}.{sum.sum.Rule}", sum.Id, sum.sum.Total, sum.sum.Parts, sum.sum.Statement);
        }

        yield return new Rule("T03.procurement.parts", Severity.Error, Category, "面向中小企业、小微企业的采购不超过政府采购小计",
            "《政府采购促进中小企业发展管理办法》：面向小微企业的份额包含于面向中小企业的份额，后者包含于采购总额", CheckProcurementParts);

        foreach (var id in Tables.TableSpecifications.All.Where(t => t.Shape == Tables.TableShape.Coded).Select(t => t.Id))
        {
            yield return new Rule($"{id}.sum.rollup", Severity.Error, Category, "科目逐级汇总：项 → 款 → 类",
                "支出功能分类项级之和等于款级、款级之和等于类级（经济分类款级之和等于类级）", (rule, context) => Rollup(rule, context, id));
            yield return new Rule($"{id}.sum.units", Severity.Error, Category, "部门（单位）合计 = 所属各类（各单位）之和",
                "部门合计行等于各单位之和，单位合计行等于其各类科目之和", (rule, context) => Units(rule, context, id));
        }

        yield return new Rule("T05.sum.units", Severity.Error, Category, "部门（单位）合计 = 各项目之和",
            "项目支出总表的合计行等于各项目之和", (rule, context) => Units(rule, context, "T05"));

        foreach (var id in specifications.Where(t => t.RowSums.Count > 0).Select(t => t.Id))
        {
            foreach (var sum in Tables.TableSpecifications.Get(id).RowSums)
            {
                yield return TwoSided($"{id}.{sum.Rule}", id, sum);
            }

            yield return new Rule($"{id}.expenditure.classes", Severity.Error, Category, "本年支出合计 = 各类支出之和",
                "收支总表支出方的本年支出合计等于各功能分类类级之和", (rule, context) => ExpenditureClasses(rule, context, id));
            yield return new Rule($"{id}.expenditure.rollup", Severity.Error, Category, "支出方科目逐级汇总：项 → 款 → 类",
                "收支总表支出方项级之和等于款级、款级之和等于类级", (rule, context) => TwoSidedRollup(rule, context, id));
        }

        yield return new Rule("T09.change", Severity.Error, Category, "“三公”经费增减变化 = 本年 − 上年",
            "“三公”经费支出表的增减变化金额行等于本年数减上年数", CheckOfficialChange);
        yield return new Rule("T12.sum.tasks", Severity.Error, Category, "金额合计 = 各项任务金额之和",
            "整体支出绩效目标表的金额合计等于年度主要任务金额之和", CheckTaskSum);
    }

    private static Rule ColumnSum(string id, string table, string total, IReadOnlyList<string> parts, string title) =>
        new(id, Severity.Error, Category, title, "表内栏目之间的勾稽关系", (rule, context) => ColumnSums(rule, context, table, total, parts));

    private static IEnumerable<Finding> ColumnSums(Rule rule, RuleContext context, string id, string total, IReadOnlyList<string> parts)
    {
        if (context.Table(id) is not { } table)
        {
            yield break;
        }

        var view = new TableView(table, context.Disclosure.FiscalYear);
        var t = table.ColumnIndex(total);

        var p = PrintedParts(table, parts).Select(table.ColumnIndex).Where(i => i >= 0).ToArray();
        if (t < 0 || p.Length == 0)
        {
            yield break;
        }

        foreach (var row in table.Rows.Where(r => r.Values.Count > t && p.All(i => i < r.Values.Count)))
        {
            // A sum that matches gives no finding: its place and wording are made only for one that does not (as below).
            var sum = p.Sum(i => row.Values[i]);
            if (row.Values[t] == sum)
            {
                continue;
            }

            foreach (var f in rule.CompareSum(context, view.At(row, t), view.Describe(row, t), row.Values[t], sum, p.Length, p.Select(i => view.DecimalsOf(row, i)).Append(view.DecimalsOf(row, t)).Min()))
            {
                yield return f;
            }
        }
    }

    /// <summary>Wholes that published tables print either as one column or as their parts.</summary>
    private static readonly (string Whole, string[] Parts)[] Wholes =
    [
        ("basic", ["personnel", "operating"]),
        ("unit", ["institution", "business", "superior", "subordinate", "other"]),
        ("government", ["general", "fund", "capital"]),
    ];

    /// <summary>
    /// The columns that make up a sum as the table prints them: 基本支出 printed only as 人员经费 | 公用经费 stands for its parts;
    /// 单位资金 printed as one column, without 事业收入 … 其他收入, stands for them, and 财政拨款 for its three budgets.
    /// </summary>
    private static List<string> PrintedParts(DisclosureTable table, IReadOnlyList<string> parts)
    {
        var result = new List<string>();
        foreach (var part in parts)
        {
            var whole = Wholes.FirstOrDefault(w => w.Whole == part);
            result.AddRange(table.ColumnIndex(part) < 0 && whole.Parts is { } pieces && pieces.All(x => table.ColumnIndex(x) >= 0) ? pieces : [part]);
        }

        foreach (var (whole, pieces) in Wholes)
        {
            if (pieces.All(parts.Contains) && !result.Contains(whole) && table.ColumnIndex(whole) >= 0 && pieces.All(x => table.ColumnIndex(x) < 0))
            {
                result.Add(whole);
            }
        }

        return result;
    }

    private static IEnumerable<Finding> CheckProcurementParts(Rule rule, RuleContext context)
    {
        if (context.Table("T03") is not { } table)
        {
            yield break;
        }

        var view = new TableView(table, context.Disclosure.FiscalYear);
        var (procurement, sme, micro) = (table.ColumnIndex("procurement"), table.ColumnIndex("sme"), table.ColumnIndex("micro"));
        if (procurement < 0 || sme < 0)
        {
            yield break;
        }

        // A part and its whole are different measures, each rounded on its own: the part may print up to one unit (two under
        // controlled rounding, whose cells are within one unit each) above the whole without being above it. That is 尾数误差.
        var tolerance = RuleContext.Unit(table.Decimals) * (context.Exact ? 2 : 1);
        foreach (var row in table.Rows.Where(r => r.Values.Count > Math.Max(sme, micro)))
        {
            foreach (var (part, whole, what) in new[] { (sme, procurement, "政府采购小计"), (micro, sme, "面向中小企业部分") })
            {
                if (part < 0 || row.Values[part] <= row.Values[whole])
                {
                    continue;
                }

                var within = row.Values[part] - row.Values[whole] <= tolerance;
                yield return rule.Finding(
                    $"{view.Describe(row, part)} {RuleMessages.N(row.Values[part])} 大于{what} {RuleMessages.N(row.Values[whole])}{(within ? "，相差在四舍五入允许范围内（尾数误差）" : string.Empty)}",
                    view.At(row, part), row.Values[whole], row.Values[part], tolerance, within ? Severity.Info : null);
            }
        }
    }

    private static IEnumerable<Finding> Rollup(Rule rule, RuleContext context, string id)
    {
        if (context.Table(id) is not { } table)
        {
            yield break;
        }

        var view = new TableView(table, context.Disclosure.FiscalYear);
        foreach (var (_, rows) in view.Blocks().Blocks)
        {
            foreach (var f in CodeChildren(rule, context, view, rows))
            {
                yield return f;
            }
        }
    }

    /// <param name="economic">Whether the codes are economic (by the table's specification where not given: a 决算's own table has none).</param>
    internal static IEnumerable<Finding> CodeChildren(Rule rule, RuleContext context, TableView view, List<TableRow> rows, bool? economic = null)
    {
        // A row's parent is the code one level up (项 → 款 → 类). An economic code has two national levels; a region's 7-digit
        // items may be listed straight under their 类 (西安 301 → 3010201, no 30102): then they add up to the 类.
        var printed = rows.Where(r => r.Code is not null).Select(r => r.Code!).ToHashSet(StringComparer.Ordinal);
        economic ??= Tables.TableSpecifications.Find(view.Id)?.Codes == Tables.RowCodes.Economic;
        string? ParentOf(TableRow row) => row.Code!.Length switch
        {
            7 when economic.Value && !printed.Contains(row.Code[..5]) => row.Code[..3],
            > 3 => row.Code[..((TableView.LevelOf(row) - 1) * 2 + 1)],
            _ => null,
        };
        var byParent = rows.Where(r => r.Code is not null && TableView.LevelOf(r) > 1).ToLookup(r => ParentOf(r) ?? string.Empty, StringComparer.Ordinal);
        foreach (var parent in rows.Where(r => r.Code is not null))
        {
            var children = byParent[parent.Code!].Where(r => r.Code!.StartsWith(parent.Code!, StringComparison.Ordinal) && r.Code.Length > parent.Code!.Length).ToList();
            if (children.Count == 0)
            {
                continue;
            }

            for (var c = 0; c < parent.Values.Count; c++)
            {
                var sum = TableView.ColumnSum(children, c);
                if (parent.Values[c] == sum)
                {
                    continue;
                }

                foreach (var f in rule.CompareSum(context, view.At(parent, c), view.Describe(parent, c) + $"（下级 {children.Count} 个科目）", parent.Values[c], sum, children.Count, view.DecimalsOf(children.Append(parent), c)))
                {
                    yield return f;
                }
            }
        }
    }

    private static IEnumerable<Finding> Units(Rule rule, RuleContext context, string id)
    {
        if (context.Table(id) is not { } table)
        {
            yield break;
        }

        var view = new TableView(table, context.Disclosure.FiscalYear);
        var projects = view.Shape == Tables.TableShape.Projects;
        var (headers, blocks) = view.Blocks();
        foreach (var (head, rows) in blocks)
        {
            var top = rows.Where(r => r.Code is not null && (projects || TableView.LevelOf(r) == 1)).ToList();
            if (top.Count == 0)
            {
                continue;
            }

            for (var c = 0; c < head.Values.Count; c++)
            {
                var sum = TableView.ColumnSum(top, c);
                if (head.Values[c] == sum)
                {
                    continue;
                }

                foreach (var f in rule.CompareSum(context, view.At(head, c), view.Describe(head, c), head.Values[c], sum, top.Count, view.DecimalsOf(top.Append(head), c)))
                {
                    yield return f;
                }
            }
        }

        foreach (var header in headers)
        {
            for (var c = 0; c < header.Values.Count; c++)
            {
                foreach (var f in rule.CompareSum(context, view.At(header, c), view.Describe(header, c), header.Values[c], blocks.Sum(b => c < b.Head.Values.Count ? b.Head.Values[c] : 0), blocks.Count, table.Decimals))
                {
                    yield return f;
                }
            }
        }
    }

    private static Rule TwoSided(string id, string table, Tables.TableSum sum) =>
        new(id, Severity.Error, Category, sum.Statement, "收支总表的平衡关系", (rule, context) => TwoSidedSum(rule, context, table, sum));

    private static IEnumerable<Finding> TwoSidedSum(Rule rule, RuleContext context, string id, Tables.TableSum checkedSum)
    {
        var (total, parts) = (checkedSum.Total, checkedSum.Parts);
        if (context.Table(id) is not { } table)
        {
            yield break;
        }

        var view = new TableView(table, context.Disclosure.FiscalYear);
        var totalRow = view.Row(total);
        // A subtotal the table does not print adds what it adds, where every part of it is printed: the 收入总计 of a table
        // without 本年收入合计 (杭州's 财政拨款收支总表: 一、财政拨款 is all its current income), the 本年收入合计 of one without
        // 单位资金 (杭州, 湖州: 三、事业收入 … 七、其他收入 are rows of their own).
        var sums = Tables.TableSpecifications.Find(id)?.RowSums ?? [];
        // Its parts are printed above the total (北京's 财政拨款收支总表 names the rows under 上年结转结余 一般公共预算拨款 too).
        var rows = table.Rows.ToList();
        var above = totalRow is null ? -1 : rows.IndexOf(totalRow);
        decimal? ValueOf(string key) => view.Value(key)
            ?? (sums.FirstOrDefault(s => s.Total == key && s.Total != total) is { } sum
                && sum.Parts.All(p => view.Row(p) is not { } row || rows.IndexOf(row) < above)
                && sum.Parts.Select(ValueOf).ToList() is var printed && printed.All(v => v is not null)
                ? printed.Sum()
                : null);
        var values = parts.Select(ValueOf).ToList();
        // A part added up from its own parts counts only where every part of the total is then known: a table that names
        // its rows otherwise (福州's 一般公共预算拨款收入 … without 财政拨款) is not judged by half of them.
        var added = parts.Any(p => view.Value(p) is null && ValueOf(p) is not null);
        if (totalRow is null || totalRow.Values.Count == 0 || values.All(v => v is null)
            || (added && values.Where((v, i) => v is null && !checkedSum.Optional.Contains(parts[i])).Any()))
        {
            yield break;
        }

        foreach (var f in rule.CompareSum(context, view.At(totalRow, 0), $"{id}“{table.Title}” {totalRow.Name}", totalRow.Values[0], values.Sum(v => v ?? 0), parts.Count, table.Decimals))
        {
            yield return f;
        }
    }

    private static IEnumerable<Finding> ExpenditureClasses(Rule rule, RuleContext context, string id)
    {
        if (context.Table(id) is not { } table)
        {
            yield break;
        }

        var view = new TableView(table, context.Disclosure.FiscalYear);
        var current = view.Row("expenditure.current");
        var classes = table.Rows.Where(r => r.Section == "expenditure" && r.Code is not null && TableView.LevelOf(r) == 1).ToList();
        if (current is null || classes.Count == 0)
        {
            yield break;
        }

        foreach (var f in rule.CompareSum(context, view.At(current, 0), $"{id}“{table.Title}” 本年支出合计", current.Values[0], classes.Sum(r => r.Values[0]), classes.Count, table.Decimals))
        {
            yield return f;
        }
    }

    private static IEnumerable<Finding> TwoSidedRollup(Rule rule, RuleContext context, string id)
    {
        if (context.Table(id) is not { } table)
        {
            return [];
        }

        var view = new TableView(table, context.Disclosure.FiscalYear);
        return CodeChildren(rule, context, view, table.Rows.Where(r => r.Section == "expenditure").ToList()).ToList();
    }

    private static IEnumerable<Finding> CheckOfficialChange(Rule rule, RuleContext context)
    {
        if (context.Table("T09") is not { } table)
        {
            yield break;
        }

        var view = new TableView(table, context.Disclosure.FiscalYear);
        var (prior, current, change) = (view.Row("prior"), view.Row("current"), view.Row("change"));
        if (prior is null || current is null || change is null)
        {
            yield break;
        }

        for (var c = 0; c < Math.Min(change.Values.Count, Math.Min(prior.Values.Count, current.Values.Count)); c++)
        {
            foreach (var f in rule.CompareSum(context, view.At(change, c), view.Describe(change, c), change.Values[c], current.Values[c] - prior.Values[c], 2, table.Decimals))
            {
                yield return f;
            }
        }
    }

    private static IEnumerable<Finding> CheckTaskSum(Rule rule, RuleContext context)
    {
        if (context.Table("T12") is not { } table)
        {
            yield break;
        }

        var view = new TableView(table, context.Disclosure.FiscalYear);
        var total = view.Row("total");
        var tasks = table.Rows.Where(r => view.KeyOf(r) != "total").ToList();
        if (total is null || tasks.Count == 0)
        {
            yield break;
        }

        for (var c = 0; c < total.Values.Count; c++)
        {
            foreach (var f in rule.CompareSum(context, view.At(total, c), view.Describe(total, c), total.Values[c], TableView.ColumnSum(tasks, c), tasks.Count, table.Decimals))
            {
                yield return f;
            }
        }
    }
}
