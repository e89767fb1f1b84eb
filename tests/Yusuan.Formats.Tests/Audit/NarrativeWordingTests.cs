using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Narrative;
using Yusuan.Formats.Audit;

namespace Yusuan.Formats.Tests.Audit;

/// <summary>The audit reads the text Yusuan writes (docs/wording.md) — 持平, 上年无此项 — as it reads the seed's phrasing.</summary>
public class NarrativeWordingTests
{
    private static IReadOnlyList<NarrativeSentence> Read(params string[] text)
    {
        string[] lines = ["2023年深圳市某某中心部门预算", .. text];
        var document = new SourceDocument("budget.txt", [.. lines.Select((t, i) => new SourceLine(1, i + 1, [t]))], null);
        return new DocumentExtractor(ClassificationCatalogue.BuiltIn()).Extract(document).Narrative;
    }

    [Fact]
    public void Flat_is_read_as_no_change_bound_to_the_tables_change()
    {
        var sentences = Read(
            "第五部分 一般公共预算“三公”经费预算情况",
            "2023年“三公”经费预算8万元，与2022年预算持平。",
            "1. 因公出国（境）费用。2023年预算数0万元，与2022年预算持平。",
            "3. 公务用车购置和运行维护费。2023年预算数8万元，其中：公务用车购置费0万元，与2022年预算持平；公务用车运行维护费8万元，比2022年预算增加2万元，增长33.3%。",
            "第八部分 其他需要说明情况",
            "2023年深圳市某某中心无机关运行经费，运行经费财政拨款预算0万元，与2022年预算持平。");
        var changes = sentences.SelectMany(s => s.Figures).Where(f => f.Subject == Subjects.Change).ToList();
        // As NarrativeComposer writes part 5's items: each amount, its change and its rate, bound to 表9's columns.
        // The item's numbered name is a sentence of its own (1. 因公出国（境）费用。): it heads the sentence with its amount.
        Assert.Equal([("T09.change.total", 0m), ("T09.change.abroad", 0m), ("T09.change.vehicle_purchase", 0m), ("T09.change.vehicle_operation", 2m), (null, 0m)], changes.Select(f => (f.Refers, f.Value)));
        Assert.Equal([33.3m], sentences.SelectMany(s => s.Figures).Where(f => f.Subject == Subjects.ChangePercent).Select(f => f.Value));
        Assert.Equal([0m, 8m], sentences.SelectMany(s => s.Figures).Where(f => f.Subject is Subjects.OfficialVehiclePurchase or Subjects.OfficialVehicleOperation).Select(f => f.Value));
        Assert.Contains(sentences, s => s.Sentence == "1. 因公出国（境）费用。2023年预算数0万元，与2022年预算持平。");
    }

    [Fact]
    public void A_new_item_is_read_with_its_change_and_no_rate()
    {
        var sentences = Read(
            "第三部分 部门预算支出具体情况",
            "1. 生态环境专项资金预算115万元，主要包括：深圳市社会环境检测机构监管系统建设项目115万元。较2022年预算增加115万元，上年无此项。",
            "第二部分 部门预算收支总体情况",
            "2023年深圳市某某中心部门预算收入7,656万元，比2022年减少343万元，下降4.3%。");
        var category = sentences.Single(s => s.Figures.Any(f => Subjects.IsCategory(f.Subject)));
        Assert.Equal(115m, category.Figures.Single(f => f.Subject == Subjects.Change).Value);
        Assert.DoesNotContain(category.Figures, f => f.Subject == Subjects.ChangePercent);
        var income = sentences.Single(s => s.Figures.Any(f => f.Subject == Subjects.Income));
        Assert.Equal([7656m, -343m, -4.3m], income.Figures.Select(f => f.Value));
    }
}
