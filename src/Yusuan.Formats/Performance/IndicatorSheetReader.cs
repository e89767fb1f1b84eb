using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Formats.Ledger;

namespace Yusuan.Formats.Performance;

/// <summary>
/// Reads indicators from a workbook in the usual 绩效目标申报表 shape: columns 一级指标 / 二级指标 / 三级指标 / 指标值 (or 目标值),
/// with merged 一级 and 二级 cells — a blank cell takes the value above it. The header may sit below a title.
/// </summary>
public static class IndicatorSheetReader
{
    public static (IReadOnlyList<Indicator>? Indicators, IReadOnlyList<InputProblem> Problems) Read(string path)
    {
        var name = Path.GetFileName(path);
        var problems = new List<InputProblem>();
        var rows = new XlsxRowSource(() => File.OpenRead(path), name).Rows(problems).ToList();
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var headerAt = rows.FindIndex(r => r.Fields.Any(f => f.Trim() == "三级指标"));
        if (headerAt < 0)
        {
            return (null, [new InputProblem(name, null, "三级指标", "找不到表头：应有 一级指标、二级指标、三级指标、指标值 四列")]);
        }

        var header = rows[headerAt].Fields.Select(f => f.Trim()).ToList();
        int Column(params string[] titles) => header.FindIndex(h => titles.Contains(h, StringComparer.Ordinal));
        var columns = new[] { ("一级指标", Column("一级指标")), ("二级指标", Column("二级指标")), ("三级指标", Column("三级指标")), ("指标值", Column("指标值", "目标值", "年度指标值")) };
        foreach (var (title, at) in columns.Where(c => c.Item2 < 0))
        {
            problems.Add(new InputProblem(name, rows[headerAt].Number, title, Core.Messages.ColumnMissing(title)));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var indicators = new List<Indicator>();
        string level1 = string.Empty, level2 = string.Empty;
        foreach (var row in rows.Skip(headerAt + 1))
        {
            string Cell(int i) => i < row.Fields.Count ? row.Fields[i].Trim() : string.Empty;
            level1 = Cell(columns[0].Item2) is { Length: > 0 } l1 ? l1 : level1;
            var l2 = Cell(columns[1].Item2);
            level2 = l2.Length > 0 ? l2 : level2;
            var indicator = Cell(columns[2].Item2);
            var target = Cell(columns[3].Item2);
            if (indicator.Length == 0 && target.Length == 0)
            {
                continue;
            }

            if (indicator.Length == 0 || target.Length == 0)
            {
                problems.Add(new InputProblem(name, row.Number, indicator.Length == 0 ? "三级指标" : "指标值", Core.Messages.ValueMissing));
                continue;
            }

            if (level1.Length == 0 || level2.Length == 0)
            {
                problems.Add(new InputProblem(name, row.Number, level1.Length == 0 ? "一级指标" : "二级指标", Core.Messages.ValueMissing));
                continue;
            }

            indicators.Add(new Indicator(level1, level2, indicator, target));
        }

        return problems.Count > 0 ? (null, problems) : (indicators, problems);
    }
}
