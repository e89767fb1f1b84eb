using System.IO.Compression;
using System.Text;
using Yusuan.Formats.Audit;
using Yusuan.Formats.Ledger;
using Yusuan.Formats.Tests.Ledger;
using Yusuan.Formats.Yaml;

namespace Yusuan.Formats.Tests.Hostile;

/// <summary>Files made to hurt a reader — bombs, entity expansion, endless nesting, enormous cells — are refused with a clear problem, quickly.</summary>
public class HostileFileTests
{
    private static readonly object[][] Ledger =
    [
        ["单位编码", "功能科目编码", "经济科目编码", "支出类型", "资金性质", "金额"],
        ["139001", "2080505", "30108", "人员经费", "一般公共预算拨款", 1259000.1m],
    ];

    private static IReadOnlyList<Core.Findings.InputProblem> Problems(string path) => LedgerFile.Open(path).Check().Problems;

    /// <summary>Replaces (or adds) one entry of a workbook.</summary>
    private static void Put(string path, string entry, byte[] content)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry(entry)?.Delete();
        using var stream = zip.CreateEntry(entry, CompressionLevel.SmallestSize).Open();
        stream.Write(content);
    }

    [Fact]
    public void A_workbook_that_unpacks_to_far_more_than_it_weighs_is_refused_unread()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "ledger.xlsx");
        LedgerFileTests.WriteWorkbook(path, Ledger);
        Put(path, "xl/media/padding.bin", new byte[8 << 20]);
        Assert.True(new FileInfo(path).Length < 100_000);

        var problem = Assert.Single(Problems(path));
        Assert.Contains("压缩炸弹", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("压缩比", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("压缩炸弹", AuditFileReader(path), StringComparison.Ordinal);
    }

    private static string AuditFileReader(string path) => XlsxDocumentReader.Read(path).Problem ?? string.Empty;

    [Fact]
    public void A_published_workbook_that_unpacks_past_what_a_budget_needs_is_not_read_for_an_audit()
    {
        // 140 parts of 1 MB each, every one small enough to pass the ratio test: a ledger may unpack to a gigabyte, an
        // uploaded budget not past 128 MB, so the audit refuses it from the zip's directory before reading anything.
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "budget.xlsx");
        LedgerFileTests.WriteWorkbook(path, Ledger);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var padding = new byte[1 << 20];
            for (var i = 0; i < 140; i++)
            {
                using var stream = zip.CreateEntry($"xl/media/pad{i}.bin", CompressionLevel.Fastest).Open();
                stream.Write(padding);
            }
        }

        Assert.True(new FileInfo(path).Length < 2_000_000);
        Assert.Contains("解压后超过 128 MB", AuditFileReader(path), StringComparison.Ordinal);
        Assert.Contains("解压后超过 128 MB", DocxDocumentReader.Read(path).Problem ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void Entities_in_a_worksheet_are_not_expanded()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "ledger.xlsx");
        LedgerFileTests.WriteWorkbook(path, Ledger);
        var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">");
        for (var i = 1; i < 10; i++)
        {
            laughs.Append($"<!ENTITY {(char)('a' + i)} \"{string.Concat(Enumerable.Repeat($"&{(char)('a' + i - 1)};", 10))}\">");
        }

        laughs.Append("]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&j;</t></is></c></row></sheetData></worksheet>");
        Put(path, "xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes(laughs.ToString()));
        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "xl/worksheets/sheet1.xml");
        }

        var problems = Problems(path);
        Assert.NotEmpty(problems);
        Assert.DoesNotContain(problems, p => p.Reason.Contains("aaaaaaaaaa", StringComparison.Ordinal));
        Assert.NotNull(XlsxDocumentReader.Read(path).Problem);
    }

    [Fact]
    public void A_cell_far_beyond_any_ledger_stops_reading_at_its_row()
    {
        using var folder = new TempFolder();
        var csv = "agency_code,exp_func_code,dep_bgt_eco_code,exp_kind,fund_type_code,amount\n139001,2080505,30108,人员经费,一般公共预算拨款,1\n139001,\"" + new string('x', 5_000_000) + "\n";
        var problem = Assert.Single(Problems(folder.Write("ledger.csv", csv)));
        Assert.Equal(3, problem.Row);
        Assert.Contains("65536", problem.Reason, StringComparison.Ordinal);

        var wide = "agency_code" + string.Concat(Enumerable.Repeat(",x", 5_000)) + "\n";
        Assert.Contains("1024", Assert.Single(Problems(folder.Write("wide.csv", wide))).Reason, StringComparison.Ordinal);

        var path = Path.Combine(folder.Path, "far.xlsx");
        LedgerFileTests.WriteWorkbook(path, Ledger);
        Put(path, "xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"ZZZZZZZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>"));
        Assert.Contains("16384", Assert.Single(Problems(path)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_nested_without_end_or_full_of_aliases_is_refused_before_it_is_built()
    {
        using var folder = new TempFolder();
        var deep = folder.Write("profile.yaml", "schema: yusuan.profile/1\ntext: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        var problem = Assert.Single(YamlReader.ReadProfile(deep).Problems);
        Assert.Equal((2, true), (problem.Row, problem.Reason.Contains("嵌套超过 64 层", StringComparison.Ordinal)));

        var laughs = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 30; i++)
        {
            laughs.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat(i == 1 ? "*a" : $"*a{i - 1}", 10))}]\n");
        }

        var aliases = Assert.Single(YamlReader.ReadProfile(folder.Write("aliases.yaml", laughs.ToString())).Problems);
        Assert.Contains("别名", aliases.Reason, StringComparison.Ordinal);

        var big = folder.Write("big.yaml", "schema: yusuan.profile/1\n# " + new string('x', 9 << 20) + "\n");
        Assert.Contains("超过 8 MB", Assert.Single(YamlReader.ReadProfile(big).Problems).Reason, StringComparison.Ordinal);
    }

    /// <summary>A PDF from its objects, numbered from 1, with a correct cross-reference table.</summary>
    private static byte[] Pdf(params string[] objects)
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(i + 1).Append(" 0 obj ").Append(objects[i]).Append(" endobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append("trailer << /Root 1 0 R /Size ").Append(objects.Length + 1).Append(" >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    [Fact]
    public async Task Pdfs_whose_object_graph_loops_are_read_or_refused_in_bounded_time()
    {
        const string Content = "BT /F1 12 Tf 72 720 Td (Table 1) Tj ET";
        var stream = $"<< /Length {Content.Length} >> stream\n{Content}\nendstream";
        var cases = new Dictionary<string, byte[]>
        {
            // A page-tree node among its own kids.
            ["self-kids.pdf"] = Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>", stream,
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),

            // Two page-tree nodes, each the other's only kid.
            ["mutual.pdf"] = Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"),

            // A stream whose length is itself, and resources that contain themselves.
            ["self-ref.pdf"] = Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources 5 0 R >>",
                $"<< /Length 4 0 R >> stream\n{Content}\nendstream", "<< /Font 5 0 R /XObject 5 0 R >>"),
        };
        using var folder = new TempFolder();
        foreach (var (name, bytes) in cases)
        {
            var path = folder.Write(name, bytes);
            var read = Task.Run(() => Auditor.Audit(path, Core.Catalogue.ClassificationCatalogue.BuiltIn()));

            // Not a timing claim: a loop that never ends would hold the test here, so it waits a generous while and says which file.
            var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.True(finished == read, $"{name} was still being read after 60 s");
            var result = await read;
            Assert.Equal(name, Path.GetFileName(result.File));
        }
    }

    [Theory]
    [InlineData("<head ")]
    [InlineData("<tr ")]
    [InlineData("<td ")]
    [InlineData("<")]
    public async Task Html_of_tags_that_never_close_is_read_in_time_linear_in_its_length(string opening)
    {
        // 420 KB of one opening that never closes: a pattern that scans to the end from each start takes minutes (200 KB of
        // "<head " took 66 s on the backtracking engine); read in linear time it is a document like any other.
        using var folder = new TempFolder();
        var path = folder.Write("hostile.html", string.Concat(Enumerable.Repeat(opening, 420_000 / opening.Length)));
        var read = Task.Run(() => Auditor.Audit(path, Core.Catalogue.ClassificationCatalogue.BuiltIn()));

        // Not a timing claim: a quadratic reader would hold the test here, so it waits a generous while and says so.
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == read, $"{opening} × {420_000 / opening.Length} was still being read after 60 s");
        Assert.Contains((await read).Findings, f => f.Rule.StartsWith("audit.document.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pdf_page_of_more_lines_than_any_budget_prints_is_refused_before_it_is_laid_out()
    {
        // 5,000 lines of text on one tall page: laying a page out grows faster than its lines, so the reader refuses it.
        var content = string.Join("\n", Enumerable.Range(0, 5_000).Select(i => $"BT /F1 1 Tf 10 {i * 1.2m} Td (1,234.56) Tj ET"));
        using var folder = new TempFolder();
        var path = folder.Write("tall.pdf", Pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 6010] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >> stream\n{content}\nendstream", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        var problem = PdfDocumentReader.Read(path).Problem;
        Assert.Equal("第 1 页有 5000 行文字，远多于任何预算文件的一页（2000 行），未读取", problem);
    }
}
