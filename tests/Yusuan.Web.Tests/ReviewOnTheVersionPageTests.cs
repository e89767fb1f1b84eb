using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Yusuan.Core.Findings;
using Yusuan.Store;

namespace Yusuan.Web.Tests;

/// <summary>
/// The review on the version page: a return needs a reason, which the unit reads at the top; the finance bureau may return an
/// approved budget and publishes only after a page that shows what becomes public; a draft previews as a PDF with 草稿; each
/// finding is kept whole and links to its place.
/// </summary>
public class ReviewOnTheVersionPageTests
{
    /// <summary>A new version of the sample department (a correction of the published one) taken to the given state.</summary>
    private static long Version(RunningApp app, params BudgetState[] path)
    {
        using var store = BudgetStore.Open(app.Database);
        var id = store.Correct(store.Published().Single().Version.Id, "测试");
        foreach (var state in path)
        {
            store.Move(id, state, state == BudgetState.Submitted ? "经办人" : "主管部门", state == BudgetState.Returned ? "测试" : null);
        }

        return id;
    }

    [Theory]
    [MemberData(nameof(ApiTests.Providers), MemberType = typeof(ApiTests))]
    public async Task A_return_needs_a_reason_and_the_unit_reads_it_at_the_top_of_the_version(string provider)
    {
        await using var app = await RunningApp.Start(provider);
        var officer = await app.Account("经办人甲", "officer", "139001");
        var reviewer = await app.Account("审核人乙", "reviewer");
        var id = Version(app, BudgetState.Submitted);
        using var review = new SignedInClient(app, reviewer);

        // The version page offers the reviewer the two steps; return leads to a form whose reason is required.
        var page = await (await review.Get($"/versions/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-action=\"approve\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/versions/{id}/return\"", page, StringComparison.Ordinal);
        Assert.Contains("<textarea id=\"comment\" name=\"comment\" rows=\"5\" cols=\"80\" required>", await (await review.Get($"/versions/{id}/return")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Without a reason — on the page or through the API — nothing moves.
        using (var blank = await review.Post($"/versions/{id}/return", ("comment", "  ")))
        {
            Assert.Equal(HttpStatusCode.Conflict, blank.StatusCode);
            Assert.Contains("须写明原因", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var api = new HttpRequestMessage(HttpMethod.Post, $"/api/versions/{id}/return") { Headers = { Authorization = new("Bearer", reviewer.Token) } })
        using (var blank = await app.Client.SendAsync(api))
        {
            Assert.Equal(HttpStatusCode.Conflict, blank.StatusCode);
        }

        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Equal(BudgetState.Submitted, store.Get(id).State);
        }

        using (var returned = await review.Post($"/versions/{id}/return", ("comment", "请补充项目支出的绩效目标")))
        {
            Assert.Equal((HttpStatusCode.Redirect, $"/versions/{id}"), (returned.StatusCode, returned.Headers.Location!.ToString()));
        }

        using var unit = new SignedInClient(app, officer);
        var seen = await (await unit.Get($"/versions/{id}")).Content.ReadAsStringAsync();
        var reason = Regex.Match(seen, "<p class=\"error\" id=\"return-reason\" role=\"alert\">([^<]*)</p>");
        Assert.True(reason.Success, "the reason is not at the top of the version page");
        Assert.StartsWith("退回原因（审核人乙，", reason.Groups[1].Value, StringComparison.Ordinal);
        Assert.EndsWith("）：请补充项目支出的绩效目标", reason.Groups[1].Value, StringComparison.Ordinal);
        Assert.True(seen.IndexOf("return-reason", StringComparison.Ordinal) < seen.IndexOf("id=\"findings\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_finance_bureau_sees_what_becomes_public_before_publishing_and_may_return_an_approved_budget()
    {
        await using var app = await RunningApp.Start("sqlite");
        var finance = await app.Account("财政局丙", "finance");
        using var bureau = new SignedInClient(app, finance);
        var id = Version(app, BudgetState.Submitted, BudgetState.Approved);

        // The confirmation names the address, every table and the downloads, and publishes nothing by itself.
        var confirm = await (await bureau.Get($"/versions/{id}/publish")).Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"/budgets/139001/2023\">/budgets/139001/2023</a>", confirm, StringComparison.Ordinal);
        Assert.Contains("12 张表", confirm, StringComparison.Ordinal);
        Assert.Contains("收支总表", confirm, StringComparison.Ordinal);
        Assert.Contains("PDF、XLSX、DOCX", confirm, StringComparison.Ordinal);
        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Equal(BudgetState.Approved, store.Get(id).State);
        }

        // The reviewer who approved it may not send it back: that is the finance bureau's.
        using (var reviewer = new SignedInClient(app, await app.Account("审核人", "reviewer")))
        using (var refused = await reviewer.Post($"/versions/{id}/return", ("comment", "再看看")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("只有财政局可以退回", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var returned = await bureau.Post($"/versions/{id}/return", ("comment", "三公经费说明与表3不符")))
        {
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }

        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Equal((BudgetState.Returned, "三公经费说明与表3不符"), (store.Get(id).State, store.Comments(id)[0].Text));
        }

        // Another version, approved, is published by the confirmation's button.
        var next = Version(app, BudgetState.Submitted, BudgetState.Approved);
        using (var published = await bureau.Post($"/versions/{next}/publish"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Equal(BudgetState.Published, store.Get(next).State);
        }
    }

    [Fact]
    public async Task A_draft_previews_as_its_pdf_with_草稿_on_every_page_and_the_published_pdf_has_none()
    {
        await using var app = await RunningApp.Start("sqlite");
        var officer = await app.Account("经办人丁", "officer", "139001");
        using var unit = new SignedInClient(app, officer);
        var id = Version(app);
        using var response = await unit.Get($"/versions/{id}/preview.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var preview = await response.Content.ReadAsByteArrayAsync();
        var published = await app.Client.GetByteArrayAsync("/budgets/139001/2023/disclosure.pdf");

        static List<string> Pages(byte[] pdf)
        {
            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            return document.GetPages().Select(p => string.Concat(p.GetWords().Select(w => w.Text))).ToList();
        }

        var previewPages = Pages(preview);
        var publishedPages = Pages(published);
        Assert.Equal(publishedPages.Count, previewPages.Count);
        Assert.All(previewPages, text => Assert.Contains("草稿", text, StringComparison.Ordinal));
        Assert.All(publishedPages, text => Assert.DoesNotContain("草稿", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_finding_is_kept_whole_in_the_api_and_links_to_its_cell_its_part_or_its_ledger_row()
    {
        await using var app = await RunningApp.Start("sqlite");
        var officer = await app.Account("经办人戊", "officer", "139001");
        long id;
        string code;
        using (var store = BudgetStore.Open(app.Database))
        {
            var sample = store.Published().Single().Version;
            var disclosure = Formats.Json.YusuanJson.DeserializeDisclosure(sample.DisclosureJson)!;
            code = disclosure.Table("T03")!.Rows.First(r => r.Code is { Length: 7 }).Code!;
            Finding[] findings =
            [
                new("T03.sum.rows", Severity.Error, "arithmetic", "示例：合计不等于各行之和", new Location { Table = "T03", TableRow = code, TableColumn = "basic" }, 100.5m, 100.4m, 0m),
                new("text.reasons.sum", Severity.Warning, "text", "示例：原因之和不符", new Location { Part = 2, Sentence = 3 }),
                new("ledger.amount", Severity.Info, "input", "示例：金额为零", new Location { File = "ledger.csv", Row = 5, Column = "amount" }),
            ];
            id = store.CreateDraft("139001", 2023, [], sample.DisclosureJson, findings, "测试", store.Files(sample.Id));
        }

        // The API: yusuan.findings/1, whole.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/versions/{id}/findings") { Headers = { Authorization = new("Bearer", officer.Token) } };
        using var answer = await app.Client.SendAsync(request);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("yusuan.findings/1", json.RootElement.GetProperty("schema").GetString());
        var first = json.RootElement.GetProperty("findings")[0];
        Assert.Equal(("T03.sum.rows", "error", "arithmetic"), (first.GetProperty("rule").GetString(), first.GetProperty("severity").GetString(), first.GetProperty("category").GetString()));
        Assert.Equal(("T03", code, "basic"), (first.GetProperty("location").GetProperty("table").GetString(), first.GetProperty("location").GetProperty("tableRow").GetString(), first.GetProperty("location").GetProperty("tableColumn").GetString()));
        Assert.Equal((100.5m, 100.4m, 0m), (first.GetProperty("expected").GetDecimal(), first.GetProperty("actual").GetDecimal(), first.GetProperty("tolerance").GetDecimal()));

        // The page: each location in Chinese, each link landing on something that is there.
        using var unit = new SignedInClient(app, officer);
        var page = await (await unit.Get($"/versions/{id}")).Content.ReadAsStringAsync();
        var links = Regex.Matches(page, "<a class=\"finding-link\" href=\"([^\"]+)\">([^<]*)</a>").ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => m.Groups[2].Value);
        Assert.Equal($"“支出总表” 行 {code} 栏 基本支出", links[$"#cell-T03-{code}-basic"]);
        Assert.Contains($"id=\"cell-T03-{code}-basic\"", page, StringComparison.Ordinal);
        Assert.Contains("#part2-3", links.Keys);
        Assert.Contains("<p id=\"part2-3\">预算收支减少主要原因", page, StringComparison.Ordinal);
        Assert.Contains($"/versions/{id}/ledger#row-5", links.Keys);

        // The grid draws line 5 (its fourth data row) as #row-5 in the browser (BudgetSeasonBrowserTests follows such a link).
        var ledger = await (await unit.Get($"/versions/{id}/ledger")).Content.ReadAsStringAsync();
        using var grid = JsonDocument.Parse(WebUtility.HtmlDecode(Regex.Match(ledger, "<script type=\"application/json\" id=\"ledger-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value));
        Assert.True(grid.RootElement.GetProperty("rows").GetArrayLength() >= 4);
    }
}
