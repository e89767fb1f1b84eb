using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Findings;
using Yusuan.Formats.Audit;
using Yusuan.Formats.Ledger;
using Yusuan.Formats.Performance;
using Yusuan.Formats.Yaml;

namespace Yusuan.Formats.Fuzz;

/// <summary>One importer under fuzzing: the file name it reads, a valid input to mutate, and how to read a file.</summary>
public sealed record FuzzTarget(string Name, string FileName, byte[] Seed, Func<string, IReadOnlyList<InputProblem>> Read);

/// <summary>
/// Fuzzing every importer with mutated inputs: each case takes a valid file, applies a handful of byte- and token-level
/// mutations chosen by its seed (flips, deletions, duplications, truncation, splices of the characters that matter to the
/// format), writes it, and reads it. A case passes when reading returns — accepted, or refused with problems that each name
/// the file and give a reason. Any exception fails the case, with its seed to replay it. Shared by the tests (a few thousand
/// cases) and `bench/Yusuan.Bench fuzz` (100,000 per importer).
/// </summary>
public static class ImporterFuzz
{
    private static readonly string[] Tokens =
    [
        ",", "\"", "\n", "\r\n", "\0", ":", "- ", "  ", "*a", "&a ", "{", "}", "[", "]", "<", ">", "&amp;", "<!DOCTYPE x>", "万", "-",
        "1e309", "99999999999999999999999999999", "0.000000001", "NaN", "\uFEFF", "\uFFFD", "表1", "收支总表", "合计", "2080505", "30101",
        "一般公共预算拨款", "项目支出", "%", "≥", "个", "\t", "stream", "endobj", "obj", "/Pages", "<<", ">>", "PK\u0003\u0004",
    ];

    public static IReadOnlyList<FuzzTarget> Targets(string sampleFolder, string seedText)
    {
        var catalogue = ClassificationCatalogue.BuiltIn();
        var ledger = File.ReadAllBytes(Path.Combine(sampleFolder, "ledger.csv"));
        return
        [
            new("ledger.csv", "ledger.csv", ledger, path => LedgerProblems(path)),
            new("ledger.xlsx", "ledger.xlsx", Workbook(Encoding.UTF8.GetString(ledger)), path => LedgerProblems(path)),
            new("profile.yaml", "profile.yaml", File.ReadAllBytes(Path.Combine(sampleFolder, "profile.yaml")), path => YamlReader.ReadProfile(path).Problems),
            new("performance.yaml", "performance.yaml", File.ReadAllBytes(Path.Combine(sampleFolder, "performance.yaml")), path => YamlReader.ReadPerformance(path).Problems),
            new("performance.xlsx", "performance.xlsx", Workbook("一级指标,二级指标,三级指标,指标值\n产出指标,数量指标,宣传报道次数,≥120 次\n效益指标,社会效益指标,公众满意度,≥90%\n"), path => IndicatorSheetReader.Read(path).Problems),
            new("actuals.csv", "actuals.csv", File.ReadAllBytes(Path.Combine(sampleFolder, "actuals-midyear.csv")), path => ActualsReader.Read(path, Core.Model.PerformancePlan.Empty).Problems),
            new("audit.txt", "budget.txt", Encoding.UTF8.GetBytes(seedText[..Math.Min(seedText.Length, 6000)]), path => AuditProblems(path, catalogue)),
            new("audit.html", "budget.html", Encoding.UTF8.GetBytes("<html><body><h2>表1 收支总表</h2><table><tr><th>项目</th><th>预算数</th></tr><tr><td>一般公共预算拨款</td><td>7,656</td></tr><tr><td>收入总计</td><td>7,656</td></tr></table><p>2023 年部门预算收入 7,656 万元。</p></body></html>"), path => AuditProblems(path, catalogue)),
            new("audit.xlsx", "budget.xlsx", Workbook("表1 收支总表\n项目,预算数\n一般公共预算拨款,7656\n收入总计,7656\n"), path => AuditProblems(path, catalogue)),
            new("audit.pdf", "budget.pdf", Pdf("Table 1 7656 7656"), path => AuditProblems(path, catalogue)),
            new("audit.docx", "budget.docx", WordDocument("表1 收支总表", [["项目", "预算数"], ["一般公共预算拨款", "7,656"], ["收入总计", "7,656"]]), path => AuditProblems(path, catalogue)),
        ];
    }

    /// <summary>Writes the mutated input of one case into <paramref name="folder"/> and reads it; throws (with the seed) when reading throws or a problem is unclear.</summary>
    public static bool Case(FuzzTarget target, int seed, string folder)
    {
        var path = Path.Combine(folder, target.FileName);
        File.WriteAllBytes(path, Mutate(target.Seed, new Random(seed)));
        IReadOnlyList<InputProblem> problems;
        try
        {
            problems = target.Read(path);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"{target.Name}: case with seed {seed} threw {e.GetType().Name}: {e.Message}", e);
        }

        foreach (var problem in problems)
        {
            if (string.IsNullOrWhiteSpace(problem.File) || string.IsNullOrWhiteSpace(problem.Reason))
            {
                throw new InvalidOperationException($"{target.Name}: case with seed {seed} gave a problem without file or reason: {problem}");
            }
        }

        return problems.Count == 0;
    }

    public static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var mutations = 1 + random.Next(8);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(64)));
                    break;
                case 2:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(256));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 3:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 5:
                    bytes[at] = (byte)random.Next(256);
                    break;
                default:
                    var token = Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]);
                    bytes.InsertRange(at, Enumerable.Repeat(token, 1 + random.Next(200)).SelectMany(t => t));
                    break;
            }
        }

        return bytes.ToArray();
    }

    private static IReadOnlyList<InputProblem> LedgerProblems(string path)
    {
        var ledger = LedgerFile.Open(path);
        var check = ledger.Check();
        if (check.Problems.Count == 0)
        {
            // A file that passes must also stream without surprises.
            foreach (var _ in ledger.Lines())
            {
            }
        }

        return check.Problems;
    }

    private static IReadOnlyList<InputProblem> AuditProblems(string path, ClassificationCatalogue catalogue)
    {
        var result = Auditor.Audit(path, catalogue);
        return result.Findings.Where(f => f.Rule == "audit.document.unreadable").Select(f => new InputProblem(Path.GetFileName(path), null, null, f.Message)).ToList();
    }

    /// <summary>A workbook with one sheet holding the rows of a small CSV (no quoting), text as shared strings.</summary>
    private static byte[] Workbook(string csv)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var r = 0u;
            foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                r++;
                var row = new Row { RowIndex = r };
                var c = 0;
                foreach (var field in line.Split(','))
                {
                    var reference = $"{(char)('A' + c++)}{r}";
                    row.Append(decimal.TryParse(field, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)
                        ? new Cell { CellReference = reference, CellValue = new CellValue(d), DataType = CellValues.Number }
                        : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(field)) });
                }

                data.Append(row);
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
        }

        return stream.ToArray();
    }

    /// <summary>A Word document: a title paragraph and a table of the given rows.</summary>
    private static byte[] WordDocument(string title, string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var table = new DocumentFormat.OpenXml.Wordprocessing.Table(rows.Select((cells, r) => new DocumentFormat.OpenXml.Wordprocessing.TableRow(cells.Select(text =>
                new DocumentFormat.OpenXml.Wordprocessing.TableCell(
                    new DocumentFormat.OpenXml.Wordprocessing.TableCellProperties(new DocumentFormat.OpenXml.Wordprocessing.GridSpan { Val = 1 }),
                    new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text))))))));
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(title))), table));
        }

        return stream.ToArray();
    }

    /// <summary>A one-page PDF with a line of text, written by hand (offsets need not be exact: readers rebuild them).</summary>
    private static byte[] Pdf(string text)
    {
        var content = $"BT /F1 12 Tf 72 720 Td ({text}) Tj ET";
        var pdf = new StringBuilder("%PDF-1.4\n")
            .Append("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n")
            .Append("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n")
            .Append("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n")
            .Append($"4 0 obj << /Length {content.Length} >> stream\n{content}\nendstream endobj\n")
            .Append("5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n")
            .Append("trailer << /Root 1 0 R /Size 6 >>\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
