using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Yusuan.Web.Pages;

/// <summary>
/// Anyone uploads a published budget and reads its audit report. Nothing is kept and nothing changes, so the form needs no
/// antiforgery token: another site posting it would only audit a file for itself.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class AuditModel : PageModel
{
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (result, problem) = await YusuanWeb.AuditUpload(Request);
        if (result is null)
        {
            Problem = problem!.Value.Message;
            Response.StatusCode = problem.Value.Status;
            return Page();
        }

        return Content(Formats.Audit.AuditReportWriter.Write([result]), "text/html; charset=utf-8");
    }
}
