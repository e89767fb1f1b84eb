using System.Net;

namespace Yusuan.Web.Tests;

/// <summary>Every response carries the security headers; a signed-in user's pages are never stored by a browser or proxy.</summary>
public class SecurityHeadersTests
{
    [Fact]
    public async Task Every_page_api_answer_download_and_error_carries_the_security_headers()
    {
        await using var app = await RunningApp.Start("sqlite");
        foreach (var path in new[] { "/", "/audit", "/signin", "/budgets/139001/2023", "/budgets/139001/2023/disclosure.json", "/budgets/139001/2023/disclosure.pdf", "/api/departments", "/openapi/v1.json", "/no-such-page", "/budgets/999999/2023" })
        {
            using var response = await app.Client.GetAsync(path);
            var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            Assert.True(headers.TryGetValue("Content-Security-Policy", out var policy), path);
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy.Split("script-src")[1].Split(';')[0], StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
            Assert.Equal("same-origin", headers["Referrer-Policy"]);
            if (path is "/" or "/budgets/139001/2023")
            {
                // A published budget's page is public and may be cached (it carries an ETag).
                Assert.False(headers.TryGetValue("Cache-Control", out var cache) && cache.Contains("no-store", StringComparison.Ordinal), path);
            }
        }
    }

    [Fact]
    public async Task A_signed_in_users_pages_and_api_answers_are_not_stored()
    {
        await using var app = await RunningApp.Start("sqlite");
        var account = await app.Account("甲", "officer", "139001");
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(app.Url) };

        // The same public answer: stored by nobody when a user asked for it, with a cookie or a token.
        foreach (var (header, value) in new[] { ("Cookie", "yusuan_session=" + account.Session), ("Authorization", "Bearer " + account.Token) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/departments");
            request.Headers.TryAddWithoutValidation(header, value);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }

        using var anonymous = await client.GetAsync("/api/departments");
        Assert.DoesNotContain("no-store", anonymous.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }
}

/// <summary>Behind a TLS-terminating proxy on the same machine, the session cookie is marked Secure.</summary>
public class ForwardedHeadersTests
{
    [Theory]
    [InlineData("https", true)]
    [InlineData(null, false)]
    public async Task The_session_cookie_is_secure_when_the_proxy_says_the_request_came_over_https(string? scheme, bool secure)
    {
        await using var app = await RunningApp.Start("sqlite");
        await app.Account("甲", "officer", "139001");
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Url) };
        using var page = await client.GetAsync("/signin");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("yusuan-antiforgery=", StringComparison.Ordinal));
        var field = RunningApp.AntiforgeryField(await page.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "甲", ["password"] = RunningApp.Password, [field.Groups[1].Value] = WebUtility.HtmlDecode(field.Groups[2].Value) }),
        };
        request.Headers.Add("Cookie", antiforgery);
        if (scheme is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", scheme);
        }

        using var response = await client.SendAsync(request);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("yusuan_session=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>An address that is not there: a page in the site's style for a browser, ProblemDetails for the API.</summary>
public class NotFoundPageTests
{
    [Fact]
    public async Task A_browser_gets_a_chinese_page_and_the_api_its_problem_details()
    {
        await using var app = await RunningApp.Start("sqlite");
        using var page = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        page.Headers.Add("Accept", "text/html,application/xhtml+xml");
        using var browser = await app.Client.SendAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, browser.StatusCode);
        Assert.Equal("text/html", browser.Content.Headers.ContentType?.MediaType);
        var html = await browser.Content.ReadAsStringAsync();
        Assert.Contains("没有这个页面", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not Found", html, StringComparison.Ordinal);

        using var api = await app.Client.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal("没有找到", problem.RootElement.GetProperty("title").GetString());
    }
}

/// <summary>Times are shown in Beijing time, as people in China read them; the store keeps UTC.</summary>
public class BeijingTimeTests
{
    [Fact]
    public async Task The_public_page_says_when_a_budget_was_published_in_beijing_time()
    {
        await using var app = await RunningApp.Start("sqlite");
        DateTime published;
        using (var store = Yusuan.Store.BudgetStore.Open(app.Database))
        {
            published = store.Published("139001", 2023)!.PublishedAt!.Value;
        }

        var html = await app.Client.GetStringAsync("/budgets/139001/2023");
        var beijing = DateTime.SpecifyKind(published, DateTimeKind.Utc).AddHours(8).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"公开于 {beijing}（北京时间）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", html, StringComparison.Ordinal);
    }
}

/// <summary>
/// The browser files the site serves itself: its own scripts and the vendored grid library, byte for byte the release that
/// scripts/vendor-web.sh fetched (the digests it recorded), with the security headers; nothing outside them.
/// </summary>
public class StaticFilesTests
{
    [Fact]
    public async Task The_vendored_grid_and_the_sites_scripts_are_served_as_recorded_and_nothing_else_is()
    {
        await using var app = await RunningApp.Start("sqlite");
        var recorded = File.ReadAllLines(Path.Combine(Repository.Root, "src", "Yusuan.Web", "static", "VENDORED.sha256"))
            .Select(l => l.Split("  ")).ToDictionary(p => p[1], p => p[0]);
        Assert.Equal(["LICENSE-tabulator.txt", "tabulator.min.js", "tabulator_simple.min.css"], recorded.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, digest) in recorded)
        {
            using var response = await app.Client.GetAsync("/static/" + file);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(digest, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await response.Content.ReadAsByteArrayAsync())));
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        using (var script = await app.Client.GetAsync("/static/ledger-grid.js"))
        {
            Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        }

        foreach (var path in new[] { "/static/", "/static/VENDORED.sha256x", "/static/../appsettings.json", "/static/Yusuan.Web.dll" })
        {
            using var response = await app.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task No_page_runs_inline_script_the_ledger_grid_included()
    {
        await using var app = await RunningApp.Start("sqlite");
        var officer = await app.Account("经办人", "officer", "139001");
        long draft;
        using (var store = Store.BudgetStore.Open(app.Database))
        {
            draft = store.Correct(store.Published().Single().Version.Id, "经办人");
        }

        using var client = new SignedInClient(app, officer);
        foreach (var path in new[] { "/", "/audit", "/workspace", $"/versions/{draft}", $"/versions/{draft}/ledger", $"/versions/{draft}/text", $"/versions/{draft}/goals" })
        {
            var html = await (await client.Get(path)).Content.ReadAsStringAsync();

            // Every script is a file of the site's, or data (application/json), which a browser does not run.
            foreach (System.Text.RegularExpressions.Match script in System.Text.RegularExpressions.Regex.Matches(html, "<script([^>]*)>"))
            {
                Assert.Matches("^ (src=\"/static/[a-z_.-]+\\.js\"|type=\"application/json\" id=\"[a-z-]+\")$", script.Groups[1].Value);
            }

            Assert.DoesNotMatch(" on[a-z]+=\"", html);
        }
    }
}
