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
    public CompiledBudget Compile(Profile profile, PerformancePlan plan, IEnumerable<BudgetLine> lines, RoundingMode rounding)
    {
        var findings = new List<Finding>();
        var checker = new LineChecker(catalogue, profile);
        var atoms = new AtomAccumulator();
        foreach (var line in lines)
        {
            checker.Check(line, findings);
            atoms.Add(line);
        }

        atoms.Seal();
        var facts = atoms.Facts();
        var tableSet = new TableSet(catalogue, profile, plan, atoms);
        var drafts = tableSet.BuildAll();
        findings.AddRange(tableSet.Findings);
        var (tables, roundingFindings) = TableRounding.Apply(drafts, atoms.Values, rounding);
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
        };
    }
}
