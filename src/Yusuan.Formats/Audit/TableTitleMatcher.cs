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

    /// <summary>
    /// The standard budget table a 决算 table mirrors, by its title (财政部's 部门决算 set): 收入支出决算总表 is the 收支总表
    /// (T01), 收入决算表 the 收入总表, 支出决算表 the 支出总表, 财政拨款收入支出决算总表 the 财政拨款收支总表, 一般公共预算财政拨款
    /// 支出决算表 the 一般公共预算支出表, 财政拨款"三公"经费支出决算表 the "三公" table, 国有资本经营预算财政拨款支出决算表 the
    /// 国有资本经营预算支出表; null for any other line. The same sums hold in both. Not mirrored: the 基本支出决算表, printed as
    /// two lists side by side (人员经费 | 公用经费), and a table whose columns differ from its budget twin (政府性基金's 年初结转和
    /// 结余 … 年末结转和结余), which is kept under its title and not judged.
    /// </summary>
    public static string? MatchFinal(string line)
    {
        var text = Normalise(line);
        if (!text.Contains("决算", StringComparison.Ordinal) || text.Contains("说明", StringComparison.Ordinal) || text.Contains("基本支出", StringComparison.Ordinal)
            || text.Contains("政府性基金", StringComparison.Ordinal) || text.Contains("项目支出", StringComparison.Ordinal))
        {
            return null;
        }

        text = text.Replace("决算", string.Empty, StringComparison.Ordinal)
            .Replace("收入支出总表", "收支总表", StringComparison.Ordinal)
            .Replace("收入支出表", "收支总表", StringComparison.Ordinal)
            .Replace("一般公共预算财政拨款", "一般公共预算", StringComparison.Ordinal)
            .Replace("国有资本经营预算财政拨款", "国有资本经营预算", StringComparison.Ordinal);
        var plain = !text.Contains("预算", StringComparison.Ordinal) && !text.Contains("三公", StringComparison.Ordinal) && !text.Contains("财政拨款", StringComparison.Ordinal);
        text = plain && text.EndsWith("收入表", StringComparison.Ordinal) ? text[..^3] + "收入总表"
            : plain && text.EndsWith("支出表", StringComparison.Ordinal) && !text.Contains("收入", StringComparison.Ordinal) ? text[..^3] + "支出总表"
            : text;
        return Core.Tables.TableSpecifications.Identify(text);
    }
}
