namespace Yusuan.Core.Compile;

/// <summary>The twelve standard tables: stable ids and the titles the seed prints.</summary>
public static class TableTitles
{
    public static IReadOnlyList<(string Id, string Title)> All { get; } =
    [
        ("T01", "收支总表"),
        ("T02", "收入总表"),
        ("T03", "支出总表"),
        ("T04", "基本支出总表"),
        ("T05", "项目支出总表"),
        ("T06", "政府预算拨款收支总表"),
        ("T07", "一般公共预算支出表（按功能分类）"),
        ("T08", "一般公共预算支出表（按经济分类）"),
        ("T09", "一般公共预算“三公”经费支出表"),
        ("T10", "政府性基金预算支出表"),
        ("T11", "国有资本经营预算支出表"),
        ("T12", "部门（单位）整体支出绩效目标表"),
    ];

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
