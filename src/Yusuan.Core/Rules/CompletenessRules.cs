using System.Text.RegularExpressions;
using Yusuan.Core.Compile;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Narrative;

namespace Yusuan.Core.Rules;

/// <summary>Completeness: the twelve tables, the 目录, empty-table statements, the nine text parts and what the text must state.</summary>
internal static partial class CompletenessRules
{
    private const string Category = "completeness";

    public static IEnumerable<Rule> All()
    {
        foreach (var (id, title) in TableTitles.All)
        {
            yield return new Rule($"{id}.present", Severity.Error, Category, $"公开“{title}”",
                "文件所属模板要求的表格（regions/templates）：深圳市 12 张表（2026 年起 11 张，整体支出绩效目标表另行公开），财政部样表 8 张，上海市 9 张，北京市报表附件 9 张；只有其他模板才有的表格不要求",
                // The twelve are a budget's tables; a 决算 document publishes its own set.
                (rule, context) => !Published(context, id) && context.Disclosure.Kind != "部门决算" && context.Disclosure.Attachment != "说明"
                    && context.Template.Tables.Contains(id)
                    ? [rule.Finding(RuleMessages.TableMissing(id, title), new Location { Table = id })]
                    : []);
        }

        yield return new Rule("contents.tables.present", Severity.Error, Category, "目录所列表格在正文中都有",
            "目录与正文一致", (rule, context) => context.Disclosure.Attachment is not null ? [] : context.Disclosure.Contents
                .Where(c => c.Table is not null && !Published(context, c.Table))
                .Select(c => rule.Finding(RuleMessages.ListedButMissing(c.Title), new Location { Table = c.Table })));
        yield return new Rule("document.attachment", Severity.Info, Category, "分附件公开的预算按所在附件核对",
            "部门预算的说明和报表分两个附件公开时（北京），说明附件不要求表格，其目录所列表格在报表附件中；报表附件不要求文字部分",
            (rule, context) => context.Disclosure.Attachment switch
            {
                "说明" => [rule.Finding(RuleMessages.ExplanationOnly, new Location())],
                "报表" => [rule.Finding(RuleMessages.TablesOnly, new Location())],
                _ => [],
            });
        yield return new Rule("tables.unchecked", Severity.Info, Category, "标题可识别但栏目未能全部识别的表格不作表内核对",
            "表格按标题和栏目识别；有未识别的数字栏时，按标准表的规则核对会得出不实的结论", (rule, context) => Printed(context.Disclosure.Tables)
                .Where(t => t.TitledAs is not null)
                .Select(t => rule.Finding(RuleMessages.Unchecked(PrintedTitle(t), t.TitledAs!, TableTitles.Title(t.TitledAs!)), new Location { Table = t.Id })));
        yield return new Rule("contents.tables.listed", Severity.Warning, Category, "正文中的表格都列入目录",
            "目录与正文一致：目录逐张列出表格时，正文的报表（标准表、有表号的表）都应列入；文字中的小表（单位构成）不算",
            (rule, context) => !context.Disclosure.Contents.Any(c => c.Table is not null)
                ? []
                : Printed(context.Disclosure.Tables)
                    .Where(t => (t.Id.StartsWith('T') || t.Label is not null || t.TitledAs is not null || NamesATable().IsMatch(t.Title))
                        && AmongTheListed(context.Disclosure, t) && !Listed(context.Disclosure.Contents, t))
                    .Select(t => rule.Finding(RuleMessages.PresentButUnlisted(PrintedTitle(t)), new Location { Table = t.Id })));
        yield return new Rule("tables.empty.statement", Severity.Warning, Category, "空表注明“本表本年无发生额”",
            "《地方预决算公开操作规程》：没有数据的表格应列出空表并说明", (rule, context) => Printed(context.Disclosure.Tables)
                .Where(t => t.Id != "T12" && Parts(context.Disclosure.Tables, t).All(p => p.Rows.All(r => r.Values.All(v => v == 0))) && !States(t.Note))
                .Select(t => rule.Finding(RuleMessages.EmptyWithoutStatement(PrintedTitle(t)), new Location { Table = t.Id })));
        yield return new Rule("text.parts.present", Severity.Error, Category, "九个文字部分齐全",
            "深圳市模板的文字说明：部门概况、收支总体情况、支出具体情况、政府采购、“三公”经费、绩效管理、重点项目绩效、其他需要说明情况、名词解释；财政部样表不按编号要求部分",
            (rule, context) => Enumerable.Range(1, context.Template.Parts.Count)
                .Where(p => context.Disclosure.Kind != "部门决算" && context.Disclosure.Narrative.All(s => s.Part != p))
                .Select(p => rule.Finding(RuleMessages.PartMissing(p, context.Template.Parts[p - 1]), new Location { Part = p })));
        yield return new Rule("text.prose.provided", Severity.Warning, Category, "文字说明中需要人工撰写的内容已提供",
            "部门职责、工作目标、增减原因等只能由部门撰写；缺失时文件仍然生成，并以“（未提供）”标明", CheckProse);
        yield return new Rule("text.official.explained", Severity.Warning, Category, "“三公”经费增减说明原因",
            "《地方预决算公开操作规程》：“三公”经费增减变化应说明原因", CheckOfficialExplained);
        yield return Stated("text.operating.stated", 8, Subjects.OperatingExpense, "机关运行经费", "部门预算公开应说明机关运行经费安排情况");
        yield return Stated("text.procurement.stated", 4, Subjects.Procurement, "政府采购预算", "部门预算公开应说明政府采购预算情况");
        yield return Stated("text.assets.stated", 8, Subjects.Vehicles, "国有资产占用情况", "部门预算公开应说明国有资产占用情况");
    }

    /// <summary>
    /// Whether the 目录 lists a table: by its standard id, or — a table of the region's own — by its title or its 表号
    /// (目录 "表10 2021年部门综合预算专项业务经费支出表", spaces and quotes aside).
    /// </summary>
    private static bool Listed(IReadOnlyList<ContentsEntry> contents, DisclosureTable table)
    {
        // Compared as the table specifications compare titles (政府采购预算情况表 in the 目录 is the body's 政府采购预算表), the
        // ordinal and the 功能/经济 qualifier aside; a title cut at a line's end still ends the same way.
        static string Bare(string text) => Regex.Replace(Tables.TableSpecifications.Normalise(TableView.StripOrdinal(text)), @"\((?:功能|经济)\)$", string.Empty);
        if (table.Id.StartsWith('T'))
        {
            return contents.Any(c => c.Table == table.Id);
        }

        if (table.TitledAs is { } named && contents.Any(c => c.Table == named))
        {
            return true;
        }

        var title = Bare(table.Title);
        var label = table.Label is { } l ? Regex.Replace(l, @"\s", string.Empty) : null;
        return contents.Any(c => Bare(c.Title) is var listed && listed.Length > 0
            && (title.Length > 0 && (listed.EndsWith(title, StringComparison.Ordinal) || title.EndsWith(listed, StringComparison.Ordinal) && listed.Length >= 6)
                || label is not null && Regex.Replace(c.Title, @"\s", string.Empty).StartsWith(label, StringComparison.Ordinal)));
    }

    /// <summary>
    /// Whether a table is printed among the tables the 目录 lists (from the first listed one's page to the last one's): a
    /// project's 绩效目标表 printed inside a later text part (福州, 泉州: 第三部分 情况说明) is part of that text, which the
    /// 目录 lists as a part. A table whose pages are not known is among them.
    /// </summary>
    private static bool AmongTheListed(Disclosure disclosure, DisclosureTable table)
    {
        var listed = disclosure.Tables.Where(t => t.Source is { Pages.Count: > 0 } && disclosure.Contents.Any(c => c.Table is not null && c.Table == t.Id)).SelectMany(t => t.Source!.Pages).ToList();
        return listed.Count == 0 || table.Source is not { Pages.Count: > 0 } || table.Source.Pages[0] >= listed.Min() && table.Source.Pages[0] <= listed.Max();
    }

    /// <summary>A title that names a table (…表, …表（按经济分类）), not a heading of the text (二、部门预算单位构成) printed over a grid.</summary>
    [GeneratedRegex(@"表\s*(?:[（(][^）)]{1,30}[）)])?\s*$")]
    private static partial Regex NamesATable();

    /// <summary>Whether a table's note says it has nothing this year (本表无数据, 本部门没有…安排的支出, 不涉及).</summary>
    private static bool States(string? note) =>
        note is not null && (note.Contains('无') || note.Contains("没有", StringComparison.Ordinal) || note.Contains("未安排", StringComparison.Ordinal) || note.Contains("不涉及", StringComparison.Ordinal));

    private static Rule Stated(string id, int part, string subject, string what, string policy) =>
        new(id, Severity.Warning, Category, $"说明{what}", policy, (rule, context) =>
            // The part is the seed's template's (第四部分 政府采购, 第八部分 其他需要说明情况): a template that numbers its parts otherwise is not asked.
            context.Template.Parts.Count < part || context.Disclosure.Narrative.All(s => s.Part == 0) || context.Disclosure.Narrative.Any(s => s.Figures.Any(f => f.Subject == subject))
                ? []
                : [rule.Finding(RuleMessages.Missing(what), new Location { Part = part })]);

    private static IEnumerable<Finding> CheckProse(Rule rule, RuleContext context)
    {
        var counters = new Dictionary<int, int>();
        foreach (var sentence in context.Disclosure.Narrative)
        {
            counters[sentence.Part] = counters.GetValueOrDefault(sentence.Part) + 1;
            if (sentence.Sentence.Contains(NarrativeComposer.NotProvided, StringComparison.Ordinal))
            {
                yield return rule.Finding($"{RuleMessages.Part(sentence.Part)}第 {counters[sentence.Part]} 句缺少人工撰写的内容，已标注“{NarrativeComposer.NotProvided}”：{Shorten(sentence.Sentence)}",
                    new Location { Part = sentence.Part, Sentence = counters[sentence.Part] });
            }
        }
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static IEnumerable<Finding> CheckOfficialExplained(Rule rule, RuleContext context)
    {
        var change = context.Table("T09") is { } t09 ? new TableView(t09, context.Disclosure.FiscalYear).Value("change") : null;
        if (change is null or 0 || context.Disclosure.Narrative.Count == 0)
        {
            yield break;
        }

        // The seed's template gives the "三公" 经费 a part of their own (第五部分); in another template they are explained
        // wherever the text speaks of them (上海: in the 预算编制说明).
        var ownPart = context.Template.Parts.Count >= 5 && context.Template.Parts[4].Contains("三公", StringComparison.Ordinal);
        bool explained;
        if (ownPart)
        {
            explained = context.Disclosure.Narrative.Where(s => s.Part == 5)
                .Any(s => s.Sentence.Contains("主要", StringComparison.Ordinal) || s.Sentence.Contains("原因", StringComparison.Ordinal));
        }
        else
        {
            // A sentence on the "三公" 经费 or the one after it gives a cause (主要原因是…, 主要是…, 由于…).
            var narrative = context.Disclosure.Narrative;
            explained = narrative.Select((s, i) => (s, i)).Where(x => OfficialExpense().IsMatch(x.s.Sentence))
                .SelectMany(x => narrative.Skip(x.i).Take(2).Where(n => n.Part == x.s.Part))
                .Any(s => Cause().IsMatch(s.Sentence));
        }

        if (!explained)
        {
            yield return rule.Finding($"“三公”经费比上年{(change < 0 ? "减少" : "增加")} {RuleMessages.N(Math.Abs(change.Value))} 万元，{RuleMessages.Part(ownPart ? 5 : 0)}未说明原因", new Location { Part = ownPart ? 5 : null, Table = "T09" });
        }
    }

    /// <summary>A sentence on the "三公" 经费 or one of them.</summary>
    [GeneratedRegex("三公|公务接待|公务用车|因公出国")]
    private static partial Regex OfficialExpense();

    /// <summary>A sentence that gives a cause.</summary>
    [GeneratedRegex("原因|主要是|由于|系因")]
    private static partial Regex Cause();

    /// <summary>The document prints the table: under its id, or under its title with columns not all understood (TitledAs).</summary>
    /// <summary>
    /// One table per printed table: the parts of a form read apart (its label | value rows, its amounts, its indicators: one
    /// printed title, parts named in <see cref="DisclosureTable.Part"/>) are judged once, as the form.
    /// </summary>
    private static IEnumerable<DisclosureTable> Printed(IReadOnlyList<DisclosureTable> tables) =>
        tables.DistinctBy(t => IsFormPart(tables, t) && t.Title.Length > 0 ? "form:" + t.Title : t.Id);

    /// <summary>The parts of a form read apart that share a table's printed title, or the table alone.</summary>
    private static IEnumerable<DisclosureTable> Parts(IReadOnlyList<DisclosureTable> tables, DisclosureTable table) =>
        IsFormPart(tables, table) ? tables.Where(t => t.Title == table.Title && IsFormPart(tables, t)) : [table];

    /// <summary>The printed title a reader looks for on the page; a form printed with none is named by its part.</summary>
    private static string PrintedTitle(DisclosureTable table) => table.Title.Length > 0 ? table.Title : table.Heading;

    /// <summary>A part of a form read apart: it has a part, or it shares its printed title with one that has.</summary>
    private static bool IsFormPart(IReadOnlyList<DisclosureTable> tables, DisclosureTable table) =>
        table.Part is not null || table.Title.Length > 0 && tables.Any(t => t.Part is not null && t.Title == table.Title);

    private static bool Published(RuleContext context, string id) => context.Table(id) is not null || context.Disclosure.Tables.Any(t => t.TitledAs == id);
}
