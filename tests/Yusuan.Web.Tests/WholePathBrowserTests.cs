using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Yusuan.Store;
using static Yusuan.Web.Tests.Browser;

namespace Yusuan.Web.Tests;

/// <summary>
/// The whole path in a real Chromium: a unit signs in, uploads a ledger with a bad row and sees the error on that row, fixes it,
/// edits lines and text and sees the tables and findings follow, submits; the reviewer approves, the finance bureau publishes;
/// a visitor reads a figure that equals disclosure.json and downloads the PDF. Each step leaves a screenshot.
/// </summary>
public class WholePathBrowserTests
{
    private static void AddUsers(RunningApp app)
    {
        using var store = BudgetStore.Open(app.Database);
        store.AddUser("经办人", "officer", ["139001"], "管理员", RunningApp.Password);
        store.AddUser("主管部门审核", "reviewer", [], "管理员", RunningApp.Password);
        store.AddUser("财政局", "finance", [], "管理员", RunningApp.Password);
    }

    /// <summary>The figure printed in a row of a table on the page, as a number.</summary>
    private static async Task<decimal> Figure(IPage page, string table, string row) =>
        decimal.Parse((await page.Locator($"#{table} tr", new() { HasText = row }).First.Locator("td").Last.InnerTextAsync()).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_officer_prepares_a_budget_a_reviewer_approves_it_and_the_public_reads_it()
    {
        await using var app = await RunningApp.Start("sqlite");
        AddUsers(app);
        var (playwright, browser) = await Chromium();
        using var _ = playwright;
        await using var __ = browser;

        // 1. The unit signs in.
        var unit = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } })).NewPageAsync();
        await unit.GotoAsync(app.Url + "/signin");
        await unit.FillAsync("#name", "经办人");
        await unit.FillAsync("#password", RunningApp.Password);
        await Screenshot(unit, "web-01-signin");
        await unit.ClickAsync("button[type=submit]");
        await unit.WaitForURLAsync("**/workspace");

        // 2. A ledger with one bad amount: the error stands on row 3, column amount, beside what the row holds; nothing is stored.
        var bad = Path.Combine(Path.GetTempPath(), "ledger-" + Guid.NewGuid().ToString("N") + ".csv");
        var lines = File.ReadAllLines(Repository.Sample("ledger.csv"));
        File.WriteAllLines(bad, lines.Select((l, i) => i == 2 ? l.Replace(",468000.00,", ",46.8万,", StringComparison.Ordinal) : l));
        await unit.FillAsync("#year", "2023");
        await unit.SetInputFilesAsync("#ledger", bad);
        await unit.ClickAsync("text=上传并编制");
        var problem = unit.Locator("tr.problem");
        Assert.Equal(1, await problem.CountAsync());
        Assert.Equal(("3", "金额"), (await problem.Locator("td").Nth(0).InnerTextAsync(), await problem.Locator("td").Nth(1).InnerTextAsync()));
        Assert.Contains("46.8万", await problem.Locator("code").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshot(unit, "web-02-upload-error");
        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Single(store.Versions("139001"));
        }

        // 3. Fixed, it compiles into a draft whose page shows the findings and the document.
        File.WriteAllLines(bad, lines);
        await unit.GotoAsync(app.Url + "/workspace");
        await unit.FillAsync("#year", "2023");
        await unit.SetInputFilesAsync("#ledger", bad);
        await unit.ClickAsync("text=上传并编制");
        await unit.WaitForURLAsync("**/versions/*");
        var draftUrl = unit.Url;
        Assert.Equal("草稿", await unit.Locator("#state").InnerTextAsync());
        Assert.Contains("错误 0，警告 3", await unit.Locator("#findings caption").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(7_656m, await Figure(unit, "T01", "支出总计"));
        await Screenshot(unit, "web-03-draft-findings");

        // 4. In the grid: a bad amount stands on its cell and keeps what was typed; corrected, the save recompiles everything.
        await unit.ClickAsync("#edit-ledger");
        Assert.Equal("1,259,000.00", await (await GridCell(unit, 2, "金额")).InnerTextAsync());
        await EditCell(unit, 2, "金额", "1299000.00");
        await EditCell(unit, 3, "金额", "46.8万");
        await unit.ClickAsync("#save");
        await unit.Locator("#ledger-error").WaitForAsync();
        var badCell = await GridCell(unit, 3, "金额");
        Assert.Equal("true", await badCell.GetAttributeAsync("aria-invalid"));
        Assert.Equal("46.8万", await badCell.InnerTextAsync());
        Assert.Equal("1,299,000.00", await (await GridCell(unit, 2, "金额")).InnerTextAsync());
        Assert.Contains("第 3 行", await unit.Locator("#problems").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshot(unit, "web-04-grid-error");
        await EditCell(unit, 3, "金额", "468000.00");
        await unit.ClickAsync("#save");
        await unit.WaitForURLAsync("**/versions/*?saved=1");
        Assert.Equal(7_660m, await Figure(unit, "T01", "支出总计"));
        Assert.Contains("+40,000.00", await unit.Locator("#diff").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshot(unit, "web-05-grid-saved");

        // 5. Text parts: a changed sentence of 部门职责 appears in the document.
        await unit.ClickAsync("#edit-text");
        var duties = await unit.GetByLabel("部门职责").InputValueAsync();
        await unit.GetByLabel("部门职责").FillAsync(duties.Replace("完成市生态环境局交办的其他任务。", "完成市生态环境局交办的其他任务，按季度公开工作进展。", StringComparison.Ordinal));
        await Screenshot(unit, "web-06-text-editor");
        await unit.ClickAsync("#save");
        await unit.WaitForURLAsync("**/versions/*?saved=1");
        Assert.Contains("按季度公开工作进展", await unit.Locator("#part1").InnerTextAsync(), StringComparison.Ordinal);

        // 6. Submitted.
        await unit.ClickAsync("button[data-action=submit]");
        await unit.WaitForURLAsync("**/workspace");
        Assert.Contains("已提交", await unit.Locator("tr", new() { HasText = "第 2 版" }).InnerTextAsync(), StringComparison.Ordinal);

        // 7. The reviewer sees it in the queue with its finding counts, and approves.
        var review = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 700 } })).NewPageAsync();
        await SignIn(review, app.Url, "主管部门审核");
        var row = review.Locator("tr", new() { HasText = "第 2 版" });
        Assert.Equal(("0", "3"), (await row.Locator("td").Nth(4).InnerTextAsync(), await row.Locator("td").Nth(5).InnerTextAsync()));
        await Screenshot(review, "web-07-review-queue");
        // The page is on /workspace before and after the post, so the URL cannot tell the click is done: the button leaves the queue.
        var approve = row.Locator("button[data-action=approve]");
        await approve.ClickAsync();
        await approve.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // 8. The finance bureau publishes.
        var finance = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 700 } })).NewPageAsync();
        await SignIn(finance, app.Url, "财政局");
        // Publishing first shows what becomes public; the confirmation's button publishes.
        await finance.Locator("tr", new() { HasText = "第 2 版" }).Locator("a[data-action=publish]").ClickAsync();
        await finance.WaitForURLAsync("**/versions/*/publish");
        Assert.Contains("/budgets/139001/2023", await finance.Locator("main, body").First.InnerTextAsync(), StringComparison.Ordinal);
        await Screenshot(finance, "web-08-confirm-publish");
        await finance.ClickAsync("#confirm-publish");
        await finance.WaitForURLAsync(new Regex(@"/versions/\d+$"));
        Assert.Equal("已公开", await finance.Locator("#state").InnerTextAsync());
        await Screenshot(finance, "web-08-published");

        // 9. A visitor, signed in as nobody, reads the published budget: its figure equals disclosure.json; the PDF downloads.
        var visitor = await (await browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } })).NewPageAsync();
        await visitor.GotoAsync(app.Url + "/");
        await visitor.ClickAsync("text=深圳市生态环境智能管控中心");
        await visitor.WaitForURLAsync("**/budgets/139001/2023");
        Assert.Contains("第 2 版", await visitor.Locator("aside.published").InnerTextAsync(), StringComparison.Ordinal);
        var onPage = await Figure(visitor, "T01", "支出总计");
        using var json = JsonDocument.Parse(await app.Client.GetStringAsync("/budgets/139001/2023/disclosure.json"));
        var t01 = json.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "T01");
        var inJson = t01.GetProperty("rows").EnumerateArray().Single(r => r.TryGetProperty("key", out var key) && key.GetString() == "expenditure.total").GetProperty("values")[0].GetDecimal();
        Assert.Equal((7_660m, 7_660m), (onPage, inJson));
        await Screenshot(visitor, "web-09-public-page");
        var download = await visitor.RunAndWaitForDownloadAsync(() => visitor.ClickAsync("aside.published a:text-is('PDF')"));
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.Equal("139001-2023.pdf", download.SuggestedFilename);
    }

    [Fact]
    public async Task Of_two_officers_saving_the_same_draft_the_second_is_told_and_keeps_what_they_typed()
    {
        await using var app = await RunningApp.Start("sqlite");
        long draft;
        using (var store = BudgetStore.Open(app.Database))
        {
            store.AddUser("甲", "officer", ["139001"], "管理员", RunningApp.Password);
            store.AddUser("乙", "officer", ["139001"], "管理员", RunningApp.Password);
            draft = store.Correct(store.Published().Single().Version.Id, "甲");
        }

        var (playwright, browser) = await Chromium();
        using var _ = playwright;
        await using var __ = browser;
        var first = await (await browser.NewContextAsync()).NewPageAsync();
        var second = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 700 } })).NewPageAsync();
        await SignIn(first, app.Url, "甲");
        await SignIn(second, app.Url, "乙");
        await first.GotoAsync($"{app.Url}/versions/{draft}/ledger");
        await second.GotoAsync($"{app.Url}/versions/{draft}/ledger");

        await EditCell(first, 2, "金额", "1300000.00");
        await first.ClickAsync("#save");
        await first.WaitForURLAsync("**?saved=1");

        await EditCell(second, 2, "金额", "1111111.00");
        await second.ClickAsync("#save");
        var alert = await second.Locator("[role=alert]").InnerTextAsync();
        Assert.Contains("已被 甲 于", alert, StringComparison.Ordinal);
        Assert.Contains("你的修改没有保存", alert, StringComparison.Ordinal);
        Assert.Equal("1,111,111.00", await (await GridCell(second, 2, "金额")).InnerTextAsync());
        await Screenshot(second, "web-10-save-conflict");
        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Equal(1_300_000m, store.Lines(draft)[0].Amount);
        }

        // Saving again, knowing of the other save, puts the second officer's figures in.
        await second.ClickAsync("#save");
        await second.WaitForURLAsync("**?saved=1");
        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Equal((1_111_111m, 3), (store.Lines(draft)[0].Amount, store.Get(draft).Revision));
        }
    }
}
