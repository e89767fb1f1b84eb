using Yusuan.Core;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Compile;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Rounding;
using Yusuan.Core.Rules;
using Yusuan.Formats.Ledger;
using Yusuan.Formats.Text;
using Yusuan.Formats.Yaml;

namespace Yusuan.Formats.Datasets;

/// <summary>One department's compiled budget and its findings.</summary>
public sealed record DepartmentResult(Profile Profile, CompiledBudget Compiled, IReadOnlyList<Finding> Findings);

/// <summary>
/// A folder of many departments — a city's or a province's budget: one <c>ledger.csv</c> (or .xlsx) with the lines of every
/// agency, and a profile per department in <c>departments/*.yaml</c> naming its agencies. <see cref="Load"/> checks every file
/// completely first (and that each line's agency belongs to exactly one department); <see cref="CompileEach"/> then reads the
/// ledger once and compiles and checks the departments one after another. When each department's lines stand together in the
/// ledger (as budget systems export them), a department is finished as soon as the next one starts, so memory holds one
/// department's atoms at a time and stays flat however many lines there are. Otherwise every department's atoms are held until
/// the end of the ledger.
/// </summary>
public sealed class DepartmentSet
{
    private readonly IReadOnlyList<Profile> profiles;
    private readonly Dictionary<string, int> departmentOf;
    private readonly IReadOnlyList<Finding> warnings;

    private DepartmentSet(IReadOnlyList<Profile> profiles, IReadOnlyList<string> profilePaths, Dictionary<string, int> departmentOf, LedgerFile ledger, long lines, IReadOnlyList<Finding> warnings, bool grouped)
    {
        Grouped = grouped;
        this.profiles = profiles;
        Departments = profiles.Zip(profilePaths).ToList();
        this.departmentOf = departmentOf;
        this.warnings = warnings;
        Ledger = ledger;
        LineCount = lines;
    }

    public LedgerFile Ledger { get; }

    /// <summary>Each department's profile and the file it was read from, in the order of the files' names.</summary>
    public IReadOnlyList<(Profile Profile, string Path)> Departments { get; }

    public long LineCount { get; }

    public int DepartmentCount => profiles.Count;

    /// <summary>Whether each department's lines stand together in the ledger, so departments can be compiled one at a time.</summary>
    public bool Grouped { get; }

    /// <summary>Whether a folder holds many departments rather than one (a <c>departments/</c> folder beside the ledger).</summary>
    public static bool IsOne(string folder) => Directory.Exists(Path.Combine(folder, "departments"));

    /// <summary>
    /// Reads the departments' profiles and checks the whole ledger (every cell, every agency in exactly one department), or
    /// says every problem. With <paramref name="checkLedger"/> false the ledger is left to be checked as it is read by
    /// <see cref="CheckedLines"/> (an import, kept only if it passes): the set then knows neither its line count (-1) nor
    /// whether the ledger is grouped by department, and is for that only.
    /// </summary>
    public static (DepartmentSet? Set, IReadOnlyList<InputProblem> Problems) Load(string folder, bool checkLedger = true)
    {
        var problems = new List<InputProblem>();
        var profiles = new List<Profile>();
        var paths = new List<string>();
        var departmentOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var fileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(folder, "departments"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var read = YamlReader.ReadProfile(path);
            var name = "departments/" + Path.GetFileName(path);
            problems.AddRange(read.Problems.Select(p => p with { File = name }));
            if (read.Value is not { } profile)
            {
                continue;
            }

            // One profile per department: its results, and its kept rounding, are named by its code.
            if (!fileOf.TryAdd(profile.Department.Code, name))
            {
                problems.Add(new InputProblem(name, null, "department.code", Messages.DepartmentInTwoFiles(profile.Department.Code, fileOf[profile.Department.Code])));
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
            paths.Add(path);
        }

        if (profiles.Count == 0 && problems.Count == 0)
        {
            problems.Add(new InputProblem("departments", null, null, Messages.NoDepartments));
        }

        var (ledgerPath, missing) = LedgerFile.Find(folder);
        if (ledgerPath is null)
        {
            problems.Add(missing!);
            return (null, problems);
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        // While checking, note whether a department's lines ever resume after another department's.
        var (current, grouped) = (-1, true);
        var finished = new HashSet<int>();
        bool Known(string agency)
        {
            if (!departmentOf.TryGetValue(agency, out var department))
            {
                return false;
            }

            if (department != current)
            {
                grouped &= !finished.Contains(department);
                finished.Add(current);
                current = department;
            }

            return true;
        }

        var ledger = LedgerFile.Open(ledgerPath);
        if (!checkLedger)
        {
            return (new DepartmentSet(profiles, paths, departmentOf, ledger, -1, [], grouped: false), []);
        }

        var check = ledger.Check(profiles[0].FiscalYear, Known);
        return check.Problems.Count > 0
            ? (null, check.Problems)
            : (new DepartmentSet(profiles, paths, departmentOf, ledger, check.Lines, check.Warnings, grouped), []);
    }

    /// <summary>The ledger's lines, each checked as it is read (year, every cell, its agency in a department); see <see cref="LedgerFile.Checking"/>.</summary>
    public IEnumerable<BudgetLine> CheckedLines(LedgerChecking checking) =>
        Ledger.Checking(checking, profiles[0].FiscalYear, departmentOf.ContainsKey);

    /// <summary>
    /// Reads the ledger once and compiles and checks each department in turn — in ledger order when the ledger is grouped by
    /// department, otherwise in the order of the profiles' file names — then the departments that have no lines. Each result
    /// is handed over as soon as it is made and not kept.
    /// </summary>
    /// <param name="width">How many departments are compiled at once (each on a core of its own, while the ledger is read on
    /// another); 0 for one per core. The results come in the same order, alike, whatever the width.</param>
    /// <param name="previous">How each department's budget was rounded last (by department), to round against; null for none.</param>
    public IEnumerable<DepartmentResult> CompileEach(
        ClassificationCatalogue catalogue, RoundingMode rounding, RegionalProfile? region = null, int width = 0, Func<Profile, RoundingMemory?>? previous = null)
    {
        var compiler = new BudgetCompiler(catalogue);
        return Each(compiler, width, (profile, lines) =>
        {
            var compiled = compiler.Finish(lines, PerformancePlan.Empty, rounding, previous?.Invoke(profile));
            return new DepartmentResult(profile, compiled, Dataset.Check(profile, PerformancePlan.Empty, compiled, catalogue, region, warnings));
        });
    }

    /// <summary>
    /// Reads the ledger once and builds each department's twelve tables with their exact figures in 元 (no rounding, text or
    /// checks), in the order of <see cref="CompileEach"/>: what a comparison of the figures with another engine needs.
    /// </summary>
    public IEnumerable<(Profile Profile, IReadOnlyList<TableDraft> Tables)> TablesEach(ClassificationCatalogue catalogue)
    {
        var compiler = new BudgetCompiler(catalogue);
        return Each(compiler, 1, (profile, lines) => (profile, compiler.Tables(lines, PerformancePlan.Empty)));
    }

    /// <summary>How many departments per core may be in hand at once (see <see cref="Each{T}"/>).</summary>
    private const int Lookahead = 4;

    /// <summary>
    /// Routes the ledger's lines to their departments and finishes each department (<paramref name="finish"/>) as soon as its
    /// lines are all in — up to <paramref name="width"/> at once on the thread pool — handing the results over in order. Up to
    /// <see cref="Lookahead"/> times that many departments may be waiting or done but not yet handed over, so that one large
    /// department at the head of the line does not leave the other cores idle; memory stays bounded by that count.
    /// </summary>
    private IEnumerable<T> Each<T>(BudgetCompiler compiler, int width, Func<Profile, DepartmentLines, T> finish)
    {
        width = width > 0 ? width : Environment.ProcessorCount;
        using var running = new SemaphoreSlim(width);
        var held = width == 1 ? 1 : width * Lookahead;
        var departments = new DepartmentLines?[profiles.Count];
        var done = new bool[profiles.Count];
        var pending = new Queue<Task<T>>();
        var current = -1;
        // The ledger is read and parsed on the other core while this one routes lines and the pool finishes departments.
        foreach (var line in ReadAhead.Of(Ledger.Lines()))
        {
            var index = departmentOf[line.AgencyCode];
            if (Grouped && index != current && current >= 0)
            {
                pending.Enqueue(Finish(current));
                while (pending.Count >= held)
                {
                    yield return pending.Dequeue().GetAwaiter().GetResult();
                }
            }

            current = index;
            (departments[index] ??= compiler.Start(profiles[index])).Add(line);
        }

        for (var i = 0; i < profiles.Count; i++)
        {
            if (!done[i])
            {
                departments[i] ??= compiler.Start(profiles[i]);
                pending.Enqueue(Finish(i));
                while (pending.Count >= held)
                {
                    yield return pending.Dequeue().GetAwaiter().GetResult();
                }
            }
        }

        while (pending.Count > 0)
        {
            yield return pending.Dequeue().GetAwaiter().GetResult();
        }

        Task<T> Finish(int i)
        {
            var (profile, lines) = (profiles[i], departments[i]!);
            (departments[i], done[i]) = (null, true);
            return width == 1 ? Task.FromResult(finish(profile, lines)) : Task.Run(() =>
            {
                running.Wait();
                try
                {
                    return finish(profile, lines);
                }
                finally
                {
                    running.Release();
                }
            });
        }
    }
}
