using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Narrative;

namespace Yusuan.Core.Rules;

/// <summary>Text against tables: every figure the text states equals the figure it names; changes, percentages and directions agree.</summary>
internal static class TextRules
{
    private const string Category = "text";

    public static IEnumerable<Rule> All()
    {
        yield return Bound("text.income.total", "文字说明的部门预算收入 = 收支总表收入总计", [Subjects.Income]);
        yield return Bound("text.expenditure.total", "文字说明的部门预算支出 = 收支总表支出总计", [Subjects.Expenditure]);
        yield return Bound("text.budget.total", "第三部分的预算总额 = 支出总表支出总计", [Subjects.BudgetTotal]);
        yield return Bound("text.personnel", "人员支出 = 基本支出总表工资福利支出", [Subjects.Personnel]);
        yield return Bound("text.operating", "公用支出 = 基本支出总表商品和服务支出", [Subjects.Operating]);
        yield return Bound("text.households", "对个人和家庭的补助支出 = 基本支出总表对个人和家庭的补助", [Subjects.Households]);
        yield return Bound("text.project.total", "项目支出 = 支出总表项目支出", [Subjects.Project]);
        yield return Bound("text.project.items", "各项目金额 = 项目支出总表", null, f => Subjects.IsProject(f.Subject));
        yield return Bound("text.procurement.total", "政府采购预算 = 支出总表政府采购小计", [Subjects.Procurement]);
        yield return Bound("text.procurement.sme", "面向中小企业采购 = 支出总表面向中小企业栏", ["面向中小企业政府采购"]);
        yield return Bound("text.official.total", "“三公”经费预算 = “三公”经费支出表本年总计", [Subjects.OfficialTotal]);
        yield return Bound("text.official.items", "“三公”经费各项 = “三公”经费支出表各栏",
            [Subjects.OfficialAbroad, Subjects.OfficialReception, Subjects.OfficialVehicle, Subjects.OfficialVehiclePurchase, Subjects.OfficialVehicleOperation]);
        yield return Bound("text.official.change", "“三公”经费增减 = “三公”经费支出表增减变化", null,
            f => f.Subject == Subjects.Change && f.Refers?.StartsWith("T09.", StringComparison.Ordinal) == true);
        yield return Bound("text.performance.amount", "纳入绩效管理的项目资金 = 项目支出", [Subjects.PerformanceAmount]);
        yield return Bound("text.figure.table", "文字中其他引用表格的数字与表格一致", null, f => f.Refers is not null && !Covered(f));

        yield return new Rule("text.change.percent", Severity.Error, Category, "增减幅度按增减额和上年数重新计算一致",
            "增减幅度 = 增减额 ÷ 上年数；上年为 0 时按 100% 表述", CheckPercent);
        yield return new Rule("text.change.direction", Severity.Error, Category, "增加/减少、增长/下降与增减方向一致",
            "文字表述的方向与数字正负一致", CheckDirection);
        yield return new Rule("text.change.amount", Severity.Error, Category, "比上年增减额 = 本年数 − 上年数",
            "与上年对比的增减额由本年和上年数计算", CheckChangeAmount);
        yield return new Rule("text.reasons.sum", Severity.Warning, Category, "所列增减原因的金额合计等于增减额",
            "说明增减原因时各原因金额之和应能解释增减变化", CheckReasons);
        yield return new Rule("text.breakdown.total", Severity.Error, Category, "预算总额 = 人员 + 公用 + 对个人和家庭补助 + 项目支出",
            "第三部分的分项之和等于总额", CheckBreakdown);
        yield return new Rule("text.category.items", Severity.Error, Category, "项目类别金额 = 所列各项目金额之和",
            "第三部分各项目类别的分项之和等于类别金额", CheckCategoryItems);
        yield return new Rule("text.project.categories", Severity.Error, Category, "项目支出 = 各项目类别之和",
            "第三部分项目支出等于各类别之和", CheckProjectCategories);
        yield return new Rule("text.category.amount", Severity.Error, Category, "项目类别金额 = 该类别预算明细之和",
            "类别金额由预算明细汇总（有预算明细时检查）", CheckCategoryAmount);
        yield return new Rule("text.procurement.split", Severity.Error, Category, "政府采购 = 货物 + 工程 + 服务",
            "第四部分采购分类之和等于采购总额", CheckProcurementSplit);
        yield return new Rule("text.operating.amount", Severity.Error, Category, "机关运行经费 = 标记为机关运行经费的预算明细之和",
            "机关运行经费由预算明细汇总（有预算明细时检查）", CheckOperatingAmount);
        yield return new Rule("text.performance.goals", Severity.Warning, Category, "绩效目标个数与第七部分所列项目一致",
            "第六部分所称项目绩效目标个数应与第七部分列示一致", CheckGoalCount);
    }

    private static readonly HashSet<string> CoveredSubjects =
    [
        Subjects.Income, Subjects.Expenditure, Subjects.BudgetTotal, Subjects.Personnel, Subjects.Operating, Subjects.Households, Subjects.Project,
        Subjects.Procurement, "面向中小企业政府采购", Subjects.OfficialTotal, Subjects.OfficialAbroad, Subjects.OfficialReception, Subjects.OfficialVehicle,
        Subjects.OfficialVehiclePurchase, Subjects.OfficialVehicleOperation, Subjects.PerformanceAmount,
    ];

    private static bool Covered(NarrativeFigure f) =>
        CoveredSubjects.Contains(f.Subject) || Subjects.IsProject(f.Subject) || (f.Subject == Subjects.Change && f.Refers?.StartsWith("T09.", StringComparison.Ordinal) == true);

    private static Location At(NarrativeSentence sentence, int index) => new()
    {
        Part = sentence.Part,
        Sentence = index,
        Page = sentence.Source?.Page,
        Line = sentence.Source?.Line,
    };

    /// <summary>Each sentence with its 1-based number inside its part.</summary>
    private static IEnumerable<(NarrativeSentence Sentence, int Index)> Sentences(RuleContext context)
    {
        var counters = new Dictionary<int, int>();
        foreach (var s in context.Disclosure.Narrative)
        {
            counters[s.Part] = counters.GetValueOrDefault(s.Part) + 1;
            yield return (s, counters[s.Part]);
        }
    }

    private static Rule Bound(string id, string title, string[]? subjects, Func<NarrativeFigure, bool>? match = null) =>
        new(id, Severity.Error, Category, title, "文字说明中的数字必须与表格一致", (rule, context) =>
        {
            var findings = new List<Finding>();
            foreach (var (sentence, index) in Sentences(context))
            {
                foreach (var figure in sentence.Figures.Where(f => f.Refers is not null && (subjects?.Contains(f.Subject) ?? match!(f))))
                {
                    if (context.Lookup.Resolve(figure.Refers!) is not { } target)
                    {
                        continue;
                    }

                    var value = target.Rows.Sum(r => target.Column < r.Values.Count ? r.Values[target.Column] : 0);
                    var location = At(sentence, index) with { Table = target.Table.Id, TableRow = target.Rows[0].Code ?? target.Rows[0].Key ?? target.Rows[0].Name, TableColumn = target.Table.Columns[target.Column].Key };
                    findings.AddRange(rule.CompareSame(context, location, $"{RuleMessages.Part(sentence.Part)}“{figure.Subject}”与 {target.Table.Id}", value, figure.Value, target.Rows.Count));
                }
            }

            return findings;
        });

    private static IEnumerable<Finding> CheckPercent(Rule rule, RuleContext context)
    {
        foreach (var (sentence, index) in Sentences(context))
        {
            var figures = sentence.Figures;
            for (var i = 0; i < figures.Count; i++)
            {
                if (figures[i].Subject != Subjects.ChangePercent)
                {
                    continue;
                }

                var change = figures.Take(i).LastOrDefault(f => f.Subject == Subjects.Change);
                // The figure the change belongs to: the nearest one before it that is neither a change nor an item of a list.
                var main = change is null ? null : figures.Take(figures.ToList().IndexOf(change))
                    .LastOrDefault(f => f.Unit == "万元" && f.Subject != Subjects.Change && !Subjects.IsProject(f.Subject));
                if (change is null || main is null)
                {
                    continue;
                }

                var printed = figures[i].Value;
                var (low, high) = PercentBounds(main.Value, change.Value, context.Exact);
                var decimals = context.StatedDecimalsOf(printed);
                var half = 0.5m * RuleContext.Unit(decimals);
                if (printed < low - half || printed > high + half)
                {
                    var prior = main.Value - change.Value;
                    var expected = prior == 0 ? (change.Value == 0 ? 0 : 100 * Math.Sign(change.Value)) : decimal.Round(change.Value / Math.Abs(prior) * 100, decimals, MidpointRounding.AwayFromZero);

                    // In a document Yusuan did not compile, a rate one unit off in its last digit is most often cut rather than
                    // rounded (23.998 printed 23.9): a warning, as text.rate.rounding has it; beyond that, an error.
                    var unit = 2 * half;
                    var slip = context.Profile is null && printed + half + unit >= low && printed - half - unit <= high;
                    var message = $"{RuleMessages.Part(sentence.Part)}“{main.Subject}”增减幅度列示 {RuleMessages.N(printed, decimals)}%，按增减额 {RuleMessages.N(change.Value)} 和上年数 {RuleMessages.N(prior)} 计算应为 {RuleMessages.N(expected, decimals)}%";
                    yield return rule.Finding(slip ? message + "（末位相差一个单位，多为截尾）" : message, At(sentence, index), expected, printed, severity: slip ? Severity.Warning : null);
                }
            }
        }
    }

    /// <summary>The range of change ÷ prior × 100 when both printed figures may be off by half a unit (independent rounding).</summary>
    private static (decimal Low, decimal High) PercentBounds(decimal current, decimal change, bool exact)
    {
        var unitCurrent = exact ? 0 : 0.5m * RuleContext.Unit(RuleContext.DecimalsOf(current));
        var unitChange = exact ? 0 : 0.5m * RuleContext.Unit(RuleContext.DecimalsOf(change));
        var values = new List<decimal>();
        foreach (var dc in new[] { -unitCurrent, unitCurrent })
        {
            foreach (var dd in new[] { -unitChange, unitChange })
            {
                var c = current + dc;
                var d = change + dd;
                var prior = c - d;
                values.Add(prior == 0 ? (d == 0 ? 0 : 100 * Math.Sign(d)) : d / Math.Abs(prior) * 100);
            }
        }

        var priorPrinted = current - change;
        if (priorPrinted == 0)
        {
            values.Add(change == 0 ? 0 : 100 * Math.Sign(change));
        }

        return (values.Min(), values.Max());
    }

    private static IEnumerable<Finding> CheckDirection(Rule rule, RuleContext context)
    {
        foreach (var (sentence, index) in Sentences(context))
        {
            foreach (var figure in sentence.Figures.Where(f => f.Value != 0 && f.Subject is Subjects.Change or Subjects.ChangePercent))
            {
                var (up, down) = figure.Subject == Subjects.Change ? ("增加", "减少") : ("增长", "下降");
                // A rate as others print it (下降 4%) or as Yusuan does, with one decimal (下降4.0%).
                string[] numbers = figure.Subject == Subjects.Change
                    ? [Wording.Wan(figure.Value)]
                    : [Wording.Number(Math.Abs(figure.Value)) + "%", Wording.PercentText(figure.Value) + "%"];
                var right = figure.Value > 0 ? up : down;
                var wrong = figure.Value > 0 ? down : up;
                if (numbers.FirstOrDefault(n => Mentions(sentence.Sentence, wrong, n)) is { } number && !numbers.Any(n => Mentions(sentence.Sentence, right, n)))
                {
                    yield return rule.Finding($"{RuleMessages.Part(sentence.Part)}写作“{wrong} {number}”，但数字为{(figure.Value > 0 ? "正" : "负")}（{RuleMessages.N(figure.Value)}），应为“{right}”",
                        At(sentence, index), figure.Value, -figure.Value);
                }
            }
        }
    }

    private static bool Mentions(string sentence, string verb, string number) =>
        sentence.Contains($"{verb} {number}", StringComparison.Ordinal) || sentence.Contains($"{verb}{number}", StringComparison.Ordinal);

    private static IEnumerable<Finding> CheckChangeAmount(Rule rule, RuleContext context)
    {
        var prior = context.Profile?.PriorYear;
        if (prior is null)
        {
            yield break;
        }

        foreach (var (sentence, index) in Sentences(context))
        {
            var figures = sentence.Figures.ToList();
            for (var i = 0; i + 1 < figures.Count; i++)
            {
                if (figures[i + 1].Subject != Subjects.Change)
                {
                    continue;
                }

                decimal? last = figures[i].Subject switch
                {
                    Subjects.Income => prior.Income,
                    Subjects.Expenditure => prior.Expenditure,
                    Subjects.OperatingExpense => prior.OperatingExpense,
                    var s when Subjects.IsCategory(s) && prior.ProjectCategories.TryGetValue(s[Subjects.CategoryPrefix.Length..], out var v) => v,
                    _ => null,
                };
                if (last is null)
                {
                    continue;
                }

                var priorPrinted = decimal.Round(last.Value / 10_000m, 0, MidpointRounding.AwayFromZero);
                foreach (var f in rule.CompareSum(context, At(sentence, index), $"{RuleMessages.Part(sentence.Part)}“{figures[i].Subject}”比上年增减（上年 {RuleMessages.N(priorPrinted)}）",
                             figures[i + 1].Value, figures[i].Value - priorPrinted, 2, 0))
                {
                    yield return f;
                }
            }
        }
    }

    private static IEnumerable<Finding> CheckReasons(Rule rule, RuleContext context)
    {
        var sentences = Sentences(context).Where(s => s.Sentence.Part == 2).ToList();
        var change = sentences.SelectMany(s => s.Sentence.Figures).FirstOrDefault(f => f.Subject == Subjects.Change);
        var reasons = sentences.FirstOrDefault(s => s.Sentence.Figures.Any(f => f.Subject == Subjects.Reason));
        if (change is null || reasons.Sentence is null)
        {
            yield break;
        }

        var amounts = reasons.Sentence.Figures.Where(f => f.Subject == Subjects.Reason).Select(f => f.Value).ToList();
        foreach (var f in rule.CompareSum(context, At(reasons.Sentence, reasons.Index), $"第二部分所列 {amounts.Count} 项增减原因（{string.Join("、", amounts.Select(a => RuleMessages.N(a)))}）的合计与增减额",
                     change.Value, amounts.Sum(), amounts.Count, 0))
        {
            yield return f;
        }
    }

    private static IEnumerable<Finding> SameSentenceSum(Rule rule, RuleContext context, string total, Func<NarrativeFigure, bool> part, string what)
    {
        foreach (var (sentence, index) in Sentences(context))
        {
            var totalFigure = sentence.Figures.FirstOrDefault(f => f.Subject == total || (total == Subjects.CategoryPrefix && Subjects.IsCategory(f.Subject)));
            var parts = sentence.Figures.Where(part).ToList();
            if (totalFigure is null || parts.Count == 0)
            {
                continue;
            }

            foreach (var f in rule.CompareSum(context, At(sentence, index), $"{RuleMessages.Part(sentence.Part)}“{totalFigure.Subject}”与{what}", totalFigure.Value, parts.Sum(p => p.Value), parts.Count, 0))
            {
                yield return f;
            }
        }
    }

    private static IEnumerable<Finding> CheckBreakdown(Rule rule, RuleContext context) =>
        SameSentenceSum(rule, context, Subjects.BudgetTotal, f => f.Subject is Subjects.Personnel or Subjects.Operating or Subjects.Households or Subjects.Project, "人员、公用、对个人和家庭补助、项目支出之和");

    private static IEnumerable<Finding> CheckCategoryItems(Rule rule, RuleContext context) =>
        SameSentenceSum(rule, context, Subjects.CategoryPrefix, f => Subjects.IsProject(f.Subject), "所列项目之和");

    private static IEnumerable<Finding> CheckProcurementSplit(Rule rule, RuleContext context) =>
        SameSentenceSum(rule, context, Subjects.Procurement, f => f.Subject is Subjects.Goods or Subjects.Works or Subjects.Services, "货物、工程、服务之和");

    private static IEnumerable<Finding> CheckProjectCategories(Rule rule, RuleContext context)
    {
        var part3 = Sentences(context).Where(s => s.Sentence.Part == 3).ToList();
        var project = part3.FirstOrDefault(s => s.Sentence.Figures.Any(f => f.Subject == Subjects.Project));
        var categories = part3.SelectMany(s => s.Sentence.Figures).Where(f => Subjects.IsCategory(f.Subject)).ToList();
        if (project.Sentence is null || categories.Count == 0)
        {
            yield break;
        }

        var total = project.Sentence.Figures.First(f => f.Subject == Subjects.Project).Value;
        foreach (var f in rule.CompareSum(context, At(project.Sentence, project.Index), "第三部分“项目支出”与各项目类别之和", total, categories.Sum(c => c.Value), categories.Count, 0))
        {
            yield return f;
        }
    }

    private static IEnumerable<Finding> CheckCategoryAmount(Rule rule, RuleContext context)
    {
        if (context.Budget is not { } budget)
        {
            yield break;
        }

        foreach (var (sentence, index) in Sentences(context))
        {
            foreach (var figure in sentence.Figures.Where(f => Subjects.IsCategory(f.Subject)))
            {
                var category = figure.Subject[Subjects.CategoryPrefix.Length..];
                var exact = budget.Facts.Categories.GetValueOrDefault(category == "其他" ? string.Empty : category) / 10_000m;
                // Independent: the category is rounded on its own (within half a unit). Controlled: it is the sum of its printed
                // projects, each within one unit of its truth, so it lies within as many units as it has projects.
                var count = Math.Max(1, budget.Projects.Values.Count(p => (p.Category.Length > 0 ? p.Category : "其他") == category));
                var tolerance = context.Exact ? count : 0.5m;
                var difference = Math.Abs(figure.Value - exact);
                if (context.Exact ? difference >= tolerance : difference > tolerance)
                {
                    yield return rule.Finding($"{RuleMessages.Part(sentence.Part)}“{category}”列示 {RuleMessages.N(figure.Value)} 万元，预算明细合计 {RuleMessages.N(exact)} 万元",
                        At(sentence, index), exact, figure.Value, tolerance);
                }
            }
        }
    }

    private static IEnumerable<Finding> CheckOperatingAmount(Rule rule, RuleContext context)
    {
        if (context.Budget is not { } budget)
        {
            yield break;
        }

        var exact = budget.Facts.OperatingExpense / 10_000m;
        foreach (var (sentence, index) in Sentences(context))
        {
            foreach (var figure in sentence.Figures.Where(f => f.Subject == Subjects.OperatingExpense))
            {
                if (Math.Abs(figure.Value - exact) >= 1m || (!context.Exact && Math.Abs(figure.Value - exact) > 0.5m))
                {
                    yield return rule.Finding($"第八部分机关运行经费列示 {RuleMessages.N(figure.Value)} 万元，预算明细中标记为机关运行经费的合计 {RuleMessages.N(exact)} 万元",
                        At(sentence, index), exact, figure.Value, 0.5m);
                }
            }
        }
    }

    private static IEnumerable<Finding> CheckGoalCount(Rule rule, RuleContext context)
    {
        var count = Sentences(context).FirstOrDefault(s => s.Sentence.Figures.Any(f => f.Subject == Subjects.PerformanceGoals));
        var listed = context.Disclosure.Narrative.Where(s => s.Part == 7).SelectMany(s => s.Figures).Count(f => Subjects.IsCategory(f.Subject));
        if (count.Sentence is null || listed == 0)
        {
            yield break;
        }

        var stated = count.Sentence.Figures.First(f => f.Subject == Subjects.PerformanceGoals).Value;
        if (stated != listed)
        {
            yield return rule.Finding($"第六部分称设置 {RuleMessages.N(stated)} 个项目绩效目标，第七部分列示 {listed} 个", At(count.Sentence, count.Index), listed, stated);
        }
    }
}
