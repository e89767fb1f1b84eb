using System.Text.RegularExpressions;
using Yusuan.Core.Compile;

namespace Yusuan.Publishing.Tests;

public class HtmlTests
{
    private static string Html => SamplePublication.Publication.Html;

    [Fact]
    public void Html_is_self_contained()
    {
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""(https?:)?//", Html);
        Assert.DoesNotContain("<script", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Html_tables_are_semantic_and_linked_from_the_contents()
    {
        var number = 0;
        foreach (var (id, title) in TableTitles.All)
        {
            Assert.Contains($"<a href=\"#{id}\">（{Yusuan.Core.Narrative.Wording.ChineseCount(++number)}）{System.Net.WebUtility.HtmlEncode(title)}</a>", Html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{id}\"", Html, StringComparison.Ordinal);
        }

        Assert.Equal(12, Regex.Matches(Html, "<caption class=\"sr\">").Count);
        Assert.Contains("<th scope=\"colgroup\" colspan=\"3\">2023年政府采购项目</th>", Html, StringComparison.Ordinal);
        Assert.Contains("@page wide{size:A4 landscape", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_has_the_nine_parts_and_three_inline_svg_charts()
    {
        foreach (var part in TableTitles.Parts)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(part), Html, StringComparison.Ordinal);
        }

        Assert.Equal(3, Regex.Matches(Html, "<svg ").Count);
        Assert.Contains("支出按功能分类（类）", Html, StringComparison.Ordinal);
        Assert.Contains("项目支出按类别：本年与上年", Html, StringComparison.Ordinal);
        Assert.Contains("7,656万元", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_encodes_every_text()
    {
        var document = SamplePublication.Document with { Department = "<script>alert(1)</script>" };
        var html = Yusuan.Publishing.Html.HtmlDocumentWriter.Write(document);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_has_the_cover_with_issuer_and_date_and_the_contents_with_the_pdfs_page_numbers()
    {
        Assert.Contains("<header class=\"cover\"><h1><span>2023年深圳市生态环境智能管控中心</span><span>部门预算</span></h1><p class=\"year\">（2023年度）</p><p class=\"issuer\">深圳市生态环境智能管控中心</p><p class=\"date\">2023年2月10日</p></header>", Html, StringComparison.Ordinal);
        var contents = SamplePublication.Publication.Rendering.Contents;
        Assert.Contains($"<a href=\"#part1\">第一部分 部门概况</a><span class=\"dots\"></span><span class=\"page\">{contents["第一部分 部门概况"]}</span>", Html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#T12\">（十二）部门（单位）整体支出绩效目标表</a><span class=\"dots\"></span><span class=\"page\">{contents["（十二）部门（单位）整体支出绩效目标表"]}</span>", Html, StringComparison.Ordinal);
        // The web pages render no PDF: their contents have no page numbers.
        Assert.DoesNotContain("class=\"page\"", Yusuan.Publishing.Html.HtmlDocumentWriter.Write(SamplePublication.Document), StringComparison.Ordinal);
    }
}
