using System.Text.Json;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using Yusuan.Core.Catalogue;
using Yusuan.Formats.Audit;

namespace Yusuan.Cli.Tests.Corpus;

/// <summary>
/// Every error finding on the corpus's budgets is one a reviewer checked on the page: tests/corpus/real-faults.yaml lists
/// each (document, page, rule, the printed figures, and why a reader agrees). The whole folder is audited as a user would,
/// in one batch: a new error not in the file fails, and so does an entry whose finding has gone. Entries the review found
/// false (the reader's defects, kept visible until fixed) are listed apart, with what was misread.
/// </summary>
public class RealFaultsTests
{
    private static readonly Lazy<List<(string Document, string Rule, int? Page, string Message)>> Errors = new(AuditFolder);

    [Fact]
    public void Every_error_on_the_corpus_is_a_reviewed_fault_and_every_reviewed_fault_is_found()
    {
        var reviewed = Reviewed();
        var errors = Errors.Value;
        var unexplained = errors.Where(e => !reviewed.Any(r => r.Matches(e))).Select(e => $"{e.Document} {e.Rule} 第{e.Page}页 {e.Message}").ToList();
        Assert.True(unexplained.Count == 0, "Errors not in tests/corpus/real-faults.yaml:\n" + string.Join("\n", unexplained));

        var gone = reviewed.Where(r => !errors.Any(r.Matches)).Select(r => $"{r.Document} {r.Rule} 第{r.Page}页 {r.Finding}").ToList();
        Assert.True(gone.Count == 0, "Reviewed faults no longer found:\n" + string.Join("\n", gone));
        Assert.All(reviewed.Where(r => r.Verdict == "real"), r => Assert.False(string.IsNullOrWhiteSpace(r.Why) || string.IsNullOrWhiteSpace(r.Figures), $"{r.Document} {r.Rule}: a real fault says its figures and why"));
    }

    [Fact]
    public void The_faults_named_in_the_corpus_readme_are_found_at_their_page_and_figures()
    {
        // 上海市普陀区司法局 2026 单位预算: 行政运行 printed 14,348,853.34 | 14,348,853.34 | 64,840,547.00 (元) in its 支出预算总表.
        var sfj = Auditor.Audit(Corpus.Budget("pt-sfj-unit-2026"), ClassificationCatalogue.BuiltIn()).Findings;
        var row = Assert.Single(sfj, f => f.Rule == "T03.sum.columns" && f.Severity == Core.Findings.Severity.Error);
        Assert.Equal((11, "2040601"), (row.Location.Page, row.Location.TableRow));
        Assert.Contains("1,434.8853", row.Message, StringComparison.Ordinal);
        Assert.Contains("7,918.94", row.Message, StringComparison.Ordinal);

        // "2025年当年预算执行数为1690.69万元，2026年预算安排1434.89万元，比2025年预算执行数减少1.10%" — the two give −15.13 %.
        var rate = Assert.Single(sfj, f => f.Rule == "text.rate.stated" && f.Message.Contains("1,690.69", StringComparison.Ordinal));
        Assert.Equal((6, -15.13m, -1.1m), (rate.Location.Page, rate.Expected, rate.Actual));

        // "公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是。"
        var reason = Assert.Single(sfj, f => f.Rule == "text.reason.missing");
        Assert.Equal(21, reason.Location.Page);
        Assert.Contains("公务用车购置及运行费9.98万元", reason.Message, StringComparison.Ordinal);

        // 上海市普陀区规划和自然资源局 2024 决算: its tables headed "上海市规划和自然资源局 2024 年度部门决算表".
        var ghzy = Auditor.Audit(Corpus.Budget("pt-ghzy-2024-final"), ClassificationCatalogue.BuiltIn()).Findings;
        var heading = Assert.Single(ghzy, f => f.Rule == "text.department.heading");
        Assert.Equal(7, heading.Location.Page);
        Assert.Contains("上海市规划和自然资源局", heading.Message, StringComparison.Ordinal);
    }

    private static List<(string Document, string Rule, int? Page, string Message)> AuditFolder()
    {
        var report = Path.Combine(Path.GetTempPath(), "yusuan-real-faults-" + Guid.NewGuid().ToString("N"));
        var files = Directory.EnumerateFiles(Path.Combine(Corpus.Root, "budgets"), "*.pdf").Order(StringComparer.Ordinal).ToArray();
        Yusuan.Run(["audit", .. files, "--out", report]);
        var errors = new List<(string, string, int?, string)>();
        foreach (var json in Directory.EnumerateFiles(report, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(json));
            foreach (var finding in document.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "error"))
            {
                var location = finding.GetProperty("location");
                int? page = location.TryGetProperty("page", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
                errors.Add((Path.GetFileNameWithoutExtension(json) + ".pdf", finding.GetProperty("rule").GetString()!, page, finding.GetProperty("message").GetString()!));
            }
        }

        Directory.Delete(report, recursive: true);
        return errors;
    }

    private static List<ReviewedFault> Reviewed()
    {
        var path = Path.Combine(Repository.Root, "tests", "corpus", "real-faults.yaml");
        var deserializer = new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build();
        var file = deserializer.Deserialize<ReviewFile>(File.ReadAllText(path));
        return [.. file.Faults.Select(f => f with { Verdict = "real" }), .. file.KnownFalse.Select(f => f with { Verdict = "false" })];
    }

    /// <summary>The shape of tests/corpus/real-faults.yaml.</summary>
    private sealed class ReviewFile
    {
        public List<ReviewedFault> Faults { get; set; } = [];

        public List<ReviewedFault> KnownFalse { get; set; } = [];
    }

    /// <summary>One reviewed error finding: it matches a finding of that document, rule and page whose message holds <see cref="Finding"/>.</summary>
    private sealed record ReviewedFault
    {
        public string Document { get; init; } = string.Empty;

        public string Rule { get; init; } = string.Empty;

        public int? Page { get; init; }

        /// <summary>Words of the finding's message that single it out (the row's code, the printed figure).</summary>
        public string Finding { get; init; } = string.Empty;

        public string Figures { get; init; } = string.Empty;

        public string Why { get; init; } = string.Empty;

        public string Verdict { get; init; } = string.Empty;

        public bool Matches((string Document, string Rule, int? Page, string Message) error) =>
            error.Document == Document && error.Rule == Rule && error.Page == Page && error.Message.Contains(Finding, StringComparison.Ordinal);
    }
}
