using System.Text.RegularExpressions;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Compile;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Narrative;
using Yusuan.Core.Tests.Rules;

namespace Yusuan.Core.Tests.Sentences;

/// <summary>Each sentence type of docs/wording.md, on the sample and on variants of it: the words, the figures bound to them, no finding.</summary>
public sealed partial class WordingTests
{
    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?%")]
    private static partial Regex APercentage();

    [Theory]
    [InlineData(7656, 7999, "比2022年减少343万元，下降4.3%")]
    [InlineData(7656, 7000, "比2022年增加656万元，增长9.4%")]
    [InlineData(7656, 7656, "与2022年持平")]
    [InlineData(114, 0, "比2022年增加114万元，上年无此项")]
    [InlineData(0, 0, "与2022年持平")]
    [InlineData(0, 0.47, "比2022年减少0.47万元，下降100.0%")]
    [InlineData(8, 4, "比2022年增加4万元，增长100.0%")]
    public void A_comparison_reads_as_a_person_writes_it(double current, double prior, string expected) =>
        Assert.Equal(expected, Wording.Comparison(2022, new YearOnYear((decimal)current, (decimal)prior)));

    [Fact]
    public void A_decrease_states_amount_and_rate_with_one_decimal()
    {
        var part2 = Compose(Sample.Clean).Where(s => s.Part == 2).ToList();
        var income = part2.Single(s => s.Figures.Any(f => f.Subject == Subjects.Income));
        Assert.Equal("2023年深圳市生态环境智能管控中心部门预算收入7,656万元，比2022年减少343万元，下降4.3%。", income.Sentence);
        Assert.Equal([-343m, -4.3m], income.Figures.Where(f => f.Subject is Subjects.Change or Subjects.ChangePercent).Select(f => f.Value));
        Assert.StartsWith("预算收支减少主要原因：", part2[^1].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void An_increase_states_amount_and_rate()
    {
        var variant = WithPrior(p => p with { Income = 70_000_000m, Expenditure = 70_000_000m });
        var sentences = Compose(variant);
        Assert.Contains(sentences, s => s.Sentence == "2023年部门预算支出7,656万元，比2022年增加656万元，增长9.4%。");
        Assert.StartsWith("预算收支增加主要原因：", sentences.Last(s => s.Part == 2).Sentence, StringComparison.Ordinal);
        NoErrors(variant);
    }

    [Fact]
    public void No_change_is_flat_with_neither_amount_nor_rate()
    {
        var variant = WithPrior(p => p with { Income = 76_560_000m, Expenditure = 76_560_000m });
        var income = Compose(variant).Single(s => s.Figures.Any(f => f.Subject == Subjects.Income));
        Assert.Equal("2023年深圳市生态环境智能管控中心部门预算收入7,656万元，与2022年持平。", income.Sentence);
        Assert.Equal(0m, income.Figures.Single(f => f.Subject == Subjects.Change).Value);
        Assert.DoesNotContain(income.Figures, f => f.Subject == Subjects.ChangePercent);
        Assert.DoesNotContain(Compose(variant), s => Regex.IsMatch(s.Sentence, @"(增加|减少)0万元|(增长|下降)0(\.0)?%"));
        NoErrors(variant);
    }

    [Fact]
    public void The_sample_says_flat_where_its_official_items_and_operating_expense_did_not_change()
    {
        var sentences = Compose(Sample.Clean);
        Assert.Contains(sentences, s => s.Sentence == "1. 因公出国（境）费用。2023年预算数0万元，与2022年预算持平。");
        Assert.Contains(sentences, s => s.Sentence == "2. 公务接待费。2023年预算数0万元，比2022年预算减少0.47万元，下降100.0%。");
        Assert.Contains(sentences, s => s.Sentence == "2023年深圳市生态环境智能管控中心无机关运行经费，运行经费财政拨款预算0万元，与2022年预算持平。");
        Assert.DoesNotContain(sentences, s => Regex.IsMatch(s.Sentence, @"(增加|减少)0万元|(增长|下降)0(\.0)?%"));
    }

    [Fact]
    public void A_new_item_says_last_year_had_none_and_states_no_rate()
    {
        var category = Compose(Sample.Clean).Single(s => s.Figures.Any(f => f.Subject == Subjects.CategoryPrefix + "生态环境专项资金") && s.Part == 3);
        Assert.EndsWith("较2022年预算增加115万元，上年无此项。", category.Sentence, StringComparison.Ordinal);
        Assert.Equal(115m, category.Figures.Single(f => f.Subject == Subjects.Change).Value);
        Assert.DoesNotContain(category.Figures, f => f.Subject == Subjects.ChangePercent);
    }

    [Fact]
    public void No_sentence_counts_zero_subordinate_units()
    {
        var scope = Compose(Sample.Clean).Where(s => s.Part == 6).ElementAt(1).Sentence;
        Assert.StartsWith("深圳市生态环境智能管控中心预算绩效管理的单位范围包括：深圳市生态环境智能管控中心本级，无下属预算单位，已编制整体支出绩效目标", scope, StringComparison.Ordinal);
        Assert.DoesNotContain("0家", scope, StringComparison.Ordinal);

        var clean = Sample.Clean;
        var withUnits = clean with { Profile = clean.Profile with { Agencies = [.. clean.Profile.Agencies, new Entity("139002", "某下属中心"), new Entity("139003", "某下属站")] } };
        Assert.StartsWith("深圳市生态环境智能管控中心预算绩效管理的单位范围包括：深圳市生态环境智能管控中心（本级）、某下属中心、某下属站共3家基层单位，均已编制", Compose(withUnits).Where(s => s.Part == 6).ElementAt(1).Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(79_990_000, 24_280_000)]
    [InlineData(70_000_000, 10_000_000)]
    [InlineData(76_560_000, 22_480_000)]
    public void Every_percentage_has_one_decimal(long priorIncome, long priorManagement)
    {
        var clean = Sample.Clean;
        var prior = clean.Profile.PriorYear!;
        var categories = prior.ProjectCategories.ToDictionary(c => c.Key, c => c.Key == "生态环境管理" ? priorManagement : c.Value);
        var variant = WithPrior(p => p with { Income = priorIncome, Expenditure = priorIncome, ProjectCategories = categories });
        var stated = Generated(variant).SelectMany(s => APercentage().Matches(s)).Select(m => m.Value).ToList();
        Assert.True(stated.Count >= 3, string.Join("、", stated));
        Assert.All(stated, p => Assert.Matches(@"^[\d,]+\.\d%$", p));
        NoErrors(variant);
    }

    [Fact]
    public void A_rate_printed_with_its_decimal_is_checked_for_its_direction()
    {
        // 公务接待费 fell from 0.47 to 0: 下降100.0%, printed with its decimal; written 增长, the rule says so.
        var spoiled = Sample.Clean.EditDisclosure(d => d with { Narrative = [.. d.Narrative.Select(s => s with { Sentence = s.Sentence.Replace("下降100.0%", "增长100.0%", StringComparison.Ordinal) })] });
        var finding = Assert.Single(Sample.Check(spoiled), f => f.Rule == "text.change.direction");
        Assert.Contains("增长 100.0%", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_glossary_gives_the_unit_and_leaves_controlled_rounding_to_the_tables_note()
    {
        var glossary = Compose(Sample.Clean).Where(s => s.Part == 9).ToList();
        Assert.DoesNotContain(glossary, s => s.Sentence.Contains("受控舍入", StringComparison.Ordinal));
        Assert.Equal("九、2023年部门预算中所有数据按万元列示，取舍方法见表格部分的说明。", glossary[^1].Sentence);
    }

    [Fact]
    public void No_space_stands_between_a_figure_and_its_unit_or_year()
    {
        // Prose the department wrote (the profile's 8 月底前, 2 辆) is printed as written; Yusuan's own words have none.
        var generated = Generated(Sample.Clean);
        Assert.True(generated.Count > 40, $"{generated.Count} sentences");
        Assert.All(generated, s => Assert.DoesNotMatch(@"\d (年|月|万元|人|个|辆|台)|(比|较|截至|纳入|单价) \d", s));
    }

    /// <summary>
    /// Every sentence of the text with the department's own prose taken out — duties, goals, reasons, notes, the projects'
    /// names and goals — leaving the words Yusuan writes.
    /// </summary>
    private static List<string> Generated(Variant variant)
    {
        var text = variant.Profile.Text;
        var prose = new List<string> { text.Duties, text.OfficialExpenseNote, text.PerformanceScope, text.OtherNotes };
        prose.AddRange(text.Goals);
        prose.AddRange(text.ChangeReasons.Select(r => r.Text));
        prose.AddRange(text.ProjectCategoryNotes.Values);
        prose.AddRange(variant.Plan.ProjectGoals.SelectMany(g => g.Goals));
        prose.AddRange(variant.Plan.Tasks.Select(t => t.Content));
        var ordered = prose.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).OrderByDescending(p => p.Length).ToList();
        return Compose(variant).Select(s => ordered.Aggregate(s.Sentence, (sentence, p) => sentence.Replace(p, "〔…〕", StringComparison.Ordinal))).ToList();
    }

    private static Variant WithPrior(Func<PriorYear, PriorYear> edit)
    {
        var clean = Sample.Clean;
        return clean with { Profile = clean.Profile with { PriorYear = edit(clean.Profile.PriorYear!) } };
    }

    private static IReadOnlyList<NarrativeSentence> Compose(Variant variant) =>
        new BudgetCompiler(ClassificationCatalogue.BuiltIn()).Compile(variant.Profile, variant.Plan, variant.Lines, variant.Rounding).Disclosure.Narrative;

    private static void NoErrors(Variant variant) =>
        Assert.DoesNotContain(Sample.Check(variant), f => f.Severity == Severity.Error && f.Category == "text");
}
