using System.Net;

namespace Yusuan.Web.Tests;

/// <summary>Password guessing: an account locks after five wrong passwords, an address is throttled, and every failure is logged.</summary>
public class SignInGuardTests
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_and_each_is_logged()
    {
        await using var app = await RunningApp.Start("sqlite");
        await app.Account("甲", "officer", "139001");
        for (var i = 0; i < SignInGuard.FailuresBeforeLockout; i++)
        {
            Assert.Null(await app.SignIn("甲", "wrong-" + i));
        }

        // Locked: the right password is refused too, and another account is not affected.
        Assert.Null(await app.SignIn("甲", RunningApp.Password));
        await app.Account("乙", "officer", "139001");
        Assert.Equal(SignInGuard.FailuresBeforeLockout - 1, app.Logs.Messages.Count(m => m.StartsWith("登录失败：账号 甲", StringComparison.Ordinal)));
        Assert.Single(app.Logs.Messages, m => m.StartsWith("登录锁定：账号 甲 连续 5 次密码错误", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_address_that_posts_the_sign_in_form_too_often_is_told_to_wait()
    {
        await using var app = await RunningApp.Start("sqlite");
        using var client = new HttpClient { BaseAddress = new Uri(app.Url) };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= SignInGuard.AttemptsPerAddress; i++)
        {
            using var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "nobody" + i, ["password"] = "x" }));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("登录尝试过于频繁，请一分钟后再试。", await response.Content.ReadAsStringAsync());
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(SignInGuard.AttemptsPerAddress));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Contains(app.Logs.Messages, m => m.StartsWith("登录限流：地址 127.0.0.1", StringComparison.Ordinal));
    }
}

/// <summary>Signing out takes a POST with the form's antiforgery token: a link from elsewhere cannot end a session.</summary>
public class SignOutTests
{
    [Fact]
    public async Task Sign_out_is_a_post_with_the_forms_token_and_ends_the_session()
    {
        await using var app = await RunningApp.Start("sqlite");
        var account = await app.Account("甲", "officer", "139001");
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Url) };
        async Task<HttpStatusCode> Workspace()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/workspace");
            request.Headers.Add("Cookie", "yusuan_session=" + account.Session);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        // A GET (a link, an image elsewhere) shows the button and ends nothing; a POST without the token is refused.
        using (var get = new HttpRequestMessage(HttpMethod.Get, "/signout"))
        {
            get.Headers.Add("Cookie", "yusuan_session=" + account.Session);
            using var page = await client.SendAsync(get);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("退出登录", html, StringComparison.Ordinal);
            var field = RunningApp.AntiforgeryField(html);
            var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("yusuan-antiforgery=", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, await Workspace());

            using (var forged = new HttpRequestMessage(HttpMethod.Post, "/signout") { Content = new FormUrlEncodedContent(new Dictionary<string, string>()) })
            {
                forged.Headers.Add("Cookie", "yusuan_session=" + account.Session);
                using var refused = await client.SendAsync(forged);
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            }

            Assert.Equal(HttpStatusCode.OK, await Workspace());
            using var post = new HttpRequestMessage(HttpMethod.Post, "/signout")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { [field.Groups[1].Value] = WebUtility.HtmlDecode(field.Groups[2].Value) }),
            };
            post.Headers.Add("Cookie", $"yusuan_session={account.Session}; {antiforgery}");
            using var done = await client.SendAsync(post);
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        Assert.NotEqual(HttpStatusCode.OK, await Workspace());
    }
}

/// <summary>The API takes a token, or the session cookie with this site's antiforgery token — never the cookie alone.</summary>
public class CookieApiTests
{
    [Fact]
    public async Task A_change_through_the_api_with_the_session_cookie_alone_is_refused()
    {
        await using var app = await RunningApp.Start("sqlite");
        var officer = await app.Account("甲", "officer", "139001");
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(app.Url) };
        HttpRequestMessage Upload(string? cookie, string? token)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/budgets/139001/2023/drafts")
            {
                Content = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(Repository.Sample("ledger.csv"))), "ledger", "ledger.csv" } },
            };
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", "yusuan_session=" + cookie);
            }

            if (token is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            return request;
        }

        // What another site's form would send: the cookie the browser adds, nothing else.
        using (var forged = await client.SendAsync(Upload(officer.Session, null)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            using var problem = System.Text.Json.JsonDocument.Parse(await forged.Content.ReadAsStringAsync());
            Assert.Contains("防伪令牌", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // A script's token works, with or without the cookie; reading needs no antiforgery token.
        using (var scripted = await client.SendAsync(Upload(officer.Session, officer.Token)))
        {
            Assert.Equal(HttpStatusCode.Created, scripted.StatusCode);
        }

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/departments");
        read.Headers.Add("Cookie", "yusuan_session=" + officer.Session);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(read)).StatusCode);
    }
}

/// <summary>Strangers learn nothing of which versions exist.</summary>
public class AnonymousVersionTests
{
    [Fact]
    public async Task The_anonymous_get_the_same_404_for_a_version_that_exists_and_one_that_does_not()
    {
        await using var app = await RunningApp.Start("sqlite");
        using (var published = await app.Client.GetAsync("/api/departments"))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        // Version 1 is the sample, published on first start; version 99999 is none.
        foreach (var (method, path) in new[] { ("GET", "/api/versions/{0}"), ("PUT", "/api/versions/{0}/ledger"), ("POST", "/api/versions/{0}/submit") })
        {
            var answers = new List<(HttpStatusCode, string)>();
            foreach (var id in new[] { 1, 99999 })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, path, id)) { Content = method == "GET" ? null : new StringContent("x") };
                using var response = await app.Client.SendAsync(request);
                using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                answers.Add((response.StatusCode, problem.RootElement.GetProperty("detail").GetString()!.Replace(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "#", StringComparison.Ordinal)));
            }

            Assert.Equal(HttpStatusCode.NotFound, answers[0].Item1);
            Assert.Equal(answers[0], answers[1]);
        }
    }
}

/// <summary>One's API tokens through the API: listed without the tokens, made with an expiry, revoked; a new password ends them.</summary>
public class TokenApiTests
{
    [Fact]
    public async Task Tokens_are_listed_made_revoked_and_ended_by_a_new_password()
    {
        await using var app = await RunningApp.Start("sqlite");
        var officer = await app.Account("甲", "officer", "139001");
        using var client = new HttpClient { BaseAddress = new Uri(app.Url) };
        HttpRequestMessage As(HttpMethod method, string path, string token)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return request;
        }

        using var made = await client.SendAsync(As(HttpMethod.Post, "/api/tokens?label=导入脚本&days=7", officer.Token));
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        using var created = System.Text.Json.JsonDocument.Parse(await made.Content.ReadAsStringAsync());
        var script = created.RootElement.GetProperty("token").GetString()!;
        var id = created.RootElement.GetProperty("id").GetString()!;
        Assert.InRange((created.RootElement.GetProperty("expiresAt").GetDateTime().ToUniversalTime() - DateTime.UtcNow).TotalDays, 6.9, 7.1);

        using (var listed = await client.SendAsync(As(HttpMethod.Get, "/api/tokens", script)))
        {
            var body = await listed.Content.ReadAsStringAsync();
            Assert.DoesNotContain(script, body, StringComparison.Ordinal);
            Assert.DoesNotContain(officer.Token, body, StringComparison.Ordinal);
            using var tokens = System.Text.Json.JsonDocument.Parse(body);
            Assert.Equal(["导入脚本", "初始令牌"], tokens.RootElement.EnumerateArray().Select(t => t.GetProperty("label").GetString()));
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(As(HttpMethod.Post, "/api/tokens?days=400", officer.Token))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(As(HttpMethod.Delete, "/api/tokens/" + id, officer.Token))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(As(HttpMethod.Get, "/api/tokens", script))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(As(HttpMethod.Delete, "/api/tokens/" + id, officer.Token))).StatusCode);

        using (var store = Yusuan.Store.BudgetStore.Open(app.Database))
        {
            store.SetPassword("甲", "另一个密码-2024", "管理员");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(As(HttpMethod.Get, "/api/tokens", officer.Token))).StatusCode);
    }
}

/// <summary>Whose budget it is comes from the store: a profile edited to name another department is refused.</summary>
public class DepartmentIntegrityTests
{
    [Fact]
    public async Task The_text_form_cannot_rename_the_department_even_when_a_post_adds_fields_for_it()
    {
        await using var app = await RunningApp.Start("sqlite");
        var officer = await app.Account("甲", "officer", "139001");
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Url) };
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/budgets/139001/2023/drafts")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(Repository.Sample("ledger.csv"))), "ledger", "ledger.csv" } },
        };
        upload.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", officer.Token);
        using var created = await client.SendAsync(upload);
        var id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        using var get = new HttpRequestMessage(HttpMethod.Get, $"/versions/{id}/text");
        get.Headers.Add("Cookie", "yusuan_session=" + officer.Session);
        using var page = await client.SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("yusuan-antiforgery=", StringComparison.Ordinal));
        var field = RunningApp.AntiforgeryField(html);
        string Area(string name) => WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, $"<textarea id=\"{name}\"[^>]*>(.*?)</textarea>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value);

        // The form shows the department; no field of it names one.
        Assert.Contains("139001 深圳市生态环境智能管控中心", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.Department", html, StringComparison.Ordinal);

        // A forged post that adds fields naming another department saves the text and nothing of those.
        using var save = new HttpRequestMessage(HttpMethod.Post, $"/versions/{id}/text")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["revision"] = "1",
                ["Form.Duties"] = Area("duties") + "按季度公开工作进展。",
                ["Form.Department.Name"] = "深圳市财政局",
                ["Form.Department.Code"] = "999",
                ["profile"] = "schema: yusuan.profile/1\nfiscalYear: 2023\ndepartment:\n  code: \"999\"\n  name: 深圳市财政局\n",
                [field.Groups[1].Value] = WebUtility.HtmlDecode(field.Groups[2].Value),
            }),
        };
        save.Headers.Add("Cookie", $"yusuan_session={officer.Session}; {antiforgery}");
        using var saved = await client.SendAsync(save);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using (var store = Yusuan.Store.BudgetStore.Open(app.Database))
        {
            var version = store.Get(id);
            Assert.Equal(2, version.Revision);
            Assert.Contains("按季度公开工作进展", version.DisclosureJson, StringComparison.Ordinal);
            Assert.Equal(new Core.Disclosures.DisclosureEntity("139001", "深圳市生态环境智能管控中心"), Formats.Json.YusuanJson.DeserializeDisclosure(version.DisclosureJson)!.Department);
        }
    }
}

/// <summary>Separation of duties, on by default: who submits does not approve, who approves does not publish.</summary>
public class SeparationOfDutiesTests
{
    [Fact]
    public async Task One_account_cannot_submit_and_approve_nor_approve_and_publish()
    {
        await using var app = await RunningApp.Start("sqlite");
        var admin = await app.Account("管理员甲", "admin");
        using var client = new HttpClient { BaseAddress = new Uri(app.Url) };
        async Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, HttpContent? content = null)
        {
            var request = new HttpRequestMessage(method, path) { Content = content };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return await client.SendAsync(request);
        }

        using var created = await Send(HttpMethod.Post, "/api/budgets/139001/2023/drafts", admin.Token,
            new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(Repository.Sample("ledger.csv"))), "ledger", "ledger.csv" } });
        var id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, $"/api/versions/{id}/submit", admin.Token)).StatusCode);

        using (var own = await Send(HttpMethod.Post, $"/api/versions/{id}/approve", admin.Token))
        {
            Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
            Assert.Contains("须由另一个账号审核通过（职责分离）", System.Text.Json.JsonDocument.Parse(await own.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // The finance bureau approves; then it may not publish what it approved, the admin (who did not approve) may.
        var finance = await app.Account("财政丙", "finance");
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, $"/api/versions/{id}/approve", finance.Token)).StatusCode);
        using (var own = await Send(HttpMethod.Post, $"/api/versions/{id}/publish", finance.Token))
        {
            Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
            Assert.Contains("须由另一个账号公开（职责分离）", System.Text.Json.JsonDocument.Parse(await own.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, $"/api/versions/{id}/publish", admin.Token)).StatusCode);
    }
}

/// <summary>One's tokens on a page: listed, made (shown once) and revoked with the page's forms.</summary>
public class TokenPageTests
{
    [Fact]
    public async Task The_tokens_page_lists_makes_and_revokes_ones_own_tokens()
    {
        await using var app = await RunningApp.Start("sqlite");
        var officer = await app.Account("甲", "officer", "139001");
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Url) };
        async Task<(string Html, string Antiforgery)> Open()
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, "/workspace/tokens");
            get.Headers.Add("Cookie", "yusuan_session=" + officer.Session);
            using var page = await client.SendAsync(get);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("no-store", page.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
            return (await page.Content.ReadAsStringAsync(), page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("yusuan-antiforgery=", StringComparison.Ordinal)));
        }

        async Task<HttpResponseMessage> Post(string handler, Dictionary<string, string> fields)
        {
            var (html, antiforgery) = await Open();
            var field = RunningApp.AntiforgeryField(html);
            fields[field.Groups[1].Value] = WebUtility.HtmlDecode(field.Groups[2].Value);
            var request = new HttpRequestMessage(HttpMethod.Post, "/workspace/tokens?handler=" + handler) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("Cookie", $"yusuan_session={officer.Session}; {antiforgery}");
            return await client.SendAsync(request);
        }

        Assert.Contains("初始令牌", (await Open()).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(officer.Token, (await Open()).Html, StringComparison.Ordinal);

        using var made = await Post("Create", new() { ["label"] = "导入脚本", ["days"] = "30" });
        var shown = System.Text.RegularExpressions.Regex.Match(await made.Content.ReadAsStringAsync(), "<code>([0-9a-f]{64})</code>").Groups[1].Value;
        Assert.Equal(64, shown.Length);
        Assert.DoesNotContain(shown, (await Open()).Html, StringComparison.Ordinal);
        using (var store = Yusuan.Store.BudgetStore.Open(app.Database))
        {
            Assert.Equal("甲", store.UserByToken(shown)?.Name);
        }

        using var revoked = await Post("Revoke", new() { ["id"] = Yusuan.Store.BudgetStore.TokenId(shown) });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.DoesNotContain("导入脚本", (await Open()).Html, StringComparison.Ordinal);
        using (var store = Yusuan.Store.BudgetStore.Open(app.Database))
        {
            Assert.Null(store.UserByToken(shown));
        }
    }
}
