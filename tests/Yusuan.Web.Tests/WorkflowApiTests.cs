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

    [Theory]
    [MemberData(nameof(ApiTests.Providers), MemberType = typeof(ApiTests))]
    public async Task A_new_upload_and_a_save_are_rounded_against_the_version_before(string provider)
    {
        await using var app = await RunningApp.Start(provider);
        var (officer, _, _, _) = Users(app);
        var sample = File.ReadAllText(Repository.Sample("ledger.csv"));
        const string Line = ",2101102,30110,50501,人员经费,,,,一般公共预算拨款,429000.00,";
        Assert.Contains(Line, sample, StringComparison.Ordinal);

        // The revision as a new upload: 1,000 元 more on one 卫生健康 line. Rounded afresh it would print
        // 社会保障和就业支出 173 as 172 and 节能环保支出 7,073 as 7,074; against the published version 1 nothing unchanged moves.
        var revised = sample.Replace(Line, Line.Replace("429000.00", "430000.00", StringComparison.Ordinal), StringComparison.Ordinal);
        using var created = await app.Client.SendAsync(Post("/api/budgets/139001/2023/drafts", officer, Ledger(System.Text.Encoding.UTF8.GetBytes(revised))));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using (var store = BudgetStore.Open(app.Database))
        {
            var first = Figures(store.Versions("139001", 2023).Single(v => v.Number == 1).DisclosureJson);
            var second = Figures(store.Get(id).DisclosureJson);
            Assert.Equal((173m, 7073m), (first["T01 208"], first["T01 211"]));
            Assert.Equal(first, second);
            Assert.Contains("yusuan.rounding/1", store.Files(id)!.Rounding, StringComparison.Ordinal);
        }

        // A save of the draft (the same line 1,000 元 more again) is rounded against the draft as it was.
        var again = revised.Replace(Line.Replace("429000.00", "430000.00", StringComparison.Ordinal), Line.Replace("429000.00", "431000.00", StringComparison.Ordinal), StringComparison.Ordinal);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/versions/{id}/ledger") { Content = new StringContent(again) };
        put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", officer);
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        using var saved = await app.Client.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using (var store = BudgetStore.Open(app.Database))
        {
            var before = Figures(store.Versions("139001", 2023).Single(v => v.Number == 1).DisclosureJson);
            var after = Figures(store.Get(id).DisclosureJson);
            Assert.Equal(2, store.Get(id).Revision);
            Assert.Equal(before.Where(f => f.Key is not ("T01 2101102" or "T01 21011" or "T01 210")), after.Where(f => f.Key is not ("T01 2101102" or "T01 21011" or "T01 210")));
        }
    }

    /// <summary>T01's printed figures (the 本年预算 column) by row code or key, from a stored disclosure.</summary>
    private static Dictionary<string, decimal> Figures(string disclosureJson)
    {
        using var document = JsonDocument.Parse(disclosureJson);
        var t01 = document.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "T01");
        return t01.GetProperty("rows").EnumerateArray()
            .Where(r => (r.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String) || (r.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String))
            .ToDictionary(
                r => "T01 " + (r.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : r.GetProperty("key").GetString()),
                r => r.GetProperty("values")[0].GetDecimal());
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

    [Theory]
    [MemberData(nameof(ApiTests.Providers), MemberType = typeof(ApiTests))]
    public async Task A_ledger_saved_from_an_old_revision_is_refused_and_the_stored_one_stays(string provider)
    {
        await using var app = await RunningApp.Start(provider);
        var (officer, _, _, stranger) = Users(app);
        var csv = File.ReadAllText(Repository.Sample("ledger.csv"));
        using var created = await app.Client.SendAsync(Post("/api/budgets/139001/2023/drafts", officer, Ledger(System.Text.Encoding.UTF8.GetBytes(csv))));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        HttpRequestMessage Put(string body, string? revision, string token = "")
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/versions/{id}/ledger") { Content = new StringContent(body, System.Text.Encoding.UTF8, "text/csv") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Length > 0 ? token : officer);
            if (revision is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", revision);
            }

            return request;
        }

        var changed = csv.Replace(",1259000.00,", ",1300000.00,", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await app.Client.SendAsync(Put(changed, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client.SendAsync(Put(changed, "1", stranger))).StatusCode);
        using var saved = await app.Client.SendAsync(Put(changed, "\"1\""));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("revision").GetInt32());

        using var stale = await app.Client.SendAsync(Put(csv.Replace(",1259000.00,", ",1.00,", StringComparison.Ordinal), "1"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var conflict = JsonDocument.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal(2, conflict.RootElement.GetProperty("revision").GetInt32());
        Assert.Contains("你的修改没有保存", conflict.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var bad = await app.Client.SendAsync(Put(csv.Replace(",1259000.00,", ",12万,", StringComparison.Ordinal), "2"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetProperty("row").GetInt32());

        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/versions/{id}");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", officer);
        using var version = JsonDocument.Parse(await (await app.Client.SendAsync(read)).Content.ReadAsStringAsync());
        Assert.Equal((2, "draft"), (version.RootElement.GetProperty("revision").GetInt32(), version.RootElement.GetProperty("state").GetString()));
        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Equal(1_300_000m, store.Lines(id)[0].Amount);
        }
    }
}
