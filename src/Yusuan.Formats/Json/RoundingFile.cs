using System.Text.Json;
using Yusuan.Core;
using Yusuan.Core.Findings;
using Yusuan.Core.Rounding;

namespace Yusuan.Formats.Json;

/// <summary>
/// rounding.json (schema yusuan.rounding/1): how a build rounded each atom under controlled rounding, written beside
/// disclosure.json so that the next version of the same department's budget can be rounded against it
/// (<c>yusuan build … --previous DIR</c>): <c>{ "schema", "department", "fiscalYear", "atoms": [ { "key", "amount" (元),
/// "printed" (whole display units) } ] }</c>.
/// </summary>
public static class RoundingFile
{
    public const string SchemaId = "yusuan.rounding/1";

    public const string FileName = "rounding.json";

    /// <summary>
    /// Writes the memory as <paramref name="file"/> whole or not at all (a temporary file beside it, then renamed), so a check
    /// stopped halfway never leaves half a file for the next one to read.
    /// </summary>
    /// <returns>Null when written, else why not (the folder cannot be made or written to).</returns>
    public static InputProblem? Write(string file, RoundingMemory memory, string department, int fiscalYear)
    {
        var temporary = file + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            // Written as it is serialised, not made into one string first: a check keeping every department's rounding writes
            // a few megabytes per department on each core at once.
            using (var stream = File.Create(temporary))
            {
                JsonSerializer.Serialize(stream, Document(memory, department, fiscalYear), Compact);
            }

            File.Move(temporary, file, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new InputProblem(file, null, null, Messages.RoundingNotWritten);
        }
    }

    /// <summary>The memory of <paramref name="department"/>'s (code) budget for <paramref name="fiscalYear"/> as JSON.</summary>
    public static string Serialize(RoundingMemory memory, string department, int fiscalYear) =>
        JsonSerializer.Serialize(Document(memory, department, fiscalYear), Compact);

    private static RoundingDocument Document(RoundingMemory memory, string department, int fiscalYear) =>
        new(SchemaId, department, fiscalYear, memory.Atoms.ToList());

    /// <summary>As <see cref="YusuanJson.Options"/>, one line: a province keeps thousands of these, read by programs, not people.</summary>
    private static readonly JsonSerializerOptions Compact = new(YusuanJson.Options) { WriteIndented = false };

    /// <summary>
    /// The file a department's rounding is kept in by <c>yusuan check --keep-rounding DIR</c>: DIR/<c>code</c>.rounding.json,
    /// or null when the code is not a plain name (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>; at most 64, not starting with
    /// a dot) — a code from a profile must never name a file outside the folder.
    /// </summary>
    public static string? KeptFile(string folder, string department) =>
        department.Length is > 0 and <= 64 && department[0] != '.' && department.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? Path.Combine(folder, department + ".rounding.json")
            : null;

    /// <summary>
    /// Reads a rounding.json, or in a folder the department's (<see cref="KeptFile"/>) or else a build's rounding.json; every
    /// problem names the file and the field (the atom's place in the list for a bad atom). Nothing is returned unless the whole
    /// file is usable.
    /// </summary>
    public static (RoundingDocument? Document, IReadOnlyList<InputProblem> Problems) Read(string path, string? department = null)
    {
        var folder = Directory.Exists(path);
        var kept = folder && department is not null ? KeptFile(path, department) : null;
        var file = !folder ? path : kept is not null && File.Exists(kept) ? kept : Path.Combine(path, FileName);
        var name = folder ? Path.Combine(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), Path.GetFileName(file)) : Path.GetFileName(path);
        if (!File.Exists(file))
        {
            return (null, [new InputProblem(name, null, null, folder ? Messages.RoundingNotInFolder : Messages.FileMissing)]);
        }

        try
        {
            // Deserialised from the file's bytes as they stream (a city's largest department keeps a few megabytes).
            using var stream = File.OpenRead(file);
            return Parse(() => JsonSerializer.Deserialize<RoundingDocument>(stream, YusuanJson.Options), name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new InputProblem(name, null, null, Messages.FileUnreadable)]);
        }
    }

    /// <summary>Reads rounding.json text (<paramref name="name"/> names it in problems), as <see cref="Read"/> does a file.</summary>
    public static (RoundingDocument? Document, IReadOnlyList<InputProblem> Problems) Parse(string text, string name) =>
        Parse(() => JsonSerializer.Deserialize<RoundingDocument>(text, YusuanJson.Options), name);

    private static (RoundingDocument? Document, IReadOnlyList<InputProblem> Problems) Parse(Func<RoundingDocument?> deserialize, string name)
    {
        RoundingDocument? document;
        try
        {
            document = deserialize();
        }
        catch (JsonException e)
        {
            return (null, [YusuanJson.Problem(name, SchemaId, e)]);
        }

        if (document is null)
        {
            return (null, [new InputProblem(name, null, null, Messages.FileHoldsNothing)]);
        }

        var problems = new List<InputProblem>();
        if (document.Schema != SchemaId)
        {
            problems.Add(new InputProblem(name, null, "schema", Messages.SchemaIs(document.Schema, SchemaId)));
        }

        if (string.IsNullOrWhiteSpace(document.Department))
        {
            problems.Add(new InputProblem(name, null, "department", Messages.DepartmentCodeMissing));
        }

        if (document.Atoms is null)
        {
            problems.Add(new InputProblem(name, null, "atoms", Messages.FieldMissing("atoms")));
            return (null, problems);
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Atoms.Count; i++)
        {
            var atom = document.Atoms[i];
            var where = $"atoms[{i}]";
            if (atom is null || string.IsNullOrEmpty(atom.Key))
            {
                problems.Add(new InputProblem(name, null, where, Messages.FieldMissing("key")));
            }
            else if (!keys.Add(atom.Key))
            {
                problems.Add(new InputProblem(name, null, where, Messages.KeyRepeated(atom.Key)));
            }
            else if (decimal.Truncate(atom.Printed) != atom.Printed)
            {
                problems.Add(new InputProblem(name, null, where, Messages.PrintedNotWhole(atom.Printed)));
            }

            if (problems.Count >= 20)
            {
                break;
            }
        }

        return problems.Count > 0 ? (null, problems) : (document, []);
    }
}

/// <summary>The shape of rounding.json (see <see cref="RoundingFile"/>).</summary>
public sealed record RoundingDocument(string Schema, string Department, int FiscalYear, IReadOnlyList<RememberedAtom> Atoms)
{
    /// <summary>
    /// The rounding to round the budget of <paramref name="department"/> (code) for <paramref name="fiscalYear"/> against, or
    /// why it is not that budget's: a rounding of another department or year is never used.
    /// </summary>
    public (RoundingMemory? Memory, string? Mismatch) MemoryFor(string department, int fiscalYear) =>
        Department == department && FiscalYear == fiscalYear
            ? (new RoundingMemory(Atoms), null)
            : (null, Messages.RoundingOfAnotherBudget(Department, FiscalYear, department, fiscalYear));
}
