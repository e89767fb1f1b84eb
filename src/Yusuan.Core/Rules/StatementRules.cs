using System.Text.RegularExpressions;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Narrative;

namespace Yusuan.Core.Rules;

/// <summary>
/// What any text states, in whatever template it is written: a rate against the two amounts it compares, an item's amount
/// against its own heading and the tables, a reason announced and not given, a heading naming another department. These
/// read the figures the extractor found in every sentence (<see cref="Subjects.Compared"/> …), wherever the sentence stands.
/// </summary>
internal static partial class StatementRules
{
    private const string Category = "text";

    /// <summary>Tables whose row of a 功能分类 code prints the amount an item's heading states, most specific first.</summary>
    private static readonly string[] ItemTables = ["T07", "T03", "T06", "T02", "T01"];

    /// <summary>万元 beyond any public budget (10¹² 万元): a figure past it is a misreading, not a statement to check.</summary>
    private const decimal Limit = 1_000_000_000_000m;

    public static IEnumerable<Rule> All()
    {
        yield return new Rule("text.rate.stated", Severity.Error, Category, "所述增减率、完成率与所比较的两个金额一致",
            "增减率 = (本年数 − 比较数) ÷ 比较数；完成率 = 决算数 ÷ 年初预算数；按两数列示的精度，允许尾数误差", (rule, context) => Rates(rule, context, exact: false));
        yield return new Rule("text.rate.rounding", Severity.Warning, Category, "所述比率按四舍五入列示",
            "比率末位与按两数计算的结果相差一个单位（多为截尾而非四舍五入）", (rule, context) => Rates(rule, context, exact: true));
        yield return new Rule("text.item.amount", Severity.Error, Category, "科目说明中的本年金额与其标题金额一致",
            "同一科目的说明前后金额一致（上海：“行政运行（01项）1434.89万元……2026年预算安排1434.89万元”）", CheckItemAmount);
        yield return new Rule("text.item.table", Severity.Error, Category, "科目说明的金额与表格中该科目一致",
            "文字说明中的数字必须与表格一致：按类、款、项编码找到表中的科目行", CheckItemTable);
        yield return new Rule("text.reason.missing", Severity.Error, Category, "说明了“主要原因是”就写出原因",
            "《地方预决算公开操作规程》：增减变化应说明原因；“主要原因是。”是未填写的模板", CheckReasonMissing);
        yield return new Rule("text.year.compared", Severity.Error, Category, "与上年比较的年份早于本年度",
            "预算说明与以前年度比较（比2025年预算增加……）；与本年度或以后年度比较是年份写错（决算可与本年度年初预算比较）", CheckComparedYear);
        yield return new Rule("text.department.heading", Severity.Error, Category, "标题中的部门名称与封面一致",
            "同一文件中部门名称应一致：“某某 2024 年度部门决算表”应是封面所列部门", CheckHeadingDepartment);
    }

    private static Location At(NarrativeSentence sentence) => new() { Part = sentence.Part == 0 ? null : sentence.Part, Page = sentence.Source?.Page, Line = sentence.Source?.Line };

    private static string Where(NarrativeSentence sentence) => sentence.Source?.Page is int page ? $"第 {page} 页" : "文字说明";

    private static decimal Half(decimal value) => 0.5m * RuleContext.Unit(RuleContext.DecimalsOf(value));

    /// <summary>The sentence as printed, or of a long one the clause holding <paramref name="marker"/> (an item's heading and its comparison are one sentence).</summary>
    private static string Quote(NarrativeSentence sentence, string? marker = null)
    {
        var text = sentence.Sentence;
        if (text.Length > 80 && marker is not null)
        {
            var clause = text.Split('。').FirstOrDefault(c => c.Contains(marker, StringComparison.Ordinal));
            text = clause is null ? text : clause + "。";
        }

        return text.Length <= 80 ? text : text[..78] + "……";
    }

    /// <summary>
    /// Each stated rate against the range its two amounts allow (each within half a unit of how it is printed): outside it by
    /// more than one unit of the rate's last digit is an error; by one unit, a rounding slip.
    /// </summary>
    private static IEnumerable<Finding> Rates(Rule rule, RuleContext context, bool exact)
    {
        foreach (var sentence in context.Disclosure.Narrative)
        {
            var compared = sentence.Figures.FirstOrDefault(f => f.Subject == Subjects.Compared);
            var with = sentence.Figures.FirstOrDefault(f => f.Subject == Subjects.ComparedWith);
            var stated = sentence.Figures.FirstOrDefault(f => f.Subject is Subjects.StatedRate or Subjects.StatedCompletion);
            // Amounts beyond any budget (or a base too small to divide by) are no statement to check: no decimal overflow.
            if (compared is null || with is null || stated is null || compared.Value < 0.01m || compared.Value > Limit || Math.Abs(with.Value) > Limit || Math.Abs(stated.Value) > Limit)
            {
                continue;
            }

            var completion = stated.Subject == Subjects.StatedCompletion;
            decimal Of(decimal a, decimal b) => completion ? b / a * 100 : (b - a) / a * 100;
            var (ha, hb) = (Half(compared.Value), Half(with.Value));
            var corners = new[] { Of(compared.Value - ha, with.Value - hb), Of(compared.Value - ha, with.Value + hb), Of(compared.Value + ha, with.Value - hb), Of(compared.Value + ha, with.Value + hb) };
            var (low, high) = (corners.Min(), corners.Max());
            var decimals = context.StatedDecimalsOf(stated.Value);
            var unit = RuleContext.Unit(decimals);
            var half = unit / 2;
            if (stated.Value + half >= low && stated.Value - half <= high)
            {
                continue;
            }

            var expected = decimal.Round(Of(compared.Value, with.Value), Math.Max(decimals, 2), MidpointRounding.AwayFromZero);
            var slip = stated.Value + half + unit >= low && stated.Value - half - unit <= high;
            if (slip != exact)
            {
                continue;
            }

            var what = completion ? "完成率" : "增减率";
            var message = $"{Where(sentence)}“{Quote(sentence, "%")}”：所述{what} {RuleMessages.N(stated.Value, decimals)}%，按 {RuleMessages.N(compared.Value)} 和 {RuleMessages.N(with.Value)} 计算应为 {RuleMessages.N(expected)}%";
            yield return rule.Finding(slip ? message + "（末位相差一个单位，多为截尾）" : message, At(sentence), expected, stated.Value);
        }
    }

    private static IEnumerable<Finding> CheckItemAmount(Rule rule, RuleContext context)
    {
        foreach (var sentence in context.Disclosure.Narrative)
        {
            if (sentence.Figures.FirstOrDefault(f => f.Subject == Subjects.ItemAmount) is { } item
                && sentence.Figures.FirstOrDefault(f => f.Subject == Subjects.ComparedWith) is { } current
                && Math.Abs(item.Value - current.Value) > Half(item.Value) + Half(current.Value))
            {
                yield return rule.Finding($"{Where(sentence)}“{Quote(sentence)}”：科目标题列示 {RuleMessages.N(item.Value)} 万元，后文称本年预算安排 {RuleMessages.N(current.Value)} 万元", At(sentence), item.Value, current.Value);
            }
        }
    }

    /// <summary>An item's stated amount against its code's row in the tables: an error only where no table prints that amount.</summary>
    private static IEnumerable<Finding> CheckItemTable(Rule rule, RuleContext context)
    {
        foreach (var sentence in context.Disclosure.Narrative)
        {
            if (sentence.Figures.FirstOrDefault(f => f.Subject == Subjects.ItemAmount && f.Refers is not null) is not { } item)
            {
                continue;
            }

            var code = item.Refers!["function:".Length..];
            var printed = ItemTables.Select(t => (Table: t, Value: context.Lookup.Value($"{t}.{code}"))).Where(p => p.Value is not null).ToList();
            if (printed.Count == 0 || printed.Any(p => Math.Abs(p.Value!.Value - item.Value) <= Half(item.Value) + 0.00005m))
            {
                continue;
            }

            var (table, value) = printed[0];
            yield return rule.Finding($"{Where(sentence)}“{Quote(sentence)}”：科目 {code} 列示 {RuleMessages.N(item.Value)} 万元，{table}“{context.Table(table)!.Title}”中该科目为 {RuleMessages.N(value!.Value)} 万元",
                At(sentence) with { Table = table, TableRow = code }, value, item.Value);
        }
    }

    /// <summary>A reason announced and then nothing: 主要原因是。 / 原因为： ; — never "…是收入增长的主要原因。", which gives it.</summary>
    [GeneratedRegex(@"(?:主要原因(?:是|为|在于)|原因(?:是|为)|主要原因[：:])[：:]?[。；;]")]
    private static partial Regex EmptyReason();

    private static IEnumerable<Finding> CheckReasonMissing(Rule rule, RuleContext context)
    {
        foreach (var sentence in context.Disclosure.Narrative)
        {
            if (EmptyReason().Match(sentence.Sentence.Replace(" ", string.Empty, StringComparison.Ordinal)) is { Success: true } m)
            {
                var announced = m.Value.TrimEnd('。', '；', ';', '：', ':');
                yield return rule.Finding($"{Where(sentence)}“{Quote(sentence, announced)}”：写了“{announced}”，但没有写出原因", At(sentence));
            }
        }
    }

    /// <summary>
    /// A comparison with a year: 比/较 2025 年……增加 (not 对比, 比较), or 与/同 2025 年……相比/持平/相同/一致 (not 参与 2026 年省运会).
    /// </summary>
    [GeneratedRegex(@"(?:(?<![对])比|(?<![比])较)(?<year>20\d\d)年(?:度)?[^，。；]{0,16}?(?:增加|减少|增长|下降|持平|上升|降低)|(?<![参赋授给合])(?:与|同)(?<year>20\d\d)年(?:度)?[^，。；]{0,16}?(?:相比|持平|相同|一致)")]
    private static partial Regex ComparedYear();

    /// <summary>A comparison with a year not before the document's own (比2026年预算增加 in a 2026 budget).</summary>
    private static IEnumerable<Finding> CheckComparedYear(Rule rule, RuleContext context)
    {
        var year = context.Disclosure.FiscalYear;
        if (year < 1990)
        {
            yield break;
        }

        foreach (var sentence in context.Disclosure.Narrative)
        {
            var compact = sentence.Sentence.Replace(" ", string.Empty, StringComparison.Ordinal);
            foreach (Match m in ComparedYear().Matches(compact))
            {
                // A 决算 compares with its own year's 年初预算 (完成年初预算的…); only a later year is wrong there.
                var compared = int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (compared > year || (compared == year && context.Disclosure.Kind != "部门决算"))
                {
                    yield return rule.Finding($"{Where(sentence)}“{Quote(sentence, m.Value)}”：{year} 年度的文件与 {compared} 年比较，应是与以前年度比较", At(sentence));
                    break;
                }
            }
        }
    }

    [GeneratedRegex(@"^(?<name>[^\d，。；：:、]{4,40}?)\d{4}年度?(?:部门|单位)(?:预算|决算)(?:公开)?(?:报?表)")]
    private static partial Regex DepartmentHeading();

    /// <summary>
    /// A heading "某某 2024 年度部门决算表" names the document's department: one whose name neither contains the cover's nor is
    /// contained in it (上海市规划和自然资源局 on 上海市普陀区规划和自然资源局's tables) is another department's.
    /// </summary>
    private static IEnumerable<Finding> CheckHeadingDepartment(Rule rule, RuleContext context)
    {
        var department = Comparable(context.Disclosure.Department.Name);
        if (department.Length < 4)
        {
            yield break;
        }

        foreach (var sentence in context.Disclosure.Narrative)
        {
            if (DepartmentHeading().Match(sentence.Sentence.Replace(" ", string.Empty, StringComparison.Ordinal)) is { Success: true } m
                && Comparable(m.Groups["name"].Value) is var named && !NumberedPart().IsMatch(named) && !NotAName().IsMatch(named)
                && !named.Contains(department, StringComparison.Ordinal) && !department.Contains(named, StringComparison.Ordinal))
            {
                yield return rule.Finding($"{Where(sentence)}标题“{m.Value}”所列部门为“{m.Groups["name"].Value}”，而封面为“{context.Disclosure.Department.Name}”", At(sentence));
            }
        }
    }

    /// <summary>A part's number standing where a heading names its department (第二部分 2026年部门预算表).</summary>
    [GeneratedRegex(@"^第[一二三四五六七八九十\d]{1,3}部分|^[一二三四五六七八九十]{1,3}[、.]|^附件")]
    private static partial Regex NumberedPart();

    /// <summary>Words of a sentence that points at the tables, never of a department's name (详见, 本局所属单位 …).</summary>
    [GeneratedRegex(@"见|请|详|参|本局|本单位|本部门|所属|下属|已|附|各|如下|以下|有关")]
    private static partial Regex NotAName();

    /// <summary>A department's name without spaces, the brackets of （本级）/（汇总） and a closing 部门.</summary>
    private static string Comparable(string name)
    {
        var compact = Regex.Replace(name.Replace(" ", string.Empty, StringComparison.Ordinal), "[（(](?:本级|汇总|机关)[）)]$", string.Empty);
        return compact.EndsWith("部门", StringComparison.Ordinal) ? compact[..^2] : compact;
    }
}
