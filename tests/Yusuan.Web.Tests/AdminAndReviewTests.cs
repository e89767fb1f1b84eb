using System.Net;
using System.Text.RegularExpressions;
using Yusuan.Store;

namespace Yusuan.Web.Tests;

public class AdminAndReviewTests
{
    private static HttpRequestMessage As(string token, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Cookie", $"yusuan_token={token}");
        return request;
    }

    [Fact]
    public async Task Admin_lists_users_and_adds_one_whose_token_is_shown_once()
    {
        await using var app = await RunningApp.Start("sqlite");
        string admin, officer;
        using (var store = BudgetStore.Open(app.Database))
        {
            admin = store.AddUser("管理员", "admin", [], "命令行");
            officer = store.AddUser("经办人", "officer", ["139001"], "命令行");
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client.SendAsync(As(officer, HttpMethod.Get, "/admin"))).StatusCode);
        var page = await (await app.Client.SendAsync(As(admin, HttpMethod.Get, "/admin"))).Content.ReadAsStringAsync();
        Assert.Contains("<td>经办人</td><td>officer</td><td>139001</td>", page, StringComparison.Ordinal);

        using var added = await app.Client.SendAsync(As(admin, HttpMethod.Post, "/admin/users", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "审核员", ["role"] = "reviewer", ["agencies"] = "" })));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var token = Regex.Match(await added.Content.ReadAsStringAsync(), "id=\"new-token\">([0-9a-f]{64})<").Groups[1].Value;
        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Equal("reviewer", store.UserByToken(token)!.Value.Role);
        }

        using var duplicate = await app.Client.SendAsync(As(admin, HttpMethod.Post, "/admin/users", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "审核员", ["role"] = "reviewer" })));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task Version_page_shows_what_changed_since_the_previous_version()
    {
        await using var app = await RunningApp.Start("sqlite");
        string officer;
        using (var store = BudgetStore.Open(app.Database))
        {
            officer = store.AddUser("经办人", "officer", ["139001"], "命令行");
        }

        var lines = File.ReadAllLines(Repository.Sample("ledger.csv"));
        lines[1] = lines[1].Replace(",1259000.00,", ",1300000.00,", StringComparison.Ordinal);
        var upload = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines))), "ledger", "ledger.csv" }, { new StringContent("2023"), "year" } };
        using var response = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Url) }.SendAsync(As(officer, HttpMethod.Post, "/workspace/139001/upload", upload));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await (await app.Client.SendAsync(As(officer, HttpMethod.Get, response.Headers.Location!.ToString()))).Content.ReadAsStringAsync();
        Assert.Contains("与第 1 版相比", page, StringComparison.Ordinal);
        Assert.Contains("<td>2080505</td><td>1,259,000.00</td><td>1,300,000.00</td><td>+41,000.00</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_table_downloads_as_csv()
    {
        await using var app = await RunningApp.Start("sqlite");
        var csv = await app.Client.GetStringAsync("/budgets/139001/2023/tables/T03.csv");
        Assert.Contains(",,2111101,生态环境监测与信息,", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/budgets/139001/2023/tables/T99.csv")).StatusCode);
    }
}
