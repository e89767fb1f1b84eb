using Yusuan.Core;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Compile;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Rounding;
using Yusuan.Core.Rules;
using Yusuan.Formats.Ledger;
using Yusuan.Formats.Yaml;

namespace Yusuan.Formats.Datasets;

/// <summary>
/// A DATASET folder: ledger.csv or ledger.xlsx, profile.yaml and (optionally) performance.yaml.
/// <see cref="Load"/> checks every file completely before anything is compiled; one bad file means nothing compiles.
/// </summary>
public sealed class Dataset
{
    private Dataset(string folder, Profile profile, PerformancePlan plan, LedgerFile ledger, IReadOnlyList<Finding> warnings)
    {
        Folder = folder;
        Profile = profile;
        Plan = plan;
        Ledger = ledger;
        Warnings = warnings;
    }

    public string Folder { get; }

    public Profile Profile { get; }

    public PerformancePlan Plan { get; }

    public LedgerFile Ledger { get; }

    /// <summary>Input warnings that did not stop the load (e.g. ledger columns Yusuan ignores).</summary>
    public IReadOnlyList<Finding> Warnings { get; }

    public static (Dataset? Dataset, IReadOnlyList<InputProblem> Problems) Load(string folder)
    {
        var problems = new List<InputProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new InputProblem(folder, null, null, Messages.FileMissing));
            return (null, problems);
        }

        var profile = YamlReader.ReadProfile(Path.Combine(folder, "profile.yaml"));
        problems.AddRange(profile.Problems);

        var plan = PerformancePlan.Empty;
        var performancePath = Path.Combine(folder, "performance.yaml");
        if (File.Exists(performancePath))
        {
            var performance = YamlReader.ReadPerformance(performancePath);
            problems.AddRange(performance.Problems);
            plan = performance.Value ?? plan;
        }

        // Indicators may come from a 绩效目标申报表 workbook beside performance.yaml; they replace the YAML's indicators.
        var indicatorSheet = Path.Combine(folder, "performance.xlsx");
        if (File.Exists(indicatorSheet))
        {
            var (indicators, sheetProblems) = Performance.IndicatorSheetReader.Read(indicatorSheet);
            problems.AddRange(sheetProblems);
            if (indicators is not null)
            {
                plan = new PerformancePlan { Supervisor = plan.Supervisor, Tasks = plan.Tasks, Goals = plan.Goals, ProjectGoals = plan.ProjectGoals, Indicators = indicators };
            }
        }

        var (ledgerPath, missing) = LedgerFile.Find(folder);
        if (ledgerPath is null)
        {
            problems.Add(missing!);
            return (null, problems);
        }

        return Checked(folder, profile, plan, LedgerFile.Open(ledgerPath), problems);
    }

    /// <summary>
    /// A dataset given as its files' contents — a draft's stored ledger (CSV text or a workbook's bytes, by
    /// <paramref name="ledgerName"/>), profile and goals — checked exactly as <see cref="Load"/> checks a folder, without
    /// anything written to disk: the web's uploads and drafts compile through here.
    /// </summary>
    public static (Dataset? Dataset, IReadOnlyList<InputProblem> Problems) FromContents(string ledgerName, byte[] ledger, string profile, string? performance)
    {
        var problems = new List<InputProblem>();
        var read = YamlReader.ReadProfile("profile.yaml", profile);
        problems.AddRange(read.Problems);
        var plan = PerformancePlan.Empty;
        if (performance is not null)
        {
            var goals = YamlReader.ReadPerformance("performance.yaml", performance);
            problems.AddRange(goals.Problems);
            plan = goals.Value ?? plan;
        }

        return Checked(string.Empty, read, plan, LedgerFile.FromBytes(ledgerName, ledger), problems);
    }

    /// <summary>The ledger checked against the profile's year; the dataset when nothing in any file is wrong.</summary>
    private static (Dataset? Dataset, IReadOnlyList<InputProblem> Problems) Checked(string folder, YamlRead<Profile> profile, PerformancePlan plan, LedgerFile ledger, List<InputProblem> problems)
    {
        var check = ledger.Check(profile.Value?.FiscalYear);
        problems.AddRange(check.Problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new Dataset(folder, profile.Value!, plan, ledger, check.Warnings), problems);
    }

    /// <param name="previous">How the previous version of this budget was rounded, to round against (controlled rounding only).</param>
    public CompiledBudget Compile(ClassificationCatalogue catalogue, RoundingMode rounding, RoundingMemory? previous = null) =>
        new BudgetCompiler(catalogue).Compile(Profile, Plan, Ledger.Lines(), rounding, previous);

    /// <summary>Runs the rule catalogue on a compiled budget of this dataset: its disclosure, lines, profile and plan.</summary>
    /// <param name="produced">Findings of what was made from the budget (the rendered documents' read-back), reported through the catalogue.</param>
    public IReadOnlyList<Finding> Check(CompiledBudget compiled, ClassificationCatalogue catalogue, RegionalProfile? region = null, IReadOnlyList<Finding>? produced = null) =>
        Check(Profile, Plan, compiled, catalogue, region, [.. Warnings, .. produced ?? []]);

    /// <summary>Runs the rule catalogue on one department's compiled budget with its profile and plan; <paramref name="inputFindings"/> are reported through the catalogue.</summary>
    internal static IReadOnlyList<Finding> Check(Profile profile, PerformancePlan plan, CompiledBudget compiled, ClassificationCatalogue catalogue, RegionalProfile? region, IReadOnlyList<Finding> inputFindings) =>
        RuleEngine.Run(
            new RuleContext(compiled.Disclosure, catalogue)
            {
                Profile = profile,
                Plan = plan,
                Budget = compiled,
                InputFindings = inputFindings,
                ApprovedOn = profile.ApprovedOn,
                PublishedOn = profile.PublishedOn,
            },
            region);
}
