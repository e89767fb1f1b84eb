using System.Globalization;
using System.Text.Json;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Formats.Audit;

namespace Yusuan.Cli.Tests;

/// <summary>Auditing published documents: the seed's text export, a PDF Yusuan rendered, and files that cannot be read.</summary>
public class AuditTests
{
    private static readonly Lazy<AuditResult> SeedAudit = new(() => Auditor.Audit(SeedPath(), ClassificationCatalogue.BuiltIn()));

    /// <summary>The sample built once by the real command; the PDF, XLSX and HTML audits read its files back.</summary>
    private static readonly Lazy<(string Folder, Disclosure Built)> Build = new(() =>
    {
        var output = Path.Combine(Path.GetTempPath(), "yusuan-audit-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, Yusuan.Run("build", Repository.Sample, "--out", output).ExitCode);
        return (output, Formats.Json.YusuanJson.DeserializeDisclosure(File.ReadAllText(Path.Combine(output, "disclosure.json")))!);
    });

    /// <summary>The seed's text export, as the tests carry it (tests/fixtures).</summary>
    private static string SeedPath() => Path.Combine(Repository.Root, "tests", "fixtures", "seed-2023-sz-eeimc.txt");

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Figures compared by value: 8.00 and 8 are the same figure.</summary>
    private static string Figures(IEnumerable<decimal> values) =>
        string.Join(",", values.Select(v => (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("T01")]
    [InlineData("T06")]
    public void Seed_two_sided_tables_are_extracted_cell_by_cell(string id)
    {
        var table = SeedAudit.Value.Disclosure!.Table(id)!;
        var golden = GoldenSeedTests.ReadGolden(id + ".csv");
        Assert.Equal(golden.Select(g => (g["section"], g["name"], D(g["value"]))), table.Rows.Select(r => (r.Section!, r.Name, r.Values[0])));
    }

    [Theory]
    [InlineData("T03", 2, new[] { "total", "basic", "project", "procurement", "sme", "micro" })]
    [InlineData("T07", 2, new[] { "total", "basic", "project" })]
    [InlineData("T08", 3, new[] { "total", "basic", "project" })]
    public void Seed_coded_tables_are_extracted_cell_by_cell(string id, int pages, string[] columns)
    {
        var table = SeedAudit.Value.Disclosure!.Table(id)!;
        var golden = GoldenSeedTests.ReadGolden(id + ".csv");
        Assert.Equal(
            golden.Select(g => (g["unit"], g["code"], g["name"].Length > 0 ? g["name"] : g["unit"], string.Join(",", columns.Select(c => D(g[c]))))),
            table.Rows.Select(r => (r.Unit ?? string.Empty, r.Code ?? string.Empty, r.Name, string.Join(",", r.Values))));
        Assert.Equal(pages, table.Source!.Pages.Count);
    }

    [Fact]
    public void Seed_official_expense_table_is_extracted_cell_by_cell()
    {
        var table = SeedAudit.Value.Disclosure!.Table("T09")!;
        var golden = GoldenSeedTests.ReadGolden("T09.csv");
        string[] columns = ["total", "abroad", "reception", "vehicle", "vehicle_purchase", "vehicle_operation"];
        Assert.Equal(golden.Select(g => (g["year"], string.Join(",", columns.Select(c => D(g[c]))))), table.Rows.Select(r => (r.Name, string.Join(",", r.Values))));
    }

    [Fact]
    public void Seed_performance_indicators_are_extracted_as_transcribed()
    {
        var indicators = SeedAudit.Value.Disclosure!.Table("T12")!.Performance!.Indicators;
        var golden = GoldenSeedTests.ReadGolden("T12-indicators.csv").Where(g => g["level3"].Length > 0).ToList();
        Assert.Equal(golden.Select(g => (g["level2"], g["level3"], g["target"])), indicators.Select(i => (i.Level2, i.Name, i.Target)));
        Assert.Equal(29, indicators.Count);
    }

    [Fact]
    public void Seed_audit_finds_missing_tables_text_that_disagrees_and_reasons_that_do_not_add_up()
    {
        var audit = SeedAudit.Value;
        Assert.Equal("部门预算", audit.Disclosure!.Kind);
        Assert.Equal("深圳市生态环境智能管控中心", audit.Disclosure.Department.Name);
        Assert.Equal(2023, audit.Disclosure.FiscalYear);
        Assert.Equal(21, audit.Disclosure.Contents.Count);

        // (a) listed in the 目录, absent from the body.
        Assert.Equal(["T02", "T04", "T05"], audit.Findings.Where(f => f.Rule == "contents.tables.present").Select(f => f.Location.Table!));

        // (b) the text's 公用支出 126 and 对个人和家庭补助 68 against 表8's 123 and 71.
        var operating = Assert.Single(audit.Findings, f => f.Rule == "text.operating");
        Assert.Equal((Severity.Error, 123m, 126m, 3, 1), (operating.Severity, operating.Expected!.Value, operating.Actual!.Value, operating.Location.Part!.Value, operating.Location.Sentence!.Value));
        Assert.NotNull(operating.Location.Line);
        var households = Assert.Single(audit.Findings, f => f.Rule == "text.households");
        Assert.Equal((71m, 68m), (households.Expected!.Value, households.Actual!.Value));

        // (c) the reasons: 1,072 + 270 + 114 + 164 − 2,000 = −380 against a change of −343.
        var reasons = Assert.Single(audit.Findings, f => f.Rule == "text.reasons.sum");
        Assert.Equal((Severity.Warning, 2, -343m, -380m), (reasons.Severity, reasons.Location.Part!.Value, reasons.Actual!.Value, reasons.Expected!.Value));

        // Rounding differences are info, never errors: every error is one of the faults above.
        Assert.All(audit.Findings.Where(f => f.Category is "arithmetic" or "consistency"), f => Assert.NotEqual(Severity.Error, f.Severity));
        Assert.Contains(audit.Findings, f => f.Rule == "T03.sum.columns" && f.Severity == Severity.Info && f.Location.TableRow == "211");
        Assert.Equal(
            ["T02.present", "T04.present", "T05.present", "contents.tables.present", "text.households", "text.operating"],
            audit.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Html_report_marks_the_printed_figure_a_finding_points_at()
    {
        var html = AuditReportWriter.Write([SeedAudit.Value]);
        var number = SeedAudit.Value.Findings.ToList().FindIndex(f => f.Rule == "T03.sum.columns" && f.Location.TableRow == "211") + 1;
        Assert.Matches($"<td class=\"n info\" title=\"[^\"]*7,074[^\"]*\">7,074<sup>{number}</sup></td>", html);
    }

    [Fact]
    public void Audit_prints_the_disclosure_and_findings_as_json()
    {
        var result = Yusuan.Run("audit", SeedPath(), "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("yusuan.disclosure/1", json.RootElement.GetProperty("disclosure").GetProperty("schema").GetString());
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "text.operating");
    }

    [Fact]
    public void Pdf_rendered_by_yusuan_is_audited_back_to_the_same_figures()
    {
        var (output, built) = Build.Value;
        var audit = Auditor.Audit(Path.Combine(output, "disclosure.pdf"), ClassificationCatalogue.BuiltIn());
        Assert.Equal(built.Tables.Select(t => t.Id), audit.Disclosure!.Tables.Select(t => t.Id).Where(id => !id.StartsWith('X')));
        foreach (var table in built.Tables)
        {
            var extracted = audit.Disclosure.Table(table.Id)!;
            // As figures, whatever decimals print them (表9 prints 8.00 for 8).
            Assert.Equal(table.Rows.Select(r => Figures(r.Values)), extracted.Rows.Select(r => Figures(r.Values)));
            Assert.Equal(table.Rows.Select(r => r.Code ?? string.Empty), extracted.Rows.Select(r => r.Code ?? string.Empty));
        }

        Assert.Equal(["X.T12-supervisor", "performance.target.measurable", "text.reasons.sum"], audit.Findings.Select(f => f.Rule).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Workbook_published_by_yusuan_is_audited_back_to_the_same_figures()
    {
        var (output, built) = Build.Value;
        // Read as grids of cells with their merges, like a ruled page; the sheet of budget lines is kept as a table of its own.
        var audit = Auditor.Audit(Path.Combine(output, "disclosure.xlsx"), ClassificationCatalogue.BuiltIn());
        Assert.Equal(built.Tables.Select(t => t.Id), audit.Disclosure!.Tables.Select(t => t.Id).Where(id => !id.StartsWith('X')));
        foreach (var id in new[] { "T01", "T03", "T04", "T06", "T07", "T08", "T09", "T10", "T11" })
        {
            Assert.Equal(built.Table(id)!.Rows.Select(r => Figures(r.Values)), audit.Disclosure.Table(id)!.Rows.Select(r => Figures(r.Values)));
        }

        Assert.DoesNotContain(audit.Findings, f => f.Category == "arithmetic" && f.Severity == Severity.Error);
    }

    [Fact]
    public void Html_page_published_by_yusuan_is_audited_back_to_the_same_figures()
    {
        var (output, built) = Build.Value;
        // Tables read as grids of cells (rowspan, colspan); T12's indicator table, printed as a table of its own, is kept as one.
        var audit = Auditor.Audit(Path.Combine(output, "disclosure.html"), ClassificationCatalogue.BuiltIn());
        Assert.Equal(built.Tables.Select(t => t.Id), audit.Disclosure!.Tables.Select(t => t.Id).Where(id => !id.StartsWith('X')));
        foreach (var id in new[] { "T01", "T03", "T07", "T08", "T09" })
        {
            Assert.Equal(built.Table(id)!.Rows.Select(r => Figures(r.Values)), audit.Disclosure.Table(id)!.Rows.Select(r => Figures(r.Values)));
        }

        Assert.Contains(audit.Findings, f => f.Rule == "text.reasons.sum");
        Assert.DoesNotContain(audit.Findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void Word_document_published_by_yusuan_is_audited_back_to_the_same_figures()
    {
        // Tables read as grids of cells (w:gridSpan, w:vMerge), headed by the paragraphs above them.
        var (output, built) = Build.Value;
        var audit = Auditor.Audit(Path.Combine(output, "disclosure.docx"), ClassificationCatalogue.BuiltIn());
        Assert.Equal(built.Tables.Select(t => t.Id), audit.Disclosure!.Tables.Select(t => t.Id).Where(id => !id.StartsWith('X')));
        foreach (var id in new[] { "T01", "T03", "T04", "T06", "T07", "T08", "T09", "T10", "T11" })
        {
            Assert.Equal(built.Table(id)!.Rows.Select(r => Figures(r.Values)), audit.Disclosure.Table(id)!.Rows.Select(r => Figures(r.Values)));
        }

        Assert.Equal(built.Table("T03")!.Columns.Select(c => c.Key), audit.Disclosure.Table("T03")!.Columns.Select(c => c.Key));
        Assert.DoesNotContain(audit.Findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void Final_accounts_tables_are_extracted_under_their_own_titles()
    {
        var path = Path.Combine(Path.GetTempPath(), "yusuan-final-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(path, string.Join("\n",
        [
            "2022 年深圳市某某局部门决算",
            "表 1",
            "收入支出决算总表",
            "单位：元",
            "项目\t决算数\t项目\t决算数",
            "一、一般公共预算财政拨款收入\t1,234,500.00\t一、社会保障和就业支出\t1,234,500.00",
            "表 2",
            "一般公共预算财政拨款支出决算表",
            "单位：万元",
            "科目编码\t科目名称\t合计\t基本支出\t项目支出",
            "208\t社会保障和就业支出\t123.45\t100.00\t23.45",
            "20805\t行政事业单位养老支出\t123.45\t100.00\t23.45",
        ]));
        var audit = Auditor.Audit(path, ClassificationCatalogue.BuiltIn());
        Assert.Equal("部门决算", audit.Disclosure!.Kind);
        Assert.Equal(2022, audit.Disclosure.FiscalYear);
        Assert.Equal([("X01", "收入支出决算总表"), ("X02", "一般公共预算财政拨款支出决算表")], audit.Disclosure.Tables.Select(t => (t.Id, t.Title)));
        var x02 = audit.Disclosure.Table("X02")!;
        Assert.Equal(["208", "20805"], x02.Rows.Select(r => r.Code));
        Assert.Equal([123.45m, 100m, 23.45m], x02.Rows[0].Values);
        Assert.Equal(123.45m, audit.Disclosure.Table("X01")!.Rows.SelectMany(r => r.Values).Max());
        Assert.DoesNotContain(audit.Findings, f => f.Rule.EndsWith(".present", StringComparison.Ordinal) || f.Severity == Severity.Error);
    }

    public static TheoryData<string, string> Unreadable() => new()
    {
        { "damaged", "已损坏" },
        { "encrypted", "已加密" },
        { "empty", "已损坏" },
        { "image-only", "没有文字层" },
        { "not-a-pdf.odt", "不支持的文件格式" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Unreadable_files_are_a_finding_each_and_never_an_exception(string kind, string reason)
    {
        var path = Fixture(kind);
        var audit = Auditor.Audit(path, ClassificationCatalogue.BuiltIn());
        var finding = Assert.Single(audit.Findings);
        Assert.Equal(("audit.document.unreadable", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Contains(reason, finding.Message, StringComparison.Ordinal);
        Assert.Equal(Path.GetFileName(path), finding.Location.File);
    }

    [Fact]
    public void One_bad_file_does_not_stop_a_batch()
    {
        var output = Path.Combine(Path.GetTempPath(), "yusuan-batch-" + Guid.NewGuid().ToString("N"));
        var result = Yusuan.Run("audit", Fixture("damaged"), SeedPath(), "--out", output);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("audit.document.unreadable", result.Out, StringComparison.Ordinal);
        Assert.Contains("text.operating", result.Out, StringComparison.Ordinal);
        var report = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("预算公开审计报告", report, StringComparison.Ordinal);
        Assert.Contains("class=\"n error\"", report, StringComparison.Ordinal);
        var summary = File.ReadAllLines(Path.Combine(output, "summary.csv"));
        Assert.Equal(3, summary.Length);
        Assert.Equal("文件,类别,版式,部门,年度,表格,错误,警告,无法读取的原因", summary[0]);
        Assert.Contains(summary, l => l.Contains("深圳市生态环境智能管控中心,2023", StringComparison.Ordinal));
    }

    /// <summary>
    /// A 400-byte PDF whose page contents are an object that refers to itself through another would drive the PDF library
    /// into a stack overflow, which ends any process it happens in: the loop is found before the library follows it, and the
    /// file is unreadable with the loop named, while the other files are audited as ever.
    /// </summary>
    [Fact]
    public void A_pdf_whose_page_contents_loop_is_refused_before_it_is_read_and_the_batch_goes_on()
    {
        var loop = Fixture("reference-loop");
        var output = Path.Combine(Path.GetTempPath(), "yusuan-batch-" + Guid.NewGuid().ToString("N"));
        var result = Yusuan.Run("audit", loop, SeedPath(), loop, "--out", output);
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("Stack overflow", result.Error, StringComparison.Ordinal);
        var summary = File.ReadAllLines(Path.Combine(output, "summary.csv"));
        Assert.Equal(4, summary.Length);
        Assert.Contains("深圳市生态环境智能管控中心,2023", summary[2], StringComparison.Ordinal);
        foreach (var line in new[] { summary[1], summary[3] })
        {
            Assert.StartsWith("reference-loop.pdf,", line, StringComparison.Ordinal);
            Assert.Contains("PDF 的页面内容互相引用成环", line, StringComparison.Ordinal);
        }

        var failed = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "reference-loop.json"))).RootElement.GetProperty("findings");
        Assert.Equal("audit.document.unreadable", Assert.Single(failed.EnumerateArray()).GetProperty("rule").GetString());
    }

    /// <summary>
    /// A reader that dies as no catch can stop it (here its worker killed while it reads): the document is a finding, a new
    /// worker takes the next one, and the batch goes on.
    /// </summary>
    [Fact]
    public void A_worker_that_dies_while_reading_is_a_finding_and_the_batch_goes_on()
    {
        var slow = Fixture("eight-million-lines");
        var output = Path.Combine(Path.GetTempPath(), "yusuan-batch-" + Guid.NewGuid().ToString("N"));
        var result = Yusuan.Run(process => Yusuan.KillWorkers(process, Math.Min(2, Environment.ProcessorCount)), "audit", slow, slow, SeedPath(), "--out", output);
        Assert.Equal(1, result.ExitCode);
        var summary = File.ReadAllLines(Path.Combine(output, "summary.csv"));
        Assert.Equal(4, summary.Length);
        Assert.Contains("工作进程意外退出", summary[1], StringComparison.Ordinal);
        Assert.Contains("深圳市生态环境智能管控中心,2023", summary[3], StringComparison.Ordinal);
    }

    /// <summary>
    /// 200 KB that inflate to eight million line-drawing operators keep a reader busy for twice the limit of ten seconds
    /// (about 20 s here): the file is a finding, and the next file is read by a fresh worker well within the limit.
    /// </summary>
    [Fact]
    public void A_file_past_the_time_limit_is_a_finding_and_the_batch_goes_on()
    {
        var slow = Fixture("eight-million-lines");
        // Ten seconds: half of what the slow file needs, and five times what the seed does even on a busy machine.
        var result = Yusuan.Run("audit", slow, SeedPath(), "--time-limit", "10", "--format", "json");
        var documents = JsonDocument.Parse(result.Out).RootElement;
        var finding = Assert.Single(documents[0].GetProperty("findings").EnumerateArray());
        Assert.Equal("audit.document.failed", finding.GetProperty("rule").GetString());
        Assert.Contains("无法在限定的时间（10 秒）内读取", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("深圳市生态环境智能管控中心", documents[1].GetProperty("disclosure").GetProperty("department").GetProperty("name").GetString());
        Assert.Contains("命令行错误", Yusuan.Run("audit", SeedPath(), "--time-limit", "0").Error, StringComparison.Ordinal);
    }

    internal static string Fixture(string kind)
    {
        var dir = Path.Combine(Path.GetTempPath(), "yusuan-pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, kind.Contains('.', StringComparison.Ordinal) ? kind : kind + ".pdf");
        switch (kind)
        {
            case "damaged":
                File.WriteAllText(path, "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf body\n%%EOF");
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "reference-loop":
                File.WriteAllText(path, Pdf(
                    "<< /Type /Catalog /Pages 2 0 R >>",
                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
                    "5 0 R",
                    "4 0 R"));
                break;
            case "eight-million-lines":
                File.WriteAllBytes(path, PdfWithContents(string.Concat(Enumerable.Repeat("0 0 m 1 1 l S\n", 8_000_000))));
                break;
            case "encrypted":
            {
                using var document = new PdfDocument();
                using (var g = XGraphics.FromPdfPage(document.AddPage()))
                {
                    g.DrawRectangle(XBrushes.Gray, 50, 50, 100, 100);
                }

                document.SecuritySettings.UserPassword = "secret";
                document.SecuritySettings.OwnerPassword = "owner";
                document.Save(path);
                break;
            }

            case "image-only":
            {
                using var document = new PdfDocument();
                using (var g = XGraphics.FromPdfPage(document.AddPage()))
                {
                    g.DrawRectangle(XBrushes.Gray, 50, 50, 300, 400);
                }

                document.Save(path);
                break;
            }

            default:
                File.WriteAllText(path, "not a document");
                break;
        }

        return path;
    }

    /// <summary>A one-page PDF whose page draws <paramref name="contents"/>, compressed as most real PDFs are.</summary>
    private static byte[] PdfWithContents(string contents)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(System.Text.Encoding.ASCII.GetBytes(contents));
        }

        // Latin-1 keeps every byte of the compressed stream as one character and back.
        var latin1 = System.Text.Encoding.Latin1;
        return latin1.GetBytes(Pdf(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
            $"<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n{latin1.GetString(compressed.ToArray())}\nendstream"));
    }

    private static string Pdf(params string[] objects) => global::Yusuan.Tests.Shared.HandMadePdf.Text(objects);
}

/// <summary>Another city's layout: nine-table titles, split 类/款/项 codes, amounts in 元, a PDF made by LibreOffice.</summary>
public class OtherLayoutAuditTests
{
    private static string N(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Nine_table_layout_in_yuan_is_extracted_to_the_exact_amounts()
    {
        var (dataset, problems) = Formats.Datasets.Dataset.Load(Repository.Sample);
        Assert.Empty(problems);
        var budget = dataset!.Compile(ClassificationCatalogue.BuiltIn(), Core.Rounding.RoundingMode.Controlled);
        var dir = Path.Combine(Path.GetTempPath(), "yusuan-other-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var pdf = NineTableLayout.WritePdf(budget, dir);

        var audit = Auditor.Audit(pdf, ClassificationCatalogue.BuiltIn());
        Assert.NotNull(audit.Disclosure);
        Assert.Equal(["T01", "T03", "T07", "T09"], audit.Disclosure!.Tables.Select(t => t.Id));

        // 元 with two decimals becomes 万元 exactly: every extracted figure × 10,000 is the exact amount of the lines.
        foreach (var id in new[] { "T03", "T07" })
        {
            var truth = budget.Drafts.Single(d => d.Id == id).Rows.Where(r => r.Template.Key is null or "department")
                .Select(r => (r.Template.Code ?? string.Empty, string.Join(",", r.Cells.Take(3).Select(c => N(c.Truth)))));
            var extracted = audit.Disclosure.Table(id)!.Rows.Select(r => (r.Code ?? string.Empty, string.Join(",", r.Values.Select(v => N(v * 10_000m)))));
            Assert.Equal(truth, extracted);
        }

        var t01 = audit.Disclosure.Table("T01")!;
        Assert.Equal(76_559_000m, t01.Rows.Single(r => r.Key == "income.total").Values[0] * 10_000m);
        Assert.Equal("2080505", t01.Rows.Single(r => r.Name == "机关事业单位基本养老保险缴费支出").Code);
        Assert.Equal(8.47m, audit.Disclosure.Table("T09")!.Rows.Single(r => r.Key == "prior").Values[0]);
        Assert.Equal((2023, "部门预算"), (audit.Disclosure.FiscalYear, audit.Disclosure.Kind));

        // Exact figures in 元 add up exactly: no arithmetic error, no rounding difference.
        Assert.DoesNotContain(audit.Findings, f => f.Category is "arithmetic" && f.Severity != Severity.Info);
        Assert.Contains(audit.Findings, f => f.Rule == "T02.present");
    }
}
