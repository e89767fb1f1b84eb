using System.Collections.Concurrent;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Formats.Audit;

namespace Yusuan.Cli.Tests;

/// <summary>
/// yusuan build --template NAME publishes the sample in another region's template, and yusuan audit reads every file it
/// writes back to the same figures, detects that template, and finds no error.
/// </summary>
public class TemplateRoundTripTests
{
    private static readonly ConcurrentDictionary<string, Lazy<(string Folder, Disclosure Built)>> Builds = new();

    /// <summary>The sample built once per template by the real command.</summary>
    private static (string Folder, Disclosure Built) Built(string template) => Builds.GetOrAdd(template, name => new(() =>
    {
        var output = Path.Combine(Path.GetTempPath(), $"yusuan-{name}-" + Guid.NewGuid().ToString("N"));
        var run = Yusuan.Run("build", Repository.Sample, "--template", name, "--out", output);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        return (output, Formats.Json.YusuanJson.DeserializeDisclosure(File.ReadAllText(Path.Combine(output, "disclosure.json")))!);
    })).Value;

    public static TheoryData<string, string> Files() => new()
    {
        { "shanghai", "pdf" }, { "shanghai", "html" }, { "shanghai", "xlsx" }, { "shanghai", "docx" },
        { "standard", "pdf" }, { "standard", "html" }, { "standard", "xlsx" }, { "standard", "docx" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void The_sample_published_in_a_template_is_read_back_figure_for_figure(string template, string format)
    {
        var (folder, built) = Built(template);
        var audit = Auditor.Audit(Path.Combine(folder, "disclosure." + format), ClassificationCatalogue.BuiltIn());
        var read = audit.Disclosure!;
        Assert.Equal(template, read.Template);
        Assert.Equal(TemplateLibrary.Find(template)!.Tables, built.Tables.Select(t => t.Id));
        Assert.Equal(built.Tables.Select(t => t.Id), read.Tables.Select(t => t.Id).Where(id => id.StartsWith('T')));
        foreach (var table in built.Tables)
        {
            var back = read.Table(table.Id)!;
            // A PDF's text comes with spaces around the quotes of “三公”; the title is the same.
            Assert.Equal(table.Title, back.Title.Replace(" ", string.Empty, StringComparison.Ordinal));
            if (Core.Tables.TableSpecifications.Find(table.Id)!.Shape != Core.Tables.TableShape.TwoSided)
            {
                // A two-sided table's one column of figures is the 预算数 (budget) as built, total as read.
                Assert.Equal(table.Columns.Select(c => c.Key), back.Columns.Select(c => c.Key));
            }

            Assert.Equal(table.Rows.Select(r => r.Code ?? string.Empty), back.Rows.Select(r => r.Code ?? string.Empty));

            // Both state every table in 万元; a table printed in 元 says so, and is read as printed and converted exactly.
            Assert.Equal(table.PrintedUnit ?? "万元", back.PrintedUnit ?? "万元");
            Assert.Equal(
                table.Rows.Select(r => string.Join(",", r.Values.Select(v => v / 1.000000000000000000000000000000000m))),
                back.Rows.Select(r => string.Join(",", r.Values.Select(v => v / 1.000000000000000000000000000000000m))));
        }

        Assert.DoesNotContain(audit.Findings, f => f.Severity == Severity.Error);

        // The empty tables' note (本表本年无发生额) is read under them in every format, the workbook's too.
        Assert.DoesNotContain(audit.Findings, f => f.Rule == "tables.empty.statement");
        var empty = built.Tables.Where(t => t.Rows.All(r => r.Values.All(v => v == 0))).ToList();
        Assert.Contains(empty, t => t.Id == "T10");
        Assert.All(empty, t => Assert.Equal(t.Note, read.Table(t.Id)!.Note));
    }

    [Fact]
    public void Shanghai_prints_exact_figures_in_yuan_that_add_up_where_the_seed_prints_rounded_ten_thousands()
    {
        var (folder, built) = Built("shanghai");
        var t03 = built.Table("T03")!;
        Assert.Equal(("万元", "元"), (t03.Unit, t03.PrintedUnit));

        // 2080505 机关事业单位基本养老保险缴费支出: 126 万元 in the seed's rounded tables, 1,259,000 元 printed here (125.9 万元);
        // exact, so every total adds.
        var row = t03.Rows.First(r => r.Code == "2080505");
        Assert.Equal((125.9m, "1,259,000"), (row.Values[0], row.Printed![0]));
        Assert.All(t03.Rows.Where(r => r.Code is { Length: 3 }), c => Assert.Equal(c.Values[0], t03.Rows.Where(r => r.Code is { Length: 5 } && r.Code.StartsWith(c.Code!, StringComparison.Ordinal)).Sum(r => r.Values[0])));

        var html = File.ReadAllText(Path.Combine(folder, "disclosure.html"));
        Assert.Contains("2023年部门财务收支预算总表", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">类</th><th scope=\"col\">款</th><th scope=\"col\">项</th>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>一、部门主要职能</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"tables\">四、部门预算表</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("第一部分", html, StringComparison.Ordinal);
        Assert.Contains(built.Narrative, s => s.Sentence.Contains("部门预算表中数据按元列示", StringComparison.Ordinal));
        Assert.DoesNotContain(built.Narrative, s => s.Sentence.Contains("所有数据按万元列示", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("shanghai")]
    [InlineData("standard")]
    public void The_disclosure_json_of_a_template_build_checks_as_the_budget_does(string template)
    {
        // yusuan check accepts a build's disclosure.json: in another template it finds what it finds in the seed's layout.
        var (folder, _) = Built(template);
        var check = Yusuan.Run("check", Path.Combine(folder, "disclosure.json"), "--format", "json");
        Assert.Equal(0, check.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(check.Out);
        Assert.DoesNotContain(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void An_unknown_template_is_refused_before_anything_is_written()
    {
        var output = Path.Combine(Path.GetTempPath(), "yusuan-nowhere-" + Guid.NewGuid().ToString("N"));
        var run = Yusuan.Run("build", Repository.Sample, "--template", "hainan", "--out", output);
        Assert.Equal(ExitCodes.InputUnusable, run.ExitCode);
        Assert.Contains("没有名为“hainan”的内置模板", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));

        // 北京's template reads its two attachments; Yusuan does not publish in it.
        run = Yusuan.Run("build", Repository.Sample, "--template", "beijing", "--out", output);
        Assert.Equal(ExitCodes.InputUnusable, run.ExitCode);
        Assert.Contains("只用于审计", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
