using System.Net;
using System.Text.RegularExpressions;
using Yusuan.Store;

namespace Yusuan.Web.Tests;

public class AdminAndReviewTests
{
    private static HttpRequestMessage As(string token, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Cookie", $"yusuan_session={token}");
        return request;
    }

    /// <summary>Posts a form as a browser does after loading the page it is on: with the antiforgery cookie and field that page gave.</summary>
    private static async Task<HttpResponseMessage> PostForm(RunningApp app, string token, string page, string action, Func<KeyValuePair<string, string>, HttpContent> content)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Url) };
        using var loaded = await client.SendAsync(As(token, HttpMethod.Get, page));
        var cookie = loaded.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("yusuan-antiforgery=", StringComparison.Ordinal));
        var field = RunningApp.AntiforgeryField(await loaded.Content.ReadAsStringAsync());
        Assert.True(field.Success, "the page has no antiforgery field");
        var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = content(new(field.Groups[1].Value, WebUtility.HtmlDecode(field.Groups[2].Value))) };
        request.Headers.Add("Cookie", $"yusuan_session={token}; {cookie}");
        return await client.SendAsync(request);
    }

    private static FormUrlEncodedContent Fields(KeyValuePair<string, string> antiforgery, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(antiforgery));

    [Fact]
    public async Task Admin_lists_users_and_adds_one_whose_token_is_shown_once()
    {
        await using var app = await RunningApp.Start("sqlite");
        string admin, officer;
        using (var store = BudgetStore.Open(app.Database))
        {
            admin = (await app.Account("管理员", "admin")).Session;
            officer = (await app.Account("经办人", "officer", "139001")).Session;
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client.SendAsync(As(officer, HttpMethod.Get, "/admin"))).StatusCode);
        var page = await (await app.Client.SendAsync(As(admin, HttpMethod.Get, "/admin"))).Content.ReadAsStringAsync();

        // Roles by their Chinese titles; an officer's agencies in a field the admin can change.
        Assert.Contains("<td>经办人</td><td>预算单位经办人</td>", page, StringComparison.Ordinal);
        Assert.Matches("<input name=\"agencies\" value=\"139001\" aria-label=\"经办人 代表的单位编码", page);
        Assert.DoesNotContain(">officer<", page, StringComparison.Ordinal);

        using var weak = await PostForm(app, admin, "/admin", "/admin/users", af => Fields(af, ("name", "审核员"), ("role", "reviewer"), ("agencies", ""), ("password", "short")));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("密码至少 8 个字符", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var added = await PostForm(app, admin, "/admin", "/admin/users", af => Fields(af, ("name", "审核员"), ("role", "reviewer"), ("agencies", ""), ("password", "审核员的密码123")));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var token = Regex.Match(await added.Content.ReadAsStringAsync(), "id=\"new-token\">([0-9a-f]{64})<").Groups[1].Value;
        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Equal("reviewer", store.UserByToken(token)!.Role);
        }

        // The new user signs in with the password the admin set, and only with it.
        Assert.Null(await app.SignIn("审核员", "审核员的密码124"));
        Assert.NotNull(await app.SignIn("审核员", "审核员的密码123"));

        using var duplicate = await PostForm(app, admin, "/admin", "/admin/users", af => Fields(af, ("name", "审核员"), ("role", "reviewer"), ("password", "another-password")));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task Version_page_shows_what_changed_since_the_previous_version()
    {
        await using var app = await RunningApp.Start("sqlite");
        string officer;
        using (var store = BudgetStore.Open(app.Database))
        {
            officer = (await app.Account("经办人", "officer", "139001")).Session;
        }

        var lines = File.ReadAllLines(Repository.Sample("ledger.csv"));
        lines[1] = lines[1].Replace(",1259000.00,", ",1300000.00,", StringComparison.Ordinal);
        using var response = await PostForm(app, officer, "/workspace", "/workspace/139001/upload", af => new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines))), "ledger", "ledger.csv" },
            { new StringContent("2023"), "year" },
            { new StringContent(af.Value), af.Key },
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await (await app.Client.SendAsync(As(officer, HttpMethod.Get, response.Headers.Location!.ToString()))).Content.ReadAsStringAsync());
        Assert.Contains("与第 1 版相比", page, StringComparison.Ordinal);
        Assert.Contains("<td>2080505 机关事业单位基本养老保险缴费支出</td><td>1,259,000.00</td><td>1,300,000.00</td><td>+41,000.00</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_from_elsewhere_is_refused_and_changes_nothing()
    {
        await using var app = await RunningApp.Start("sqlite");
        string admin, officer;
        long draft;
        using (var store = BudgetStore.Open(app.Database))
        {
            admin = (await app.Account("管理员", "admin")).Session;
            officer = (await app.Account("经办人", "officer", "139001")).Session;
            draft = store.Correct(store.Published().Single().Version.Id, "经办人");
        }

        // Signed in by cookie, but without the token of a page this site served: what another site's page would send.
        using var user = await app.Client.SendAsync(As(admin, HttpMethod.Post, "/admin/users", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "外来", ["role"] = "admin", ["password"] = "outsider-password" })));
        using var submit = await app.Client.SendAsync(As(officer, HttpMethod.Post, $"/versions/{draft}/submit"));
        using var signin = await app.Client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "经办人", ["password"] = RunningApp.Password }));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (user.StatusCode, submit.StatusCode, signin.StatusCode));
        Assert.Contains("表单已失效", await submit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.DoesNotContain(store.Users(), u => u.Name == "外来");
            Assert.Equal(BudgetState.Draft, store.Get(draft).State);
        }

        // The same submit from the workspace page goes through.
        using var genuine = await PostForm(app, officer, "/workspace", $"/versions/{draft}/submit", af => Fields(af));
        Assert.Equal(HttpStatusCode.Redirect, genuine.StatusCode);
        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Equal(BudgetState.Submitted, store.Get(draft).State);
        }
    }

    [Fact]
    public async Task An_officer_cannot_read_another_agencys_version()
    {
        await using var app = await RunningApp.Start("sqlite");
        string own, stranger, reviewer;
        long draft;
        using (var store = BudgetStore.Open(app.Database))
        {
            own = (await app.Account("经办人", "officer", "139001")).Session;
            stranger = (await app.Account("别的单位", "officer", "999001")).Session;
            reviewer = (await app.Account("审核员", "reviewer")).Session;
            draft = store.Correct(store.Published().Single().Version.Id, "经办人");
        }

        using var theirs = await app.Client.SendAsync(As(stranger, HttpMethod.Get, $"/versions/{draft}"));
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.DoesNotContain("检查结果", await theirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(As(own, HttpMethod.Get, $"/versions/{draft}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(As(reviewer, HttpMethod.Get, $"/versions/{draft}"))).StatusCode);
    }

    [Fact]
    public async Task Each_table_downloads_as_csv()
    {
        await using var app = await RunningApp.Start("sqlite");
        var csv = await app.Client.GetStringAsync("/budgets/139001/2023/tables/T03.csv");
        Assert.Contains(",,2111101,生态环境监测与信息,", csv, StringComparison.Ordinal);

        // Headers a person reads in a spreadsheet: the printed ones, never keys.
        Assert.StartsWith("收支,预算单位,科目编码,科目名称,支出总计,基本支出,项目支出,", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/budgets/139001/2023/tables/T99.csv")).StatusCode);
    }
}
