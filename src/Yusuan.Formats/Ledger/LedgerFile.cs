using Yusuan.Core;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;

namespace Yusuan.Formats.Ledger;

/// <summary>The outcome of checking a whole ledger file: every problem at once, and warnings that do not stop it.</summary>
public sealed record LedgerCheck(IReadOnlyList<InputProblem> Problems, IReadOnlyList<Finding> Warnings, long Lines);

/// <summary>What checking a ledger has found so far, as its lines stream (<see cref="LedgerFile.Checking"/>).</summary>
public sealed class LedgerChecking
{
    public List<InputProblem> Problems { get; } = [];

    public List<Finding> Warnings { get; } = [];

    /// <summary>Lines read (a line of an agency in no department is counted, and reported, not streamed).</summary>
    public long Lines { get; set; }

    public LedgerCheck Result => new(Problems, Warnings, Lines);
}

/// <summary>
/// A ledger (ledger.csv or ledger.xlsx). <see cref="Check"/> reads the whole file and reports every problem with its row and column;
/// only a file that passes is compiled, by streaming <see cref="Lines"/> — so a bad file never half-loads, and memory does not grow with
/// the number of lines.
/// </summary>
public sealed class LedgerFile
{
    private readonly IRowSource source;

    private LedgerFile(string path, IRowSource source)
    {
        Path = path;
        this.source = source;
    }

    public string Path { get; }

    public string DisplayName => System.IO.Path.GetFileName(Path);

    /// <summary>The ledger of a dataset folder — ledger.csv, else ledger.xlsx — or the problem that it has none.</summary>
    public static (string? Path, InputProblem? Problem) Find(string folder) =>
        new[] { "ledger.csv", "ledger.xlsx" }.Select(n => System.IO.Path.Combine(folder, n)).FirstOrDefault(File.Exists) is { } path
            ? (path, null)
            : (null, new InputProblem(System.IO.Path.GetFileName(folder.TrimEnd('/', '\\')), null, null, Messages.LedgerMissing));

    public static LedgerFile Open(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        IRowSource source = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? new XlsxRowSource(() => File.OpenRead(path), name)
            : new CsvRowSource(() => File.OpenRead(path), name);
        return new LedgerFile(path, source);
    }

    /// <summary>
    /// A ledger given as its bytes (an upload, a stored draft's CSV): read from memory as a file of <paramref name="name"/>
    /// would be — a workbook when the name ends in .xlsx, else CSV — without being written anywhere.
    /// </summary>
    public static LedgerFile FromBytes(string name, byte[] bytes)
    {
        Stream Open() => new MemoryStream(bytes, writable: false);
        IRowSource source = name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? new XlsxRowSource(Open, name) : new CsvRowSource(Open, name);
        return new LedgerFile(name, source);
    }

    /// <param name="fiscalYear">The year every line must have, when known.</param>
    /// <param name="knownAgency">For a ledger of many departments: whether an agency belongs to one of them.</param>
    public LedgerCheck Check(int? fiscalYear = null, Func<string, bool>? knownAgency = null)
    {
        var checking = new LedgerChecking();
        foreach (var _ in Checking(checking, fiscalYear, knownAgency))
        {
        }

        return checking.Result;
    }

    /// <summary>
    /// Checks every row as <see cref="Check"/> does while streaming the lines that pass — for work done in the same read, to
    /// be kept only if <paramref name="checking"/> holds no problem once the lines are all read (an import's transaction).
    /// </summary>
    public IEnumerable<BudgetLine> Checking(LedgerChecking checking, int? fiscalYear = null, Func<string, bool>? knownAgency = null)
    {
        foreach (var result in Parse(checking.Problems, checking.Warnings, fiscalYear))
        {
            if (result is null)
            {
                continue;
            }

            checking.Lines++;
            if (knownAgency is not null && !knownAgency(result.AgencyCode))
            {
                checking.Problems.Add(new InputProblem(DisplayName, result.Source.Row, LedgerColumn.AgencyCode.Element, Messages.AgencyOfNoDepartment(result.AgencyCode)));
                continue;
            }

            yield return result;
        }

        if (checking.Problems.Count == 0 && checking.Lines == 0)
        {
            checking.Problems.Add(new InputProblem(DisplayName, null, null, Messages.FileHasNoLines));
        }
    }

    /// <summary>
    /// The rows as text, header first, with their row numbers — for showing a ledger as the unit wrote it (a grid to edit, a
    /// problem beside its row). Structural faults (bad encoding, not a workbook) are added to <paramref name="problems"/>.
    /// </summary>
    public IReadOnlyList<RawRow> Rows(List<InputProblem> problems) => source.Rows(problems).ToList();

    /// <summary>Streams the lines of a file that passed <see cref="Check"/>.</summary>
    public IEnumerable<BudgetLine> Lines()
    {
        var problems = new List<InputProblem>();
        foreach (var line in Parse(problems, [], null))
        {
            if (line is not null)
            {
                yield return line;
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(Messages.LedgerChangedAfterCheck(problems[0].ToString()));
        }
    }

    private IEnumerable<BudgetLine?> Parse(List<InputProblem> problems, List<Finding> warnings, int? fiscalYear)
    {
        LedgerRowParser? parser = null;
        foreach (var row in source.Rows(problems))
        {
            if (parser is null)
            {
                parser = LedgerRowParser.FromHeader(DisplayName, row, problems, warnings);
                if (parser is null)
                {
                    yield break;
                }

                continue;
            }

            yield return parser.Parse(row, problems, fiscalYear);
        }

        if (parser is null && problems.Count == 0)
        {
            problems.Add(new InputProblem(DisplayName, null, null, Messages.FileEmpty));
        }
    }
}
