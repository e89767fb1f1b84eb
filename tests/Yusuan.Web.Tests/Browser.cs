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
}
