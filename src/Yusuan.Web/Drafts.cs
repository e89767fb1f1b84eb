using Microsoft.AspNetCore.Http;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Rounding;
using Yusuan.Formats.Datasets;
using Yusuan.Formats.Json;
using Yusuan.Formats.Ledger;
using Yusuan.Store;

namespace Yusuan.Web;

/// <summary>What compiling a version's files gave: the disclosure, lines and findings, or every problem that stopped it.</summary>
internal sealed record Compilation(string? DisclosureJson, IReadOnlyList<BudgetLine> Lines, IReadOnlyList<Finding> Findings, IReadOnlyList<InputProblem> Problems)
{
    public bool Compiled => DisclosureJson is not null;
}

/// <summary>
/// Compiles the files of a draft — its ledger (CSV text), profile and performance goals (YAML) — exactly as the command line does:
/// the files are written to a temporary folder, loaded as a dataset, compiled with controlled rounding and checked. Nothing is
/// stored unless the whole dataset is usable.
/// </summary>
internal static class Drafts
{
    public static Compilation Compile(VersionFiles files, int year)
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "ledger.csv"), files.LedgerCsv);
        File.WriteAllText(Path.Combine(folder.Path, "profile.yaml"), files.Profile);
        if (files.Performance is not null)
        {
            File.WriteAllText(Path.Combine(folder.Path, "performance.yaml"), files.Performance);
        }

        var (dataset, problems) = Dataset.Load(folder.Path);
        if (dataset is null)
        {
            return new Compilation(null, [], [], problems);
        }

        if (dataset.Profile.FiscalYear != year)
        {
            return new Compilation(null, [], [], [new InputProblem("profile.yaml", null, "fiscalYear", $"profile 的年度为 {dataset.Profile.FiscalYear}，不是 {year}")]);
        }

        var catalogue = ClassificationCatalogue.BuiltIn();
        var compiled = dataset.Compile(catalogue, RoundingMode.Controlled);
        var findings = dataset.Check(compiled, catalogue);
        return new Compilation(YusuanJson.Serialize(compiled.Disclosure), dataset.Ledger.Lines().ToList(), findings, []);
    }

    /// <summary>The rows of a ledger file as text, header first (CSV or XLSX), or the problems that make it unreadable.</summary>
    public static IReadOnlyList<RawRow> Rows(string ledgerPath, List<InputProblem> problems) => LedgerFile.Open(ledgerPath).Rows(problems);

    /// <summary>The rows of a stored ledger given as its CSV text, header first.</summary>
    public static IReadOnlyList<RawRow> RowsOfCsv(string ledgerCsv)
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "ledger.csv");
        File.WriteAllText(path, ledgerCsv);
        return Rows(path, []);
    }

    /// <summary>An uploaded ledger (CSV or XLSX) as the rows the unit wrote, and as CSV text to keep with the draft.</summary>
    public static async Task<(IReadOnlyList<RawRow> Rows, string? Csv, IReadOnlyList<InputProblem> Problems)> Read(IFormFile file)
    {
        using var folder = new TemporaryFolder();
        var name = Path.GetFileName(file.FileName);
        var path = Path.Combine(folder.Path, string.IsNullOrWhiteSpace(name) ? "ledger.csv" : name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? name : Path.ChangeExtension(name, ".csv"));
        await using (var stream = File.Create(path))
        {
            await file.CopyToAsync(stream);
        }

        var problems = new List<InputProblem>();
        var rows = Rows(path, problems);
        return problems.Count > 0 ? (rows, null, problems) : (rows, LedgerCsv.Write(rows.Select(r => r.Fields)), []);
    }

    /// <summary>Compiles an uploaded ledger with the department's profile and goals and stores it as a new draft.</summary>
    public static async Task<(long Id, Compilation Result, IReadOnlyList<RawRow> Rows)> Create(BudgetStore store, string code, int year, IFormFile file, string actor)
    {
        var (profile, performance) = store.DepartmentFiles(code);
        if (profile is null)
        {
            return (0, new Compilation(null, [], [], [new InputProblem(code, null, null, $"部门 {code} 没有 profile，不能编制")]), []);
        }

        var (rows, csv, problems) = await Read(file);
        if (csv is null)
        {
            return (0, new Compilation(null, [], [], problems), rows);
        }

        var files = new VersionFiles(csv, profile, performance);
        var result = Compile(files, year);
        return result.Compiled ? (store.CreateDraft(code, year, result.Lines, result.DisclosureJson!, result.Findings, actor, files), result, rows) : (0, result, rows);
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
                $"部门由系统登记，不能在文字中修改：本预算属于 {registered.Code} {registered.Name}，profile 中写的是 {written.Code} {written.Name}，未保存")]);
        }

        if (result.Compiled)
        {
            store.ReplaceContent(version.Id, revision, result.Lines, result.DisclosureJson!, result.Findings, actor, files, what);
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
