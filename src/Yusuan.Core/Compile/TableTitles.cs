namespace Yusuan.Core.Compile;

/// <summary>The twelve standard tables (ids and the titles the seed prints, from <see cref="Tables.TableSpecifications"/>) and the nine text parts.</summary>
public static class TableTitles
{
    public static IReadOnlyList<(string Id, string Title)> All { get; } = Tables.TableSpecifications.All.Select(t => (t.Id, t.Title)).ToList();

    /// <summary>The nine text parts, in order.</summary>
    public static IReadOnlyList<string> Parts { get; } =
    [
        "部门概况",
        "部门预算收支总体情况",
        "部门预算支出具体情况",
        "政府采购预算情况",
        "一般公共预算“三公”经费预算情况",
        "部门预算绩效管理情况",
        "重点项目预算绩效情况说明",
        "其他需要说明情况",
        "名词解释",
    ];

    public static string Title(string id) => All.First(t => t.Id == id).Title;

    /// <summary>一、二、… for the 类 rows of the two-sided tables (T01, T06), as the seed numbers them.</summary>
    public static string ChineseOrdinal(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        if (n < 10)
        {
            return digits[n];
        }

        if (n < 20)
        {
            return "十" + (n % 10 == 0 ? string.Empty : digits[n % 10]);
        }

        return n < 100 ? digits[n / 10] + "十" + (n % 10 == 0 ? string.Empty : digits[n % 10]) : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
