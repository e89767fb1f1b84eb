namespace Yusuan.Core.Narrative;

/// <summary>
/// The subjects of the figures the text states. The composer writes them and the extractor of published documents reads them;
/// the text rules find figures by them, so a rule never depends on who wrote the sentence.
/// </summary>
public static class Subjects
{
    public const string Income = "部门预算收入";
    public const string Expenditure = "部门预算支出";
    public const string Change = "比上年增减";
    public const string ChangePercent = "增减幅度";
    public const string Reason = "增减原因";
    public const string BudgetTotal = "部门预算";
    public const string Personnel = "人员支出";
    public const string Operating = "公用支出";
    public const string Households = "对个人和家庭的补助支出";
    public const string Project = "项目支出";
    public const string CategoryPrefix = "项目类别：";
    public const string ProjectPrefix = "项目：";
    public const string Procurement = "政府采购预算";
    public const string Goods = "货物采购";
    public const string Works = "工程采购";
    public const string Services = "服务采购";
    public const string OfficialTotal = "“三公”经费预算";
    public const string OfficialAbroad = "因公出国（境）费";
    public const string OfficialReception = "公务接待费";
    public const string OfficialVehicle = "公务用车购置和运行维护费";
    public const string OfficialVehiclePurchase = "公务用车购置费";
    public const string OfficialVehicleOperation = "公务用车运行维护费";
    public const string PerformanceAmount = "绩效管理项目预算资金";
    public const string PerformanceGoals = "项目绩效目标个数";
    public const string OperatingExpense = "机关运行经费";
    public const string Vehicles = "车辆";
    public const string GeneralEquipment = "单价 50 万元以上通用设备";
    public const string SpecialEquipment = "单价 100 万元以上专用设备";
    public const string AdministrativeQuota = "行政编制数";
    public const string InstitutionQuota = "事业编制数";

    /// <summary>An amount the text compares with (2025年当年预算执行数为1690.69万元; 年初预算为10210.34万元).</summary>
    public const string Compared = "比较基数";

    /// <summary>The amount compared (2026年预算安排1434.89万元; 支出决算为9746.50万元).</summary>
    public const string ComparedWith = "比较数";

    /// <summary>The stated rate of change between the two, signed by its wording (减少1.10% is −1.10).</summary>
    public const string StatedRate = "所述增减率";

    /// <summary>The stated share of the first in the second (完成年初预算的95.45%).</summary>
    public const string StatedCompletion = "所述完成率";

    /// <summary>
    /// An amount the text compares with last year's by a change and its rate (…9,628.22万元，比2025年预算增加793.14万元，增长
    /// 8.98%): the rate is checked against the change and the amount, whatever the amount is of.
    /// </summary>
    public const string ChangedAmount = "所述金额";

    /// <summary>A 功能分类 item's amount as its heading states it (行政运行（01项）1434.89万元); refers to the code (function:2040601).</summary>
    public const string ItemAmount = "科目金额";

    public static bool IsCategory(string subject) => subject.StartsWith(CategoryPrefix, StringComparison.Ordinal);

    public static bool IsProject(string subject) => subject.StartsWith(ProjectPrefix, StringComparison.Ordinal);
}
