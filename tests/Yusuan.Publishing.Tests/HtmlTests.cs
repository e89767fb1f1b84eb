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
        foreach (var (id, title) in TableTitles.All)
        {
            Assert.Contains($"<a href=\"#{id}\">{System.Net.WebUtility.HtmlEncode(title)}</a>", Html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{id}\"", Html, StringComparison.Ordinal);
        }

        Assert.Equal(12, Regex.Matches(Html, "<caption>").Count);
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
}
