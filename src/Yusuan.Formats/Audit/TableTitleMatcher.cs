namespace Yusuan.Formats.Audit;

/// <summary>
/// Recognises a table by its printed title, whatever the city calls it: 收支总表, 部门收支总体情况表, 财务收支预算总表 … all mean
/// T01. The titles are the table specifications' (Core); <see cref="Normalise"/> compares lines without spaces, quotes made alike.
/// </summary>
public static class TableTitleMatcher
{
    public static string Normalise(string text) => text
        .Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal)
        .Replace('“', '"').Replace('”', '"').Replace('（', '(').Replace('）', ')');

    /// <summary>The standard id of a line that is a table title, or null (<see cref="Core.Tables.TableSpecifications.Identify"/>).</summary>
    public static string? Match(string line) => Core.Tables.TableSpecifications.Identify(line);
}
