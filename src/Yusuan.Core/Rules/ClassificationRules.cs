using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Tables;

namespace Yusuan.Core.Rules;

/// <summary>Classification: printed codes exist in the catalogue edition, at a valid level, under their printed names and parents.</summary>
internal static class ClassificationRules
{
    private const string Category = "classification";
    private static readonly string[] FunctionTables = [.. TableSpecifications.All.Where(t => t.FunctionCoded).Select(t => t.Id)];
    private static readonly string[] EconomicTables = [.. TableSpecifications.All.Where(t => t.Codes == RowCodes.Economic).Select(t => t.Id)];

    public static IEnumerable<Rule> All()
    {
        yield return new Rule("code.function.valid", Severity.Error, Category, "功能分类科目编码为 3、5 或 7 位数字",
            "《政府收支分类科目》：支出功能分类设类、款、项三级，编码 3、5、7 位", (rule, context) => Codes(context, FunctionTables)
                .Where(c => !IsValid(c.Row.Code!, [3, 5, 7]))
                .Select(c => rule.Finding($"{c.View.Id} 科目编码“{c.Row.Code}”不是 3、5 或 7 位数字", c.View.At(c.Row, 0))));
        // With the budget's lines at hand, an unknown code is reported once, at its ledger row (catalogue.*.unknown),
        // rather than again in every table it reaches; these table rules are for disclosures without lines (audits, JSON).
        // They warn: a published code the catalogue lacks is more often a gap of the catalogue (its lists are partial, and
        // regions add their own 项) than a fault a reader could confirm on the page.
        yield return new Rule("code.function.known", Severity.Info, Category, "功能分类科目在科目目录中",
            "《政府收支分类科目》（所用版本见科目目录）；目录外的科目只作提示：多半是目录不全或地方增设，不是文件的错误",
            (rule, context) => Unknown(rule, context, FunctionTables, ClassificationKind.Function, "功能分类"));
        yield return new Rule("code.function.name", Severity.Warning, Category, "功能分类科目名称与编码一致",
            "科目名称应与《政府收支分类科目》一致", (rule, context) => Names(rule, context, FunctionTables, ClassificationKind.Function));
        yield return new Rule("code.function.parent", Severity.Error, Category, "功能分类项、款均列出其上级科目",
            "支出表按类、款、项逐级列示", (rule, context) => Parents(rule, context, FunctionTables));
        yield return new Rule("code.economic.valid", Severity.Error, Category, "经济分类科目编码为 3 或 5 位数字（地方细化为 7 位）",
            "《政府收支分类科目》：部门预算支出经济分类设类、款两级，编码 3、5 位；地方在款下细化的科目编 7 位（重庆 3010201 规范性津补贴、北京 3021101 差旅费）",
            (rule, context) => Codes(context, EconomicTables)
                .Where(c => !IsValid(c.Row.Code!, [3, 5, 7]))
                .Select(c => rule.Finding($"{c.View.Id} 科目编码“{c.Row.Code}”不是 3、5 或 7 位数字", c.View.At(c.Row, 0))));
        yield return new Rule("code.economic.known", Severity.Info, Category, "经济分类科目在科目目录中",
            "《政府收支分类科目》（所用版本见科目目录）；目录外的科目只作提示：多半是目录不全或地方细化，不是文件的错误",
            (rule, context) => Unknown(rule, context, EconomicTables, ClassificationKind.DepartmentEconomic, "部门预算支出经济分类"));
        yield return new Rule("code.economic.name", Severity.Warning, Category, "经济分类科目名称与编码一致",
            "科目名称应与《政府收支分类科目》一致", (rule, context) => Names(rule, context, EconomicTables, ClassificationKind.DepartmentEconomic));
        yield return new Rule("code.economic.parent", Severity.Error, Category, "经济分类款级科目列出其类级科目",
            "支出表按类、款逐级列示", (rule, context) => Parents(rule, context, EconomicTables));
        yield return new Rule("code.economic.kind", Severity.Warning, Category, "人员经费用于工资福利和对个人和家庭的补助，公用经费用于商品和服务",
            "基本支出中人员经费对应经济分类 301、303，公用经费对应 302 等", CheckKinds);
        yield return new Rule("code.project.function", Severity.Error, Category, "项目支出总表中项目的功能分类科目在科目目录中",
            "《政府收支分类科目》", (rule, context) => context.Table("T05") is not { } t05 || context.Budget is not null
                ? []
                : t05.Rows.Where(r => r.FunctionCode is { Length: > 0 } f && context.Catalogue.Find(ClassificationKind.Function, f) is null)
                    .Select(r => rule.Finding($"T05 项目“{r.Name}”的功能分类科目“{r.FunctionCode}”不在科目目录中", new TableView(t05, context.Disclosure.FiscalYear).At(r, 0))));
    }

    private static bool IsValid(string code, int[] lengths) => CodeText.IsDigits(code) && lengths.Contains(code.Length);

    /// <summary>The rows that print a code in the given tables, with the view of their table (to place a finding, if any).</summary>
    private static IEnumerable<(TableView View, TableRow Row)> Codes(RuleContext context, string[] tables)
    {
        foreach (var id in tables)
        {
            if (context.Table(id) is not { } table)
            {
                continue;
            }

            var view = new TableView(table, context.Disclosure.FiscalYear);
            foreach (var row in table.Rows.Where(r => r.Code is not null))
            {
                yield return (view, row);
            }
        }
    }

    /// <summary>
    /// Each printed code the catalogue lacks, once per document at the first row printing it, with the tables that print it.
    /// With the budget's lines at hand the ledger's own finding says it (catalogue.*.unknown).
    /// </summary>
    private static IEnumerable<Finding> Unknown(Rule rule, RuleContext context, string[] tables, ClassificationKind kind, string list) =>
        context.Budget is not null
            ? []
            : Codes(context, tables)
                .Where(c => IsValid(c.Row.Code!, [3, 5, 7]) && context.Catalogue.Find(kind, c.Row.Code!) is null)
                .GroupBy(c => c.Row.Code!, StringComparer.Ordinal)
                .Select(g => rule.Finding($"科目“{g.Key} {TableView.StripOrdinal(g.First().Row.Name)}”不在 Yusuan 的{list}科目目录中（见于 {string.Join("、", g.Select(c => c.View.Id).Distinct())}），未按目录核对其名称和上级", g.First().View.At(g.First().Row, 0)));

    private static IEnumerable<Finding> Names(Rule rule, RuleContext context, string[] tables, ClassificationKind kind)
    {
        foreach (var (view, row) in Codes(context, tables))
        {
            // A name printed as the catalogue has it (as every name Yusuan compiles is) needs no normalising.
            if (context.Catalogue.Find(kind, row.Code!) is { } entry && row.Name != entry.Name
                && Normalise(TableView.StripOrdinal(row.Name)) != Normalise(entry.Name))
            {
                yield return rule.Finding($"{view.Id} 科目 {row.Code} 列示名称“{row.Name}”，科目目录中为“{entry.Name}”", view.At(row, 0));
            }
        }
    }

    /// <summary>Names compared without spaces and with full- and half-width brackets alike.</summary>
    private static string Normalise(string name) =>
        name.Replace(" ", string.Empty, StringComparison.Ordinal).Replace('(', '（').Replace(')', '）');

    private static IEnumerable<Finding> Parents(Rule rule, RuleContext context, string[] tables)
    {
        foreach (var id in tables)
        {
            if (context.Table(id) is not { } table)
            {
                continue;
            }

            var view = new TableView(table, context.Disclosure.FiscalYear);
            var groups = TableSpecifications.Get(id).Shape == TableShape.TwoSided
                ? [table.Rows.Where(r => r.Section == "expenditure").ToList()]
                : view.Blocks().Blocks.Select(b => b.Rows).ToList();
            foreach (var rows in groups)
            {
                var codes = rows.Where(r => r.Code is not null).Select(r => r.Code!).ToHashSet(StringComparer.Ordinal);
                // Economic codes have two national levels (类, 款); a region's 7-digit items under a 款 (西安 3010201 津贴补贴
                // under 301) may be listed without it, so only a 款 needs its 类.
                var lengths = tables == EconomicTables ? new[] { 5 } : [5, 7];
                foreach (var row in rows.Where(r => r.Code is { } c && lengths.Contains(c.Length) && CodeText.IsDigits(c)))
                {
                    var parent = row.Code![..(row.Code!.Length - 2)];
                    if (!codes.Contains(parent))
                    {
                        yield return rule.Finding($"{id} 科目 {row.Code} {row.Name} 没有列出上级科目 {parent}", view.At(row, 0));
                    }
                }
            }
        }
    }

    private static IEnumerable<Finding> CheckKinds(Rule rule, RuleContext context)
    {
        if (context.Table("T04") is not { } t04)
        {
            yield break;
        }

        var view = new TableView(t04, context.Disclosure.FiscalYear);
        var (personnel, operating) = (t04.ColumnIndex("personnel"), t04.ColumnIndex("operating"));
        if (personnel < 0 || operating < 0)
        {
            yield break;
        }

        foreach (var row in t04.Rows.Where(r => r.Code is { Length: 3 }))
        {
            if (row.Code is "301" or "303" && row.Values[operating] != 0)
            {
                yield return rule.Finding($"T04 {row.Code} {row.Name} 列入公用经费 {RuleMessages.N(row.Values[operating])} 万元", view.At(row, operating), 0, row.Values[operating]);
            }

            if (row.Code is "302" && row.Values[personnel] != 0)
            {
                yield return rule.Finding($"T04 {row.Code} {row.Name} 列入人员经费 {RuleMessages.N(row.Values[personnel])} 万元", view.At(row, personnel), 0, row.Values[personnel]);
            }
        }
    }
}
