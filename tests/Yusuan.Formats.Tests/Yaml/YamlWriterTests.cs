using Yusuan.Core.Catalogue;
using Yusuan.Core.Rounding;
using Yusuan.Formats.Datasets;
using Yusuan.Formats.Json;
using Yusuan.Formats.Yaml;

namespace Yusuan.Formats.Tests.Yaml;

/// <summary>The forms write profile.yaml and performance.yaml back: what is written compiles to the very same budget.</summary>
public class YamlWriterTests
{
    private static string Sample(string file) =>
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "sz-eeimc-2023", file);

    private static string Compiled(string folder)
    {
        var (dataset, problems) = Dataset.Load(folder);
        Assert.True(dataset is not null, string.Join("\n", problems));
        return YusuanJson.Serialize(dataset.Compile(ClassificationCatalogue.BuiltIn(), RoundingMode.Controlled).Disclosure);
    }

    [Fact]
    public void The_sample_written_back_compiles_to_the_same_disclosure_and_writes_the_same_text_again()
    {
        using var folder = new TempFolder();
        File.Copy(Sample("ledger.csv"), Path.Combine(folder.Path, "ledger.csv"));
        var (profile, profileProblems) = YamlReader.ReadDocument<ProfileDocument>("profile.yaml", File.ReadAllText(Sample("profile.yaml")));
        var (performance, performanceProblems) = YamlReader.ReadDocument<PerformanceDocument>("performance.yaml", File.ReadAllText(Sample("performance.yaml")));
        Assert.Empty(profileProblems.Concat(performanceProblems));
        var profileText = YamlWriter.Write(profile!, "写回的 profile");
        var performanceText = YamlWriter.Write(performance!);
        folder.Write("profile.yaml", profileText);
        folder.Write("performance.yaml", performanceText);

        Assert.Equal(Compiled(Path.GetDirectoryName(Sample("ledger.csv"))!), Compiled(folder.Path));

        // Chinese as it is; a text of several lines as a block; written again, the same.
        Assert.StartsWith("# 写回的 profile\n", profileText, StringComparison.Ordinal);
        Assert.Contains("name: 深圳市生态环境智能管控中心", profileText, StringComparison.Ordinal);
        Assert.Contains("content: |-\n", performanceText, StringComparison.Ordinal);
        Assert.Equal(performanceText, YamlWriter.Write(YamlReader.ReadDocument<PerformanceDocument>("performance.yaml", performanceText).Document!));
    }

    [Fact]
    public void Text_that_is_not_yaml_is_a_problem_with_its_line_not_an_exception()
    {
        var (document, problems) = YamlReader.ReadDocument<ProfileDocument>("profile.yaml", "schema: yusuan.profile/1\ntext:\n  duties: [unclosed\n");
        Assert.Null(document);
        Assert.Equal("profile.yaml", Assert.Single(problems).File);
        Assert.NotNull(problems[0].Row);
    }
}
