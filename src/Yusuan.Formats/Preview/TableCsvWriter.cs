using System.Globalization;
using System.Text;
using Yusuan.Core.Disclosures;

namespace Yusuan.Formats.Preview;

/// <summary>One CSV per table: the printed rows with their unit, code and name, figures in the table's display unit.</summary>
public static class TableCsvWriter
{
    public static string Write(DisclosureTable table)
    {
        var text = new StringBuilder();
        var projects = Core.Tables.TableSpecifications.Find(table.Id)?.Shape == Core.Tables.TableShape.Projects;
        var header = new List<string> { "section", "unit", "code", "name" };
        if (projects)
        {
            header.Add("function_code");
        }

        header.AddRange(table.Columns.Select(c => c.Key));
        text.AppendLine(string.Join(",", header.Select(Field)));
        foreach (var row in table.Rows)
        {
            var fields = new List<string> { row.Section ?? string.Empty, row.Unit ?? string.Empty, row.Code ?? string.Empty, row.Name };
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
