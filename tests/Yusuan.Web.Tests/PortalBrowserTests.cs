using Microsoft.Playwright;

namespace Yusuan.Web.Tests;

/// <summary>The public portal in a real Chromium (Debian's, installed by test.sh), driven by Playwright.</summary>
public class PortalBrowserTests
{
    [Fact]
    public async Task A_reader_finds_the_department_and_reads_its_published_budget()
    {
        await using var app = await RunningApp.Start("sqlite");
        var (playwright, browser) = await Browser.Chromium();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(app.Url + "/");
            await page.FillAsync("#q", "管控中心");
            await page.ClickAsync("button[type=submit]");
            Assert.Contains("q=", page.Url, StringComparison.Ordinal);
            await page.ClickAsync("text=深圳市生态环境智能管控中心");
            await page.WaitForURLAsync("**/budgets/139001/2023");

            Assert.Equal("2023年深圳市生态环境智能管控中心部门预算", await page.TitleAsync());
            // The twelve tables of the document, and above them the comparison with last year.
            Assert.Equal(1, await page.Locator("#comparison caption").CountAsync());
            Assert.Equal(13, await page.Locator("caption").CountAsync());
            Assert.Contains("-343", await page.Locator("#comparison tr", new() { HasText = "收入总计" }).InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("7,656", await page.Locator("#T01").InnerTextAsync(), StringComparison.Ordinal);
            var sha = await page.Locator("#sha256").InnerTextAsync();
            Assert.Matches("^[0-9a-f]{64}$", sha);

            // The contents link jumps to the table.
            await page.ClickAsync("nav a[href='#T03']");
            Assert.EndsWith("#T03", page.Url, StringComparison.Ordinal);

            // A search with no result says so.
            await page.GotoAsync(app.Url + "/?q=不存在的部门");
            Assert.Contains("没有找到符合条件的部门预算", await page.ContentAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_audit_page_says_the_audit_is_running_and_then_shows_the_report()
    {
        await using var app = await RunningApp.Start("sqlite");
        var (playwright, browser) = await Browser.Chromium();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(app.Url + "/audit");
            Assert.True(await page.Locator("#audit-status").IsHiddenAsync());
            await page.SetInputFilesAsync("#file", Repository.Seed);

            // First the moment after sending, held there: a listener after the page's own keeps the form from leaving.
            await page.EvaluateAsync("document.getElementById('audit-form').addEventListener('submit', e => e.preventDefault())");
            await page.ClickAsync("#start");
            Assert.Contains("正在审计", await page.Locator("#audit-status").InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await page.Locator("#audit-status").IsVisibleAsync());
            Assert.True(await page.Locator("#start").IsDisabledAsync());

            // Then sent for real: the report replaces the page.
            await page.GotoAsync(app.Url + "/audit");
            await page.SetInputFilesAsync("#file", Repository.Seed);
            await page.ClickAsync("#start");
            await page.WaitForSelectorAsync("text=预算公开审计报告");
            Assert.True(await page.Locator("#audit-form").CountAsync() == 0);
        }
    }
}
