using Microsoft.Playwright;

namespace Yusuan.Web.Tests;

/// <summary>Debian's Chromium (installed by test.sh) driven by Playwright, and screenshots of the steps a test walks through.</summary>
internal static class Browser
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> Chromium()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// Where screenshots go: docs/screenshots when scripts/screenshots.sh runs the tests (YUSUAN_SCREENSHOTS), otherwise a
    /// temporary folder — the pictures are taken either way, so the steps that make them are always exercised.
    /// </summary>
    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("YUSUAN_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(Path.GetTempPath(), "yusuan-screenshots-" + Guid.NewGuid().ToString("N"));

    public static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = false });
    }

    public static async Task SignIn(IPage page, string url, string name)
    {
        await page.GotoAsync(url + "/signin");
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", RunningApp.Password);
        await page.ClickAsync("button[type=submit]");

        // Signed in once the redirect to the workspace is committed (the session cookie is set); the tests then go where they
        // need. Waiting for the workspace's load event as well made a busy machine time out now and then.
        await page.WaitForURLAsync("**/workspace", new() { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>The ledger grid's cell of a ledger line (2 is the CSV's first data line) under a column's Chinese title, once the grid is built.</summary>
    public static async Task<ILocator> GridCell(IPage page, int line, string title)
    {
        var header = page.Locator(".tabulator-col").Filter(new() { Has = page.Locator(".tabulator-col-title").GetByText(title, new() { Exact = true }) }).First;
        var field = await header.GetAttributeAsync("tabulator-field");
        var cell = page.Locator($"#row-{line} .tabulator-cell[tabulator-field='{field}']");
        await cell.ScrollIntoViewIfNeededAsync();
        return cell;
    }

    /// <summary>Types into a grid cell as an officer does: double-click, replace what is there, Enter.</summary>
    public static async Task EditCell(IPage page, int line, string title, string value)
    {
        var cell = await GridCell(page, line, title);
        await cell.DblClickAsync();
        var editor = cell.Locator("input");
        await editor.FillAsync(value);
        await editor.PressAsync("Enter");
    }

    /// <summary>Chooses a value from a grid cell's drop-down list (资金性质, 支出类型 …).</summary>
    public static async Task ChooseInCell(IPage page, int line, string title, string choice)
    {
        var cell = await GridCell(page, line, title);
        await cell.DblClickAsync();
        await page.Locator(".tabulator-edit-list .tabulator-edit-list-item").GetByText(choice, new() { Exact = true }).ClickAsync();
    }

    /// <summary>Pastes text into the grid at a cell, as Ctrl+V of cells copied from Excel (tab-separated) delivers it.</summary>
    public static async Task PasteAt(IPage page, int line, string title, string text)
    {
        var cell = await GridCell(page, line, title);
        await cell.ClickAsync();
        await page.EvaluateAsync(
            "text => { const data = new DataTransfer(); data.setData('text/plain', text); document.querySelector('#ledger-grid .tabulator-tableholder').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); }",
            text);
    }
}
