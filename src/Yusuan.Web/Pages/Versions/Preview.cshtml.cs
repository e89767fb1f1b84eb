using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yusuan.Formats.Json;
using Yusuan.Publishing.Layout;
using Yusuan.Publishing.Pdf;
using Yusuan.Store;

namespace Yusuan.Web.Pages.Versions;

/// <summary>
/// A version's PDF as it would be published, with 草稿 across every page while it is not yet public (a published version's
/// PDF is the one on the portal): what the officer checks before submitting and the reviewer before approving.
/// </summary>
[Authorize(Policy = Policies.ReadsVersions)]
public sealed class PreviewModel(StoreFactory stores) : YusuanPage(stores)
{
    public IActionResult OnGet(long id)
    {
        using var store = Stores.Open();

        var (version, missing) = OpenVersion(store, id);
        if (version is null)
        {
            return missing!;
        }

        if (version.State == BudgetState.Published)
        {
            return Redirect($"/budgets/{version.DepartmentCode}/{version.FiscalYear}/disclosure.pdf");
        }

        if (YusuanJson.DeserializeDisclosure(version.DisclosureJson) is not { } disclosure)
        {
            return Message(409, "无法预览", $"第 {version.Number} 版还没有编制出可出版的文本。", $"/versions/{id}");
        }

        using var pdf = new MemoryStream();
        PdfDocumentWriter.Write(DocumentLayout.From(disclosure), pdf, watermark: "草稿");
        Response.Headers.CacheControl = "no-store";
        return File(pdf.ToArray(), "application/pdf", $"{version.DepartmentCode}-{version.FiscalYear}-第{version.Number}版-草稿.pdf");
    }
}
