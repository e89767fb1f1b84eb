using System.Text.RegularExpressions;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Rules;

namespace Yusuan.Formats.Audit;

/// <summary>One audited document: what was extracted, and what the rules found.</summary>
public sealed record AuditResult(string File, Disclosure? Disclosure, IReadOnlyList<Finding> Findings);

/// <summary>Audits published documents: read (PDF, XLSX, DOCX, HTML or TXT), extract, run the same rule catalogue as for our own budgets.</summary>
public static class Auditor
{
    /// <summary>
    /// Reads one document, or the attachments of one budget published apart as one document: "说明.pdf+报表.pdf" (北京) reads
    /// the files in that order, their pages numbered on from one file to the next. A part that cannot be read is the whole
    /// document's problem, named with that part.
    /// </summary>
    public static SourceDocument Read(string path) =>
        !File.Exists(path) && path.Contains('+', StringComparison.Ordinal) && path.Split('+') is { Length: > 1 and <= 8 } parts && parts.All(p => p.Length > 0) && parts.Any(File.Exists)
            ? Joined(path, parts)
            : ReadOne(path);

    private static SourceDocument Joined(string path, string[] parts)
    {
        var lines = new List<SourceLine>();
        var tables = new List<Layout.PrintedTable>();
        var offset = 0;
        foreach (var part in parts)
        {
            var read = ReadOne(part);
            if (read.Problem is not null)
            {
                return new SourceDocument(JoinedName(parts), [], $"{read.File}：{read.Problem}");
            }

            lines.AddRange(read.Lines.Select(l => l with { Page = l.Page + offset }));
            tables.AddRange((read.Tables ?? []).Select(t => t with { Pages = [.. t.Pages.Select(p => p + offset)], Rows = [.. t.Rows.Select(r => r with { Page = r.Page + offset })] }));
            offset += read.Lines.Select(l => l.Page).DefaultIfEmpty(0).Max();
        }

        return new SourceDocument(JoinedName(parts), lines, null) { Tables = tables };
    }

    /// <summary>The name a joined document is reported under: its files' names joined with "+".</summary>
    private static string JoinedName(string[] parts) => string.Join("+", parts.Select(Path.GetFileName));

    private static SourceDocument ReadOne(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        _ when !File.Exists(path) => new SourceDocument(Path.GetFileName(path), [], Core.Messages.FileMissing),
        ".pdf" => PdfDocumentReader.Read(path),
        ".txt" or ".text" => TextDocumentReader.Read(path),
        ".xlsx" => XlsxDocumentReader.Read(path),
        ".html" or ".htm" => HtmlDocumentReader.Read(path),
        ".docx" => DocxDocumentReader.Read(path),
        var ext => new SourceDocument(Path.GetFileName(path), [], $"不支持的文件格式“{ext}”（可审计 PDF、XLSX、DOCX、HTML 和 TXT）"),
    };

    public static AuditResult Audit(string path, ClassificationCatalogue catalogue, RegionalProfile? region = null)
    {
        var source = Read(path);
        if (source.Problem is not null)
        {
            return new AuditResult(source.File, null, [new Finding("audit.document.unreadable", Severity.Error, "input", $"{source.File}：{source.Problem}", new Location { File = source.File })]);
        }

        var extracted = new DocumentExtractor(catalogue).Extract(source);
        // The template is the region's where one is named (--region), else the one the document shows (regions/templates).
        var template = region?.Template ?? TemplateLibrary.Detect(extracted, DocumentExtractor.Cover(source.Lines).Text);
        var disclosure = extracted with { Template = template.Name, Attachment = IsExplanation(source, extracted) ? "说明" : IsTablesOnly(source, extracted) ? "报表" : null };
        if (!IsBudget(source, disclosure))
        {
            return new AuditResult(source.File, null, [new Finding("audit.document.not-budget", Severity.Error, "input", $"{source.File}：不是部门预算或决算文件（首页没有“预算”或“决算”，也没有预算表），未按预算审计", new Location { File = source.File, Page = source.Lines.FirstOrDefault()?.Page })]);
        }

        var findings = RuleEngine.Run(new RuleContext(disclosure, catalogue) { Template = template }, region)
            .Select(f => f with { Location = f.Location with { File = f.Location.File ?? source.File } })
            .ToList();
        return new AuditResult(source.File, disclosure, findings);
    }

    /// <summary>
    /// Whether a document is the 说明 of a budget whose tables are published as another attachment: it prints no table and
    /// says where they are (北京: "第二部分 2026 年度部门预算报表", then "附件：北京市信访办公室部门 2026 年度部门预算报表").
    /// </summary>
    /// <remarks>The attachment's name may wrap onto the next line ("附件：北京市规划和自然资源委员会 2026 年度部门预" / "算报表").</remarks>
    private static bool IsExplanation(SourceDocument source, Disclosure disclosure)
    {
        if (disclosure.Tables.Count > 0)
        {
            return false;
        }

        var lines = source.Lines.Select(l => string.Concat(l.Cells).Replace(" ", string.Empty, StringComparison.Ordinal)).ToList();
        return lines.Select((line, i) => i + 1 < lines.Count ? line + lines[i + 1] : line)
            .Any(text => Regex.IsMatch(text, "^附件[:：][^：:]{0,60}?(?:报表|预算表)"));
    }

    /// <summary>
    /// Whether a document is the 报表 of a budget whose text is published as another attachment: no cover, no 目录 and no
    /// text, its first page a table (北京: "预算01表 收支总表"), and at least two of the standard tables.
    /// </summary>
    private static bool IsTablesOnly(SourceDocument source, Disclosure disclosure) =>
        disclosure.Tables.Count(t => t.Id.StartsWith('T')) >= 2 && disclosure.Narrative.Count == 0 && disclosure.Contents.Count == 0
        && source.Lines.FirstOrDefault(l => !l.IsBlank) is { } first && disclosure.Tables.Any(t => t.Source?.Pages.FirstOrDefault() == first.Page);

    /// <summary>
    /// Whether a document is a budget or final accounts at all, as a reader decides at a glance: its first page names a 预算 or
    /// 决算 (a cover, a title, 预算01表), or it prints at least two of the standard tables. Notices, plans, evaluation reports
    /// and a table of project goals alone, published where a budget was expected, are not audited as budgets.
    /// </summary>
    private static bool IsBudget(SourceDocument source, Disclosure disclosure)
    {
        var firstPage = source.Lines.FirstOrDefault()?.Page;
        var opening = string.Concat(source.Lines.TakeWhile(l => l.Page == firstPage).SelectMany(l => l.Cells).SelectMany(c => c).Where(c => !char.IsWhiteSpace(c)).Take(400));
        return opening.Contains("预算", StringComparison.Ordinal) || opening.Contains("决算", StringComparison.Ordinal)
            || disclosure.Tables.Count(t => t.Id.StartsWith('T')) >= 2;
    }
}
