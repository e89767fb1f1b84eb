namespace Yusuan.Formats.Audit;

/// <summary>
/// Recognises a table by its printed title, whatever the city calls it: 收支总表, 部门收支总表, 财务收支预算总表 … all mean T01.
/// Titles are compared without spaces, with quotes and brackets made alike; the more specific titles are tried first.
/// </summary>
public static class TableTitleMatcher
{
    private static readonly (string Id, string[] Titles)[] Known =
    [
        ("T12", ["整体支出绩效目标表", "部门整体支出绩效目标表"]),
        ("T09", ["\"三公\"经费支出表", "三公经费支出表", "\"三公\"经费预算表"]),
        ("T08", ["一般公共预算支出表(按经济分类)", "一般公共预算基本支出表(按经济分类)", "一般公共预算支出经济分类表"]),
        ("T07", ["一般公共预算支出表(按功能分类)", "一般公共预算支出表", "一般公共预算支出预算表", "一般公共预算支出功能分类表"]),
        ("T06", ["政府预算拨款收支总表", "财政拨款收支总表", "财政拨款收支预算总表"]),
        ("T10", ["政府性基金预算支出表", "政府性基金支出表"]),
        ("T11", ["国有资本经营预算支出表"]),
        ("T04", ["基本支出总表", "基本支出预算表"]),
        ("T05", ["项目支出总表", "项目支出预算表"]),
        ("T01", ["收支总表", "部门收支总表", "财务收支预算总表", "部门财务收支预算总表", "收支预算总表"]),
        ("T02", ["收入总表", "部门收入总表", "收入预算总表"]),
        ("T03", ["支出总表", "部门支出总表", "支出预算总表"]),
    ];

    public static string Normalise(string text) => text
        .Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal)
        .Replace('“', '"').Replace('”', '"').Replace('（', '(').Replace('）', ')');

    /// <summary>The standard id of a line that is a table title, or null. A title line is short and ends with the title.</summary>
    public static string? Match(string line)
    {
        var text = Normalise(line).Replace("(续表)", string.Empty, StringComparison.Ordinal).Replace("续表", string.Empty, StringComparison.Ordinal);
        if (text.Length is 0 or > 40 || text.Contains("说明", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var (id, titles) in Known)
        {
            if (titles.Any(t => text.EndsWith(Normalise(t), StringComparison.Ordinal) && (text.Length - t.Length <= 20)))
            {
                return id;
            }
        }

        return null;
    }
}
