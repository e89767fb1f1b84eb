using Yusuan.Core.Compile;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Model;
using Yusuan.Core.Rounding;
using static Yusuan.Core.Narrative.Wording;

namespace Yusuan.Core.Narrative;

/// <summary>
/// Writes the nine text parts of the seed from the tables and the profile. Every figure is bound to data: it is taken from the
/// printed tables (so text and tables agree by construction) or, for what no table prints, from the lines; the profile supplies
/// only prose and last year's figures. Missing prose is written as （未提供）.
/// </summary>
public sealed class NarrativeComposer(Profile profile, PerformancePlan plan, BudgetFacts facts, IReadOnlyDictionary<string, ProjectInfo> projects, RoundingMode rounding)
{
    public const string NotProvided = "（未提供）";

    private readonly List<NarrativeSentence> sentences = [];
    private DisclosureLookup lookup = null!;

    private string Name => profile.Department.Name;

    private int Year => profile.FiscalYear;

    private int PriorYear => profile.PriorYear?.FiscalYear ?? profile.FiscalYear - 1;

    public IReadOnlyList<NarrativeSentence> Compose(IReadOnlyList<DisclosureTable> tables)
    {
        sentences.Clear();
        lookup = new DisclosureLookup(new Disclosure { Department = new DisclosureEntity(profile.Department.Code, Name), FiscalYear = Year, Rounding = rounding.Name(), Tables = tables });
        Part1();
        Part2();
        Part3();
        Part4();
        Part5();
        Part6();
        Part7();
        Part8();
        Part9();
        return sentences.ToList();
    }

    private decimal Printed(string refers) => lookup.Value(refers) ?? 0m;

    private static NarrativeFigure Figure(string subject, decimal value, string? refers = null, string unit = "万元") => new(subject, value, unit, refers);

    private void Say(int part, string sentence, params NarrativeFigure[] figures) => sentences.Add(new NarrativeSentence(part, sentence, figures));

    private static string Prose(string text) => string.IsNullOrWhiteSpace(text) ? NotProvided : text.Trim();

    private static decimal FromYuan(decimal yuan) => decimal.Round(yuan / 10_000m, 0, MidpointRounding.AwayFromZero);

    /// <summary>A comparison with last year (<see cref="Wording.Comparison"/>) and its figures: the change, and the rate when one is stated.</summary>
    private (string Text, NarrativeFigure[] Figures) Compared(YearOnYear figures, string against = "", string lead = "比", string? changeRefers = null)
    {
        var stated = new List<NarrativeFigure> { Figure(Subjects.Change, figures.Change, changeRefers) };
        if (figures.Percent is { } percent)
        {
            stated.Add(Figure(Subjects.ChangePercent, percent, unit: "%"));
        }

        return (Comparison(PriorYear, figures, against, lead), stated.ToArray());
    }

    private void Part1()
    {
        Say(1, "一、部门职责");
        Say(1, Prose(profile.Text.Duties));
        Say(1, "二、机构设置情况");
        var s = profile.Staffing;
        var divisions = profile.InternalDivisions.Count > 0
            ? $"{Name}下设{string.Join("、", profile.InternalDivisions)}共{profile.InternalDivisions.Count}个部门。"
            : $"{Name}内设机构：{NotProvided}。";
        Say(1, divisions
            + $"行政编制数{s.AdministrativeQuota}人，实有在编人数{s.AdministrativeActual}人；事业编制数{s.InstitutionQuota}人，实有在编人数{s.InstitutionActual}人；"
            + $"离休{s.RetiredCadres}人，退休{s.Retired}人。",
            Figure(Subjects.AdministrativeQuota, s.AdministrativeQuota, unit: "人"),
            Figure(Subjects.InstitutionQuota, s.InstitutionQuota, unit: "人"));
        Say(1, $"三、{Year}年主要工作目标");
        if (profile.Text.Goals.Count == 0)
        {
            Say(1, NotProvided);
        }
        else
        {
            Say(1, $"{Name}{Year}年主要工作目标包括：");
            for (var i = 0; i < profile.Text.Goals.Count; i++)
            {
                Say(1, $"{i + 1}. {profile.Text.Goals[i]}");
            }
        }
    }

    private void Part2()
    {
        var income = Printed("T01.income.total");
        var expenditure = Printed("T01.expenditure.total");
        var prior = profile.PriorYear;
        if (prior is null)
        {
            Say(2, $"{Year}年{Name}部门预算收入{Wan(income)}万元。", Figure(Subjects.Income, income, "T01.income.total"));
            Say(2, $"{Year}年部门预算支出{Wan(expenditure)}万元。", Figure(Subjects.Expenditure, expenditure, "T01.expenditure.total"));
            return;
        }

        var incomes = new YearOnYear(income, FromYuan(prior.Income));
        var (incomeText, incomeFigures) = Compared(incomes);
        Say(2, $"{Year}年{Name}部门预算收入{Wan(income)}万元，{incomeText}。", [Figure(Subjects.Income, income, "T01.income.total"), .. incomeFigures]);
        var (expenditureText, expenditureFigures) = Compared(new YearOnYear(expenditure, FromYuan(prior.Expenditure)));
        Say(2, $"{Year}年部门预算支出{Wan(expenditure)}万元，{expenditureText}。", [Figure(Subjects.Expenditure, expenditure, "T01.expenditure.total"), .. expenditureFigures]);

        var direction = incomes.Change switch { < 0 => "减少", > 0 => "增加", _ => "变化" };
        var reasons = profile.Text.ChangeReasons;
        if (reasons.Count == 0)
        {
            Say(2, $"预算收支{direction}主要原因：{NotProvided}。");
            return;
        }

        var parts = reasons.Select((r, i) => $"{ChineseCount(i + 1)}是{r.Text}{Wan(FromYuan(r.Amount))}万元");
        Say(2, $"预算收支{direction}主要原因：{string.Join("；", parts)}。",
            reasons.Select(r => Figure(Subjects.Reason, FromYuan(r.Amount))).ToArray());
    }

    private void Part3()
    {
        var total = Printed("T03.department.total");
        var personnel = Printed("T04.301.total");
        var operating = Printed("T04.302.total");
        var households = Printed("T04.303.total");
        var project = Printed("T03.department.project");
        Say(3, $"{Name}预算{Wan(total)}万元，包括人员支出{Wan(personnel)}万元、公用支出{Wan(operating)}万元、对个人和家庭的补助支出{Wan(households)}万元、项目支出{Wan(project)}万元。",
            Figure(Subjects.BudgetTotal, total, "T03.department.total"),
            Figure(Subjects.Personnel, personnel, "T04.301.total"),
            Figure(Subjects.Operating, operating, "T04.302.total"),
            Figure(Subjects.Households, households, "T04.303.total"),
            Figure(Subjects.Project, project, "T03.department.project"));
        Say(3, $"（一）人员支出{Wan(personnel)}万元，主要包括：在职人员工资福利支出。", Figure(Subjects.Personnel, personnel, "T04.301.total"));
        Say(3, $"（二）公用支出{Wan(operating)}万元，主要包括：公用综合定额经费、水电费、物业管理费、车辆运行维护费和工会经费等公用经费。", Figure(Subjects.Operating, operating, "T04.302.total"));
        Say(3, $"（三）对个人和家庭补助支出{Wan(households)}万元，主要包括：离退休人员经费。", Figure(Subjects.Households, households, "T04.303.total"));
        Say(3, $"（四）项目支出{Wan(project)}万元，具体包括：", Figure(Subjects.Project, project, "T03.department.project"));

        var index = 0;
        foreach (var category in Categories())
        {
            var items = ProjectsOf(category).ToList();
            var amount = CategoryAmount(category, items);
            var text = $"{++index}. {category}预算{Wan(amount)}万元，主要包括：{string.Join("；", items.Select(i => $"{i.Name}{Wan(i.Amount)}万元"))}。";
            var figures = new List<NarrativeFigure> { Figure(Subjects.CategoryPrefix + category, amount) };
            figures.AddRange(items.Select(i => Figure(Subjects.ProjectPrefix + i.Name, i.Amount, "T05." + i.Code)));
            if (profile.Text.ProjectCategoryNotes.TryGetValue(category, out var note))
            {
                text += note.Trim();
            }

            if (profile.PriorYear?.ProjectCategories.TryGetValue(category, out var priorYuan) == true)
            {
                var (compared, changes) = Compared(new YearOnYear(amount, FromYuan(priorYuan)), "预算", "较");
                text += compared + "。";
                figures.AddRange(changes);
            }

            Say(3, text, figures.ToArray());
        }
    }

    private IEnumerable<string> Categories()
    {
        var known = facts.Categories.Keys.Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var category in profile.Text.ProjectCategoryNotes.Keys.Where(known.Contains))
        {
            yield return category;
        }

        foreach (var category in known.Where(c => !profile.Text.ProjectCategoryNotes.ContainsKey(c)).Order(StringComparer.Ordinal))
        {
            yield return category;
        }

        if (facts.Categories.ContainsKey(string.Empty))
        {
            yield return "其他";
        }
    }

    private IEnumerable<(string Code, string Name, decimal Amount)> ProjectsOf(string category) =>
        facts.Projects.Keys
            .Where(code => (projects.GetValueOrDefault(code)?.Category is { Length: > 0 } c ? c : "其他") == category)
            .Order(StringComparer.Ordinal)
            .Select(code => (code, projects.GetValueOrDefault(code)?.Name ?? code, ProjectAmount(code)));

    /// <summary>Controlled: the sum of the printed T05 rows, so the text adds up as the tables do. Independent: rounded on its own.</summary>
    private decimal ProjectAmount(string code) =>
        rounding == RoundingMode.Controlled ? Printed("T05." + code) : FromYuan(facts.Projects.GetValueOrDefault(code));

    private decimal CategoryAmount(string category, List<(string Code, string Name, decimal Amount)> items) =>
        rounding == RoundingMode.Controlled
            ? items.Sum(i => i.Amount)
            : FromYuan(items.Sum(i => facts.Projects.GetValueOrDefault(i.Code)));

    private void Part4()
    {
        var total = Printed("T03.department.procurement");
        var split = SplitProcurement(total);
        Say(4, $"{Name}政府采购项目纳入{Year}年部门预算共计{Wan(total)}万元，其中货物采购{Wan(split[0])}万元、工程采购{Wan(split[1])}万元、服务采购{Wan(split[2])}万元。",
            Figure(Subjects.Procurement, total, "T03.department.procurement"),
            Figure(Subjects.Goods, split[0]),
            Figure(Subjects.Works, split[1]),
            Figure(Subjects.Services, split[2]));
        var sme = Printed("T03.department.sme");
        Say(4, $"其中面向中小企业预留政府采购项目{Wan(sme)}万元。", Figure("面向中小企业政府采购", sme, "T03.department.sme"));
    }

    /// <summary>Goods, works, services in 万元; under controlled rounding they are apportioned (largest remainder) to add up to the printed total.</summary>
    private decimal[] SplitProcurement(decimal printedTotal)
    {
        ProcurementType[] types = [ProcurementType.Goods, ProcurementType.Works, ProcurementType.Services];
        var exact = types.Select(t => facts.Procurement.GetValueOrDefault(t) / 10_000m).ToArray();
        if (rounding == RoundingMode.Independent)
        {
            return exact.Select(e => decimal.Round(e, 0, MidpointRounding.AwayFromZero)).ToArray();
        }

        var result = exact.Select(decimal.Floor).ToArray();
        var remaining = printedTotal - result.Sum();
        foreach (var i in Enumerable.Range(0, 3).OrderByDescending(i => exact[i] - result[i]).ThenBy(i => i))
        {
            if (remaining <= 0 || exact[i] == result[i])
            {
                continue;
            }

            result[i] += 1;
            remaining -= 1;
        }

        return result;
    }

    private void Part5()
    {
        var total = Printed("T09.current.total");
        var reason = Prose(profile.Text.OfficialExpenseNote);
        var (compared, changes) = Official("total");
        Say(5, $"{Year}年“三公”经费预算{Wan(total)}万元，{compared}。{reason}", [Figure(Subjects.OfficialTotal, total, "T09.current.total"), .. changes]);
        var abroad = Printed("T09.current.abroad");
        (compared, changes) = Official("abroad");
        Say(5, $"1. 因公出国（境）费用。{Year}年预算数{Wan(abroad)}万元，{compared}。", [Figure(Subjects.OfficialAbroad, abroad, "T09.current.abroad"), .. changes]);
        var reception = Printed("T09.current.reception");
        (compared, changes) = Official("reception");
        Say(5, $"2. 公务接待费。{Year}年预算数{Wan(reception)}万元，{compared}。", [Figure(Subjects.OfficialReception, reception, "T09.current.reception"), .. changes]);
        var vehicle = Printed("T09.current.vehicle");
        var purchase = Printed("T09.current.vehicle_purchase");
        var operation = Printed("T09.current.vehicle_operation");
        var (purchaseCompared, purchaseChanges) = Official("vehicle_purchase");
        var (operationCompared, operationChanges) = Official("vehicle_operation");
        Say(5, $"3. 公务用车购置和运行维护费。{Year}年预算数{Wan(vehicle)}万元，其中：公务用车购置费{Wan(purchase)}万元，{purchaseCompared}；"
            + $"公务用车运行维护费{Wan(operation)}万元，{operationCompared}。",
            [
                Figure(Subjects.OfficialVehicle, vehicle, "T09.current.vehicle"),
                Figure(Subjects.OfficialVehiclePurchase, purchase, "T09.current.vehicle_purchase"), .. purchaseChanges,
                Figure(Subjects.OfficialVehicleOperation, operation, "T09.current.vehicle_operation"), .. operationChanges,
            ]);
    }

    /// <summary>One column of the “三公” table (T09) against last year's budget, as printed there.</summary>
    private (string Text, NarrativeFigure[] Figures) Official(string column) =>
        Compared(new YearOnYear(Printed($"T09.current.{column}"), Printed($"T09.prior.{column}")), "预算", changeRefers: $"T09.change.{column}");

    private void Part6()
    {
        Say(6, "一、实施部门预算绩效管理的单位范围");
        // As 深圳's departments write it: "包括：深圳市审计局（本级）共 1 家基层单位", or "…本级，无下属预算单位" where there are
        // none (the seed printed "包括：0家下属单位").
        var units = profile.Agencies.Where(a => a.Code != profile.Department.Code).Select(a => a.Name).ToList();
        var scope = units.Count > 0
            ? $"包括：{string.Join("、", [$"{Name}（本级）", .. units])}共{units.Count + 1}家基层单位，均已编制"
            : $"包括：{Name}本级，无下属预算单位，已编制";
        Say(6, $"{Name}预算绩效管理的单位范围{scope}整体支出绩效目标，按要求开展部门整体绩效自评，经主管部门审核后形成绩效报告报送市财政部门备案。");
        Say(6, "二、实施部门预算绩效管理的项目情况及工作要求");
        var project = Printed("T03.department.project");
        var goals = plan.ProjectGoals.Count > 0 ? plan.ProjectGoals.Count : Categories().Count();
        Say(6, $"{Year}年{Name}所有项目支出预算纳入部门预算绩效管理，涉及预算资金{Wan(project)}万元，设置并编报{goals}个项目绩效目标。{Prose(profile.Text.PerformanceScope)}",
            Figure(Subjects.PerformanceAmount, project, "T03.department.project"),
            Figure(Subjects.PerformanceGoals, goals, unit: "个"));
    }

    private void Part7()
    {
        Say(7, $"{Year}年，本部门重点项目绩效目标情况如下：");
        if (plan.ProjectGoals.Count > 0)
        {
            // The project goals the department set (第七部分), each with the amount of the projects it covers.
            foreach (var goal in plan.ProjectGoals)
            {
                var amount = rounding == RoundingMode.Controlled
                    ? goal.Projects.Sum(ProjectAmount)
                    : FromYuan(goal.Projects.Sum(code => facts.Projects.GetValueOrDefault(code)));
                var texts = goal.Goals.Count > 0 ? string.Join(" ", goal.Goals) : NotProvided;
                Say(7, $"{goal.Name}：预算数{Wan(amount)}万元。绩效目标：{texts}", Figure(Subjects.CategoryPrefix + goal.Name, amount));
            }

            return;
        }

        foreach (var category in Categories())
        {
            var amount = CategoryAmount(category, ProjectsOf(category).ToList());
            var goals = plan.Tasks.Where(t => !t.Basic && t.Projects.Any(p => (projects.GetValueOrDefault(p)?.Category ?? "其他") == category)).Select(t => t.Content).ToList();
            Say(7, $"{category}：预算数{Wan(amount)}万元。绩效目标：{(goals.Count > 0 ? string.Join(" ", goals) : NotProvided)}",
                Figure(Subjects.CategoryPrefix + category, amount));
        }
    }

    private void Part8()
    {
        Say(8, "一、机关运行经费");
        var operating = FromYuan(facts.OperatingExpense);
        // None this year: the sentence says why before it gives the figure (the seed: "…增加 0 万元，增长 0%。主要是…无机关运行经费").
        // Last year unknown (no priorYear in the profile): the figure alone, compared with nothing.
        var none = operating == 0 ? $"{Name}无机关运行经费，" : string.Empty;
        var lead = $"{Year}年{none}{(none.Length > 0 ? string.Empty : Name)}运行经费财政拨款预算{Wan(operating)}万元";
        if (profile.PriorYear is { } prior)
        {
            var (compared, changes) = Compared(new YearOnYear(operating, FromYuan(prior.OperatingExpense)), "预算");
            Say(8, $"{lead}，{compared}。", [Figure(Subjects.OperatingExpense, operating), .. changes]);
        }
        else
        {
            Say(8, $"{lead}。", Figure(Subjects.OperatingExpense, operating));
        }
        Say(8, "二、国有资产占用情况");
        var a = profile.Assets;
        Say(8, $"截至{(a.AsOf.Length > 0 ? Typography.Dates(a.AsOf.Trim()) : NotProvided)}，{Name}共有车辆{a.Vehicles}辆；单价50万元以上通用设备{a.GeneralEquipmentOver500k}台（套），单价100万元以上专用设备{a.SpecialEquipmentOver1m}台（套）。",
            Figure(Subjects.Vehicles, a.Vehicles, unit: "辆"),
            Figure(Subjects.GeneralEquipment, a.GeneralEquipmentOver500k, unit: "台（套）"),
            Figure(Subjects.SpecialEquipment, a.SpecialEquipmentOver1m, unit: "台（套）"));
        Say(8, $"{Year}年计划新增车辆{a.PlannedVehicles}辆；新增单价50万元以上通用设备{a.PlannedGeneralEquipmentOver500k}台（套）；新增单价100万元以上专用设备{a.PlannedSpecialEquipmentOver1m}台（套）。");
        Say(8, "三、其他");
        Say(8, Prose(profile.Text.OtherNotes));
    }

    /// <summary>
    /// The glossary's last entry, as the seed ends its 名词解释: the unit of the figures (万元). Under controlled rounding it only
    /// points to the tables' 说明, which explains the rounding once (<c>DocumentLayout</c>'s rounding note).
    /// </summary>
    public static string UnitNote(int year, RoundingMode rounding) =>
        rounding == RoundingMode.Controlled
            ? $"九、{year}年部门预算中所有数据按万元列示，取舍方法见表格部分的说明。"
            : $"九、{year}年部门预算中所有数据为“四舍五入”取整后按万元列示，可能存在部分数据相加后不相等的情况。";

    /// <summary>The same entry for a document whose tables print 元 (上海's): the tables exact, the text in 万元.</summary>
    public static string UnitNoteInYuan(int year) =>
        $"九、{year}年部门预算表中数据按元列示，为各项预算的精确数；文字部分中的金额按万元列示。";

    private void Part9()
    {
        string[] glossary =
        [
            "一、一般公共预算拨款收入：指本级财政当年拨付的一般公共预算资金。",
            "二、政府性基金预算拨款收入：指本级财政当年拨付的政府性基金预算资金。",
            "三、上年结转：指以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金。",
            "四、基本支出：指为保障机构正常运转、完成日常工作任务而发生的支出，包括人员经费（基本工资、津贴补贴等）和公用经费（包括办公费、邮电费、差旅费及印刷费等）。",
            "五、项目支出：指在基本支出之外为完成特定工作任务和事业发展目标所发生的支出。",
            "六、年末结转和结余：指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需要延迟到以后年度按有关规定继续使用的资金。",
            "七、“三公”经费：一般公共预算安排的因公出国（境）费、公务用车购置及运行费和公务接待费。",
            "八、机关运行经费：为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。",
            UnitNote(Year, rounding),
        ];
        foreach (var entry in glossary)
        {
            Say(9, entry);
        }
    }
}
