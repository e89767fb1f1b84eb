using System.Globalization;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Performance;
using Yusuan.Core.Text;
using Yusuan.Formats.Text;

namespace Yusuan.Formats.Performance;

/// <summary>
/// Reads actual values recorded at a date (CSV or XLSX: indicator, actual, as_of; '#' lines first are comments, such as the note that
/// the sample's actuals are invented). The row 预算执行 holds the budget spent so far in 万元. Every problem is reported with
/// its row and column; indicators the plan does not have are refused.
/// </summary>
public static class ActualsReader
{
    public const string Execution = "预算执行";

    public static (ActualsSheet? Sheet, IReadOnlyList<InputProblem> Problems) Read(string path, PerformancePlan plan, DateOnly? asOf = null)
    {
        var name = Path.GetFileName(path);
        var problems = new List<InputProblem>();
        if (!File.Exists(path))
        {
            return (null, [new InputProblem(name, null, null, Core.Messages.FileMissing)]);
        }

        List<CsvRecord> records;
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            // A workbook: the first sheet, rows as records; a first row starting with # is the note, as in the CSV.
            var rows = new Ledger.XlsxRowSource(() => File.OpenRead(path), name).Rows(problems).ToList();
            if (problems.Count > 0)
            {
                return (null, problems);
            }

            records = rows.SkipWhile(r => r.Fields.Count > 0 && r.Fields[0].TrimStart().StartsWith('#')).Select(r => new CsvRecord(r.Number, r.Fields)).ToList();
        }
        else
        {
            var (encoding, badLine) = TextDecoding.DetectWithLine(path);
            if (!encoding.Success)
            {
                return (null, [new InputProblem(name, badLine, null, encoding.Error!)]);
            }

            using var reader = new StreamReader(path, encoding.Value);
            records = new CsvRecordReader(reader).Read(skipLeadingComments: true).ToList();
        }

        if (records.Count == 0)
        {
            return (null, [new InputProblem(name, null, null, Core.Messages.FileEmpty)]);
        }

        var header = records[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToList();
        int Column(params string[] names) => header.FindIndex(h => names.Contains(h, StringComparer.Ordinal));
        var (indicatorAt, actualAt, dateAt) = (Column("indicator", "指标", "三级指标"), Column("actual", "实际值", "完成值"), Column("as_of", "日期", "统计日期"));
        foreach (var (at, column) in new[] { (indicatorAt, "indicator"), (actualAt, "actual"), (dateAt, "as_of") })
        {
            if (at < 0)
            {
                problems.Add(new InputProblem(name, records[0].Line, column, Core.Messages.ColumnMissing(column)));
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var known = plan.Indicators.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var actuals = new List<Actual>();
        decimal? executed = null;
        var dates = new List<DateOnly>();
        foreach (var record in records.Skip(1))
        {
            string Cell(int i) => i < record.Fields.Count ? record.Fields[i].Trim() : string.Empty;
            var indicator = Cell(indicatorAt);
            var text = Cell(actualAt);
            if (!DateOnly.TryParseExact(Cell(dateAt), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add(new InputProblem(name, record.Line, "as_of", $"日期“{Cell(dateAt)}”应写作 yyyy-MM-dd"));
                continue;
            }

            dates.Add(date);
            if (indicator == Execution)
            {
                var amount = new Actual(indicator, text, date).Number;
                if (amount is null)
                {
                    problems.Add(new InputProblem(name, record.Line, "actual", $"预算执行金额“{text}”不是数字（单位：万元）"));
                }

                executed = amount;
                continue;
            }

            if (!known.Contains(indicator))
            {
                problems.Add(new InputProblem(name, record.Line, "indicator", $"绩效目标中没有指标“{indicator}”"));
                continue;
            }

            if (text.Length == 0)
            {
                problems.Add(new InputProblem(name, record.Line, "actual", Core.Messages.ValueMissing));
                continue;
            }

            actuals.Add(new Actual(indicator, text, date));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new ActualsSheet(asOf ?? (dates.Count > 0 ? dates.Max() : DateOnly.MinValue), actuals, executed), problems);
    }
}
