using System.Text.RegularExpressions;
using Yusuan.Core.Compile;
using Yusuan.Core.Disclosures;

namespace Yusuan.Core.Tables;

/// <summary>
/// The set of parts and tables a kind of published budget is made of: a budget is judged complete against its own
/// template, never against another region's (a 财政部 standard set has no 项目支出总表 to miss). Built-in templates are
/// data (regions/templates/*.yaml, schema yusuan.template/1); a region adds its own the same way.
/// </summary>
/// <param name="Name">Stable name (shenzhen, standard, shanghai, beijing), as written in the audit output.</param>
/// <param name="Title">The template as a reader names it (深圳市部门预算（九个部分、十二张表）).</param>
/// <param name="Tables">The standard tables (T01 …) a document of this template must print, in its order.</param>
/// <param name="Parts">The numbered text parts it must have (第一部分 …), by title; empty where the template numbers none.</param>
public sealed record DocumentTemplate(string Name, string Title, IReadOnlyList<string> Tables, IReadOnlyList<string> Parts)
{
    /// <summary>Tables a document of the template may print but need not (深圳 2026 publishes no 整体支出绩效目标表).</summary>
    public IReadOnlyList<string> Optional { get; init; } = [];

    /// <summary>The unit its tables are printed in (万元 or 元), or null where documents differ.</summary>
    public string? Unit { get; init; }

    /// <summary>How a published document is recognised as following the template; null: only when named (--region).</summary>
    public TemplateDetection? Detection { get; init; }

    /// <summary>How Yusuan publishes a budget in this template (yusuan build --template); null: the seed's layout.</summary>
    public TemplatePublishing? Publishing { get; init; }
}

/// <summary>
/// What a document of a template shows of it: one of the conditions given is enough (上海: a cover "上海市 2026 年市级单位
/// 预算", or a table titled …财务收支预算总表). Templates are tried from the highest <see cref="Priority"/> down, and the
/// first that fits is the document's.
/// </summary>
public sealed record TemplateDetection
{
    /// <summary>Higher is tried first; the fallback (财政部 standard set) has the lowest.</summary>
    public int Priority { get; init; }

    /// <summary>At least this many of the template's <see cref="DocumentTemplate.Parts"/> are named in the 目录; 0: not asked.</summary>
    public int Parts { get; init; }

    /// <summary>Patterns, one of which matches the cover's text (its first lines, spaces removed); empty: not asked.</summary>
    public IReadOnlyList<string> Cover { get; init; } = [];

    /// <summary>Words, one of which a printed table's title contains (财务收支预算总表); empty: not asked.</summary>
    public IReadOnlyList<string> TableTitles { get; init; } = [];

    /// <summary>Patterns, one of which matches a printed table's label (预算01表); empty: not asked.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
}

/// <summary>The template Yusuan's own budgets follow, and which template a published document follows.</summary>
public static class DocumentTemplates
{
    /// <summary>The seed's (深圳市 2023 部门预算), which Yusuan compiles: nine text parts, the twelve tables in 万元.</summary>
    public static DocumentTemplate Shenzhen { get; } = new("shenzhen", "深圳市部门预算（九个部分、十二张表）", [.. TableSpecifications.All.Select(t => t.Id)], TableTitles.Parts) { Unit = "万元" };

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The template among <paramref name="templates"/> a published document follows, read from the document itself: its 目录's
    /// part titles, its cover, its tables' titles and labels (<see cref="TemplateDetection"/>); null where none fits.
    /// </summary>
    /// <param name="cover">The cover's text, spaces removed.</param>
    public static DocumentTemplate? Detect(IEnumerable<DocumentTemplate> templates, Disclosure disclosure, string cover)
    {
        var named = disclosure.Contents.Where(c => c.Part is not null).Select(c => Comparable(c.Title)).ToHashSet(StringComparer.Ordinal);
        return templates.Where(t => t.Detection is not null).OrderByDescending(t => t.Detection!.Priority).FirstOrDefault(t => Fits(t, t.Detection!, disclosure, named, cover));
    }

    private static bool Fits(DocumentTemplate template, TemplateDetection detection, Disclosure disclosure, HashSet<string> namedParts, string cover) =>
        (detection.Parts > 0 && template.Parts.Select(Comparable).Count(namedParts.Contains) >= detection.Parts)
        || detection.Cover.Any(p => Matches(cover, p))
        || disclosure.Tables.Any(t => detection.TableTitles.Any(w => Comparable(t.Title).Contains(w, StringComparison.Ordinal)))
        || disclosure.Tables.Any(t => t.Label is { } label && detection.Labels.Any(p => Matches(label, p)));

    /// <summary>Whether a template's pattern matches; a pattern that takes too long on some text does not.</summary>
    public static bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>A title without spaces, quotes and the punctuation a 目录 prints around it.</summary>
    public static string Comparable(string title) =>
        new(title.Where(c => !char.IsWhiteSpace(c) && c is not ('“' or '”' or '"' or '：' or ':' or '、' or '.')).ToArray());
}
