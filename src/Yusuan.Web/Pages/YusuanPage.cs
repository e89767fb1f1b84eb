using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yusuan.Store;

namespace Yusuan.Web.Pages;

/// <summary>Opens the application's database; one connection per request, disposed with it.</summary>
public sealed class StoreFactory(string database)
{
    public BudgetStore Open() => BudgetStore.Open(database);
}

/// <summary>
/// The base of the pages of people who sign in: who is signed in (each page names its policy, <see cref="Policies"/>), whether
/// they act for a version's agency, and the short pages that refuse.
/// </summary>
public abstract class YusuanPage(StoreFactory stores) : PageModel
{
    protected StoreFactory Stores => stores;

    /// <summary>The signed-in user (the page's policy let them in: see <see cref="Policies"/>).</summary>
    public User Account => User.Account();

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ViewData["Navigation"] = true;
        base.OnPageHandlerExecuting(context);
    }

    /// <summary>The version the signed-in user may open: 404 when there is none, 403 when an officer does not act for its agency.</summary>
    protected (BudgetVersion? Version, IActionResult? Refusal) OpenVersion(BudgetStore store, long id)
    {
        if (store.Find(id) is not { } version)
        {
            return (null, Message(404, "没有找到", $"没有编号为 {id} 的预算版本。"));
        }

        return YusuanWeb.ActsFor(Account, version.DepartmentCode)
            ? (version, null)
            : (null, Message(403, "无权访问", $"{Account.Name} 不代表单位 {version.DepartmentCode}。"));
    }

    protected static ContentResult Message(int status, string title, string text, string back = "/workspace") =>
        new() { StatusCode = status, ContentType = "text/html; charset=utf-8", Content = PageFrame.Message(title, text, back) };
}

/// <summary>A form whose antiforgery token is missing or wrong gets a page that says so, not an empty 400.</summary>
internal sealed class ForgedFormPage : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = new ContentResult
            {
                StatusCode = 400,
                ContentType = "text/html; charset=utf-8",
                Content = PageFrame.Message("表单已失效", "这份表单不是从本站页面提交的，或页面已过期。请返回上一页，刷新后重新提交。", "/"),
            };
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
