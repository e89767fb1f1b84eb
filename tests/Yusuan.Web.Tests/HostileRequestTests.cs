using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Yusuan.Web.Tests;

/// <summary>Broken, empty, mistyped and oversized requests to every endpoint that reads a body: a 4xx ProblemDetails or page, never a 500 or a stack trace.</summary>
public abstract class HostileRequestTests(MatrixApp fixture)
{
    private static readonly string[] Targets =
    [
        "POST /signin", "POST /audit", "POST /api/audit", "POST /admin/users", "POST /admin/users/待重设密码/password", "POST /workspace/139001/upload",
        "POST /versions/{id}/submit", "POST /versions/{id}/ledger", "POST /versions/{id}/text", "POST /versions/{id}/goals", "POST /api/budgets/139001/2023/drafts",
        "POST /api/versions/{id}/submit", "PUT /api/versions/{id}/ledger", "POST /admin/departments", "POST /workspace/139001/next-year",
    ];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var target in Targets)
        {
            foreach (var body in new[] { "broken-multipart", "text-plain", "empty-form", "binary-junk", "declared-too-large" })
            {
                cases.Add(target, body);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_body_is_refused_without_a_500_or_a_stack_trace(string target, string body)
    {
        var (method, path) = (target.Split(' ')[0], target.Split(' ')[1].Replace("{id}", fixture.Version(Store.BudgetState.Draft).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var admin = fixture.Accounts["admin"];
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Content(body) };
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin.Token);
            request.Headers.TryAddWithoutValidation("If-Match", "1");
        }
        else
        {
            request.Headers.Add("Cookie", $"yusuan_session={admin.Session}; {fixture.Antiforgery["admin"].Cookie}");
        }

        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.App.Url) };
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException) when (body == "declared-too-large")
        {
            // Kestrel may answer 413 and close the connection before the client has sent what it declared.
            return;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{target} with {body}: {(int)response.StatusCode} {text}");
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                using var problem = JsonDocument.Parse(text);
                Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
                Assert.Matches("\\p{IsCJKUnifiedIdeographs}", problem.RootElement.GetProperty("title").GetString()!);
            }
        }
    }

    private static HttpContent Content(string kind) => kind switch
    {
        "broken-multipart" => new ByteArrayContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\nbroken"u8.ToArray())
        {
            Headers = { ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz") },
        },
        "text-plain" => new StringContent("name=x&password=y", Encoding.UTF8, "text/plain"),
        "empty-form" => new FormUrlEncodedContent([]),
        "binary-junk" => new ByteArrayContent(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray()) { Headers = { ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded") } },
        _ => new LargeDeclaredContent(),
    };

    /// <summary>A body that declares more than the upload limit; the server must refuse it without reading it all.</summary>
    private sealed class LargeDeclaredContent : HttpContent
    {
        public LargeDeclaredContent() => Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[1 << 20];
            for (var sent = 0L; sent < YusuanWeb.MaxUpload + (2 << 20); sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            for (var sent = 0L; sent < YusuanWeb.MaxUpload + (2 << 20); sent += 1 << 20)
            {
                length += 1 << 20;
            }

            return true;
        }
    }
}

public sealed class HostileRequestOnSqliteTests(SqliteMatrixApp fixture) : HostileRequestTests(fixture), IClassFixture<SqliteMatrixApp>;

public sealed class HostileRequestOnPostgresTests(PostgresMatrixApp fixture) : HostileRequestTests(fixture), IClassFixture<PostgresMatrixApp>;
