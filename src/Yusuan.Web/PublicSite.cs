using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yusuan.Core.Disclosures;
using Yusuan.Formats.Json;
using Yusuan.Publishing.Html;
using Yusuan.Publishing.Layout;
using Yusuan.Publishing.Office;
using Yusuan.Publishing.Pdf;
using Yusuan.Store;
using static Yusuan.Web.PageFrame;

namespace Yusuan.Web;

/// <summary>
/// What anyone may read without signing in: a department's published budget (its page, its documents, its tables as CSV), the
/// list of published budgets and their tables and findings as JSON, and the audit of an uploaded document.
/// </summary>
internal static class PublicSite
{
    /// <summary>The published budget's page and downloads.</summary>
    public static void MapPages(IEndpointRouteBuilder app, Func<BudgetStore> open)
    {
        // A published version never changes, so its page is rendered once per (version, last year's version) and then served
        // from memory; only the lookup of which version is the latest goes to the database.
        var rendered = new RenderedPages(capacity: 512);
        app.MapGet("/budgets/{code}/{year:int}", (string code, int year, HttpContext context) =>
        {
            using var store = open();
            if (store.PublishedId(code, year) is not { } id)
            {
                return Results.Content(PageFrame.Page("没有找到", $"<h1>没有找到</h1><p>{E(code)} {year} 年的部门预算尚未公开。</p><p><a href=\"/\">返回</a></p>"), "text/html; charset=utf-8", Encoding.UTF8, 404);
            }

            var previousId = store.PublishedId(code, year - 1);
            var page = rendered.Get(id, previousId, () => PublicPage(store, code, year));
            context.Response.Headers.ETag = page.ETag;
            return context.Request.Headers.IfNoneMatch == page.ETag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(page.Body, "text/html; charset=utf-8");
        });

        app.MapGet("/budgets/{code}/{year:int}/disclosure.{format}", (string code, int year, string format) =>
        {
            using var store = open();
            if (store.PublishedId(code, year) is not { } id)
            {
                return Results.NotFound();
            }

            // A published version never changes: each of its documents is rendered once and kept in the store.
            byte[] Kept(string kind, Action<PrintedDocument, Stream> render)
            {
                if (store.Rendered(id, kind) is { } kept)
                {
                    return kept;
                }

                using var stream = new MemoryStream();
                render(Printed(Find(store, code, year)!.Value), stream);
                return store.KeepRendered(id, kind, stream.ToArray());
            }

            return format switch
            {
                "json" => Results.Text(store.Get(id).DisclosureJson, "application/json; charset=utf-8"),
                "pdf" => Results.File(Kept("pdf", (d, s) => PdfDocumentWriter.Write(d, s)), "application/pdf", $"{code}-{year}.pdf"),
                "xlsx" => Results.File(Kept("xlsx", (d, s) => XlsxDocumentWriter.Write(d, null, s)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{code}-{year}.xlsx"),
                "docx" => Results.File(Kept("docx", (d, s) => DocxDocumentWriter.Write(d, s)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{code}-{year}.docx"),
                _ => Results.NotFound(),
            };
        });

        app.MapGet("/budgets/{code}/{year:int}/tables/{id}.csv", (string code, int year, string id) =>
        {
            using var store = open();
            return Find(store, code, year)?.Disclosure.Table(id) is { } table
                ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Formats.Preview.TableCsvWriter.Write(table))).ToArray(), "text/csv; charset=utf-8", $"{code}-{year}-{id}.csv")
                : Results.NotFound();
        });
    }

    /// <summary>The public part of the JSON API: the audit of an upload, the published budgets, their tables and findings.</summary>
    public static void MapApi(RouteGroupBuilder api, Func<BudgetStore> open)
    {
        api.MapPost("/audit", async (HttpRequest request) =>
        {
            var (result, problem) = await YusuanWeb.AuditUpload(request);
            return result is null
                ? Results.Problem(problem!.Value.Message, statusCode: problem.Value.Status)
                : Results.Json(new { disclosure = result.Disclosure, findings = result.Findings }, YusuanJson.Options);
        }).DisableAntiforgery();
        api.MapGet("/departments", () =>
        {
            using var store = open();
            return Results.Json(store.PublishedList(null, null, 0, int.MaxValue).Page.Select(b => new { code = b.Code, name = b.Name, fiscalYear = b.Year, version = b.Number, sha256 = b.Sha256 }), YusuanJson.Options);
        });
        api.MapGet("/budgets/{code}/{year:int}/tables", (string code, int year) =>
        {
            using var store = open();
            return Find(store, code, year) is { } found
                ? Results.Text(found.Version.DisclosureJson, "application/json; charset=utf-8")
                : Results.Problem($"{code} {year} 年的部门预算尚未公开", statusCode: 404);
        });
        api.MapGet("/budgets/{code}/{year:int}/findings", (string code, int year) =>
        {
            using var store = open();
            return Find(store, code, year) is { } found
                ? Results.Text(YusuanJson.Serialize(store.Findings(found.Version.Id)), "application/json; charset=utf-8")
                : Results.Problem($"{code} {year} 年的部门预算尚未公开", statusCode: 404);
        });
    }

    /// <summary>The public page of a published budget: the document under a banner with its version, downloads and digest, and last year's comparison.</summary>
    private static string PublicPage(BudgetStore store, string code, int year)
    {
        var found = Find(store, code, year) ?? throw new InvalidOperationException($"{code} {year} is not published");
        var html = HtmlDocumentWriter.Write(Printed(found));
        var banner = $"<aside class=\"published\" style=\"border:1px solid #8c959f;padding:8px 12px;margin:12px 0\"><a href=\"/\">← 全部部门</a>　第 {found.Version.Number} 版，公开于 {(found.Version.PublishedAt is { } at ? PageFrame.BeijingTime(at) : string.Empty)}。"
            + $"　下载：{string.Join("　", new[] { "pdf", "xlsx", "docx", "json" }.Select(f => $"<a href=\"/budgets/{E(code)}/{year}/disclosure.{f}\">{f.ToUpperInvariant()}</a>"))}"
            + $"　CSV：{string.Join(" ", found.Disclosure.Tables.Select(t => $"<a href=\"/budgets/{E(code)}/{year}/tables/{t.Id}.csv\">{t.Id}</a>"))}"
            + $"<br>disclosure.json 的 SHA-256：<code id=\"sha256\">{found.Version.Sha256}</code></aside>";
        var previous = Find(store, code, year - 1);
        var (source, rows) = YearComparison.Compare(found.Disclosure, previous?.Disclosure, previous?.Version.Number);
        banner += YearComparison.Html(source, rows);
        return html.Replace("<body>\n", "<body>\n" + banner, StringComparison.Ordinal);
    }

    /// <summary>A published version as printed: its cover dated the day the finance bureau published it, in China's time (UTC+8).</summary>
    private static PrintedDocument Printed((BudgetVersion Version, Disclosure Disclosure) found) =>
        DocumentLayout.From(found.Disclosure) with
        {
            IssuedOn = found.Version.PublishedAt is { } at ? PageFrame.BeijingDate(at) : null,
        };

    private static (BudgetVersion Version, Disclosure Disclosure)? Find(BudgetStore store, string code, int year)
    {
        var published = store.Published(code, year);
        return published is null ? null : (published, YusuanJson.DeserializeDisclosure(published.DisclosureJson)!);
    }
}
