using Yusuan.Core.Catalogue;
using Yusuan.Core.Compile;
using Yusuan.Core.Findings;
using Yusuan.Publishing;
using Yusuan.Publishing.Layout;
using Yusuan.Publishing.Office;
using Yusuan.Publishing.Pdf;

namespace Yusuan.Core.Tests.Rules;

/// <summary>Real read-back findings for the render rules: the sample rendered, then read back against a document with one figure changed.</summary>
internal static class Rendering
{
    public static IReadOnlyList<Finding> TamperedReadBack(string rule)
    {
        var clean = Sample.Clean;
        var disclosure = new BudgetCompiler(ClassificationCatalogue.BuiltIn()).Compile(clean.Profile, clean.Plan, clean.Lines, clean.Rounding).Disclosure;
        var document = DocumentLayout.From(disclosure);
        var tampered = DocumentLayout.From(disclosure.SetCell("T03", "2080505", "total", v => v + 1000));
        if (rule == "render.pdf.readback")
        {
            using var pdf = new MemoryStream();
            var rendering = PdfDocumentWriter.Write(document, pdf);
            pdf.Position = 0;
            return ReadBack.CheckPdf(pdf, tampered, rendering);
        }

        using var xlsx = new MemoryStream();
        XlsxDocumentWriter.Write(document, null, xlsx);
        xlsx.Position = 0;
        return ReadBack.CheckXlsx(xlsx, tampered);
    }

    public static IReadOnlyList<Finding> MissingGlyphFindings()
    {
        var clean = Sample.Clean;
        var disclosure = new BudgetCompiler(ClassificationCatalogue.BuiltIn()).Compile(clean.Profile, clean.Plan, clean.Lines, clean.Rounding).Disclosure;
        var document = DocumentLayout.From(disclosure) with { Department = "测试单位🀄" };
        using var pdf = new MemoryStream();
        return ReadBack.MissingGlyphs(PdfDocumentWriter.Write(document, pdf));
    }
}
