using System.Runtime.CompilerServices;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;

namespace Yusuan.Core.Compile;

/// <summary>
/// Builds the twelve tables (before rounding) from the atoms, as DESIGN.md defines them and the seed lays them out. The tables'
/// loops over atoms are compiled fully optimised at once ([MethodImpl(AggressiveOptimization)]): under tiered compilation a
/// check ran them as unoptimised code, then as on-stack replacements, for the first seconds of its work (docs/benchmarks.md,
/// issue 16, seventh step).
/// </summary>
internal sealed class TableSet(ClassificationCatalogue catalogue, Profile profile, PerformancePlan plan, AtomAccumulator atoms, bool withTerms = true)
{
    /// <summary>The fund sources with their column keys, from the table specifications (Core.Tables).</summary>
    private static readonly (FundSource Fund, string Key)[] FundKeys = [.. Tables.ColumnMeanings.Funds];

    private readonly IReadOnlyList<AtomKey> keys = atoms.Keys;
    private readonly List<decimal> values = atoms.Values;

    // Every cell's atoms, for all twelve tables.
    private readonly CellTerms terms = new(withTerms ? atoms.Values : null);

    // Each atom's code paths, worked out once for all the tables that need them.
    private string[][]? functionPaths;
    private string[][]? economicPaths;

    public List<Finding> Findings { get; } = [];

    public List<TableDraft> BuildAll() =>
    [
        T01(),
        T02(),
        T03(),
        T04(),
        T05(),
        T06(),
        FunctionFlow("T07", f => f == FundSource.GeneralPublicBudget),
        T08(),
        T09(),
        FunctionFlow("T10", f => f == FundSource.GovernmentFund),
        FunctionFlow("T11", f => f == FundSource.StateCapital),
        T12(),
    ];

    /// <summary>A table as its specification lays it out: the seed's title, its columns under their headers for this year.</summary>
    private TableDraft Draft(string id, int decimals = 0, PerformanceSection? performance = null) =>
        new() { Id = id, Title = TableTitles.Title(id), Columns = Tables.TableSpecifications.Get(id).ColumnsFor(profile.FiscalYear), Decimals = decimals, Performance = performance };

    /// <summary>The column of a fund source in T02 and T05 (after the total): called for every atom, so a loop, not a lambda.</summary>
    private static int FundColumn(FundSource fund)
    {
        for (var i = 0; i < FundKeys.Length; i++)
        {
            if (FundKeys[i].Fund == fund)
            {
                return i + 1;
            }
        }

        return 0;
    }

    private void Put(RowDraft row, int column, int key, Measure measure, int sign = 1)
    {
        var atom = AtomAccumulator.AtomOf(key, measure);
        row.Cells[column].Add(atom, sign, values[atom]);
    }

    private string AgencyName(string code) => profile.Agencies.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    private BlockTree Blocks(int columns, Func<string, string, TableRow> codeRow, bool supervisor)
    {
        var perAgency = !profile.IsSingleAgency;
        var tree = new BlockTree(columns, perAgency, codeRow, terms);
        if (supervisor && profile.Supervisor is { } s)
        {
            tree.AddHeader(new TableRow { Unit = s.Name, Name = s.Name, Key = "supervisor", Values = [] });
        }

        var d = profile.Department;
        tree.AddHeader(new TableRow { Unit = d.Name, Name = d.Name, Key = "department", Values = [] });
        foreach (var agency in profile.Agencies)
        {
            tree.AddAgency(agency.Code, agency.Name);
        }

        return tree;
    }

    private TableRow FunctionRow(string code) => new()
    {
        Code = code,
        Name = catalogue.NameOf(ClassificationKind.Function, code),
        Level = (code.Length - 1) / 2,
        Values = [],
    };

    private TableRow EconomicRow(string code) => new()
    {
        Code = code,
        Name = catalogue.NameOf(ClassificationKind.DepartmentEconomic, code),
        Level = code.Length == 3 ? 1 : 2,
        Values = [],
    };

    /// <summary>The function codes an atom adds to: its 类, 款 and 项.</summary>
    private string[] FunctionPath(int k)
    {
        functionPaths ??= Shared(keys.Select(key => key.Function), code => [.. code.Path().Select(c => c.Value)]);
        return functionPaths[k];
    }

    /// <summary>The economic codes an atom adds to: its 类 and 款.</summary>
    private string[] EconomicPath(int k)
    {
        economicPaths ??= Shared(keys.Select(key => key.Economic), code => code.Level == 1 ? [code.Value] : [code.Class.Value, code.Value]);
        return economicPaths[k];
    }

    /// <summary>Each atom's path, worked out once per code: atoms of one code share one array (which BlockTree relies on).</summary>
    private static string[][] Shared<TCode>(IEnumerable<TCode> codes, Func<TCode, string[]> path)
        where TCode : notnull
    {
        var known = new Dictionary<TCode, string[]>();
        return [.. codes.Select(code => known.TryGetValue(code, out var shared) ? shared : known[code] = path(code))];
    }

    private static void Finish(TableDraft draft, List<RowDraft> rows)
    {
        foreach (var row in rows)
        {
            draft.Rows.Add(row);
        }

        if (draft.Rows.All(r => r.Cells.All(c => c.IsEmpty)))
        {
            draft.Note = Messages.EmptyTableNote;
        }
    }

    /// <summary>T07, T10, T11: function code × (total, basic, project) for one kind of appropriation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TableDraft FunctionFlow(string id, Func<FundSource, bool> funds)
    {
        var draft = Draft(id);
        var tree = Blocks(3, (_, code) => FunctionRow(code), supervisor: true);
        for (var k = 0; k < keys.Count; k++)
        {
            if (!funds(keys[k].Fund))
            {
                continue;
            }

            foreach (var row in tree.Rows(keys[k].Agency, FunctionPath(k)))
            {
                Put(row, 0, k, Measure.Amount);
                Put(row, keys[k].Kind.IsBasic() ? 1 : 2, k, Measure.Amount);
            }
        }

        Finish(draft, tree.Ordered());
        return draft;
    }

    /// <summary>T01 收支总表: income by source ∥ expenditure by function.</summary>
    private TableDraft T01() => TwoSided("T01", _ => true);

    /// <summary>T06 政府预算拨款收支总表: the appropriations (and their carry-over) only.</summary>
    private TableDraft T06() => TwoSided("T06", f => f.IsGovernmentAppropriation() || f == FundSource.PriorYearCarryover);

    /// <summary>A two-sided table: its named income rows (TableSpecifications) filled from their fund sources ∥ expenditure by function.</summary>
    private TableDraft TwoSided(string id, Func<FundSource, bool> spent)
    {
        var draft = Draft(id);
        AddTwoSided(draft, Tables.TableSpecifications.Get(id).NamedRows, spent);
        return draft;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddTwoSided(TableDraft draft, IReadOnlyList<Tables.NamedRow> named, Func<FundSource, bool> spent)
    {
        var income = named.Where(r => r.Funds is not null).ToArray();
        var incomeRows = income.Select(i => new RowDraft(new TableRow { Section = "income", Key = i.Key, Name = i.Title, Values = [] }, terms, 1)).ToArray();
        var tree = new BlockTree(1, perAgency: false, (_, code) => FunctionRow(code) with { Section = "expenditure" }, terms);
        RowDraft Total(string key) => new(new TableRow { Section = "expenditure", Key = key, Name = named.Single(r => r.Key == key).Title, Values = [] }, terms, 1);
        var (current, carryForward, total) = (Total("expenditure.current"), Total("expenditure.carryforward"), Total("expenditure.total"));
        for (var k = 0; k < keys.Count; k++)
        {
            for (var i = 0; i < income.Length; i++)
            {
                if (income[i].Funds!(keys[k].Fund))
                {
                    Put(incomeRows[i], 0, k, Measure.Amount);
                }
            }

            if (!spent(keys[k].Fund))
            {
                continue;
            }

            foreach (var row in tree.Rows(keys[k].Agency, FunctionPath(k)))
            {
                Put(row, 0, k, Measure.Amount);
            }

            Put(current, 0, k, Measure.Amount);
            Put(total, 0, k, Measure.Amount);
        }

        var rows = new List<RowDraft>(incomeRows);
        var classes = 0;
        foreach (var row in tree.Ordered())
        {
            if (row.Template.Level == 1)
            {
                row.Template = row.Template with { Name = $"{TableTitles.ChineseOrdinal(++classes)}、{row.Template.Name}" };
            }

            rows.Add(row);
        }

        rows.AddRange([current, carryForward, total]);
        Finish(draft, rows);
    }

    /// <summary>T02 收入总表: function code × fund source.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TableDraft T02()
    {
        var draft = Draft("T02");
        var tree = Blocks(draft.Columns.Count, (_, code) => FunctionRow(code), supervisor: false);
        for (var k = 0; k < keys.Count; k++)
        {
            foreach (var row in tree.Rows(keys[k].Agency, FunctionPath(k)))
            {
                Put(row, 0, k, Measure.Amount);
                Put(row, FundColumn(keys[k].Fund), k, Measure.Amount);
            }
        }

        Finish(draft, tree.Ordered());
        return draft;
    }

    /// <summary>T03 支出总表: function code × (total, basic, project, procurement and the parts reserved for SMEs and micro enterprises).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TableDraft T03()
    {
        var draft = Draft("T03");
        var tree = Blocks(6, (_, code) => FunctionRow(code), supervisor: false);
        for (var k = 0; k < keys.Count; k++)
        {
            foreach (var row in tree.Rows(keys[k].Agency, FunctionPath(k)))
            {
                Put(row, 0, k, Measure.Amount);
                Put(row, keys[k].Kind.IsBasic() ? 1 : 2, k, Measure.Amount);
                Put(row, 3, k, Measure.Procurement);
                Put(row, 4, k, Measure.Sme);
                Put(row, 5, k, Measure.Micro);
            }
        }

        Finish(draft, tree.Ordered());
        return draft;
    }

    /// <summary>T04 基本支出总表: economic code × (total, 人员经费, 公用经费), basic lines of every fund.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TableDraft T04()
    {
        var draft = Draft("T04");
        var tree = Blocks(3, (_, code) => EconomicRow(code), supervisor: false);
        for (var k = 0; k < keys.Count; k++)
        {
            if (!keys[k].Kind.IsBasic())
            {
                continue;
            }

            foreach (var row in tree.Rows(keys[k].Agency, EconomicPath(k)))
            {
                Put(row, 0, k, Measure.Amount);
                Put(row, keys[k].Kind == ExpenditureKind.Personnel ? 1 : 2, k, Measure.Amount);
            }
        }

        Finish(draft, tree.Ordered());
        return draft;
    }

    /// <summary>T05 项目支出总表: project (and the function code it is spent under) × fund source.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TableDraft T05()
    {
        var draft = Draft("T05");
        var tree = Blocks(draft.Columns.Count, (_, key) =>
        {
            var parts = key.Split('|');
            var info = atoms.Projects.GetValueOrDefault(parts[0]);
            return new TableRow { Code = parts[0], Name = info?.Name ?? parts[0], FunctionCode = parts[1], Level = 1, Values = [] };
        }, supervisor: false);
        for (var k = 0; k < keys.Count; k++)
        {
            if (keys[k].Kind != ExpenditureKind.Project)
            {
                continue;
            }

            foreach (var row in tree.Rows(keys[k].Agency, [keys[k].Project + "|" + keys[k].Function.Value]))
            {
                Put(row, 0, k, Measure.Amount);
                Put(row, FundColumn(keys[k].Fund), k, Measure.Amount);
            }
        }

        Finish(draft, tree.Ordered());
        return draft;
    }

    /// <summary>T08: economic code × (total, basic, project), 一般公共预算 only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TableDraft T08()
    {
        var draft = Draft("T08");
        var tree = Blocks(3, (_, code) => EconomicRow(code), supervisor: true);
        for (var k = 0; k < keys.Count; k++)
        {
            if (keys[k].Fund != FundSource.GeneralPublicBudget)
            {
                continue;
            }

            foreach (var row in tree.Rows(keys[k].Agency, EconomicPath(k)))
            {
                Put(row, 0, k, Measure.Amount);
                Put(row, keys[k].Kind.IsBasic() ? 1 : 2, k, Measure.Amount);
            }
        }

        Finish(draft, tree.Ordered());
        return draft;
    }

    /// <summary>T09 "三公" 经费: last year, this year and the change, in 万元 with two decimals as the seed prints them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TableDraft T09()
    {
        var draft = Draft("T09", decimals: 2);
        var priorYear = profile.PriorYear?.FiscalYear ?? profile.FiscalYear - 1;
        var prior = draft.AddRow(new TableRow { Unit = profile.Department.Name, Key = "prior", Name = $"{priorYear} 年", Values = [] }, terms);
        var current = draft.AddRow(new TableRow { Key = "current", Name = $"{profile.FiscalYear} 年", Values = [] }, terms);
        var change = draft.AddRow(new TableRow { Key = "change", Name = "增减变化金额", Values = [] }, terms);

        static int[] Columns(OfficialExpenseCategory c) => c switch
        {
            OfficialExpenseCategory.OverseasTravel => [0, 1],
            OfficialExpenseCategory.Reception => [0, 2],
            OfficialExpenseCategory.VehiclePurchase => [0, 3, 4],
            OfficialExpenseCategory.VehicleOperation => [0, 3, 5],
            _ => [],
        };

        for (var k = 0; k < keys.Count; k++)
        {
            if (keys[k].Fund != FundSource.GeneralPublicBudget || keys[k].Official == OfficialExpenseCategory.None)
            {
                continue;
            }

            foreach (var c in Columns(keys[k].Official))
            {
                Put(current, c, k, Measure.Amount);
                Put(change, c, k, Measure.Amount);
            }
        }

        var priorFigures = profile.PriorYear?.OfficialExpenses ?? new Dictionary<OfficialExpenseCategory, decimal>();
        foreach (var (category, amount) in priorFigures.OrderBy(p => p.Key))
        {
            var atom = atoms.AddPseudoAtom(amount, $"prior-year-official|{category}");
            foreach (var c in Columns(category))
            {
                prior.Cells[c].Add(atom, 1, amount);
                change.Cells[c].Add(atom, -1, amount);
            }
        }

        return draft;
    }

    /// <summary>T12 部门（单位）整体支出绩效目标表: each task's amount is the sum of the lines it names.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TableDraft T12()
    {
        var performance = new PerformanceSection(
            plan.Goals,
            plan.Indicators.Select(i => new PerformanceIndicator(i.Level1, i.Level2, i.Name, i.Target)).ToList(),
            plan.Supervisor);
        var draft = Draft("T12", performance: performance);
        var totalRow = new RowDraft(new TableRow { Key = "total", Name = "金额合计", Values = [] }, terms, 3);
        foreach (var task in plan.Tasks)
        {
            var row = draft.AddRow(new TableRow { Name = task.Name, Text = task.Content, Level = 1, Values = [] }, terms);
            var projects = task.Projects.ToHashSet(StringComparer.Ordinal);
            for (var k = 0; k < keys.Count; k++)
            {
                var key = keys[k];
                var inTask = task.Basic ? key.Kind.IsBasic() : key.Kind == ExpenditureKind.Project && projects.Contains(key.Project);
                if (!inTask)
                {
                    continue;
                }

                var fiscal = key.Fund.IsGovernmentAppropriation() || key.Fund == FundSource.PriorYearCarryover;
                Put(row, 0, k, Measure.Amount);
                Put(row, fiscal ? 1 : 2, k, Measure.Amount);
                Put(totalRow, 0, k, Measure.Amount);
                Put(totalRow, fiscal ? 1 : 2, k, Measure.Amount);
            }

            foreach (var project in task.Projects.Where(p => !atoms.Projects.ContainsKey(p)))
            {
                Findings.Add(new Finding(
                    "performance.task.project-unknown", Severity.Warning, "performance", Messages.TaskProjectUnknown(task.Name, project),
                    new Location { File = "performance.yaml", Table = "T12", TableRow = task.Name }));
            }
        }

        if (plan.Tasks.Count > 0)
        {
            draft.Rows.Add(totalRow);
        }

        return draft;
    }
}
