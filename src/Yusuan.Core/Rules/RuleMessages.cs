using System.Globalization;

namespace Yusuan.Core.Rules;

/// <summary>The Chinese messages of the rule catalogue; each shows the figures it compares.</summary>
public static class RuleMessages
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>A figure as stated, with the decimals it was stated with (下降4.00% stays 4.00).</summary>
    public static string N(decimal value, int decimals) =>
        decimals <= 0 ? N(value) : decimal.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,##0." + new string('0', decimals), Zh);

    public static string N(decimal value) => (value / 1.000000000000000000000000000000000m).ToString("#,##0.####", Zh);

    /// <summary>A text part as a reader finds it: 第三部分; text outside the numbered parts (part 0) is the 文字说明.</summary>
    public static string Part(int part) => part > 0 ? $"第{Narrative.Wording.ChineseCount(part)}部分" : "文字说明";

    public static string SumMismatch(string what, decimal printed, decimal sum) => $"{what}：列示 {N(printed)}，各分项之和 {N(sum)}，相差 {N(printed - sum)}";

    public static string RoundingDifference(string what, decimal printed, decimal sum) =>
        $"{what}：列示 {N(printed)}，各分项之和 {N(sum)}，相差 {N(printed - sum)}，在四舍五入允许范围内（尾数误差）";

    public static string FigureMismatch(string what, decimal actual, decimal expected) => $"{what}：列示 {N(actual)}，应为 {N(expected)}，相差 {N(actual - expected)}";

    public static string TableMissing(string id, string title) => $"缺少{id}“{title}”";

    public static string Unchecked(string printed, string id, string title) => $"“{printed}”按标题是{id}“{title}”，但有栏目未能识别，未按该表的规则核对";

    public const string TablesOnly = "本文件是部门预算的报表附件，说明另附：文字部分未在本文件中核对，请一并审计说明附件";

    public const string ExplanationOnly = "本文件是部门预算的说明附件，报表另附：表格及目录所列表格未在本文件中核对，请一并审计报表附件";

    public static string ListedButMissing(string title) => $"目录列出了“{title}”，但正文中没有该表";

    public static string PresentButUnlisted(string title) => $"正文中有“{title}”，但目录没有列出";

    public static string EmptyWithoutStatement(string title) => $"“{title}”没有数据，但未注明“本表本年无发生额”";

    public static string PartMissing(int part, string title) => $"缺少第{Narrative.Wording.ChineseCount(part)}部分“{title}”";

    public static string Missing(string what) => $"未说明{what}";
}
