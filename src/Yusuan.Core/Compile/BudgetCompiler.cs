using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Rounding;

namespace Yusuan.Core.Compile;

/// <summary>
/// Compiles the twelve standard tables from budget lines in one streaming pass: each line is checked against the catalogue and
/// folded into its atom, then the tables are built from the atoms and rounded.
/// </summary>
public sealed class BudgetCompiler(ClassificationCatalogue catalogue)
{
    /// <param name="previous">How the previous version of this budget was rounded, to round against (controlled rounding only).</param>
    public CompiledBudget Compile(Profile profile, PerformancePlan plan, IEnumerable<BudgetLine> lines, RoundingMode rounding, RoundingMemory? previous = null)
    {
        var department = Start(profile);
        foreach (var line in lines)
        {
            department.Add(line);
        }

        return Finish(department, plan, rounding, previous);
    }

    /// <summary>
    /// Starts one department's compilation, for callers that route the lines of many departments from one ledger: lines are
    /// added one at a time and only their atoms are kept, so memory grows with distinct atoms, not with lines.
    /// </summary>
    public DepartmentLines Start(Profile profile) => new(new LineChecker(catalogue, profile), profile);

    /// <summary>
    /// Builds the twelve tables of the lines added to <paramref name="department"/> with their exact figures in 元, before
    /// rounding; their findings join the department's.
    /// </summary>
    /// <param name="withTerms">Whether each cell keeps the atoms it sums (<see cref="CellDraft.Terms"/>), which rounding needs;
    /// without them the cells hold their exact figures only (a comparison of figures, nothing rounded).</param>
    public IReadOnlyList<TableDraft> Tables(DepartmentLines department, PerformancePlan plan, bool withTerms = true)
    {
        department.Atoms.Seal();
        var tableSet = new TableSet(catalogue, department.Profile, plan, department.Atoms, withTerms);
        var drafts = tableSet.BuildAll();
        department.Findings.AddRange(tableSet.Findings);
        return drafts;
    }

    /// <summary>Builds and rounds the twelve tables and composes the text from the lines added to <paramref name="department"/>.</summary>
    /// <param name="previous">How the previous version of this budget was rounded, to round against (controlled rounding only).</param>
    public CompiledBudget Finish(DepartmentLines department, PerformancePlan plan, RoundingMode rounding, RoundingMemory? previous = null)
    {
        var (profile, atoms, findings) = (department.Profile, department.Atoms, department.Findings);
        var drafts = Tables(department, plan);
        var facts = atoms.Facts();
        var (tables, roundingFindings, memory) = TableRounding.Apply(drafts, atoms.Values, rounding, atoms.Identity, previous);
        findings.AddRange(roundingFindings);

        var contents = new List<ContentsEntry>();
        for (var p = 0; p < TableTitles.Parts.Count; p++)
        {
            contents.Add(new ContentsEntry(TableTitles.Parts[p], Part: p + 1));
        }

        contents.AddRange(TableTitles.All.Select(t => new ContentsEntry(t.Title, Table: t.Id)));
        var narrative = new Narrative.NarrativeComposer(profile, plan, facts, atoms.Projects, rounding).Compose(tables);
        var disclosure = new Disclosure
        {
            Department = new DisclosureEntity(profile.Department.Code, profile.Department.Name),
            FiscalYear = profile.FiscalYear,
            Rounding = rounding.Name(),
            Contents = contents,
            Tables = tables,
            Narrative = narrative,
        };
        return new CompiledBudget
        {
            Disclosure = disclosure,
            Drafts = drafts,
            Findings = findings,
            Projects = atoms.Projects,
            LineCount = atoms.LineCount,
            Facts = facts,
            RoundingMadeBy = memory,
        };
    }
}

/// <summary>The lines of one department as they are added: checked against the catalogue and folded into atoms.</summary>
public sealed class DepartmentLines
{
    private readonly LineChecker checker;

    internal DepartmentLines(LineChecker checker, Profile profile)
    {
        this.checker = checker;
        Profile = profile;
    }

    public Profile Profile { get; }

    public long LineCount => Atoms.LineCount;

    internal AtomAccumulator Atoms { get; } = new();

    internal List<Finding> Findings { get; } = [];

    public void Add(BudgetLine line)
    {
        checker.Check(line, Findings);
        Atoms.Add(line);
    }
}
