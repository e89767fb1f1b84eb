using System.Runtime.CompilerServices;
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
/// agency, and a profile per department in <c>departments/*.yaml</c> naming its agencies. <see cref="Load"/> reads and checks the
/// profiles; <see cref="CompileEach"/> then reads the ledger once, checking every line and folding it into its department as it
/// goes, and compiles and checks each department as soon as its lines are all in. What it hands over is kept by the caller only
/// if the whole ledger passed (the check it returns), so a bad file is never half-used. When each department's lines stand
/// together in the ledger (as budget systems export them), memory holds a few departments' atoms at a time and stays flat
/// however many lines there are; a ledger whose departments' lines are interleaved is found out in that same read, and its
/// departments are compiled in a second read that holds every department's atoms until the end.
/// </summary>
public sealed class DepartmentSet
{
    private readonly IReadOnlyList<Profile> profiles;
    private readonly Dictionary<string, int> departmentOf;

    private DepartmentSet(IReadOnlyList<Profile> profiles, IReadOnlyList<string> profilePaths, Dictionary<string, int> departmentOf, LedgerFile ledger)
    {
        this.profiles = profiles;
        Departments = profiles.Zip(profilePaths).ToList();
        this.departmentOf = departmentOf;
        Ledger = ledger;
    }

    public LedgerFile Ledger { get; }

    /// <summary>Each department's profile and the file it was read from, in the order of the files' names.</summary>
    public IReadOnlyList<(Profile Profile, string Path)> Departments { get; }

    public int DepartmentCount => profiles.Count;

    /// <summary>
    /// Whether each department's lines stood together in the ledger at the last <see cref="CompileEach"/> or
    /// <see cref="TablesEach"/> (so its departments were compiled one at a time, in one read); null before the first.
    /// </summary>
    public bool? Grouped { get; private set; }

    /// <summary>Whether a folder holds many departments rather than one (a <c>departments/</c> folder beside the ledger).</summary>
    public static bool IsOne(string folder) => Directory.Exists(Path.Combine(folder, "departments"));

    /// <summary>
    /// Reads and checks the departments' profiles (one profile per department code, one fiscal year, every agency in one
    /// department) and finds the ledger, or says every problem. The ledger is not read here: <see cref="CompileEach"/> checks it
    /// as it compiles, and an import as it writes (<see cref="CheckedLines"/>).
    /// </summary>
    public static (DepartmentSet? Set, IReadOnlyList<InputProblem> Problems) Load(string folder)
    {
        var problems = new List<InputProblem>();
        var profiles = new List<Profile>();
        var paths = new List<string>();
        var departmentOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var fileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        // Read on every core (a province has thousands of profiles, and the check waits for them; YamlDotNet's deserializer is
        // thread-safe since 16.1), then checked against each other in the order of the files' names.
        var files = Directory.EnumerateFiles(Path.Combine(folder, "departments"), "*.yaml").Order(StringComparer.Ordinal).ToArray();
        var reads = new YamlRead<Profile>[files.Length];
        Parallel.For(0, files.Length, i => reads[i] = YamlReader.ReadProfile(files[i]));
        foreach (var (path, read) in files.Zip(reads))
        {
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

        return (new DepartmentSet(profiles, paths, departmentOf, LedgerFile.Open(ledgerPath)), []);
    }

    /// <summary>The ledger's lines, each checked as it is read (year, every cell, its agency in a department); see <see cref="LedgerFile.Checking"/>.</summary>
    public IEnumerable<BudgetLine> CheckedLines(LedgerChecking checking) =>
        Ledger.Checking(checking, profiles[0].FiscalYear, departmentOf.ContainsKey);

    /// <summary>
    /// Reads the ledger once, checking every line as <see cref="LedgerFile.Check"/> does, and compiles and checks each department
    /// as soon as its lines are all in; hands each result to <paramref name="each"/> as it is made (and keeps none) — in ledger
    /// order, then the departments that have no lines. Returns the ledger's check. The results handed over stand only if it has
    /// no problems: once a problem is met no more are handed over, and the caller discards what it has (a bad file is never
    /// half-used). When the departments' lines turn out to be interleaved, <paramref name="startOver"/> is called — everything
    /// handed over so far is void — and, if the ledger passed, every department comes again, in the order of the profiles' file
    /// names, from a second read that holds all their atoms.
    /// </summary>
    /// <param name="width">How many departments are compiled at once (each on a core of its own, while the ledger is read on
    /// another); 0 for one per core. The results come in the same order, alike, whatever the width.</param>
    /// <param name="previous">How each department's budget was rounded last (by department), to round against; null for none.</param>
    public LedgerCheck CompileEach(
        ClassificationCatalogue catalogue,
        RoundingMode rounding,
        Action<DepartmentResult> each,
        Action startOver,
        RegionalProfile? region = null,
        int width = 0,
        Func<Profile, RoundingMemory?>? previous = null) =>
        CompileEach(catalogue, rounding, inWorker: result => result, each, startOver, region, width, previous);

    /// <summary>
    /// <see cref="CompileEach(ClassificationCatalogue, RoundingMode, Action{DepartmentResult}, Action, RegionalProfile?, int, Func{Profile, RoundingMemory?}?)"/>,
    /// with each department's result turned by <paramref name="inWorker"/> into what <paramref name="each"/> is handed, on the
    /// core that compiled it, as soon as it is made: a department's tables and rounding are let go there, and only that value
    /// waits its turn to be handed over — so many departments may wait behind a large one without holding their tables.
    /// <paramref name="inWorker"/> runs on several threads at once, for departments whose results may turn out void (see
    /// above); it must only touch what the caller discards in that case.
    /// </summary>
    public LedgerCheck CompileEach<T>(
        ClassificationCatalogue catalogue,
        RoundingMode rounding,
        Func<DepartmentResult, T> inWorker,
        Action<T> each,
        Action startOver,
        RegionalProfile? region = null,
        int width = 0,
        Func<Profile, RoundingMemory?>? previous = null)
    {
        var compiler = new BudgetCompiler(catalogue);
        return Each(compiler, width, each, startOver, (profile, lines, warnings) =>
        {
            var compiled = compiler.Finish(lines, PerformancePlan.Empty, rounding, previous?.Invoke(profile));
            return inWorker(new DepartmentResult(profile, compiled, Dataset.Check(profile, PerformancePlan.Empty, compiled, catalogue, region, warnings)));
        });
    }

    /// <summary>
    /// Every department's result of <see cref="CompileEach"/> in one list, or the ledger's problems: for callers that hold them
    /// all anyway (tests, benchmarks); a check of many departments streams them instead.
    /// </summary>
    public (IReadOnlyList<DepartmentResult> Results, LedgerCheck Check) CompileAll(ClassificationCatalogue catalogue, RoundingMode rounding, int width = 0)
    {
        var results = new List<DepartmentResult>();
        var check = CompileEach(catalogue, rounding, results.Add, results.Clear, width: width);
        return (check.Problems.Count > 0 ? [] : results, check);
    }

    /// <summary>
    /// Reads the ledger once, as <see cref="CompileEach"/> does, and builds each department's twelve tables with their exact
    /// figures in 元 (no rounding, text or checks, so the cells keep no atoms), handed over alike: what a comparison of the
    /// figures with another engine needs.
    /// </summary>
    public LedgerCheck TablesEach(ClassificationCatalogue catalogue, Action<(Profile Profile, IReadOnlyList<TableDraft> Tables)> each, Action startOver, int width = 0)
    {
        var compiler = new BudgetCompiler(catalogue);
        return Each(compiler, width, each, startOver, (profile, lines, _) => (profile, compiler.Tables(lines, PerformancePlan.Empty, withTerms: false)));
    }

    /// <summary>
    /// How many departments per core may be in hand at once (see <see cref="Each{T}"/>). With 4 the province of 4,461
    /// departments kept two cores only 1.16 busy (228.7 s): every few departments a large one at the head of the line held
    /// up the hand-over while the other core ran dry. With results let go in the worker (<c>CompileEach</c>'s
    /// <c>inWorker</c>): 8 gives 166.0 s at a peak of 230 MB; 16 gives 158.1 s but the city's peak rose by 40–60 MB, once
    /// to 310 MB, past the 300 MB it must stay under; 64 gives 162.0 s at 409 MB (docs/benchmarks.md).
    /// </summary>
    private const int Lookahead = 8;

    /// <summary>
    /// Routes the checked lines of the ledger to their departments and finishes each department (<paramref name="finish"/>,
    /// given the ledger's warnings) as soon as the next one starts — up to <paramref name="width"/> at once on the thread pool —
    /// handing the results over in order. Up to <see cref="Lookahead"/> times that many departments may be waiting or done but
    /// not yet handed over, so that one large department at the head of the line does not leave the other cores idle; memory
    /// stays bounded by that count. A department whose lines resume after it was finished means the ledger is not grouped:
    /// compiling stops, the rest is only checked, and the departments are compiled from a second read (see
    /// <see cref="CompileEach"/>).
    /// </summary>
    // Its loop routes every line of the ledger: compiled fully optimised at once, not first as unoptimised code replaced on the
    // stack (see TableSet).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private LedgerCheck Each<T>(BudgetCompiler compiler, int width, Action<T> each, Action startOver, Func<Profile, DepartmentLines, IReadOnlyList<Finding>, T> finish)
    {
        width = width > 0 ? width : Environment.ProcessorCount;
        using var running = new SemaphoreSlim(width);
        var held = width == 1 ? 1 : width * Lookahead;
        var departments = new DepartmentLines?[profiles.Count];
        var done = new bool[profiles.Count];
        var pending = new Queue<Task<T>>();
        var checking = new LedgerChecking();
        IReadOnlyList<Finding> warnings = [];
        var (current, grouped, compiling) = (-1, true, true);
        // The ledger is read, parsed and checked on another core while this one routes lines and the pool finishes departments.
        // Each line is taken from the reader after the problems and warnings of the rows before it were noted, so they are seen.
        foreach (var line in ReadAhead.Of(CheckedLines(checking)))
        {
            if (!compiling)
            {
                continue;
            }

            if (checking.Problems.Count > 0)
            {
                compiling = false;
                continue;
            }

            var index = departmentOf[line.AgencyCode];
            if (index != current)
            {
                if (done[index])
                {
                    (grouped, compiling) = (false, false);
                    continue;
                }

                if (current < 0)
                {
                    warnings = [.. checking.Warnings]; // the header's: known before the first line
                }
                else
                {
                    pending.Enqueue(Finish(current));
                    HandOver(held);
                }
            }

            current = index;
            (departments[index] ??= compiler.Start(profiles[index])).Add(line);
        }

        Grouped = grouped;
        if (checking.Problems.Count > 0 || !grouped)
        {
            Task.WaitAll([.. pending]); // their results are void; let them end before the pool's gate closes
            pending.Clear();
            Array.Clear(departments);
            Array.Clear(done);
            if (checking.Problems.Count > 0)
            {
                return checking.Result;
            }

            // Interleaved: every department's atoms held from a second read of the ledger, which passed.
            startOver();
            warnings = [.. checking.Warnings];
            foreach (var line in ReadAhead.Of(Ledger.Lines()))
            {
                var index = departmentOf[line.AgencyCode];
                (departments[index] ??= compiler.Start(profiles[index])).Add(line);
            }
        }

        for (var i = 0; i < profiles.Count; i++)
        {
            if (!done[i])
            {
                departments[i] ??= compiler.Start(profiles[i]);
                pending.Enqueue(Finish(i));
                HandOver(held);
            }
        }

        HandOver(1);
        return checking.Result;

        void HandOver(int room)
        {
            while (pending.Count >= room)
            {
                each(pending.Dequeue().GetAwaiter().GetResult());
            }
        }

        Task<T> Finish(int i)
        {
            var (profile, lines, found) = (profiles[i], departments[i]!, warnings);
            (departments[i], done[i]) = (null, true);
            // Waiting its turn without holding a thread of the pool: a department waiting on the gate would otherwise keep one
            // blocked, and the pool would add threads for the departments behind it.
            return width == 1 ? Task.FromResult(finish(profile, lines, found)) : Task.Run(async () =>
            {
                await running.WaitAsync();
                try
                {
                    return finish(profile, lines, found);
                }
                finally
                {
                    running.Release();
                }
            });
        }
    }
}
