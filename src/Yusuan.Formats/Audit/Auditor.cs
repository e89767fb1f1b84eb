using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Rules;

namespace Yusuan.Formats.Audit;

/// <summary>One audited document: what was extracted, and what the rules found.</summary>
public sealed record AuditResult(string File, Disclosure? Disclosure, IReadOnlyList<Finding> Findings);

/// <summary>Audits published documents: read (PDF, XLSX, HTML or TXT), extract, run the same rule catalogue as for our own budgets.</summary>
public static class Auditor
{
    public static SourceDocument Read(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".pdf" => PdfDocumentReader.Read(path),
        ".txt" or ".text" => TextDocumentReader.Read(path),
        ".xlsx" => XlsxDocumentReader.Read(path),
        ".html" or ".htm" => HtmlDocumentReader.Read(path),
        _ when !File.Exists(path) => new SourceDocument(Path.GetFileName(path), [], Core.Messages.FileMissing),
        var ext => new SourceDocument(Path.GetFileName(path), [], $"不支持的文件格式“{ext}”（可审计 PDF、XLSX、HTML 和 TXT）"),
    };

    public static AuditResult Audit(string path, ClassificationCatalogue catalogue, RegionalProfile? region = null)
    {
        var source = Read(path);
        if (source.Problem is not null)
        {
            return new AuditResult(source.File, null, [new Finding("audit.document.unreadable", Severity.Error, "input", $"{source.File}：{source.Problem}", new Location { File = source.File })]);
        }

        var disclosure = new DocumentExtractor(catalogue).Extract(source);
        var findings = RuleEngine.Run(new RuleContext(disclosure, catalogue), region)
            .Select(f => f with { Location = f.Location with { File = f.Location.File ?? source.File } })
            .ToList();
        return new AuditResult(source.File, disclosure, findings);
    }
}
