using Yusuan.Core.Disclosures;

namespace Yusuan.Core.Tests.Rules;

/// <summary>
/// A performance form read block by block (its label | value rows, its amounts, its indicators: one printed title, the
/// blocks named in <see cref="DisclosureTable.Part"/>) is one printed table to the completeness rules: listed or not in the
/// 目录 once, empty only when none of its blocks holds a figure.
/// </summary>
public class FormPartTests
{
    private const string Title = "警务辅助人员经费项目绩效目标表";

    private static TableRow Row(string name, decimal value, string printed) => new() { Name = name, Values = [value], Printed = [printed] };

    private static DisclosureTable Part(string id, string? part, params TableRow[] rows) => new()
    {
        Id = id,
        Title = Title,
        Part = part,
        Columns = [new TableColumn("c1", part ?? "内容")],
        Rows = rows,
    };

    private static IReadOnlyList<DisclosureTable> Form(decimal total) =>
    [
        Part("X01", null, Row("项目名称", 0, "警务辅助人员经费"), Row("主管部门", 0, "福州市公安局")),
        Part("X02", "专项资金情况", Row("资金总额", total, total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)), Row("其他资金", 0, "0.00")),
        Part("X03", "绩效目标指标", Row("成本指标", 0, "经济成本指标")),
    ];

    private static List<Findings.Finding> Check(IReadOnlyList<DisclosureTable> form, string rule) =>
        Sample.Check(Sample.Clean.EditDisclosure(d => d.With(tables: [.. d.Tables, .. form]))).Where(f => f.Rule == rule).ToList();

    [Fact]
    public void A_form_not_in_the_contents_is_one_warning_under_its_printed_title()
    {
        var findings = Check(Form(44.47m), "contents.tables.listed");
        var finding = Assert.Single(findings);
        Assert.Contains($"“{Title}”", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_with_an_amount_is_not_empty_though_its_text_blocks_hold_no_figure()
    {
        Assert.Empty(Check(Form(44.47m), "tables.empty.statement"));
        Assert.Single(Check(Form(0m), "tables.empty.statement"));
    }

    [Fact]
    public void A_part_is_shown_with_its_printed_title()
    {
        Assert.Equal($"{Title}（专项资金情况）", Form(1m)[1].Heading);
        Assert.Equal(Title, Form(1m)[0].Heading);
    }
}
