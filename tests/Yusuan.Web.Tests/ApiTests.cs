using System.Net;
using System.Security.Cryptography;
using System.Text.Json;

namespace Yusuan.Web.Tests;

/// <summary>The JSON API and the downloads, on SQLite and on PostgreSQL.</summary>
public class ApiTests
{
    public static TheoryData<string> Providers() => Store.Tests.Databases.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task First_start_publishes_the_sample_and_the_digest_matches_the_download(string provider)
    {
        await using var app = await RunningApp.Start(provider);
        using var departments = JsonDocument.Parse(await app.Client.GetStringAsync("/api/departments"));
        var department = departments.RootElement.EnumerateArray().Single();
        Assert.Equal(("139001", "深圳市生态环境智能管控中心", 2023), (department.GetProperty("code").GetString(), department.GetProperty("name").GetString(), department.GetProperty("fiscalYear").GetInt32()));

        var json = await app.Client.GetByteArrayAsync("/budgets/139001/2023/disclosure.json");
        Assert.Equal(department.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(json)));

        using var tables = JsonDocument.Parse(await app.Client.GetStringAsync("/api/budgets/139001/2023/tables"));
        Assert.Equal("yusuan.disclosure/1", tables.RootElement.GetProperty("schema").GetString());
        Assert.Equal(12, tables.RootElement.GetProperty("tables").GetArrayLength());

        using var findings = JsonDocument.Parse(await app.Client.GetStringAsync("/api/budgets/139001/2023/findings"));
        Assert.Equal(3, findings.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task The_api_is_described_by_an_openapi_document()
    {
        await using var app = await RunningApp.Start("sqlite");
        using var document = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/departments", paths);
        Assert.Contains("/api/budgets/{code}/{year}/tables", paths);
        Assert.Contains("/api/audit", paths);
    }

    [Theory]
    [InlineData("pdf", "application/pdf")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task Published_budget_downloads_in_every_format(string format, string type)
    {
        await using var app = await RunningApp.Start("sqlite");
        using var response = await app.Client.GetAsync($"/budgets/139001/2023/disclosure.{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 10_000);
    }

    [Theory]
    [InlineData("/api/budgets/999/2023/tables")]
    [InlineData("/api/budgets/139001/1999/findings")]
    [InlineData("/budgets/139001/2023/disclosure.exe")]
    [InlineData("/budgets/139001/abc")]
    [InlineData("/budgets/%3Cscript%3E/2023")]
    [InlineData("/no/such/page")]
    public async Task Unknown_budgets_and_paths_are_404_never_500(string path)
    {
        await using var app = await RunningApp.Start("sqlite");
        using var response = await app.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
