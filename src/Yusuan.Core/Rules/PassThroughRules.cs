using Yusuan.Core.Findings;

namespace Yusuan.Core.Rules;

/// <summary>
/// Rules whose findings arise while reading and compiling the lines (one streaming pass): the catalogue declares them, so they can be
/// listed, switched off or re-graded like any other rule; checking just reports what compiling found.
/// </summary>
internal static class PassThroughRules
{
    public static IEnumerable<Rule> All()
    {
        yield return Line("catalogue.function.unknown", Severity.Error, "classification", "预算明细的功能分类科目在科目目录中", "《政府收支分类科目》（所用版本见科目目录）");
        yield return Line("catalogue.function.level", Severity.Error, "classification", "预算明细的功能分类科目到项级", "部门预算按功能分类项级编制");
        yield return Line("catalogue.economic.unknown", Severity.Error, "classification", "预算明细的经济分类科目在科目目录中", "《政府收支分类科目》（所用版本见科目目录）");
        yield return Line("catalogue.economic.level", Severity.Error, "classification", "预算明细的经济分类科目到款级", "部门预算按经济分类款级编制");
        yield return Line("catalogue.economic.kind", Severity.Warning, "classification", "预算明细的经济分类与支出类型相符", "人员经费对应 301、303，公用经费对应 302 等");
        yield return Line("catalogue.government-economic.unknown", Severity.Error, "classification", "预算明细的政府经济分类科目在科目目录中", "《政府收支分类科目》");
        yield return Line("catalogue.crosswalk.mismatch", Severity.Warning, "classification", "政府经济分类与部门经济分类对应", "政府预算支出经济分类与部门预算支出经济分类对照表");
        yield return Line("ledger.agency.unknown", Severity.Error, "input", "预算明细的单位属于本部门", "部门预算汇总其所属单位的预算");
        yield return Line("ledger.column.ignored", Severity.Warning, "input", "预算明细中无法识别的列被忽略", "预算管理一体化数据元素");
        yield return Line("performance.task.project-unknown", Severity.Warning, "performance", "绩效目标任务引用的项目有预算", "整体支出绩效目标与预算明细一致");
        yield return Line("audit.document.unreadable", Severity.Error, "input", "被审计的文件可以读取", "损坏、加密、无文字层（扫描件）或不支持格式的文件逐个报告，不中断批量审计");
        yield return Line("render.pdf.readback", Severity.Error, "render", "PDF 读回的每个数字与 disclosure.json 一致", "公开文件中的数字必须与数据一致：渲染后用 PdfPig 读回核对");
        yield return Line("render.xlsx.readback", Severity.Error, "render", "XLSX 读回的每个数字与 disclosure.json 一致", "公开文件中的数字必须与数据一致：渲染后读回工作簿核对");
        yield return Line("render.font.missing-glyph", Severity.Warning, "render", "PDF 字体包含文中的每个字符", "缺字会显示为空框，须提示而不能悄悄漏掉");
        yield return Line("rounding.controlled.unaligned", Severity.Info, "rounding", "受控舍入无法让每个数都在 1 个单位以内时的说明", "DESIGN.md：受控舍入");
    }

    private static Rule Line(string id, Severity severity, string category, string title, string policy) =>
        new(id, severity, category, title, policy, (rule, context) =>
            (context.Budget?.Findings ?? []).Concat(context.InputFindings).Where(f => f.Rule == rule.Id));
}
