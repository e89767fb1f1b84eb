using System.Text;

namespace Yusuan.Formats.Ledger;

/// <summary>Writes ledger rows back as CSV, exactly as given: fields are quoted where CSV needs it and never otherwise changed.</summary>
public static class LedgerCsv
{
    public static string Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Field)).Append('\n');
        }

        return text.ToString();
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.StartsWith(' ') || value.EndsWith(' ') ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
