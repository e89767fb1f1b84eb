using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;

namespace Yusuan.Core.Rules;

/// <summary>
/// The 决算's tables that no budget table mirrors. The 政府性基金 and 国有资本经营预算财政拨款收入支出决算表 (财决09, 财决10):
/// per function code 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余, 本年支出 = 基本支出 + 项目支出, codes rolled up.
/// The 一般公共预算财政拨款基本支出决算表 (财政部 部门决算 财决08 表), which
/// prints the year's basic expenditure by economic class in two lists side by side — 人员经费 (301 工资福利支出, 303 对个人
/// 和家庭的补助) and 公用经费 (302 商品和服务支出, 310 资本性支出 and the rest) — each closed by its 合计, read as one list of
/// coded rows with the two 合计 rows. Its classes add up from their 款, its 合计 from their classes, and together they are the
/// 基本支出 of the 一般公共预算财政拨款支出决算表 (T07 as the 决算 mirrors it).
/// </summary>
internal static class FinalAccountsRules
{
    private static readonly string[] PersonnelClasses = ["301", "303"];

    public static IEnumerable<Rule> All()
    {
        yield return new Rule("final.fund.balance", Severity.Error, "arithmetic", "基金收支决算表：年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余",
            "部门决算财决09表、财决10表（政府性基金、国有资本经营预算财政拨款收入支出决算表）：各行收支与结转结余相衔接", FundBalance);
        yield return new Rule("final.fund.spending", Severity.Error, "arithmetic", "基金收支决算表：本年支出合计 = 基本支出 + 项目支出",
            "部门决算财决09表、财决10表：本年支出按基本支出和项目支出列示", FundSpending);
        yield return new Rule("final.fund.rollup", Severity.Error, "arithmetic", "基金收支决算表：科目逐级汇总：项 → 款 → 类",
            "部门决算财决09表、财决10表：功能分类项级之和等于款级、款级之和等于类级", (rule, context) =>
                FundTables(context).SelectMany(t => ArithmeticRules.CodeChildren(rule, context, new TableView(t.Table, context.Disclosure.FiscalYear), [.. t.Table.Rows], economic: false)));
        yield return new Rule("final.basic.rollup", Severity.Error, "arithmetic", "基本支出决算表：各类 = 其下各款之和",
            "部门决算财决08表（一般公共预算财政拨款基本支出决算表）：经济分类款级之和等于类级", Rollup);
        yield return new Rule("final.basic.totals", Severity.Error, "arithmetic", "基本支出决算表：人员经费合计、公用经费合计 = 其各类之和",
            "部门决算财决08表：人员经费为工资福利支出（301）与对个人和家庭的补助（303），公用经费为其余各类（302、307、310、399 等）", Totals);
        yield return new Rule("X.final.basic-T07", Severity.Error, "consistency", "基本支出决算表的人员经费与公用经费之和 = 一般公共预算财政拨款支出决算表的基本支出",
            "同一笔一般公共预算财政拨款基本支出，按经济分类与按功能分类列示", AgreesWithT07);
    }

    /// <summary>The document's 基本支出决算表s: in a 决算, kept under their own title with one column of 决算数.</summary>
    private static IEnumerable<DisclosureTable> BasicTables(RuleContext context) =>
        context.Disclosure.Kind.EndsWith("决算", StringComparison.Ordinal)
            ? context.Disclosure.Tables.Where(t => t.Id.StartsWith('X') && t.Part is null && t.Columns.Count == 1 && Compact(t.Title).Contains("基本支出决算表", StringComparison.Ordinal))
            : [];

    private static IEnumerable<Finding> Rollup(Rule rule, RuleContext context) =>
        BasicTables(context).SelectMany(table => ArithmeticRules.CodeChildren(rule, context, new TableView(table, context.Disclosure.FiscalYear), [.. table.Rows], economic: true));

    private static IEnumerable<Finding> Totals(Rule rule, RuleContext context)
    {
        foreach (var table in BasicTables(context))
        {
            var view = new TableView(table, context.Disclosure.FiscalYear);
            var classes = table.Rows.Where(r => r.Code is { Length: 3 } && r.Values.Count > 0).ToList();
            foreach (var (total, personnel) in new[] { (Total(table, "人员经费"), true), (Total(table, "公用经费"), false) })
            {
                var parts = classes.Where(c => PersonnelClasses.Contains(c.Code) == personnel).ToList();
                if (total is null || parts.Count == 0)
                {
                    continue;
                }

                var what = $"{view.Describe(total, 0)}（{string.Join("、", parts.Select(p => p.Code))} 类之和）";
                foreach (var f in rule.CompareSum(context, view.At(total, 0), what, total.Values[0], parts.Sum(p => p.Values[0]), parts.Count, view.DecimalsOf(parts.Append(total), 0)))
                {
                    yield return f;
                }
            }
        }
    }

    private static IEnumerable<Finding> AgreesWithT07(Rule rule, RuleContext context)
    {
        // T07's total: its 合计 row as a 决算 prints it, else its department row.
        if (context.Table("T07") is not { } t07 || t07.ColumnIndex("basic") is var basic && basic < 0
            || (t07.Rows.FirstOrDefault(r => r.Code is null && (r.Key == "total" || Compact(r.Name) is "合计" or "总计")) ?? new TableView(t07, context.Disclosure.FiscalYear).TopRow()) is not { } top
            || top.Values.Count <= basic)
        {
            yield break;
        }

        foreach (var table in BasicTables(context))
        {
            if (Total(table, "人员经费") is not { } personnel || Total(table, "公用经费") is not { } operating)
            {
                continue;
            }

            var view = new TableView(t07, context.Disclosure.FiscalYear);
            var what = $"{view.Describe(top, basic)}与“{table.Title}”的人员经费合计 {RuleMessages.N(personnel.Values[0])} + 公用经费合计 {RuleMessages.N(operating.Values[0])}";
            var decimals = Math.Min(view.DecimalsOf(top, basic), new TableView(table, context.Disclosure.FiscalYear).DecimalsOf([personnel, operating], 0));
            foreach (var f in rule.CompareSum(context, view.At(top, basic), what, top.Values[basic], personnel.Values[0] + operating.Values[0], 2, decimals))
            {
                yield return f;
            }
        }
    }

    /// <summary>
    /// The document's 政府性基金 and 国有资本经营预算财政拨款收入支出决算表s with the columns their headers name: 年初结转和结余,
    /// 本年收入, 本年支出's 合计 (小计), 基本支出, 项目支出, 年末结转和结余 — each -1 where no single column is headed so.
    /// </summary>
    private static IEnumerable<(DisclosureTable Table, int Opening, int Income, int Spending, int Basic, int Project, int Closing)> FundTables(RuleContext context)
    {
        if (!context.Disclosure.Kind.EndsWith("决算", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var table in context.Disclosure.Tables.Where(t => t.Id.StartsWith('X') && t.Part is null
                     && Compact(t.Title) is var title && title.Contains("收入支出决算表", StringComparison.Ordinal)
                     && (title.Contains("政府性基金", StringComparison.Ordinal) || title.Contains("国有资本经营", StringComparison.Ordinal))))
        {
            int Only(Func<string, bool> heads)
            {
                var found = table.Columns.Select((c, i) => (Title: Compact(c.Title), i)).Where(c => heads(c.Title)).ToList();
                return found.Count == 1 ? found[0].i : -1;
            }

            yield return (table,
                Only(h => h.StartsWith("年初", StringComparison.Ordinal)),
                Only(h => h == "本年收入"),
                Only(h => h is "小计" or "合计" or "本年支出"),
                Only(h => h == "基本支出"),
                Only(h => h == "项目支出"),
                Only(h => h.StartsWith("年末", StringComparison.Ordinal)));
        }
    }

    private static IEnumerable<Finding> FundBalance(Rule rule, RuleContext context)
    {
        foreach (var (table, opening, income, spending, _, _, closing) in FundTables(context))
        {
            if (opening < 0 || income < 0 || spending < 0 || closing < 0)
            {
                continue;
            }

            var view = new TableView(table, context.Disclosure.FiscalYear);
            foreach (var row in table.Rows.Where(r => r.Values.Count > new[] { opening, income, spending, closing }.Max()))
            {
                var columns = new[] { opening, income, spending, closing };
                var what = $"{view.Describe(row, closing)}（年初结转和结余 + 本年收入 − 本年支出）";
                foreach (var f in rule.CompareSum(context, view.At(row, closing), what, row.Values[closing], row.Values[opening] + row.Values[income] - row.Values[spending], 3, columns.Min(c => view.DecimalsOf(row, c))))
                {
                    yield return f;
                }
            }
        }
    }

    private static IEnumerable<Finding> FundSpending(Rule rule, RuleContext context)
    {
        foreach (var (table, _, _, spending, basic, project, _) in FundTables(context))
        {
            if (spending < 0 || basic < 0 || project < 0)
            {
                continue;
            }

            var view = new TableView(table, context.Disclosure.FiscalYear);
            foreach (var row in table.Rows.Where(r => r.Values.Count > Math.Max(spending, Math.Max(basic, project))))
            {
                var columns = new[] { spending, basic, project };
                foreach (var f in rule.CompareSum(context, view.At(row, spending), view.Describe(row, spending), row.Values[spending], row.Values[basic] + row.Values[project], 2, columns.Min(c => view.DecimalsOf(row, c))))
                {
                    yield return f;
                }
            }
        }
    }

    /// <summary>The 合计 row of one list (人员经费合计, 公用经费合计), or null.</summary>
    private static TableRow? Total(DisclosureTable table, string list) =>
        table.Rows.FirstOrDefault(r => r.Code is null && r.Values.Count > 0 && Compact(r.Name) is var name && (name == list + "合计" || name == list));

    private static string Compact(string text) => Tables.DocumentTemplates.Comparable(text);
}
