using System.Text;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Publishing.Html;
using Yusuan.Publishing.Layout;
using Yusuan.Publishing.Office;
using Yusuan.Publishing.Pdf;

namespace Yusuan.Publishing;

/// <summary>The files of a published document, in memory, with what the read-back check found.</summary>
public sealed record Publication(string Html, byte[] Pdf, byte[] Xlsx, byte[] Docx, IReadOnlyList<Finding> Findings, PdfRendering Rendering);

/// <summary>Renders a disclosure in all four formats and reads the PDF and workbook back against it.</summary>
public static class Publisher
{
    /// <summary>Lays the disclosure out, writes HTML, PDF, XLSX and DOCX in memory and reads the PDF and workbook back; differences are error findings.</summary>
    /// <param name="disclosure">The disclosure to publish; for a template, already restated in it (<see cref="Core.Compile.TemplateRestatement"/>).</param>
    /// <param name="lines">The budget lines, written to the workbook's last sheet; null: none.</param>
    /// <param name="template">The template whose layout to print (its part headings, numbering, code columns); null: the seed's.</param>
    /// <param name="issuedOn">The date of publication the cover prints (the profile's publication.publishedOn); null: the fiscal year alone.</param>
    public static Publication Render(Disclosure disclosure, IEnumerable<BudgetLine>? lines, Core.Tables.DocumentTemplate? template = null, DateOnly? issuedOn = null)
    {
        var document = DocumentLayout.From(disclosure, template) with { IssuedOn = issuedOn };
        using var pdf = new MemoryStream();
        var rendering = PdfDocumentWriter.Write(document, pdf);
        // The HTML's contents give the PDF's page numbers: printed, its pages are the PDF's.
        var html = HtmlDocumentWriter.Write(document, rendering.Contents);
        using var xlsx = new MemoryStream();
        XlsxDocumentWriter.Write(document, lines, xlsx);
        using var docx = new MemoryStream();
        DocxDocumentWriter.Write(document, docx, rendering.Contents);

        var findings = new List<Finding>(ReadBack.MissingGlyphs(rendering));
        pdf.Position = 0;
        findings.AddRange(ReadBack.CheckPdf(pdf, document, rendering));
        xlsx.Position = 0;
        findings.AddRange(ReadBack.CheckXlsx(xlsx, document));
        return new Publication(html, pdf.ToArray(), xlsx.ToArray(), docx.ToArray(), findings, rendering);
    }

    public static void Save(Publication publication, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "disclosure.html"), publication.Html, new UTF8Encoding(false));
        File.WriteAllBytes(Path.Combine(directory, "disclosure.pdf"), publication.Pdf);
        File.WriteAllBytes(Path.Combine(directory, "disclosure.xlsx"), publication.Xlsx);
        File.WriteAllBytes(Path.Combine(directory, "disclosure.docx"), publication.Docx);
    }
}
