using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Yusuan.Store;
using static Yusuan.Web.Tests.Browser;

namespace Yusuan.Web.Tests;

/// <summary>
/// A budget season in a real Chromium, with no YAML and no command line: the officer starts the new fiscal year from last
/// year's published budget, edits a text part in its form, fixes a pasted bad cell with the 资金性质 drop-down, previews the
/// draft's PDF (草稿 on every page) and submits; the reviewer returns it from the version page with a reason; the officer
/// reads the reason; a finding's link lands on its place.
/// </summary>
public class BudgetSeasonBrowserTests
{
    [Fact]
    public async Task An_officer_carries_a_new_year_from_last_years_budget_to_a_return_with_a_reason()
    {
        await using var app = await RunningApp.Start("sqlite");
        using (var store = BudgetStore.Open(app.Database))
        {
            store.AddUser("经办人", "officer", ["139001"], "测试", RunningApp.Password);
            store.AddUser("主管部门审核", "reviewer", [], "测试", RunningApp.Password);
        }

        var (playwright, browser) = await Chromium();
        using var _ = playwright;
        await using var __ = browser;
        var unit = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true })).NewPageAsync();
        await SignIn(unit, app.Url, "经办人");
        await unit.GotoAsync(app.Url + "/workspace");

        // 1. The new year, from 2023's published budget.
        await Screenshot(unit, "season-01-workspace");
        await unit.ClickAsync("button[data-action=next-year]");
        await unit.WaitForURLAsync(new Regex(@"/versions/\d+$"));
        Assert.Contains("2024 年第 1 版", await unit.Locator(".workspace h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("草稿", await unit.Locator("#state").InnerTextAsync());
        var version = unit.Url;

        // 2. A text part in its form.
        await unit.ClickAsync("#edit-text");
        var duties = unit.GetByLabel("部门职责");
        await duties.FillAsync(await duties.InputValueAsync() + "按季度公开工作进展。");
        await Screenshot(unit, "season-02-text-form");
        await unit.ClickAsync("#save");
        await unit.WaitForURLAsync("**?saved=1");
        Assert.Contains("按季度公开工作进展", await unit.Locator("#part1").InnerTextAsync(), StringComparison.Ordinal);

        // 3. A value pasted from a spreadsheet that is no 资金性质: named on its cell; chosen from the drop-down, saved.
        await unit.ClickAsync("#edit-ledger");
        await PasteAt(unit, 4, "资金性质", "一般预算");
        Assert.Equal("一般预算", await (await GridCell(unit, 4, "资金性质")).InnerTextAsync());
        await unit.ClickAsync("#save");
        await unit.Locator("#ledger-error").WaitForAsync();
        var bad = await GridCell(unit, 4, "资金性质");
        Assert.Equal("true", await bad.GetAttributeAsync("aria-invalid"));
        await Screenshot(unit, "season-03-grid-bad-fund");
        await ChooseInCell(unit, 4, "资金性质", "一般公共预算拨款");
        var chosen = await GridCell(unit, 4, "资金性质");
        Assert.Equal(("一般公共预算拨款", null), (await chosen.InnerTextAsync(), await chosen.GetAttributeAsync("aria-invalid")));
        await Screenshot(unit, "season-04-grid-fund-chosen");
        await unit.ClickAsync("#save");
        await unit.WaitForURLAsync("**?saved=1");

        // 4. The draft's PDF, with 草稿 on every page.
        var download = await unit.RunAndWaitForDownloadAsync(() => unit.ClickAsync("#preview"));
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync())))
        {
            Assert.True(pdf.NumberOfPages > 10);
            Assert.All(pdf.GetPages(), page => Assert.Contains("草稿", string.Concat(page.GetWords().Select(w => w.Text)), StringComparison.Ordinal));
        }

        // 5. A finding's link lands on its place in the document below.
        var link = unit.Locator("a.finding-link").First;
        var target = (await link.GetAttributeAsync("href"))!;
        await link.ClickAsync();
        Assert.EndsWith(target, unit.Url, StringComparison.Ordinal);
        Assert.True(await unit.Locator($"[id='{target.TrimStart('#')}']").IsVisibleAsync());
        // In view: scrolled to an anchor, its top may sit a fraction of a pixel above the viewport (layout in subpixels).
        Assert.True(await unit.EvaluateAsync<bool>("id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top > -1 && r.top < window.innerHeight; }", target.TrimStart('#')));

        // 6. Submitted.
        await unit.GotoAsync(version);
        await unit.ClickAsync("button[data-action=submit]");
        await unit.WaitForURLAsync("**/workspace");

        // 7. The reviewer returns it from the version page, with a reason.
        var review = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } })).NewPageAsync();
        await SignIn(review, app.Url, "主管部门审核");
        await review.GotoAsync(version);
        await review.ClickAsync("a[data-action=return]");
        await review.FillAsync("#comment", "请在第二部分说明 2024 年收支与上年持平的原因");
        await Screenshot(review, "season-05-return-with-reason");
        await review.ClickAsync("button[data-action=return]");
        await review.WaitForURLAsync(version);
        Assert.Equal("已退回", await review.Locator("#state").InnerTextAsync());

        // 8. The officer reads the reason at the top of the version.
        await unit.GotoAsync(version);
        Assert.Contains("请在第二部分说明 2024 年收支与上年持平的原因", await unit.Locator("#return-reason").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshot(unit, "season-06-reason-seen");
    }

    [Fact]
    public async Task A_ledger_of_ten_thousand_lines_opens_draws_only_what_is_in_view_and_reaches_its_last_line()
    {
        await using var app = await RunningApp.Start("sqlite");
        var officer = await app.Account("经办人", "officer", "139001");
        var sample = File.ReadAllLines(Repository.Sample("ledger.csv"));
        var body = sample.Skip(1).ToList();
        var csv = string.Join("\n", Enumerable.Range(0, 10_000).Select(i => body[i % body.Count]).Prepend(sample[0])) + "\n";
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/budgets/139001/2023/drafts")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "ledger", "ledger.csv" } },
            Headers = { Authorization = new("Bearer", officer.Token) },
        };
        using var created = await app.Client.SendAsync(upload);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        var (playwright, browser) = await Chromium();
        using var _ = playwright;
        await using var __ = browser;
        var unit = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } })).NewPageAsync();
        await SignIn(unit, app.Url, "经办人");
        await unit.GotoAsync($"{app.Url}/versions/{id}/ledger#row-10001");
        var last = unit.Locator("#row-10001");
        await last.WaitForAsync();
        Assert.True(await last.IsVisibleAsync());
        Assert.StartsWith("共 10000 行", await unit.Locator("#grid-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await unit.Locator("#ledger-grid .tabulator-row").CountAsync() < 300, "the grid drew every line instead of those in view");
    }

    [Fact]
    public async Task A_link_to_a_ledger_line_scrolls_the_grid_to_it_and_marks_it()
    {
        await using var app = await RunningApp.Start("sqlite");
        long draft;
        using (var store = BudgetStore.Open(app.Database))
        {
            store.AddUser("经办人", "officer", ["139001"], "测试", RunningApp.Password);
            draft = store.Correct(store.Published().Single().Version.Id, "经办人");
        }

        var (playwright, browser) = await Chromium();
        using var _ = playwright;
        await using var __ = browser;
        var unit = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 700 } })).NewPageAsync();
        await SignIn(unit, app.Url, "经办人");
        await unit.GotoAsync($"{app.Url}/versions/{draft}/ledger#row-45");
        var row = unit.Locator("#row-45");
        await row.WaitForAsync();
        Assert.Contains("row-target", await row.GetAttributeAsync("class"), StringComparison.Ordinal);
        Assert.True(await row.IsVisibleAsync());

        // What a cell holds is shown as text: markup pasted or uploaded into a ledger never becomes part of the page.
        await PasteAt(unit, 45, "项目名称", "<img src=x alt=注入><b>粗</b>");
        var cell = await GridCell(unit, 45, "项目名称");
        Assert.Equal("<img src=x alt=注入><b>粗</b>", await cell.InnerTextAsync());
        Assert.Equal(0, await cell.Locator("img, b").CountAsync());
    }
}
