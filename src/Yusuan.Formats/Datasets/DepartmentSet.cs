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

/// <summary>One department's compiled budget and its findings.</summary>
public sealed record DepartmentResult(Profile Profile, CompiledBudget Compiled, IReadOnlyList<Finding> Findings);

/// <summary>
/// A folder of many departments — a city's or a province's budget: one <c>ledger.csv</c> (or .xlsx) with the lines of every
/// agency, and a profile per department in <c>departments/*.yaml</c> naming its agencies. <see cref="Load"/> checks every file
/// completely first (and that each line's agency belongs to exactly one department); <see cref="CompileEach"/> then reads the
/// ledger once, routing each line to its department, and compiles and checks the departments one after another, so memory
/// grows with the distinct atoms of the departments, not with the lines.
/// </summary>
public sealed class DepartmentSet
{
    private readonly IReadOnlyList<Profile> profiles;
    private readonly Dictionary<string, int> departmentOf;
    private readonly IReadOnlyList<Finding> warnings;

    private DepartmentSet(IReadOnlyList<Profile> profiles, Dictionary<string, int> departmentOf, LedgerFile ledger, long lines, IReadOnlyList<Finding> warnings)
    {
        this.profiles = profiles;
        this.departmentOf = departmentOf;
        this.warnings = warnings;
        Ledger = ledger;
        LineCount = lines;
    }

    public LedgerFile Ledger { get; }

    public long LineCount { get; }

    public int DepartmentCount => profiles.Count;

    /// <summary>Whether a folder holds many departments rather than one (a <c>departments/</c> folder beside the ledger).</summary>
    public static bool IsOne(string folder) => Directory.Exists(Path.Combine(folder, "departments"));

    public static (DepartmentSet? Set, IReadOnlyList<InputProblem> Problems) Load(string folder)
    {
        var problems = new List<InputProblem>();
        var profiles = new List<Profile>();
        var departmentOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(folder, "departments"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var read = YamlReader.ReadProfile(path);
            var name = "departments/" + Path.GetFileName(path);
            problems.AddRange(read.Problems.Select(p => p with { File = name }));
            if (read.Value is not { } profile)
            {
                continue;
            }

            if (profiles.Count > 0 && profile.FiscalYear != profiles[0].FiscalYear)
            {
                problems.Add(new InputProblem(name, null, "fiscalYear", Messages.YearDiffers(profile.FiscalYear, profiles[0].FiscalYear)));
            }

            foreach (var agency in profile.Agencies)
            {
                if (departmentOf.TryGetValue(agency.Code, out var other))
                {
                    problems.Add(new InputProblem(name, null, "agencies", Messages.AgencyInTwoDepartments(agency.Code, profiles[other].Department.Code, profile.Department.Code)));
                }
                else
                {
                    departmentOf[agency.Code] = profiles.Count;
                }
            }

            profiles.Add(profile);
        }

        if (profiles.Count == 0 && problems.Count == 0)
        {
            problems.Add(new InputProblem("departments", null, null, Messages.NoDepartments));
        }

        var ledgerPath = new[] { "ledger.csv", "ledger.xlsx" }.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
        if (ledgerPath is null)
        {
            problems.Add(new InputProblem(Path.GetFileName(folder.TrimEnd('/', '\\')), null, null, Messages.LedgerMissing));
            return (null, problems);
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var ledger = LedgerFile.Open(ledgerPath);
        var check = ledger.Check(profiles[0].FiscalYear, departmentOf.ContainsKey);
        return check.Problems.Count > 0
            ? (null, check.Problems)
            : (new DepartmentSet(profiles, departmentOf, ledger, check.Lines, check.Warnings), []);
    }

    /// <summary>
    /// Reads the ledger once and compiles and checks each department in turn, in the order of their profiles' file names. Each
    /// result is handed over as soon as it is made and not kept.
    /// </summary>
    public IEnumerable<DepartmentResult> CompileEach(ClassificationCatalogue catalogue, RoundingMode rounding, RegionalProfile? region = null)
    {
        var compiler = new BudgetCompiler(catalogue);
        var departments = profiles.Select(compiler.Start).ToArray();
        foreach (var line in Ledger.Lines())
        {
            departments[departmentOf[line.AgencyCode]].Add(line);
        }

        for (var i = 0; i < departments.Length; i++)
        {
            var profile = departments[i].Profile;
            var compiled = compiler.Finish(departments[i], PerformancePlan.Empty, rounding);
            departments[i] = null!;
            yield return new DepartmentResult(profile, compiled, Dataset.Check(profile, PerformancePlan.Empty, compiled, catalogue, region, warnings));
        }
    }
}
