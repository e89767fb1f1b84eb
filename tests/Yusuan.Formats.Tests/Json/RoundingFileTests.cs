using Yusuan.Core.Rounding;
using Yusuan.Formats.Json;

namespace Yusuan.Formats.Tests.Json;

/// <summary>rounding.json (yusuan.rounding/1): written whole, read back equal, and every unusable one refused with its reason.</summary>
public class RoundingFileTests
{
    private static readonly RoundingMemory Memory = new([
        new RememberedAtom("0|139001|2080505|Personnel|30108||GeneralPublicBudget|None|None|False|Amount", 1_259_000m, 126m),
        new RememberedAtom("0|#prior-year-official|Reception", 4_700m, 0m),
    ]);

    [Fact]
    public void A_written_rounding_reads_back_equal_and_only_for_its_own_budget()
    {
        var folder = Directory.CreateTempSubdirectory("yusuan-rounding-").FullName;
        var file = RoundingFile.KeptFile(folder, "139001")!;
        Assert.Null(RoundingFile.Write(file, Memory, "139001", 2023));
        Assert.False(File.Exists(file + ".tmp"));

        var (document, problems) = RoundingFile.Read(folder, "139001");
        Assert.Empty(problems);
        Assert.Equal(Memory.Atoms, document!.Atoms);
        Assert.Equal(Memory.Atoms, document.MemoryFor("139001", 2023).Memory!.Atoms);
        Assert.Equal("上一版是部门 139001 的 2023 年预算，不是本数据集（部门 139002，2023 年）的", document.MemoryFor("139002", 2023).Mismatch);
        Assert.Null(document.MemoryFor("139001", 2024).Memory);
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("../139001")]
    [InlineData("/tmp/139001")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("1390\\01")]
    public void A_department_code_that_is_no_plain_file_name_names_no_file(string code) =>
        Assert.Null(RoundingFile.KeptFile("/tmp/kept", code));

    [Fact]
    public void A_folder_that_cannot_be_written_is_a_problem_not_a_crash()
    {
        var folder = Directory.CreateTempSubdirectory("yusuan-rounding-").FullName;
        var notAFolder = Path.Combine(folder, "file");
        File.WriteAllText(notAFolder, "x");
        var problem = RoundingFile.Write(Path.Combine(notAFolder, "139001.rounding.json"), Memory, "139001", 2023);
        Assert.NotNull(problem);
        Assert.Contains("无法写入舍入结果", problem.Reason, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("", "文件为空或不是 JSON，应为 yusuan.rounding/1")]
    [InlineData("{ \"schema\": \"yusuan.disclosure/1\", \"department\": \"1\", \"fiscalYear\": 2023, \"atoms\": [] }", "schema 为“yusuan.disclosure/1”，应为“yusuan.rounding/1”")]
    [InlineData("{ \"schema\": \"yusuan.rounding/1\", \"department\": \"1\", \"fiscalYear\": 2023 }", "缺少 atoms")]
    [InlineData("{ \"schema\": \"yusuan.rounding/1\", \"department\": \"1\", \"fiscalYear\": 2023, \"atoms\": [ { \"key\": \"\", \"amount\": 1, \"printed\": 0 } ] }", "缺少 key")]
    [InlineData("{ \"schema\": \"yusuan.rounding/1\", \"department\": \"1\", \"fiscalYear\": \"二〇二三\", \"atoms\": [] }", "不是有效的 yusuan.rounding/1 JSON（字段 $.fiscalYear 的值不合要求）")]
    [InlineData("{ \"schema\": \"yusuan.rounding/1\", \"department\": \"1\", \"fiscalYear\": 2023, \"atoms\": [ { \"key\": \"a\", \"amount\": 1, \"printed\": 1e400 } ] }", "不是有效的 yusuan.rounding/1 JSON")]
    public void An_unusable_rounding_is_refused_with_its_reason(string text, string reason)
    {
        var (document, problems) = RoundingFile.Parse(text, "rounding.json");
        Assert.Null(document);
        Assert.Contains(problems, p => p.File == "rounding.json" && p.Reason.Contains(reason, StringComparison.Ordinal));
    }
}
