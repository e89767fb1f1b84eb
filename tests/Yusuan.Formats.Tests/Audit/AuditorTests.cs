using Yusuan.Core.Catalogue;
using Yusuan.Formats.Audit;

namespace Yusuan.Formats.Tests.Audit;

/// <summary>What any text gives the auditor is read or refused with a reason, never an internal error.</summary>
public class AuditorTests
{
    [Theory]
    [InlineData("第二十一部分 其他")] // beyond the parts a budget numbers
    [InlineData("第十十十部分 其他")] // no numeral at all
    public void A_part_heading_with_a_number_no_template_has_is_read_as_text(string heading)
    {
        using var folder = new TempFolder();
        var path = folder.Write("budget.txt", $"2023 年某局部门预算\n第一部分 部门概况\n一、部门职责\n{heading}\n主要原因是。\n");
        var audit = Auditor.Audit(path, ClassificationCatalogue.BuiltIn());
        Assert.DoesNotContain(audit.Findings, f => f.Rule.StartsWith("audit.document.", StringComparison.Ordinal));
        Assert.Contains(audit.Findings, f => f.Rule == "text.reason.missing");
    }

    [Fact]
    public void A_missing_attachment_is_named_whatever_its_format()
    {
        using var folder = new TempFolder();
        var explanation = folder.Write("说明.txt", "2023 年某局部门预算\n第一部分 部门概况\n");
        foreach (var missing in new[] { "报表.pdf", "报表.docx", "报表.txt" })
        {
            var audit = Auditor.Audit(explanation + "+" + Path.Combine(Path.GetDirectoryName(explanation)!, missing), ClassificationCatalogue.BuiltIn());
            var finding = Assert.Single(audit.Findings);
            Assert.Equal(("audit.document.unreadable", $"说明.txt+{missing}：{missing}：文件不存在"), (finding.Rule, finding.Message));
        }
    }
}
