namespace Yusuan.Core.Tables;

/// <summary>How a template prints a table's function or economic code.</summary>
public enum CodeLayout
{
    /// <summary>One 科目编码 column (2080505), as 深圳 and the 财政部 standard set print it.</summary>
    Joined,

    /// <summary>Three columns 类 | 款 | 项 under one 科目编码 heading (208 | 05 | 05), as 上海 prints it.</summary>
    Split,
}

/// <summary>How a template numbers its text's parts.</summary>
public enum PartNumbering
{
    /// <summary>第一部分 部门概况 (深圳, the 财政部 standard set).</summary>
    Parts,

    /// <summary>一、部门主要职能 (上海).</summary>
    Ordinals,
}

/// <summary>
/// How Yusuan publishes a budget in a template (yusuan build --template NAME): the text's parts under the template's own
/// headings, the tables in the template's order, titles and unit, codes laid out as it lays them out.
/// </summary>
/// <param name="Codes">The code columns of the coded tables.</param>
/// <param name="Titles">The printed title of each table by id (T01 → 部门财务收支预算总表); "{year}" stands for the fiscal year. A table not named keeps its specification's title.</param>
/// <param name="Parts">The text's parts, in order, each gathering parts of Yusuan's own nine (<see cref="Compile.TableTitles.Parts"/>); empty: the nine as they are.</param>
/// <param name="TablesHeading">The heading over the tables (部门预算表), numbered as a part of the text.</param>
/// <param name="TablesAfter">How many of <paramref name="Parts"/> come before the tables (上海: three, then 四、部门预算表, then 五、其他相关情况说明).</param>
/// <param name="Numbering">How the parts and the tables' heading are numbered.</param>
public sealed record TemplatePublishing(CodeLayout Codes, IReadOnlyDictionary<string, string> Titles, IReadOnlyList<PublishedPart> Parts, string TablesHeading, int TablesAfter, PartNumbering Numbering)
{
    /// <summary>The printed title of table <paramref name="id"/> for fiscal year <paramref name="year"/>, or null where the template names none.</summary>
    public string? Title(string id, int year) =>
        Titles.TryGetValue(id, out var title) ? title.Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) : null;
}

/// <summary>One part of a published text: its heading, and the parts of Yusuan's own nine it is made of (1 … 9).</summary>
public sealed record PublishedPart(string Title, IReadOnlyList<int> From);
