using Yusuan.Core.Catalogue;
using Yusuan.Core.Findings;
using Yusuan.Formats.Audit;

namespace Yusuan.Cli.Tests.Corpus;

/// <summary>What a published document is, read from the document itself: its kind on the cover, and whether it is one
/// attachment of a budget published in two.</summary>
public class DocumentKindTests
{
    private static AuditResult Audit(string document) => Auditor.Audit(Corpus.Budget(document), ClassificationCatalogue.BuiltIn());

    [Fact]
    public void A_beijing_explanation_whose_tables_are_another_attachment_is_judged_as_the_explanation()
    {
        // 北京市信访办公室 2026: the 目录 lists 第二部分 部门预算报表 (收支总表 …), and the text ends "附件：北京市信访办公室部门 2026
        // 年度部门预算报表": the tables are published apart. Not one table or listed table is missing from this file.
        var audit = Audit("c002-0e0df07d");
        Assert.Equal("说明", audit.Disclosure!.Attachment);
        Assert.DoesNotContain(audit.Findings, f => f.Severity == Severity.Error && (f.Rule.EndsWith(".present", StringComparison.Ordinal) && f.Rule.StartsWith('T') || f.Rule == "contents.tables.present"));
        Assert.Single(audit.Findings, f => f.Rule == "document.attachment");

        // 北京市规划和自然资源委员会: the attachment's name wraps ("…2026 年度部门预" / "算报表").
        Assert.Equal("说明", Audit("c002-8160c628").Disclosure!.Attachment);

        // 北京市人民政府办公厅's file holds both parts: it is the whole budget.
        Assert.Null(Audit("c002-fcf1d639").Disclosure!.Attachment);
    }

    [Fact]
    public void The_kind_is_read_from_a_cover_whose_title_wraps()
    {
        // "上海市普陀区规划和自然" / "资源局" / "2024 年度部门决算"; "福州市公安局治安管理" / "支队" / "单位预算".
        var final = Audit("pt-ghzy-2024-final");
        Assert.Equal("部门决算", final.Disclosure!.Kind);
        Assert.DoesNotContain(final.Findings, f => f.Rule.StartsWith('T') && f.Rule.EndsWith(".present", StringComparison.Ordinal));
        Assert.Equal("单位预算", Audit("c017-e1ceb355").Disclosure!.Kind);
    }
}
