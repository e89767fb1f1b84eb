using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Yusuan.Store;

namespace Yusuan.Web.Tests;

/// <summary>The workspace and review API: a unit uploads its ledger, the reviewer approves, the finance bureau publishes.</summary>
public class WorkflowApiTests
{
    private static (string Officer, string Reviewer, string Finance, string Stranger) Users(RunningApp app)
    {
        using var store = BudgetStore.Open(app.Database);
        return (store.AddUser("经办人", "officer", ["139001"], "管理员"), store.AddUser("主管部门审核", "reviewer", [], "管理员"),
            store.AddUser("财政局", "finance", [], "管理员"), store.AddUser("别的单位", "officer", ["888"], "管理员"));
    }

    private static HttpRequestMessage Post(string path, string? token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static MultipartFormDataContent Ledger(byte[] bytes) => new() { { new ByteArrayContent(bytes), "ledger", "ledger.csv" } };

    [Theory]
    [MemberData(nameof(ApiTests.Providers), MemberType = typeof(ApiTests))]
    public async Task A_budget_goes_from_upload_to_publication_through_the_api(string provider)
    {
        await using var app = await RunningApp.Start(provider);
        var (officer, reviewer, finance, _) = Users(app);
        using var created = await app.Client.SendAsync(Post("/api/budgets/139001/2023/drafts", officer, Ledger(File.ReadAllBytes(Repository.Sample("ledger.csv")))));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var draft = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = draft.RootElement.GetProperty("id").GetInt64();
        Assert.Equal((2, "draft", 0), (draft.RootElement.GetProperty("number").GetInt32(), draft.RootElement.GetProperty("state").GetString(), draft.RootElement.GetProperty("errors").GetInt32()));

        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(Post($"/api/versions/{id}/submit", officer))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(Post($"/api/versions/{id}/return?comment=请补充说明", reviewer))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(Post($"/api/versions/{id}/submit", officer))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(Post($"/api/versions/{id}/approve", reviewer))).StatusCode);
        using var published = await app.Client.SendAsync(Post($"/api/versions/{id}/publish", finance));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        using var departments = JsonDocument.Parse(await app.Client.GetStringAsync("/api/departments"));
        Assert.Equal(2, departments.RootElement[0].GetProperty("version").GetInt32());

        // A published version never changes.
        using var again = await app.Client.SendAsync(Post($"/api/versions/{id}/submit", officer));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("不能从“已公开”改为“已提交”", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_ledger_is_400_with_every_row_and_column()
    {
        await using var app = await RunningApp.Start("sqlite");
        var (officer, _, _, _) = Users(app);
        var lines = File.ReadAllLines(Repository.Sample("ledger.csv"));
        lines[2] = lines[2].Replace(",468000.00,", ",12万,", StringComparison.Ordinal);
        using var response = await app.Client.SendAsync(Post("/api/budgets/139001/2023/drafts", officer, Ledger(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines)))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = problem.RootElement.GetProperty("errors")[0];
        Assert.Equal((3, "amount"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
    }

    [Fact]
    public async Task Tokens_and_roles_decide_who_may_act()
    {
        await using var app = await RunningApp.Start("sqlite");
        var (officer, reviewer, _, stranger) = Users(app);
        var ledger = File.ReadAllBytes(Repository.Sample("ledger.csv"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.SendAsync(Post("/api/budgets/139001/2023/drafts", null, Ledger(ledger)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.SendAsync(Post("/api/budgets/139001/2023/drafts", "not-a-token", Ledger(ledger)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client.SendAsync(Post("/api/budgets/139001/2023/drafts", stranger, Ledger(ledger)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client.SendAsync(Post("/api/budgets/139001/2023/drafts", reviewer, Ledger(ledger)))).StatusCode);

        using var created = await app.Client.SendAsync(Post("/api/budgets/139001/2023/drafts", officer, Ledger(ledger)));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client.SendAsync(Post($"/api/versions/{id}/publish", reviewer))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.SendAsync(Post($"/api/versions/{id}/delete", officer))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.SendAsync(Post("/api/versions/999999/submit", officer))).StatusCode);
    }
}
