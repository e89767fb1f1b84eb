using System.Globalization;
using Yusuan.Core.Model;

namespace Yusuan.Core;

/// <summary>Every user-facing message, in Chinese, in one place.</summary>
public static class Messages
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static string FunctionCodeMalformed(string text) => $"功能分类科目编码“{text}”格式不正确：应为 3、5 或 7 位数字";

    public static string EconomicCodeMalformed(string text) => $"部门经济分类科目编码“{text}”格式不正确：应为 3 或 5 位数字";

    public static string GovernmentEconomicCodeMalformed(string text) => $"政府经济分类科目编码“{text}”格式不正确：应为 3 或 5 位数字";

    public static string NotOneOf(string text, IEnumerable<string> allowed) =>
        $"“{text}”不是可接受的取值（可选：{string.Join("、", allowed)}）";

    public static string AmountMissing => "金额为空";

    public static string AmountMalformed(string text) => $"金额“{text}”不是数字";

    public static string AmountTooPrecise(string text) => $"金额“{text}”超过两位小数（单位：元）";

    public static string ValueMissing => "必填项为空";

    public static string ColumnMissing(string column) => $"缺少必需的列“{column}”";

    public static string ColumnDuplicated(string column, int first) => $"列“{column}”重复（第 {first} 列已是该列）";

    public static string ColumnUnknown(string column) => $"无法识别的列“{column}”";

    public static string FileEmpty => "文件为空：没有表头";

    public static string FileHasNoLines => "文件只有表头，没有预算明细行";

    public static string FileMissing => "文件不存在";

    public static string LedgerMissing => "数据集中没有 ledger.csv 或 ledger.xlsx";

    public static string LedgerChangedAfterCheck(string problem) => $"预算明细文件在检查之后被改动，已停止：{problem}";

    public static string NotUtf8OrGb18030 => "文件既不是 UTF-8 也不是 GB18030 编码，无法读取";

    public static string RowWidth(int expected, int actual) => $"本行有 {actual} 个字段，表头有 {expected} 个";

    public static string UnclosedQuote => "引号未闭合";

    public static string NotAWorkbook(string reason) => $"不是有效的 XLSX 工作簿：{reason}";

    public static string WorkbookHasNoSheet => "工作簿中没有工作表";

    public static string YamlInvalid(string reason) => $"YAML 格式错误：{reason}";

    public static string YamlFieldInvalid(string field, string reason) => $"字段“{field}”：{reason}";

    public static string ProcurementExceedsAmount => "政府采购金额大于本行金额";

    public static string SmeExceedsProcurement => "面向中小企业金额大于政府采购金额";

    public static string MicroExceedsSme => "面向小微企业金额大于面向中小企业金额";

    public static string NegativeNotAllowed => "金额不能为负数";

    public static string ProcurementTypeMissing => "有政府采购金额但未填写采购类型";

    public static string ProjectMissing => "项目支出必须填写项目编码和项目名称";

    public static string UnknownFunctionCode(string code) => $"功能分类科目“{code}”不在科目目录中";

    public static string FunctionCodeLevel(string code) => $"功能分类科目“{code}”不是“项”级（7 位）科目，预算明细应填到项级";

    public static string UnknownEconomicCode(string code) => $"部门经济分类科目“{code}”不在科目目录中";

    public static string EconomicCodeLevel(string code) => $"部门经济分类科目“{code}”不是“款”级（5 位）科目，预算明细应填到款级";

    public static string UnknownGovernmentEconomicCode(string code) => $"政府经济分类科目“{code}”不在科目目录中";

    public static string CrosswalkMismatch(string dept, string gov) => $"部门经济分类“{dept}”与政府经济分类“{gov}”不对应（对照表中没有这一组合）";

    public static string EconomicKindMismatch(string economic, string kind) => $"部门经济分类“{economic}”不属于{kind}（人员经费对应 301、303，公用经费对应 302）";

    public static string UnknownAgency(string code) => $"预算单位“{code}”不在 profile.yaml 的单位列表中";

    public static string FiscalYearMismatch(int line, int profile) => $"预算年度 {line} 与部门概况（profile.yaml）的预算年度 {profile} 不一致";

    public static string TaskProjectUnknown(string task, string project) => $"绩效目标表任务“{task}”引用的项目“{project}”在预算明细中没有金额";

    public static string RoundingUnaligned(string table, string row, string column, decimal truth, decimal printed) =>
        string.Create(Zh, $"受控舍入无法同时满足所有约束：{table} {row} {column} 真实值 {truth:0.####}，列示 {printed:0.##}，相差超过 1 个单位");

    public static string UnknownCodeName => "（未知科目）";

    public static string EmptyTableNote => "本表本年无发生额。";

    public static string AgencyOfNoDepartment(string agency) => $"单位编码“{agency}”不属于 departments/ 中任何部门的 agencies";

    public static string AgencyInTwoDepartments(string agency, string first, string second) => $"单位编码“{agency}”同时列在部门 {first} 和 {second} 中";

    public static string DepartmentInTwoFiles(string department, string first) => $"部门编码“{department}”已在 {first} 中使用，一个部门只能有一份 profile";

    public static string NoDepartments => "departments/ 中没有部门 profile（*.yaml）";

    public static string YearDiffers(int year, int first) => $"年度为 {year}，与其他部门的 {first} 不同";

    public static string RecordTooLarge(int maxField, int maxFields) => $"这一行的单元格超过 {maxField} 个字符或多于 {maxFields} 列，文件已损坏或不是预算明细，停止读取";

    public static string RecordTooLong(int maxField, int maxFields, int maxRecord) => $"这一行的单元格超过 {maxField} 个字符、多于 {maxFields} 列或整条记录超过 {maxRecord} 个字符，文件已损坏或不是预算明细，停止读取";

    public static string ZipTooLarge(string reason) => $"工作簿解压后过大或压缩比异常（{reason}），可能是“压缩炸弹”，未读取";

    public static string XmlRefused(string reason) => $"工作簿中的 XML 无法安全读取（{reason}），未读取";

    public static string YamlTooDeep(int depth) => $"嵌套超过 {depth} 层，文件已损坏或不是 Yusuan 的配置，未读取";

    public static string YamlTooManyAliases(int aliases) => $"别名（*引用）多于 {aliases} 个，可能是“引用炸弹”，未读取";

    public static string FileTooLarge(long bytes) => $"文件超过 {bytes / 1024 / 1024} MB，不是 Yusuan 的配置文件，未读取";

    // Files of JSON, and rounding against a previous version (rounding.json, yusuan.rounding/1).
    public static string JsonEmpty(string schema) => $"文件为空或不是 JSON，应为 {schema}";

    public static string JsonInvalid(string schema, string? path) =>
        $"不是有效的 {schema} JSON（{(string.IsNullOrEmpty(path) || path == "$" ? "语法错误" : $"字段 {path} 的值不合要求")}）";

    public static string AtByte(long position) => $"第 {position} 字节";

    public static string SchemaIs(string found, string expected) => $"schema 为“{found}”，应为“{expected}”";

    public static string TableWithoutColumnsOrValues => "表格缺少 columns 或某行缺少 values";

    public static string FileUnreadable => "文件无法读取（没有读取权限，或被其他程序占用）";

    public static string FileHoldsNothing => "文件为空";

    public static string FieldMissing(string field) => $"缺少 {field}";

    public static string DepartmentCodeMissing => "缺少部门编码";

    public static string KeyRepeated(string key) => $"key“{key}”重复";

    public static string PrintedNotWhole(decimal printed) => $"printed 为 {printed}，应为整数个显示单位";

    public static string RoundingNotInFolder => "目录中没有 rounding.json（上一版须用 yusuan build 以受控舍入编制，或用 yusuan check --keep-rounding 保存）";

    public static string DepartmentCodeNotAFileName => "部门编码含有不能作文件名的字符，舍入结果未保存";

    public static string RoundingNotWritten => "无法写入舍入结果（目录不存在且无法建立、是一个文件，或没有写入权限）";

    public static string RoundingOfAnotherBudget(string department, int year, string ofDataset, int datasetYear) =>
        $"上一版是部门 {department} 的 {year} 年预算，不是本数据集（部门 {ofDataset}，{datasetYear} 年）的";
}
