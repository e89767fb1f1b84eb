using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Narrative;
using Yusuan.Formats.Datasets;

namespace Yusuan.Core.Tests.Rules;

/// <summary>
/// For every rule of the catalogue: a variant of the sample with one deliberate fault that the rule must report, and a variant
/// (usually the clean sample) on which it must stay silent. The seed's own faults that the sample keeps on purpose
/// (see samples/sz-eeimc-2023/README.md) fire on the clean sample; their silent variant corrects them.
/// </summary>
internal static class Faults
{
    private static decimal Plus5(decimal v) => v + 5;

    private static Variant D(Func<Disclosure, Disclosure> edit) => Sample.Clean.EditDisclosure(edit);

    /// <summary>The sample whose text also says <paramref name="sentence"/>, outside its numbered parts, with the figures an audit reads in it.</summary>
    private static Variant Said(string sentence, params NarrativeFigure[] figures) =>
        D(d => d.With(narrative: [.. d.Narrative, new NarrativeSentence(0, sentence, figures, new NarrativeSource(6, 1))]));

    private static NarrativeFigure[] Rate(decimal compared, decimal with, decimal rate, string subject = Subjects.StatedRate) =>
        [new(Subjects.Compared, compared, "万元"), new(Subjects.ComparedWith, with, "万元"), new(subject, rate, "%")];

    private static Variant Line(Func<BudgetLine, BudgetLine> edit) => Sample.Clean.EditLine(l => l.Function.Value == "2111101" && l.Kind == ExpenditureKind.Personnel, edit);

    /// <summary>The sample with one line moved to another kind of appropriation, so that table has coded rows to spoil.</summary>
    private static Variant WithFund(FundSource fund) => Sample.Clean.EditLine(l => l.Economic.Value == "30101", l => l with { Fund = fund });

    private static Variant FixedSeed()
    {
        var clean = Sample.Clean;
        var reasons = clean.Profile.Text.ChangeReasons.ToList();
        reasons[^1] = reasons[^1] with { Amount = -19_630_000m };
        var profile = clean.Profile with { Text = clean.Profile.Text with { ChangeReasons = reasons } };
        var plan = new PerformancePlan
        {
            Supervisor = "深圳市生态环境局",
            Tasks = clean.Plan.Tasks,
            Goals = clean.Plan.Goals,
            Indicators = clean.Plan.Indicators.Select(i => i.Target == "5 个" ? i with { Target = "≥5 个" } : i).ToList(),
        };
        return clean with { Profile = profile, Plan = plan };
    }

    /// <summary>
    /// The sample as a 决算 that also prints its 一般公共预算财政拨款基本支出决算表: T08's 基本支出 by economic code in two lists,
    /// 人员经费 (301, 303) and 公用经费 (the rest), each with its 合计; <paramref name="spoil"/> edits the table's rows.
    /// </summary>
    private static Variant FinalBasic(Func<List<TableRow>, List<TableRow>>? spoil = null, decimal t07Basic = 0) => D(d =>
    {
        var t08 = d.Table("T08")!;
        var basic = t08.ColumnIndex("basic");
        var coded = t08.Rows.Where(r => r.Code is not null).DistinctBy(r => r.Code).Select(r => r with { Values = [r.Values[basic]] }).ToList();
        List<TableRow> List(bool personnel, string total)
        {
            var rows = coded.Where(r => r.Code![..3] is "301" or "303" == personnel).ToList();
            return [.. rows, new TableRow { Name = total, Values = [rows.Where(r => r.Code!.Length == 3).Sum(r => r.Values[0])] }];
        }

        var rows = spoil?.Invoke([.. List(true, "人员经费合计"), .. List(false, "公用经费合计")]) ?? [.. List(true, "人员经费合计"), .. List(false, "公用经费合计")];
        var table = new DisclosureTable { Id = "X01", Title = "一般公共预算财政拨款基本支出决算表", Decimals = t08.Decimals, Columns = [new TableColumn("total", "决算数")], Rows = rows };
        var final = d.With(tables: [.. d.Tables, table]) with { Kind = "部门决算" };
        return t07Basic == 0 ? final : final.EditTable("T07", t =>
        {
            var top = new Core.Rules.TableView(t, d.FiscalYear).TopRow()!;
            var values = top.Values.ToArray();
            values[t.ColumnIndex("basic")] += t07Basic;
            return t with { Rows = t.Rows.Select(r => ReferenceEquals(r, top) ? r with { Values = values } : r).ToList() };
        });
    });

    /// <summary>
    /// The sample as a 决算 that also prints a 政府性基金预算财政拨款收入支出决算表 (10 carried in, 100 received, 90 spent of
    /// which 30 basic and 60 project, 20 carried on), each figure of the 21208 row changed by <paramref name="spoil"/>.
    /// </summary>
    private static Variant FinalFund(Func<decimal[], decimal[]>? spoil = null) => D(d =>
    {
        decimal[] figures = [10, 100, 90, 30, 60, 20];
        var table = new DisclosureTable
        {
            Id = "X01",
            Title = "政府性基金预算财政拨款收入支出决算表",
            Decimals = 2,
            Columns = [new("c1", "年初结转和结余"), new("current", "本年收入"), new("total", "小计"), new("basic", "基本支出"), new("project", "项目支出"), new("c6", "年末结转和结余")],
            Rows =
            [
                new TableRow { Name = "合计", Values = figures },
                new TableRow { Code = "212", Name = "城乡社区支出", Level = 1, Values = figures },
                new TableRow { Code = "21208", Name = "国有土地使用权出让收入安排的支出", Level = 2, Values = spoil?.Invoke([.. figures]) ?? figures },
            ],
        };
        return d.With(tables: [.. d.Tables, table]) with { Kind = "部门决算" };
    });

    private static List<TableRow> Plus5Where(List<TableRow> rows, Func<TableRow, bool> where) => rows.Select(r => where(r) ? r with { Values = [r.Values[0] + 5] } : r).ToList();

    private static Variant WithProfile(Func<Profile, Profile> edit) => Sample.Clean with { Profile = edit(Sample.Clean.Profile) };

    private static Profile Dates(Profile p, string approved, string published) => p with
    {
        ApprovedOn = DateOnly.Parse(approved, System.Globalization.CultureInfo.InvariantCulture),
        PublishedOn = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Variant WithPlan(Func<PerformancePlan, PerformancePlan> edit) => Sample.Clean with { Plan = edit(Sample.Clean.Plan) };

    private static Variant ExtraLedgerColumn()
    {
        var folder = Path.Combine(Path.GetTempPath(), "yusuan-rules-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Sample.Folder))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var ledger = Path.Combine(folder, "ledger.csv");
        File.WriteAllLines(ledger, File.ReadAllLines(ledger).Select((l, i) => l + (i == 0 ? ",经办人" : ",张三")));
        var (dataset, problems) = Dataset.Load(folder);
        Assert.Empty(problems);
        return Sample.Clean with { InputFindings = dataset!.Warnings };
    }

    public static IReadOnlyDictionary<string, (Func<Variant> Fires, Func<Variant> Silent)> All { get; } = Build();

    private static Dictionary<string, (Func<Variant> Fires, Func<Variant> Silent)> Build()
    {
        var faults = new Dictionary<string, (Func<Variant> Fires, Func<Variant> Silent)>();
        void Add(string id, Func<Variant> fires, Func<Variant>? silent = null) => faults.Add(id, (fires, silent ?? (() => Sample.Clean)));

        foreach (var id in Enumerable.Range(1, 12).Select(i => $"T{i:00}"))
        {
            Add($"{id}.present", () => D(d => d.RemoveTable(id)));
        }

        Add("contents.tables.present", () => D(d => d.RemoveTable("T02")));
        Add("document.attachment", () => D(d => d.With(tables: []) with { Attachment = "说明" }));
        Add("contents.tables.listed", () => D(d => d.RemoveContents("T03")));

        // 基本支出总表 read from a layout whose columns were not all understood: published (T04.present holds), not judged.
        Add("tables.unchecked", () => D(d => d.EditTable("T04", t => t with { Id = "X01", TitledAs = "T04" })));
        // 湖州, 杭州: "注：…没有使用国有资本经营预算拨款安排的支出", "备注：本部门没有…，故本表无数据" state it as well as 本表无数据.
        Add("tables.empty.statement", () => D(d => d.EditTable("T10", t => t with { Note = "本表金额单位为万元" })),
            () => D(d => d.EditTable("T10", t => t with { Note = "湖州市退役军人事务局2026年没有使用政府性基金预算拨款安排的支出。" })));
        Add("text.parts.present", () => D(d => d.RemoveSentences(s => s.Part == 9)));
        Add("text.prose.provided", () => WithProfile(p => p with { Text = p.Text with { Duties = string.Empty } }));
        Add("text.official.explained", () => D(d => d.EditSentences(s => s.Part == 5, s => s with { Sentence = s.Sentence.Replace("主要", string.Empty, StringComparison.Ordinal).Replace("原因", string.Empty, StringComparison.Ordinal) })));
        Add("text.operating.stated", () => D(d => d.RemoveSentences(s => s.Figures.Any(f => f.Subject == Subjects.OperatingExpense))));
        Add("text.procurement.stated", () => D(d => d.RemoveSentences(s => s.Part == 4)));
        Add("text.assets.stated", () => D(d => d.RemoveSentences(s => s.Figures.Any(f => f.Subject == Subjects.Vehicles))));

        Add("T02.sum.columns", () => D(d => d.SetCell("T02", "department", "general", Plus5)));
        Add("T03.sum.columns", () => D(d => d.SetCell("T03", "2080505", "basic", Plus5)));
        Add("T04.sum.columns", () => D(d => d.SetCell("T04", "30101", "personnel", Plus5)));
        Add("T05.sum.columns", () => D(d => d.SetCell("T05", "13900123001", "general", Plus5)));
        Add("T07.sum.columns", () => D(d => d.SetCell("T07", "2080505", "basic", Plus5)));
        Add("T08.sum.columns", () => D(d => d.SetCell("T08", "30101", "basic", Plus5)));
        Add("T09.sum.columns", () => D(d => d.SetCell("T09", "current", "abroad", v => v + 1)));
        Add("T10.sum.columns", () => D(d => d.SetCell("T10", "department", "total", Plus5)));
        Add("T11.sum.columns", () => D(d => d.SetCell("T11", "department", "total", Plus5)));
        Add("T12.sum.columns", () => D(d => d.SetCell("T12", "环境宣传教育", "fiscal", Plus5)));
        Add("T09.sum.vehicle", () => D(d => d.SetCell("T09", "current", "vehicle_purchase", v => v + 1)));
        Add("T03.procurement.parts", () => D(d => d.SetCell("T03", "2111101", "sme", _ => 5000)));

        foreach (var id in new[] { "T02", "T03", "T07" })
        {
            Add($"{id}.sum.rollup", () => D(d => d.SetCell(id, "2080505", "total", Plus5)));
            Add($"{id}.sum.units", () => D(d => d.SetCell(id, "department", "total", Plus5)));
        }

        foreach (var id in new[] { "T04", "T08" })
        {
            Add($"{id}.sum.rollup", () => D(d => d.SetCell(id, "30101", "total", Plus5)));
            Add($"{id}.sum.units", () => D(d => d.SetCell(id, "department", "total", Plus5)));
        }

        foreach (var (id, fund) in new[] { ("T10", FundSource.GovernmentFund), ("T11", FundSource.StateCapital) })
        {
            Add($"{id}.sum.rollup", () => WithFund(fund).EditDisclosure(d => d.SetCell(id, "2111101", "total", Plus5)));
            Add($"{id}.sum.units", () => D(d => d.SetCell(id, "supervisor", "total", Plus5)));
        }

        Add("T05.sum.units", () => D(d => d.SetCell("T05", "department", "total", Plus5)));
        foreach (var id in new[] { "T01", "T06" })
        {
            Add($"{id}.income.government", () => D(d => d.SetCell(id, "income.general", "budget", Plus5)));
            Add($"{id}.income.total", () => D(d => d.SetCell(id, "income.carryover", "budget", Plus5)));
            Add($"{id}.expenditure.total", () => D(d => d.SetCell(id, "expenditure.carryforward", "budget", Plus5)));
            Add($"{id}.balance", () => D(d => d.SetCell(id, "income.total", "budget", Plus5)));
            Add($"{id}.expenditure.classes", () => D(d => d.SetCell(id, "208", "budget", Plus5)));
            Add($"{id}.expenditure.rollup", () => D(d => d.SetCell(id, "2080505", "budget", Plus5)));
        }

        Add("T01.income.current", () => D(d => d.SetCell("T01", "income.special", "budget", Plus5)));
        Add("T01.income.unit", () => D(d => d.SetCell("T01", "income.institution", "budget", Plus5)));
        Add("T06.income.current", () => D(d => d.SetCell("T06", "income.current", "budget", Plus5)));
        Add("T09.change", () => D(d => d.SetCell("T09", "change", "reception", v => v + 1)));
        Add("T12.sum.tasks", () => D(d => d.SetCell("T12", "综合管理", "total", Plus5)));

        Add("X.T01-T03.function", () => D(d => d.SetCell("T01", "2080505", "budget", Plus5)));
        Add("X.T01-T06.function", () => D(d => d.SetCell("T06", "2080505", "budget", Plus5)));
        Add("X.T03-T07.function", () => D(d => d.SetCell("T07", "2080505", "total", Plus5)));
        Add("X.T01-T02.income", () => D(d => d.SetCell("T02", "department", "total", Plus5)));
        Add("X.T01-T06.income", () => D(d => d.SetCell("T06", "income.general", "budget", Plus5)));
        Add("X.T04-T03.basic", () => D(d => d.SetCell("T04", "department", "total", Plus5)));
        Add("X.T05-T03.project", () => D(d => d.SetCell("T05", "department", "total", Plus5)));
        Add("X.T07-T08.total", () => D(d => d.SetCell("T08", "supervisor", "total", Plus5)));
        Add("X.T07-T01.general", () => D(d => d.SetCell("T07", "supervisor", "total", Plus5)));
        Add("X.T10-T01.fund", () => D(d => d.SetCell("T10", "supervisor", "total", Plus5)));
        Add("X.T11-T01.capital", () => D(d => d.SetCell("T11", "supervisor", "total", Plus5)));
        Add("X.T12-T01.total", () => D(d => d.SetCell("T12", "total", "total", Plus5)));
        Add("X.T03-sources", () => D(d => d.SetCell("T03", "department", "total", Plus5)));
        Add("X.T08-T04.basic", () => D(d => d.SetCell("T08", "30101", "basic", Plus5)));
        Add("X.T09-T08.official", () => D(d => d.SetCell("T09", "current", "vehicle_operation", v => v + 3)));
        Add("X.T12-T03.basic", () => D(d => d.SetCell("T12", "基本支出", "total", Plus5)));
        Add("X.T12-supervisor", () => Sample.Clean, FixedSeed);

        foreach (var (id, subject) in new[]
                 {
                     ("text.income.total", Subjects.Income), ("text.expenditure.total", Subjects.Expenditure), ("text.budget.total", Subjects.BudgetTotal),
                     ("text.personnel", Subjects.Personnel), ("text.operating", Subjects.Operating), ("text.households", Subjects.Households),
                     ("text.project.total", Subjects.Project), ("text.procurement.total", Subjects.Procurement), ("text.procurement.sme", "面向中小企业政府采购"),
                     ("text.official.total", Subjects.OfficialTotal), ("text.official.items", Subjects.OfficialReception), ("text.performance.amount", Subjects.PerformanceAmount),
                 })
        {
            Add(id, () => D(d => d.EditFigure(subject, Plus5)));
        }

        Add("text.project.items", () => D(d => d.EditFigure(f => Subjects.IsProject(f.Subject), Plus5)));
        Add("text.official.change", () => D(d => d.EditFigure(f => f.Refers == "T09.change.total", v => v - 1)));
        Add("text.figure.table", () => D(d => d.EditSentences(s => s.Part == 2 && s.Figures.Any(f => f.Subject == Subjects.Income),
            s => s with { Figures = [.. s.Figures, new NarrativeFigure("其他引用", 1, "万元", "T03.department.total")] })));
        Add("text.change.percent", () => D(d => d.EditFigure(Subjects.ChangePercent, _ => -10)));
        Add("text.change.direction", () => D(d => d.EditSentences(s => s.Part == 2 && s.Figures.Any(f => f.Subject == Subjects.Income),
            s => s with { Sentence = s.Sentence.Replace("减少343", "增加343", StringComparison.Ordinal) })));
        Add("text.change.amount", () => D(d => d.EditFigure(Subjects.Change, _ => -300)));
        Add("text.reasons.sum", () => Sample.Clean, FixedSeed);
        Add("text.breakdown.total", () => D(d => d.EditFigure(Subjects.Personnel, Plus5)));
        Add("text.category.items", () => D(d => d.EditFigure(f => Subjects.IsCategory(f.Subject), Plus5)));
        Add("text.project.categories", () => D(d => d.EditFigure(Subjects.Project, Plus5)));
        Add("text.category.amount", () => D(d => d.EditFigure(f => Subjects.IsCategory(f.Subject), Plus5)));
        Add("text.procurement.split", () => D(d => d.EditFigure(Subjects.Goods, Plus5)));
        Add("text.operating.amount", () => D(d => d.EditFigure(Subjects.OperatingExpense, Plus5)));
        Add("text.performance.goals", () => D(d => d.EditFigure(Subjects.PerformanceGoals, _ => 5)));

        // 上海市普陀区司法局 2026: "2025年当年预算执行数为1690.69万元，2026年预算安排1434.89万元，比2025年预算执行数减少1.10%" (−15.13 %).
        Add("text.rate.stated", () => Said("2025年当年预算执行数为1690.69万元，2026年预算安排1434.89万元，比2025年预算执行数减少1.10%。", Rate(1690.69m, 1434.89m, -1.10m)),
            () => Said("2025年当年预算执行数为1690.69万元，2026年预算安排1434.89万元，比2025年预算执行数减少15.13%。", Rate(1690.69m, 1434.89m, -15.13m)));
        Add("text.rate.rounding", () => Said("年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的95.45%。", Rate(10210.34m, 9746.50m, 95.45m, Subjects.StatedCompletion)),
            () => Said("年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的95.46%。", Rate(10210.34m, 9746.50m, 95.46m, Subjects.StatedCompletion)));
        Add("text.item.amount", () => Said("行政单位离退休（01项）56.12万元。2026年预算安排57.8万元。", new(Subjects.ItemAmount, 56.12m, "万元"), new(Subjects.ComparedWith, 57.8m, "万元")),
            () => Said("行政单位离退休（01项）56.12万元。2026年预算安排56.12万元。", new(Subjects.ItemAmount, 56.12m, "万元"), new(Subjects.ComparedWith, 56.12m, "万元")));
        Add("text.item.table", () => D(d => d.With(narrative: [.. d.Narrative, new NarrativeSentence(0, "机关事业单位基本养老保险缴费支出（05项）", [new(Subjects.ItemAmount, d.Table("T03")!.Rows.First(r => r.Code == "2080505").Values[0] + 5, "万元", "function:2080505")])])),
            () => D(d => d.With(narrative: [.. d.Narrative, new NarrativeSentence(0, "机关事业单位基本养老保险缴费支出（05项）", [new(Subjects.ItemAmount, d.Table("T03")!.Rows.First(r => r.Code == "2080505").Values[0], "万元", "function:2080505")])])));
        Add("text.reason.missing", () => Said("公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是。"), () => Said("公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是公务用车数量无变化。"));
        Add("text.year.compared", () => Said("2023年部门预算收入比2023年预算增加343万元。"), () => Said("2023年部门预算收入比2022年预算增加343万元。"));
        Add("final.basic.rollup", () => FinalBasic(rows => Plus5Where(rows, r => r.Code == "30101")), () => FinalBasic());
        Add("final.basic.totals", () => FinalBasic(rows => Plus5Where(rows, r => r.Name == "公用经费合计")), () => FinalBasic());
        Add("X.final.basic-T07", () => FinalBasic(t07Basic: 5), () => FinalBasic());
        Add("final.fund.balance", () => FinalFund(f => [f[0], f[1], f[2], f[3], f[4], 25]), () => FinalFund());
        Add("final.fund.spending", () => FinalFund(f => [f[0], f[1], f[2], 35, f[4], f[5]]), () => FinalFund());
        Add("final.fund.rollup", () => FinalFund(f => [f[0], 105, 95, f[3], 65, f[5]]), () => FinalFund());
        Add("text.department.heading", () => Said("上海市规划和自然资源局2024年度部门决算表"), () => Said("深圳市生态环境智能管控中心2023年部门预算表"));

        Add("code.function.valid", () => D(d => d.EditRow("T03", "2080505", r => r with { Code = "20805A5" })));
        Add("code.function.known", () => D(d => d.EditRow("T03", "2080505", r => r with { Code = "2080588" })) with { DisclosureOnly = true }, () => Sample.Clean with { DisclosureOnly = true });
        Add("code.function.name", () => D(d => d.EditRow("T03", "2080505", r => r with { Name = "机关事业单位养老保险" })));
        Add("code.function.parent", () => D(d => d.RemoveRow("T03", "20805")));
        Add("code.economic.valid", () => D(d => d.EditRow("T08", "30101", r => r with { Code = "3010" })));
        Add("code.economic.known", () => D(d => d.EditRow("T08", "30101", r => r with { Code = "30188" })) with { DisclosureOnly = true }, () => Sample.Clean with { DisclosureOnly = true });
        Add("code.economic.name", () => D(d => d.EditRow("T08", "30101", r => r with { Name = "工资" })));
        Add("code.economic.parent", () => D(d => d.RemoveRow("T08", "301")));
        Add("code.economic.kind", () => D(d => d.SetCell("T04", "302", "personnel", _ => 5)));
        Add("code.project.function", () => D(d => d.EditRow("T05", "13900123001", r => r with { FunctionCode = "2999999" })) with { DisclosureOnly = true }, () => Sample.Clean with { DisclosureOnly = true });

        Add("policy.official.increase", () => D(d => d.SetCell("T09", "current", "total", _ => 20)));
        Add("policy.operating.administrative", () => Sample.Clean.EditLine(l => l.Economic.Value == "30201", l => l with { IsOperatingExpense = true }));
        Add("policy.publication.deadline", () => WithProfile(p => Dates(p, "2023-02-01", "2023-03-15")), () => WithProfile(p => Dates(p, "2023-02-01", "2023-02-20")));

        Add("performance.task.coverage", () => WithPlan(p => new PerformancePlan
        {
            Supervisor = p.Supervisor,
            Tasks = p.Tasks,
            Goals = p.Goals,
            Indicators = p.Indicators,
            ProjectGoals = p.ProjectGoals.Select(g => g with { Projects = g.Projects.Where(code => code != "13900123003").ToList() }).ToList(),
        }));
        Add("performance.indicators.levels", () => D(d => d.EditPerformance(p => p with { Indicators = p.Indicators.Where(i => !i.Level1.Contains("满意度", StringComparison.Ordinal)).ToList() })));
        Add("performance.target.measurable", () => Sample.Clean, FixedSeed);
        Add("performance.cost.limit", () => D(d => d.EditPerformance(p => p with { Indicators = p.Indicators.Select(i => i.Level2.Contains("成本", StringComparison.Ordinal) ? i with { Target = "≤9,000 万元" } : i).ToList() })));

        Add("catalogue.function.unknown", () => Line(l => l with { Function = FunctionCode.Parse("2080588").Value }));
        Add("catalogue.function.level", () => Line(l => l with { Function = FunctionCode.Parse("20805").Value }));
        Add("catalogue.economic.unknown", () => Line(l => l with { Economic = EconomicCode.Parse("30188").Value }));
        Add("catalogue.economic.level", () => Line(l => l with { Economic = EconomicCode.Parse("301").Value }));
        Add("catalogue.economic.kind", () => Line(l => l with { Economic = EconomicCode.Parse("30201").Value }));
        Add("catalogue.government-economic.unknown", () => Line(l => l with { GovernmentEconomic = GovernmentEconomicCode.Parse("59999").Value }));
        Add("catalogue.crosswalk.mismatch", () => Line(l => l with { GovernmentEconomic = GovernmentEconomicCode.Parse("50201").Value }));
        Add("ledger.agency.unknown", () => Line(l => l with { AgencyCode = "999" }));
        Add("ledger.column.ignored", ExtraLedgerColumn);
        Add("performance.task.project-unknown", () => WithPlan(p => new PerformancePlan { Supervisor = p.Supervisor, Tasks = [.. p.Tasks, new PerformanceTask("新任务", "", ["P404"], false)], Goals = p.Goals, Indicators = p.Indicators, ProjectGoals = p.ProjectGoals }));
        Add("audit.document.unreadable", () =>
        {
            var damaged = Path.Combine(Path.GetTempPath(), "yusuan-damaged-" + Guid.NewGuid().ToString("N") + ".pdf");
            File.WriteAllText(damaged, "%PDF-1.7\nnot a pdf body\n%%EOF");
            return Sample.Clean with { InputFindings = Formats.Audit.Auditor.Audit(damaged, Core.Catalogue.ClassificationCatalogue.BuiltIn()).Findings };
        });
        Add("render.pdf.readback", () => Sample.Clean with { InputFindings = Rendering.TamperedReadBack("render.pdf.readback") });
        Add("render.xlsx.readback", () => Sample.Clean with { InputFindings = Rendering.TamperedReadBack("render.xlsx.readback") });
        Add("render.font.missing-glyph", () => Sample.Clean with { InputFindings = Rendering.MissingGlyphFindings() });
        Add("rounding.controlled.unaligned", () => Sample.Clean with
        {
            Lines =
            [
                new BudgetLine { AgencyCode = "139001", Function = FunctionCode.Parse("2010301").Value, Economic = EconomicCode.Parse("30101").Value, Kind = ExpenditureKind.Personnel, Fund = FundSource.GeneralPublicBudget, Amount = 5_000m },
                new BudgetLine { AgencyCode = "139001", Function = FunctionCode.Parse("2010301").Value, Economic = EconomicCode.Parse("30227").Value, Kind = ExpenditureKind.Project, ProjectCode = "P1", ProjectName = "甲", Fund = FundSource.GovernmentFund, Amount = 5_000m },
                new BudgetLine { AgencyCode = "139001", Function = FunctionCode.Parse("2010302").Value, Economic = EconomicCode.Parse("30227").Value, Kind = ExpenditureKind.Project, ProjectCode = "P2", ProjectName = "乙", Fund = FundSource.GeneralPublicBudget, Amount = 5_000m },
            ],
        });
        return faults;
    }

    public static Severity FiringSeverity(string rule) => Core.Rules.RuleCatalogue.Find(rule)!.Severity;
}
