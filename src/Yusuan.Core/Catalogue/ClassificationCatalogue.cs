using System.Reflection;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Text;

namespace Yusuan.Core.Catalogue;

/// <summary>
/// The classification lists (功能分类, 部门经济分类, 政府经济分类) and the crosswalk between the two economic lists.
/// The built-in lists are partial and say so (their edition line); a user can extend or replace each list with the official one for a year.
/// An unknown code is a finding for the caller to report, never an exception.
/// </summary>
public sealed class ClassificationCatalogue
{
    private readonly Dictionary<ClassificationKind, Dictionary<string, ClassificationEntry>> lists = new()
    {
        [ClassificationKind.Function] = new(StringComparer.Ordinal),
        [ClassificationKind.DepartmentEconomic] = new(StringComparer.Ordinal),
        [ClassificationKind.GovernmentEconomic] = new(StringComparer.Ordinal),
    };

    private readonly Dictionary<ClassificationKind, List<string>> editions = new()
    {
        [ClassificationKind.Function] = [],
        [ClassificationKind.DepartmentEconomic] = [],
        [ClassificationKind.GovernmentEconomic] = [],
    };

    // The crosswalk by department economic code: the government codes each is paired with (a ledger may ask on every line).
    private readonly Dictionary<string, List<string>> crosswalk = new(StringComparer.Ordinal);

    private ClassificationCatalogue()
    {
    }

    /// <summary>The lists shipped with Yusuan (src/Yusuan.Core/Catalogue/Data).</summary>
    public static ClassificationCatalogue BuiltIn()
    {
        var catalogue = new ClassificationCatalogue();
        catalogue.LoadResource(ClassificationKind.Function, "function-codes.csv");
        catalogue.LoadResource(ClassificationKind.DepartmentEconomic, "department-economic-codes.csv");
        catalogue.LoadResource(ClassificationKind.GovernmentEconomic, "government-economic-codes.csv");
        using var stream = Resource("economic-crosswalk.csv");
        using var reader = new StreamReader(stream);
        foreach (var record in new CsvRecordReader(reader).Read(skipLeadingComments: true).Skip(1))
        {
            var (gov, dept) = (record.Fields[0].Trim(), record.Fields[1].Trim());
            var paired = catalogue.crosswalk.TryGetValue(dept, out var list) ? list : catalogue.crosswalk[dept] = [];
            if (!paired.Contains(gov))
            {
                paired.Add(gov);
            }
        }

        return catalogue;
    }

    public IReadOnlyList<string> Edition(ClassificationKind kind) => editions[kind];

    public int Count(ClassificationKind kind) => lists[kind].Count;

    public ClassificationEntry? Find(ClassificationKind kind, string code) =>
        lists[kind].GetValueOrDefault(code);

    /// <summary>Every code of a list (e.g. to find a code by its printed name when a document prints no codes).</summary>
    public IEnumerable<ClassificationEntry> Entries(ClassificationKind kind) => lists[kind].Values;

    public string NameOf(ClassificationKind kind, string code) =>
        Find(kind, code)?.Name ?? Messages.UnknownCodeName;

    /// <summary>Whether the crosswalk knows any pair for this department code, and if so whether it pairs it with the government code.</summary>
    public bool? CrosswalkAllows(string departmentCode, string governmentCode)
    {
        if (!crosswalk.TryGetValue(departmentCode, out var paired))
        {
            return null;
        }

        foreach (var gov in paired)
        {
            if (gov == governmentCode || governmentCode.Length == 3 && gov.StartsWith(governmentCode, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds the codes of a user-supplied list (CSV: code,name[,level,parent_code]; '#' lines before the header are its edition).
    /// With <paramref name="replace"/> the built-in list of that kind is dropped first. Returns the problems found; a bad file changes nothing.
    /// </summary>
    public IReadOnlyList<InputProblem> Load(ClassificationKind kind, TextReader csv, string fileName, bool replace)
    {
        var problems = new List<InputProblem>();
        var entries = new List<ClassificationEntry>();
        var comments = new List<string>();
        var reader = new CsvRecordReader(csv);
        var records = reader.Read().ToList();
        var header = -1;
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Fields[0].StartsWith('#'))
            {
                comments.Add(string.Join(",", records[i].Fields).TrimStart('#').Trim());
                continue;
            }

            header = i;
            break;
        }

        if (header < 0)
        {
            problems.Add(new InputProblem(fileName, null, null, Messages.FileEmpty));
            return problems;
        }

        var columns = records[header].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var codeAt = IndexOf(columns, "code", "编码", "科目编码");
        var nameAt = IndexOf(columns, "name", "名称", "科目名称");
        if (codeAt < 0)
        {
            problems.Add(new InputProblem(fileName, records[header].Line, "code", Messages.ColumnMissing("code")));
        }

        if (nameAt < 0)
        {
            problems.Add(new InputProblem(fileName, records[header].Line, "name", Messages.ColumnMissing("name")));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var validLengths = kind == ClassificationKind.Function ? new[] { 3, 5, 7 } : new[] { 3, 5 };
        foreach (var record in records.Skip(header + 1))
        {
            var code = codeAt < record.Fields.Count ? record.Fields[codeAt].Trim() : string.Empty;
            var name = nameAt < record.Fields.Count ? record.Fields[nameAt].Trim() : string.Empty;
            if (!CodeText.IsDigits(code) || !validLengths.Contains(code.Length))
            {
                problems.Add(new InputProblem(fileName, record.Line, "code", kind == ClassificationKind.Function
                    ? Messages.FunctionCodeMalformed(code)
                    : Messages.EconomicCodeMalformed(code)));
                continue;
            }

            if (name.Length == 0)
            {
                problems.Add(new InputProblem(fileName, record.Line, "name", Messages.ValueMissing));
                continue;
            }

            var level = (code.Length - 1) / 2;
            var parent = level == 1 ? null : code[..(code.Length - 2)];
            entries.Add(new ClassificationEntry(code, name, level, parent, fileName));
        }

        if (reader.UnclosedQuoteLine is int line)
        {
            problems.Add(new InputProblem(fileName, line, null, Messages.UnclosedQuote));
        }

        if (reader.OversizedLine is int oversized)
        {
            problems.Add(new InputProblem(fileName, oversized, null, Messages.RecordTooLong(CsvRecordReader.MaxFieldLength, CsvRecordReader.MaxFields, CsvRecordReader.MaxRecordLength)));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (replace)
        {
            lists[kind].Clear();
            editions[kind].Clear();
        }

        editions[kind].AddRange(comments.Count > 0 ? comments : [fileName]);
        foreach (var entry in entries)
        {
            lists[kind][entry.Code] = entry;
        }

        return problems;
    }

    private static int IndexOf(List<string> columns, params string[] names) =>
        columns.FindIndex(c => names.Contains(c, StringComparer.Ordinal));

    private static Stream Resource(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("Yusuan.Core.Catalogue." + name)
        ?? throw new InvalidOperationException("Missing catalogue resource " + name);

    private void LoadResource(ClassificationKind kind, string name)
    {
        using var stream = Resource(name);
        using var reader = new StreamReader(stream);
        var records = new CsvRecordReader(reader).Read().ToList();
        foreach (var record in records.TakeWhile(r => r.Fields[0].StartsWith('#')))
        {
            editions[kind].Add(string.Join(",", record.Fields).TrimStart('#').Trim());
        }

        foreach (var record in records.SkipWhile(r => r.Fields[0].StartsWith('#')).Skip(1))
        {
            var f = record.Fields;
            var parent = f[3].Trim();
            lists[kind][f[0].Trim()] = new ClassificationEntry(
                f[0].Trim(), f[1].Trim(), int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), parent.Length == 0 ? null : parent, f[4].Trim());
        }
    }
}
