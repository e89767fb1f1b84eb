using System.Text;
using Microsoft.AspNetCore.Http;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Narrative;
using Yusuan.Core.Rounding;
using Yusuan.Formats.Datasets;
using Yusuan.Formats.Json;
using Yusuan.Formats.Ledger;
using Yusuan.Formats.Yaml;
using Yusuan.Store;

namespace Yusuan.Web;

/// <summary>
/// What compiling a version's files gave: the disclosure, lines and findings and how it was rounded (rounding.json text), or
/// every problem that stopped it.
/// </summary>
internal sealed record Compilation(string? DisclosureJson, IReadOnlyList<BudgetLine> Lines, IReadOnlyList<Finding> Findings, IReadOnlyList<InputProblem> Problems, string? RoundingJson = null)
{
    public bool Compiled => DisclosureJson is not null;
}

/// <summary>
/// Compiles the files of a draft — its ledger (CSV text), profile and performance goals (YAML) — as the command line compiles
/// a dataset folder: read from memory as the same <see cref="Dataset"/> (<see cref="Dataset.FromContents"/>), compiled with
/// controlled rounding and checked by the same catalogue. Nothing is written to disk, and nothing is stored unless the whole
/// dataset is usable. A budget compiled again — a new upload for the same year, a save — is rounded against how it was
/// rounded last (<see cref="VersionFiles.Rounding"/>), so figures whose true value did not change keep their printed value.
/// </summary>
internal static class Drafts
{
    public static Compilation Compile(VersionFiles files, int year)
    {
        var (dataset, problems) = Dataset.FromContents("ledger.csv", Encoding.UTF8.GetBytes(files.LedgerCsv), files.Profile, files.Performance);
        if (dataset is null)
        {
            return new Compilation(null, [], [], problems);
        }

        if (dataset.Profile.FiscalYear != year)
        {
            return new Compilation(null, [], [], [new InputProblem("profile.yaml", null, "fiscalYear", $"部门概况（profile.yaml）的预算年度为 {dataset.Profile.FiscalYear}，不是 {year}")]);
        }

        var catalogue = ClassificationCatalogue.BuiltIn();
        var compiled = dataset.Compile(catalogue, RoundingMode.Controlled, Previous(files.Rounding, dataset.Profile));
        var findings = dataset.Check(compiled, catalogue);
        var rounding = RoundingFile.Serialize(compiled.Rounding, compiled.Disclosure.Department.Code, compiled.Disclosure.FiscalYear);
        return new Compilation(YusuanJson.Serialize(compiled.Disclosure), dataset.Ledger.Lines().ToList(), findings, [], rounding);
    }

    /// <summary>
    /// How the budget was rounded last, if that was this department's budget for this year and can be read; else nothing (a
    /// first rounding — a stored rounding that cannot be read only costs the stability of the figures, never the compile).
    /// </summary>
    private static RoundingMemory? Previous(string? rounding, Profile profile) =>
        rounding is not null && RoundingFile.Parse(rounding, RoundingFile.FileName).Document is { } document
            ? document.MemoryFor(profile.Department.Code, profile.FiscalYear).Memory
            : null;

    /// <summary>The rows of a stored ledger given as its CSV text, header first.</summary>
    public static IReadOnlyList<RawRow> RowsOfCsv(string ledgerCsv) => LedgerFile.FromBytes("ledger.csv", Encoding.UTF8.GetBytes(ledgerCsv)).Rows([]);

    /// <summary>A profile's or goals' text for <paramref name="year"/>: as it is when it is of that year (or cannot be read, which compiling will say), else with its year changed.</summary>
    private static string OfYear(string text, string name, int year)
    {
        if (name == "profile.yaml")
        {
            if (YamlReader.ReadDocument<ProfileDocument>(name, text).Document is { } profile && profile.FiscalYear != year)
            {
                profile.FiscalYear = year;
                return YamlWriter.Write(profile);
            }

            return text;
        }

        if (YamlReader.ReadDocument<PerformanceDocument>(name, text).Document is { } goals && goals.FiscalYear != year)
        {
            goals.FiscalYear = year;
            return YamlWriter.Write(goals);
        }

        return text;
    }

    /// <summary>
    /// An uploaded ledger (CSV or XLSX, by its name) as the rows the unit wrote, and as CSV text to keep with the draft: read
    /// from memory (an upload is at most <see cref="YusuanWeb.MaxUpload"/>), never written to disk.
    /// </summary>
    public static async Task<(IReadOnlyList<RawRow> Rows, string? Csv, IReadOnlyList<InputProblem> Problems)> Read(IFormFile file)
    {
        var name = Path.GetFileName(file.FileName);
        name = string.IsNullOrWhiteSpace(name) ? "ledger.csv" : name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? name : Path.ChangeExtension(name, ".csv");
        using var memory = new MemoryStream();
        await file.CopyToAsync(memory);
        var problems = new List<InputProblem>();
        var rows = LedgerFile.FromBytes(name, memory.ToArray()).Rows(problems);
        return problems.Count > 0 ? (rows, null, problems) : (rows, LedgerCsv.Write(rows.Select(r => r.Fields)), []);
    }

    /// <summary>Compiles an uploaded ledger with the department's profile and goals and stores it as a new draft.</summary>
    public static async Task<(long Id, Compilation Result, IReadOnlyList<RawRow> Rows)> Create(BudgetStore store, string code, int year, IFormFile file, string actor)
    {
        // The text goes on from the year's latest version; a year's first upload after a published year goes on from that
        // year (as 开始新年度 does); else it takes the department's registered text for that year.
        // The new version is rounded against the year's latest version, if any.
        var kept = store.Versions(code, year).LastOrDefault() is { } latest ? store.Files(latest.Id) : null;
        var (profile, performance) = kept is not null
            ? (kept.Profile, kept.Performance)
            : store.Published(code, year - 1) is { } last && Carried(store, code, last) is { } carried
                ? (carried.Profile, carried.Performance)
                : store.DepartmentFiles(code);
        if (profile is null)
        {
            return (0, new Compilation(null, [], [], [new InputProblem(code, null, null, $"部门 {code} 没有登记概况和文字部分，不能编制")]), []);
        }

        (profile, performance) = (OfYear(profile, "profile.yaml", year), performance is null ? null : OfYear(performance, "performance.yaml", year));

        var (rows, csv, problems) = await Read(file);
        if (csv is null)
        {
            return (0, new Compilation(null, [], [], problems), rows);
        }

        var files = new VersionFiles(csv, profile, performance, kept?.Rounding);
        var result = Compile(files, year);
        return result.Compiled
            ? (store.CreateDraft(code, year, result.Lines, result.DisclosureJson!, result.Findings, actor, files with { Rounding = result.RoundingJson }), result, rows)
            : (0, result, rows);
    }

    /// <summary>
    /// A new fiscal year for a department: a draft of the year after its latest, from that year's published text, goals and
    /// lines, the ledger's 预算年度 moved on a year, last year's increase and decrease reasons and dates cleared, and last
    /// year's figures as the published budget printed them as the comparison. Refused while the latest year is not published.
    /// </summary>
    /// <returns>The new draft's id, or 0 with the problems when there is nothing to start from or the new year does not compile.</returns>
    public static (long Id, Compilation Result) NextYear(BudgetStore store, string code, string actor)
    {
        static (long, Compilation) Refused(string code, string reason) => (0, new Compilation(null, [], [], [new InputProblem(code, null, null, reason)]));
        var versions = store.Versions(code);
        if (versions.Count == 0)
        {
            return Refused(code, $"单位 {code} 还没有任何年度的预算，请先上传第一年的预算明细");
        }

        var year = versions.Max(v => v.FiscalYear);
        var ofYear = versions.Where(v => v.FiscalYear == year).OrderBy(v => v.Number).ToList();
        if (ofYear.LastOrDefault(v => v.State == BudgetState.Published) is not { } basis)
        {
            return Refused(code, $"{year} 年预算尚未公开：公开后才能以它为上年开始 {year + 1} 年预算，在此之前请继续编制 {year} 年");
        }

        if (store.Files(basis.Id) is null)
        {
            return Refused(code, $"{year} 年第 {basis.Number} 版没有保存明细原文，不能据以开始 {year + 1} 年预算");
        }

        if (Carried(store, code, basis) is not { } next)
        {
            return Refused(code, $"{year} 年第 {basis.Number} 版的概况、文字或绩效目标无法读取，不能据以开始 {year + 1} 年预算");
        }

        var result = Compile(next, year + 1);
        return result.Compiled ? (store.CreateDraft(code, year + 1, result.Lines, result.DisclosureJson!, result.Findings, actor, next with { Rounding = result.RoundingJson }), result) : (0, result);
    }

    /// <summary>
    /// The files of the year after a published version's: its text and goals with the year moved on, last year's reasons and
    /// dates cleared and last year's figures as printed for the comparison, and its ledger with 预算年度 moved on; null when
    /// the version's files cannot be read.
    /// </summary>
    private static VersionFiles? Carried(BudgetStore store, string code, BudgetVersion basis)
    {
        var year = basis.FiscalYear;
        if (store.Files(basis.Id) is not { } files)
        {
            return null;
        }

        var (profile, _) = YamlReader.ReadDocument<ProfileDocument>("profile.yaml", files.Profile);
        if (profile is null || YusuanJson.DeserializeDisclosure(basis.DisclosureJson) is not { } last)
        {
            return null;
        }

        var prior = PriorYearFigures.FromPublished(last);
        profile.FiscalYear = year + 1;
        profile.PriorYear = new PriorYearDocument
        {
            FiscalYear = prior.FiscalYear, Income = prior.Income, Expenditure = prior.Expenditure, BasicExpenditure = prior.BasicExpenditure,
            ProjectExpenditure = prior.ProjectExpenditure, OperatingExpense = prior.OperatingExpense, ProcurementTotal = prior.ProcurementTotal,
            OfficialExpenses = new OfficialExpensesDocument
            {
                OverseasTravel = prior.OfficialExpenses[OfficialExpenseCategory.OverseasTravel], Reception = prior.OfficialExpenses[OfficialExpenseCategory.Reception],
                VehiclePurchase = prior.OfficialExpenses[OfficialExpenseCategory.VehiclePurchase], VehicleOperation = prior.OfficialExpenses[OfficialExpenseCategory.VehicleOperation],
            },
            ProjectCategories = prior.ProjectCategories.Count > 0 ? prior.ProjectCategories.ToDictionary() : null,
        };
        if (profile.Text is { } text)
        {
            text.ChangeReasons = null;
        }

        profile.Publication = null;
        string? performance = null;
        if (files.Performance is not null)
        {
            var (goals, _) = YamlReader.ReadDocument<PerformanceDocument>("performance.yaml", files.Performance);
            if (goals is null)
            {
                return null;
            }

            goals.FiscalYear = year + 1;
            performance = YamlWriter.Write(goals, $"{code} {year + 1} 年绩效目标，由 {year} 年第 {basis.Number} 版沿用，请按本年修改");
        }

        var rows = RowsOfCsv(files.LedgerCsv);
        var yearColumn = rows.Count == 0 ? -1 : rows[0].Fields.ToList().FindIndex(h => LedgerColumn.FiscalYear.Matches(h));
        var ledger = LedgerCsv.Write(rows.Select((r, i) => i > 0 && yearColumn >= 0 && yearColumn < r.Fields.Count
            ? (IReadOnlyList<string>)r.Fields.Select((f, c) => c == yearColumn ? (year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : f).ToList()
            : r.Fields));
        return new VersionFiles(ledger, YamlWriter.Write(profile, $"{code} {year + 1} 年部门预算的概况和文字部分，由 {year} 年第 {basis.Number} 版沿用，请按本年修改"), performance);
    }

    /// <summary>Recompiles a draft with changed files and saves it, unless someone saved it since <paramref name="revision"/>.</summary>
    public static Compilation Save(BudgetStore store, BudgetVersion version, int revision, VersionFiles files, string actor, string what)
    {
        var result = Compile(files, version.FiscalYear);

        // Whose budget it is comes from the store, not from text a user edits: a profile that names another department (its
        // code or its name) would publish the budget under that name, so the save is refused and nothing changes.
        if (result.Compiled && YusuanJson.DeserializeDisclosure(version.DisclosureJson)?.Department is { } registered
            && YusuanJson.DeserializeDisclosure(result.DisclosureJson!)?.Department is { } written
            && (written.Code != registered.Code || written.Name != registered.Name))
        {
            return new Compilation(null, [], [], [new InputProblem("profile.yaml", null, "department",
                $"部门由系统登记，不能在文字中修改：本预算属于 {registered.Code} {registered.Name}，概况中写的是 {written.Code} {written.Name}，未保存")]);
        }

        if (result.Compiled)
        {
            store.ReplaceContent(version.Id, revision, result.Lines, result.DisclosureJson!, result.Findings, actor, files with { Rounding = result.RoundingJson }, what);
        }

        return result;
    }
}

/// <summary>A folder under the system's temporary directory, removed with everything in it when disposed.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "yusuan-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
