using System.IO.Compression;

namespace Yusuan.Cli.Tests;

/// <summary>Text from the ledger that a spreadsheet would run as a formula, or a browser as markup, is published inert.</summary>
public class SafeExportTests
{
    private const string Hostile = "=HYPERLINK(\"http://e.example\",\"<script>alert(1)</script>\")";

    [Fact]
    public void A_project_name_that_looks_like_a_formula_or_markup_is_neutralised_in_csv_xlsx_and_html()
    {
        var dataset = Yusuan.CopyOfSample();
        var ledger = Path.Combine(dataset, "ledger.csv");
        File.WriteAllText(ledger, File.ReadAllText(ledger).Replace(",生态环境宣传教育,", ",\"" + Hostile.Replace("\"", "\"\"", StringComparison.Ordinal) + "\",", StringComparison.Ordinal));
        var output = Path.Combine(dataset, "out");
        var build = Yusuan.Run("build", dataset, "--out", output);
        Assert.True(build.ExitCode is 0 or 1, build.Error);

        // CSV: the cell starts with an apostrophe, so no spreadsheet evaluates it.
        var csv = File.ReadAllText(Path.Combine(output, "tables", "T05.csv"));
        Assert.Contains("\"'=HYPERLINK(\"\"http://e.example\"\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);

        // XLSX: the text is an inline string, never a formula.
        using (var workbook = ZipFile.OpenRead(Path.Combine(output, "disclosure.xlsx")))
        {
            var sheets = workbook.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
                .Select(e => new StreamReader(e.Open()).ReadToEnd()).ToList();
            Assert.Contains(sheets, s => s.Contains("=HYPERLINK(&quot;http://e.example&quot;", StringComparison.Ordinal) || s.Contains("=HYPERLINK(\"http://e.example\"", StringComparison.Ordinal));
            Assert.All(sheets, s => Assert.DoesNotContain("<x:f>", s, StringComparison.Ordinal));
            Assert.All(sheets, s => Assert.DoesNotContain("<f>", s, StringComparison.Ordinal));
        }

        // HTML: encoded text, no script element.
        var html = File.ReadAllText(Path.Combine(output, "disclosure.html"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }
}
