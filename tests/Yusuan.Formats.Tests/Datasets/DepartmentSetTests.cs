using Yusuan.Core.Catalogue;
using Yusuan.Core.Rounding;
using Yusuan.Formats.Datasets;
using Yusuan.Formats.Generation;
using Yusuan.Formats.Json;

namespace Yusuan.Formats.Tests.Datasets;

/// <summary>A city's departments compiled several at once give, in the same order, exactly what one at a time gives.</summary>
public class DepartmentSetTests
{
    [Fact]
    public void Departments_compiled_on_several_cores_come_in_the_same_order_with_the_same_tables_text_and_findings()
    {
        using var folder = new TempFolder();
        var catalogue = ClassificationCatalogue.BuiltIn();
        var generated = DatasetGenerator.Write(new GeneratorSettings(Agencies: 40, Lines: 20_000, Seed: 11), folder.Path, catalogue);
        Assert.True(generated.Departments > 4);
        var (set, problems) = DepartmentSet.Load(folder.Path);
        Assert.True(set is not null, string.Join("\n", problems));

        static List<(string Code, string Disclosure, string Findings)> Compiled(DepartmentSet set, ClassificationCatalogue catalogue, int width) =>
            [.. set.CompileEach(catalogue, RoundingMode.Controlled, width: width)
                .Select(r => (r.Profile.Department.Code, YusuanJson.Serialize(r.Compiled.Disclosure), YusuanJson.Serialize(r.Findings)))];

        var one = Compiled(set, catalogue, 1);
        var four = Compiled(set, catalogue, 4);
        Assert.Equal(generated.Departments, one.Count);
        Assert.Equal(one.Select(r => r.Code), four.Select(r => r.Code));
        for (var i = 0; i < one.Count; i++)
        {
            Assert.True(one[i] == four[i], $"department {one[i].Code} differs when compiled beside others");
        }
    }
}
