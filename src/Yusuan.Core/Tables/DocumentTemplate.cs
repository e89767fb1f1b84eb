using Yusuan.Core.Compile;
using Yusuan.Core.Disclosures;

namespace Yusuan.Core.Tables;

/// <summary>
/// The set of parts and tables a kind of published budget is made of: a budget is judged complete against its own
/// template, never against another region's (a 财政部 standard set has no 项目支出总表 to miss).
/// </summary>
/// <param name="Name">Stable name (shenzhen, standard), as written in the audit output.</param>
/// <param name="Title">The template as a reader names it.</param>
/// <param name="Tables">The standard tables (T01 …) a document of this template must print, in its order.</param>
/// <param name="Parts">The numbered text parts it must have (第一部分 …), by title; empty where the template numbers none.</param>
public sealed record DocumentTemplate(string Name, string Title, IReadOnlyList<string> Tables, IReadOnlyList<string> Parts);

/// <summary>The built-in templates, and which one a published document follows.</summary>
public static class DocumentTemplates
{
    /// <summary>The seed's (深圳市 2023 部门预算): nine text parts, the twelve tables in 万元.</summary>
    public static DocumentTemplate Shenzhen { get; } = new("shenzhen", "深圳市部门预算（九个部分、十二张表）", [.. TableSpecifications.All.Select(t => t.Id)], TableTitles.Parts);

    /// <summary>
    /// The 财政部 standard set most provinces follow (部门预算公开参考样表): 收支总表, 收入总表, 支出总表, 财政拨款收支总表,
    /// 一般公共预算支出表, 一般公共预算基本支出表, 一般公共预算"三公"经费支出表, 政府性基金预算支出表. Regions add
    /// 国有资本经营预算支出表, 政府采购 and 绩效 tables at will, so those are not required; the text's parts are numbered
    /// each region its own way, so none is required by number.
    /// </summary>
    public static DocumentTemplate Standard { get; } = new("standard", "财政部部门预算公开样表（八张表）", ["T01", "T02", "T03", "T06", "T07", "T08", "T09", "T10"], []);

    public static IReadOnlyList<DocumentTemplate> BuiltIn { get; } = [Shenzhen, Standard];

    /// <summary>A built-in template by name, or null.</summary>
    public static DocumentTemplate? Find(string? name) => BuiltIn.FirstOrDefault(t => t.Name == name);

    /// <summary>
    /// The template a published document follows, read from the document itself: the seed's where its 目录 names at least
    /// five of the seed's nine parts by their titles (部门概况, 部门预算收支总体情况 … 名词解释; 深圳's budgets name eight or
    /// nine, 西安's and 烟台's, numbered in parts of their own, two), otherwise the 财政部 standard set. Table titles do not
    /// tell: most regions print ten or more of the twelve tables under the standard set's titles.
    /// </summary>
    public static DocumentTemplate Detect(Disclosure disclosure)
    {
        var seedParts = Shenzhen.Parts.Select(Comparable).ToHashSet(StringComparer.Ordinal);
        var named = disclosure.Contents.Where(c => c.Part is not null).Select(c => Comparable(c.Title)).Where(seedParts.Contains).Distinct().Count();
        return named >= 5 ? Shenzhen : Standard;
    }

    /// <summary>A part's title without spaces, quotes and the punctuation a 目录 prints around it.</summary>
    private static string Comparable(string title) =>
        new(title.Where(c => !char.IsWhiteSpace(c) && c is not ('“' or '”' or '"' or '：' or ':' or '、' or '.')).ToArray());

    /// <summary>The template a disclosure is judged against: the one it names, else the seed's (Yusuan's own budgets).</summary>
    public static DocumentTemplate Of(Disclosure disclosure) => Find(disclosure.Template) ?? Shenzhen;
}
