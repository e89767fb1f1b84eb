using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Yusuan.Store;

namespace Yusuan.Web.Tests;

/// <summary>One application, with a user of each role, for the whole authorisation matrix.</summary>
public abstract class MatrixApp(string provider) : IAsyncLifetime
{
    public RunningApp App { get; private set; } = null!;

    public Dictionary<string, Account> Accounts { get; } = [];

    /// <summary>
    /// The antiforgery cookie and form field a page of this site hands out to each role (anonymous: the sign-in page's), for
    /// posting forms as that role's browser would: a form's token is bound to the user it was given to.
    /// </summary>
    public Dictionary<string, (string Cookie, string Field, string Value)> Antiforgery { get; } = [];

    public long PublishedId { get; private set; }

    public async Task InitializeAsync()
    {
        App = await RunningApp.Start(provider);
        Accounts["officer"] = await App.Account("本单位经办人", "officer", "139001");
        Accounts["stranger"] = await App.Account("别的单位经办人", "officer", "999001");
        Accounts["reviewer"] = await App.Account("主管部门", "reviewer");
        Accounts["finance"] = await App.Account("财政局", "finance");
        Accounts["admin"] = await App.Account("管理员", "admin");
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(App.Url) };
        foreach (var role in AuthorisationMatrixTests.Roles)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, role == "anonymous" ? "/signin" : "/workspace/tokens");
            if (role != "anonymous")
            {
                request.Headers.Add("Cookie", "yusuan_session=" + Accounts[role].Session);
            }

            using var page = await client.SendAsync(request);
            var field = RunningApp.AntiforgeryField(await page.Content.ReadAsStringAsync());
            Antiforgery[role] = (page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("yusuan-antiforgery=", StringComparison.Ordinal)),
                field.Groups[1].Value, WebUtility.HtmlDecode(field.Groups[2].Value));
        }

        using var store = BudgetStore.Open(App.Database);

        // Whose password the admin case resets: not one of the accounts above, whose sessions that would end.
        store.AddUser("待重设密码", "officer", ["139001"], "测试", RunningApp.Password);
        PublishedId = store.Published().Single().Version.Id;
    }

    /// <summary>A new version of the sample department in the given state, so each case acts on a version of its own.</summary>
    public long Version(BudgetState state)
    {
        using var store = BudgetStore.Open(App.Database);
        var id = store.Correct(PublishedId, "测试");
        var path = state switch
        {
            BudgetState.Submitted => [BudgetState.Submitted],
            BudgetState.Approved => [BudgetState.Submitted, BudgetState.Approved],
            _ => Array.Empty<BudgetState>(),
        };
        foreach (var next in path)
        {
            store.Move(id, next, "测试");
        }

        return id;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Every role against every page and endpoint: what each may do is done (or at least not refused for who they are), what
/// they may not is refused — 401 or the sign-in page for nobody (404 for a version, as for one that does not exist), 403 for
/// the wrong role or agency — and changes nothing.
/// </summary>
public abstract class AuthorisationMatrixTests(MatrixApp fixture)
{
    public static readonly string[] Roles = ["anonymous", "officer", "stranger", "reviewer", "finance", "admin"];

    private const string Everyone = "anonymous officer stranger reviewer finance admin";
    private const string SignedIn = "officer stranger reviewer finance admin";
    private const string ReadsTheDraft = "officer reviewer finance admin";
    private const string EditsTheDraft = "officer admin";
    private const string Reviews = "reviewer finance admin";
    private const string Publishes = "finance admin";
    private const string Administers = "admin";

    /// <summary>Method, path ({id} is a version of the sample department in <c>State</c>), body kind, who may.</summary>
    private static readonly (string Method, string Path, BudgetState State, string Body, string Allowed)[] Endpoints =
    [
        ("GET", "/", BudgetState.Draft, "", Everyone),
        ("GET", "/budgets/139001/2023", BudgetState.Draft, "", Everyone),
        ("GET", "/budgets/139001/2023/disclosure.json", BudgetState.Draft, "", Everyone),
        ("GET", "/budgets/139001/2023/tables/T01.csv", BudgetState.Draft, "", Everyone),
        ("GET", "/audit", BudgetState.Draft, "", Everyone),
        ("GET", "/signin", BudgetState.Draft, "", Everyone),
        ("GET", "/api/departments", BudgetState.Draft, "", Everyone),
        ("GET", "/api/budgets/139001/2023/tables", BudgetState.Draft, "", Everyone),
        ("GET", "/api/budgets/139001/2023/findings", BudgetState.Draft, "", Everyone),
        ("GET", "/openapi/v1.json", BudgetState.Draft, "", Everyone),
        ("GET", "/workspace", BudgetState.Draft, "", SignedIn),
        ("GET", "/versions/{id}", BudgetState.Draft, "", ReadsTheDraft),
        ("GET", "/versions/{id}/ledger", BudgetState.Draft, "", EditsTheDraft),
        ("GET", "/versions/{id}/ledger?handler=csv", BudgetState.Draft, "", EditsTheDraft),
        ("GET", "/versions/{id}/text", BudgetState.Draft, "", EditsTheDraft),
        ("POST", "/versions/{id}/ledger", BudgetState.Draft, "grid", EditsTheDraft),
        ("POST", "/versions/{id}/text", BudgetState.Draft, "text", EditsTheDraft),
        ("GET", "/versions/{id}/goals", BudgetState.Draft, "", EditsTheDraft),
        ("POST", "/versions/{id}/goals", BudgetState.Draft, "goals", EditsTheDraft),
        ("POST", "/workspace/139001/upload", BudgetState.Draft, "upload", EditsTheDraft),
        ("GET", "/versions/{id}/preview.pdf", BudgetState.Draft, "", ReadsTheDraft),
        ("GET", "/versions/{id}/return", BudgetState.Submitted, "", Reviews),
        ("GET", "/versions/{id}/publish", BudgetState.Approved, "", Publishes),
        ("GET", "/api/versions/{id}/findings", BudgetState.Draft, "", ReadsTheDraft),
        ("POST", "/versions/{id}/submit", BudgetState.Draft, "form", EditsTheDraft),
        ("POST", "/versions/{id}/return", BudgetState.Submitted, "form", Reviews),
        ("POST", "/versions/{id}/approve", BudgetState.Submitted, "form", Reviews),
        ("POST", "/versions/{id}/publish", BudgetState.Approved, "form", Publishes),
        ("POST", "/workspace/139001/next-year", BudgetState.Draft, "form", EditsTheDraft),
        ("GET", "/admin", BudgetState.Draft, "", Administers),
        ("GET", "/admin/departments", BudgetState.Draft, "", Administers),
        ("POST", "/admin/departments", BudgetState.Draft, "department", Administers),
        ("POST", "/admin/users/待重设密码/agencies", BudgetState.Draft, "agencies", Administers),
        ("POST", "/admin/users", BudgetState.Draft, "user", Administers),
        ("POST", "/admin/users/待重设密码/password", BudgetState.Draft, "password", Administers),
        ("GET", "/api/versions/{id}", BudgetState.Draft, "", ReadsTheDraft),
        ("POST", "/api/budgets/139001/2023/drafts", BudgetState.Draft, "api-upload", EditsTheDraft),
        ("PUT", "/api/versions/{id}/ledger", BudgetState.Draft, "csv", EditsTheDraft),
        ("POST", "/api/versions/{id}/submit", BudgetState.Draft, "", EditsTheDraft),
        ("POST", "/api/versions/{id}/return", BudgetState.Submitted, "", Reviews),
        ("POST", "/api/versions/{id}/approve", BudgetState.Submitted, "", Reviews),
        ("POST", "/api/versions/{id}/publish", BudgetState.Approved, "", Publishes),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var (method, path, _, _, _) in Endpoints)
        {
            foreach (var role in Roles)
            {
                cases.Add(role, method, path);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_may_do_exactly_what_its_role_and_agencies_allow(string role, string method, string path)
    {
        var endpoint = Endpoints.Single(e => e.Method == method && e.Path == path);
        var allowed = endpoint.Allowed.Split(' ').Contains(role);
        var id = fixture.Version(endpoint.State);
        var account = role == "anonymous" ? null : fixture.Accounts[role];
        var api = path.StartsWith("/api/", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            Content = Body(endpoint.Body, role),
        };
        var cookies = new List<string>();
        if (account is not null && api)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.Token);
        }
        else if (account is not null)
        {
            cookies.Add("yusuan_session=" + account.Session);
        }

        if (!api && method == "POST")
        {
            cookies.Add(fixture.Antiforgery[role].Cookie);
        }

        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies));
        }

        if (endpoint.Body == "csv")
        {
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        }

        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.App.Url) };
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var toSignIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().StartsWith("/signin", StringComparison.Ordinal);
        Assert.True(status < 500, $"{role} {method} {path}: {status}");
        if (allowed)
        {
            Assert.False(status is 401 or 403 || toSignIn, $"{role} may {method} {path} but got {status}");
        }
        else
        {
            // Nobody signed in is told a version is not there (404, as for one that does not exist), elsewhere to sign in.
            var anonymousAnswer = path.StartsWith("/api/versions/", StringComparison.Ordinal) ? status == 404 : status == 401 || toSignIn;
            Assert.True(role == "anonymous" ? anonymousAnswer : status == 403, $"{role} may not {method} {path} but got {status}");
            using var store = BudgetStore.Open(fixture.App.Database);
            Assert.Equal((endpoint.State, 1), (store.Get(id).State, store.Get(id).Revision));
        }
    }

    private HttpContent? Body(string kind, string role)
    {
        var (_, field, value) = fixture.Antiforgery[role];
        var ledger = File.ReadAllBytes(Repository.Sample("ledger.csv"));
        FormUrlEncodedContent Form(params (string, string)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).Append(new(field, value)));
        return kind switch
        {
            "form" => Form(("comment", "请补充说明")),
            "grid" => Form(("revision", "1"), ("grid", System.Text.Json.JsonSerializer.Serialize(new { header = File.ReadLines(Repository.Sample("ledger.csv")).First().Split(','), rows = File.ReadLines(Repository.Sample("ledger.csv")).Skip(1).Select(l => l.Split(',')) }))),
            "text" => Form(("revision", "1"), ("Form.Duties", "负责生态环境智能管控平台的建设和管理。")),
            "goals" => Form(("revision", "1"), ("Form.Goals", "目标 1：平台稳定运行。")),
            "user" => Form(("name", "新用户" + Guid.NewGuid().ToString("N")[..6]), ("role", "reviewer"), ("password", "a-long-password")),
            "password" => Form(("password", RunningApp.Password)),
            "department" => Form(("Form.Code", "D" + Guid.NewGuid().ToString("N")[..8]), ("Form.Name", "新部门"), ("Form.UnitKind", "行政单位"), ("Form.FiscalYear", "2024")),
            "agencies" => Form(("agencies", "139001")),
            "upload" => new MultipartFormDataContent { { new ByteArrayContent(ledger), "ledger", "ledger.csv" }, { new StringContent("2023"), "year" }, { new StringContent(value), field } },
            "api-upload" => new MultipartFormDataContent { { new ByteArrayContent(ledger), "ledger", "ledger.csv" } },
            "csv" => new ByteArrayContent(ledger) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } },
            _ => null,
        };
    }
}

/// <summary>The application the matrix and the hostile requests run against, on SQLite.</summary>
public sealed class SqliteMatrixApp() : MatrixApp("sqlite");

/// <summary>The same on a real PostgreSQL server.</summary>
public sealed class PostgresMatrixApp() : MatrixApp("postgres");

public sealed class AuthorisationMatrixOnSqliteTests(SqliteMatrixApp fixture) : AuthorisationMatrixTests(fixture), IClassFixture<SqliteMatrixApp>;

public sealed class AuthorisationMatrixOnPostgresTests(PostgresMatrixApp fixture) : AuthorisationMatrixTests(fixture), IClassFixture<PostgresMatrixApp>;
