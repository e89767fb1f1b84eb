using Yusuan.Core.Catalogue;
using Yusuan.Core.Findings;
using Yusuan.Formats.Audit;

namespace Yusuan.Cli.Tests.Corpus;

/// <summary>A 收支总表 prints its 支出 side by name; the codes come from the catalogue and from the document's coded tables.</summary>
public class CodeResolutionTests
{
    [Fact]
    public void A_name_that_is_a_kuan_and_its_xiang_takes_the_code_that_fits_where_it_stands()
    {
        // 深圳市住房和建设局 2026 收支总表: under 三、城乡社区支出 (212), 建设市场管理与监督 twice — the 款 21206 and its one 项 2120601,
        // codes the catalogue does not know and 支出总表 prints. Read so, 212 adds up (26,569.97 = 26,139.90 + 430.07).
        var audit = Auditor.Audit(Corpus.Budget("c003-08ef7d7d"), ClassificationCatalogue.BuiltIn());
        var t01 = Assert.Single(audit.Disclosure!.Tables, t => t.Id == "T01");
        Assert.Equal(["21206", "2120601"], t01.Rows.Where(r => r.Name == "建设市场管理与监督").Select(r => r.Code));
        Assert.DoesNotContain(audit.Findings, f => f.Severity == Severity.Error && f.Rule is "T01.expenditure.rollup" or "T06.expenditure.rollup");
    }
}
