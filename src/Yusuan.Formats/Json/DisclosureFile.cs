using System.Text.Json;
using Yusuan.Core;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;

namespace Yusuan.Formats.Json;

/// <summary>Reads a disclosure.json — a build's, an audit's, or one edited by hand — or says where and why it cannot be read.</summary>
public static class DisclosureFile
{
    public static (Disclosure? Disclosure, IReadOnlyList<InputProblem> Problems) Read(string path)
    {
        var name = Path.GetFileName(path);
        try
        {
            var disclosure = YusuanJson.DeserializeDisclosure(File.ReadAllText(path));
            if (disclosure is null)
            {
                return (null, [new InputProblem(name, null, null, Messages.FileEmpty)]);
            }

            if (disclosure.Schema != Disclosure.SchemaId)
            {
                return (null, [new InputProblem(name, null, "schema", Messages.SchemaIs(disclosure.Schema, Disclosure.SchemaId))]);
            }

            var broken = disclosure.Tables.FirstOrDefault(t => t.Rows.Any(r => r.Values is null) || t.Columns is null);
            if (broken is not null)
            {
                return (null, [new InputProblem(name, null, $"tables[{broken.Id}]", Messages.TableWithoutColumnsOrValues)]);
            }

            return (disclosure, []);
        }
        catch (JsonException e)
        {
            return (null, [YusuanJson.Problem(name, Disclosure.SchemaId, e)]);
        }
    }
}
