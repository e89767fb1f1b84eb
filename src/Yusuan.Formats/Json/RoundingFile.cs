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

    /// <summary>The memory of <paramref name="department"/>'s (code) budget for <paramref name="fiscalYear"/> as JSON.</summary>
    public static string Serialize(RoundingMemory memory, string department, int fiscalYear) =>
        JsonSerializer.Serialize(new RoundingDocument(SchemaId, department, fiscalYear, memory.Atoms.ToList()), YusuanJson.Options);

    /// <summary>
    /// Reads a rounding.json, or the one in a build's output folder; every problem names the file and the field (the atom's
    /// place in the list for a bad atom). Nothing is returned unless the whole file is usable.
    /// </summary>
    public static (RoundingDocument? Document, IReadOnlyList<InputProblem> Problems) Read(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        var name = Directory.Exists(path) ? Path.Combine(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), FileName) : Path.GetFileName(path);
        if (!File.Exists(file))
        {
            return (null, [new InputProblem(name, null, null, Directory.Exists(path) ? "目录中没有 rounding.json（上一版须用 yusuan build 以受控舍入编制）" : Messages.FileMissing)]);
        }

        return Parse(File.ReadAllText(file), name);
    }

    /// <summary>Reads rounding.json text (<paramref name="name"/> names it in problems), as <see cref="Read"/> does a file.</summary>
    public static (RoundingDocument? Document, IReadOnlyList<InputProblem> Problems) Parse(string text, string name)
    {
        RoundingDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<RoundingDocument>(text, YusuanJson.Options);
        }
        catch (JsonException e)
        {
            return (null, [YusuanJson.Problem(name, SchemaId, e)]);
        }

        if (document is null)
        {
            return (null, [new InputProblem(name, null, null, "文件为空")]);
        }

        var problems = new List<InputProblem>();
        if (document.Schema != SchemaId)
        {
            problems.Add(new InputProblem(name, null, "schema", $"schema 为“{document.Schema}”，应为“{SchemaId}”"));
        }

        if (string.IsNullOrWhiteSpace(document.Department))
        {
            problems.Add(new InputProblem(name, null, "department", "缺少部门编码"));
        }

        if (document.Atoms is null)
        {
            problems.Add(new InputProblem(name, null, "atoms", "缺少 atoms"));
            return (null, problems);
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Atoms.Count; i++)
        {
            var atom = document.Atoms[i];
            var where = $"atoms[{i}]";
            if (atom is null || string.IsNullOrEmpty(atom.Key))
            {
                problems.Add(new InputProblem(name, null, where, "缺少 key"));
            }
            else if (!keys.Add(atom.Key))
            {
                problems.Add(new InputProblem(name, null, where, $"key“{atom.Key}”重复"));
            }
            else if (decimal.Truncate(atom.Printed) != atom.Printed)
            {
                problems.Add(new InputProblem(name, null, where, $"printed 为 {atom.Printed}，应为整数个显示单位"));
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
    public RoundingMemory Memory() => new(Atoms);
}
