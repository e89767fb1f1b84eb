using Microsoft.Playwright;
using Yusuan.Store;

namespace Yusuan.Web.Tests;

/// <summary>A unit uploads and submits, the reviewer approves, the finance bureau publishes — each in a real Chromium.</summary>
public class WorkspaceBrowserTests
{
    private static async Task SignIn(IPage page, string url, string name)
    {
        await page.GotoAsync(url + "/signin");
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", RunningApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/workspace");
    }

    [Fact]
    public async Task A_budget_is_uploaded_submitted_approved_and_published_in_the_browser()
    {
        await using var app = await RunningApp.Start("sqlite");
        string officer, reviewer, finance;
        using (var store = BudgetStore.Open(app.Database))
        {
            officer = "经办人";
            reviewer = "主管部门审核";
            finance = "财政局";
            store.AddUser(officer, "officer", ["139001"], "管理员", RunningApp.Password);
            store.AddUser(reviewer, "reviewer", [], "管理员", RunningApp.Password);
            store.AddUser(finance, "finance", [], "管理员", RunningApp.Password);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });

        // The unit: a bad ledger shows each problem beside its row; the good one becomes a draft, then is submitted.
        var unit = await (await browser.NewContextAsync()).NewPageAsync();
        await SignIn(unit, app.Url, officer);
        var bad = Path.Combine(Path.GetTempPath(), "ledger-" + Guid.NewGuid().ToString("N") + ".csv");
        var lines = File.ReadAllLines(Repository.Sample("ledger.csv"));
        lines[2] = lines[2].Replace(",468000.00,", ",12万,", StringComparison.Ordinal);
        File.WriteAllLines(bad, lines);
        await unit.SetInputFilesAsync("#ledger", bad);
        await unit.ClickAsync("text=上传并编制");
        var problem = unit.Locator("tr.problem").First;
        Assert.Equal("3", await problem.Locator("td").Nth(0).InnerTextAsync());
        Assert.Equal("amount", await problem.Locator("td").Nth(1).InnerTextAsync());
        Assert.Contains("12万", await problem.Locator("code").InnerTextAsync(), StringComparison.Ordinal);

        await unit.GotoAsync(app.Url + "/workspace");
        await unit.SetInputFilesAsync("#ledger", Repository.Sample("ledger.csv"));
        await unit.ClickAsync("text=上传并编制");
        await unit.WaitForURLAsync("**/versions/*");
        Assert.Equal("草稿", await unit.Locator("#state").InnerTextAsync());
        await unit.GotoAsync(app.Url + "/workspace");
        await unit.ClickAsync("button[data-action=submit]");

        // The reviewer sees it in the queue with its finding counts, and approves.
        var review = await (await browser.NewContextAsync()).NewPageAsync();
        await SignIn(review, app.Url, reviewer);
        var row = review.Locator("tr", new PageLocatorOptions { HasText = "第 2 版" });
        Assert.Contains("已提交", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("3", await row.Locator("td").Nth(5).InnerTextAsync());
        await row.Locator("button[data-action=approve]").ClickAsync();

        // The finance bureau publishes; the public page shows version 2.
        var publish = await (await browser.NewContextAsync()).NewPageAsync();
        await SignIn(publish, app.Url, finance);
        await publish.Locator("tr", new PageLocatorOptions { HasText = "第 2 版" }).Locator("button[data-action=publish]").ClickAsync();
        await publish.GotoAsync(app.Url + "/budgets/139001/2023");
        Assert.Contains("第 2 版", await publish.Locator("aside.published").InnerTextAsync(), StringComparison.Ordinal);
    }
}
