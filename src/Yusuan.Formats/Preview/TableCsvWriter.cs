using System.Globalization;
using System.Text;
using Yusuan.Core.Disclosures;

namespace Yusuan.Formats.Preview;

/// <summary>
/// One CSV per table for a person with a spreadsheet: a header row in Chinese (收支, 预算单位, 科目编码, 科目名称, then each
/// figure column's printed header), the printed rows with their unit, code and name, figures in the table's display unit.
/// </summary>
public static class TableCsvWriter
{
    public static string Write(DisclosureTable table)
    {
        var text = new StringBuilder();
        var projects = Core.Tables.TableSpecifications.Find(table.Id)?.Shape == Core.Tables.TableShape.Projects;
        var header = new List<string> { "收支", "预算单位", "科目编码", "科目名称" };
        if (projects)
        {
            header.Add("功能科目编码");
        }

        // Each figure column under its printed header, the whole path where one leaf header is printed under two groups.
        var titles = table.Columns.Select(c => c.Title).ToList();
        header.AddRange(table.Columns.Select((c, i) => titles.Count(t => t == c.Title) > 1 && c.Path is { Length: > 0 } path ? path : c.Title));
        text.AppendLine(string.Join(",", header.Select(Field)));
        foreach (var row in table.Rows)
        {
            var section = row.Section switch { "income" => "收入", "expenditure" => "支出", _ => row.Section ?? string.Empty };
            var fields = new List<string> { section, row.Unit ?? string.Empty, row.Code ?? string.Empty, row.Name };
            if (projects)
            {
                fields.Add(row.FunctionCode ?? string.Empty);
            }

            fields.AddRange(row.Values.Select(v => (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)));
            text.AppendLine(string.Join(",", fields.Select(Field)));
        }

        return text.ToString();
    }

    /// <summary>Quotes a field when needed and neutralises text a spreadsheet would run as a formula.</summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
