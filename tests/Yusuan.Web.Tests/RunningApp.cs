using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Yusuan.Store;
using Yusuan.Web;

namespace Yusuan.Web.Tests;

/// <summary>The real application on Kestrel, on a free loopback port, over a fresh database (SQLite file or PostgreSQL).</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningApp(WebApplication app, string url, string database)
    {
        this.app = app;
        Url = url;
        Database = database;
        Client = new HttpClient { BaseAddress = new Uri(url) };
    }

    public string Url { get; }

    /// <summary>The database the application runs on, for a test to add users to it.</summary>
    public string Database { get; }

    public HttpClient Client { get; }

    public static async Task<RunningApp> Start(string provider)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = $"http://127.0.0.1:{port}";
        var database = Store.Tests.Databases.Fresh(provider);
        var logs = new KeptLogs();
        var app = YusuanWeb.Build(new WebSettings(database, url, Path.Combine(Repository.Root, "samples", "sz-eeimc-2023")) { Logging = logging => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logging.Services, logs) });
        await app.StartAsync();
        return new RunningApp(app, url, database) { Logs = logs };
    }

    /// <summary>What the application logged (warnings and above), as formatted.</summary>
    public KeptLogs Logs { get; private init; } = new();

    /// <summary>The password every test account gets.</summary>
    public const string Password = "correct-horse-42";

    /// <summary>Adds a user and signs them in through the sign-in page, as a browser would: their API token and session cookie value.</summary>
    public async Task<Account> Account(string name, string role, params string[] agencies)
    {
        string token;
        using (var store = BudgetStore.Open(Database))
        {
            token = store.AddUser(name, role, agencies, "测试", Password);
        }

        return new Account(name, token, await SignIn(name, Password) ?? throw new InvalidOperationException("sign-in failed for " + name));
    }

    /// <summary>The antiforgery field of a page's form: its name in group 1, its value in group 2.</summary>
    public static Match AntiforgeryField(string html) => Regex.Match(html, "<input name=\"(__RequestVerificationToken)\" type=\"hidden\" value=\"([^\"]+)\"");

    /// <summary>Posts the sign-in form with the antiforgery token the sign-in page gave; the session cookie, or null when refused.</summary>
    public async Task<string?> SignIn(string name, string password)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(Url) };
        using var page = await client.GetAsync("/signin");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("yusuan-antiforgery=", StringComparison.Ordinal));
        var field = RunningApp.AntiforgeryField(await page.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["password"] = password, [field.Groups[1].Value] = WebUtility.HtmlDecode(field.Groups[2].Value) }),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var response = await client.SendAsync(request);
        return response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).Where(c => c.StartsWith("yusuan_session=", StringComparison.Ordinal)).Select(c => c["yusuan_session=".Length..]).SingleOrDefault()
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>A test user: name, API token and the value of their sign-in cookie.</summary>
public sealed record Account(string Name, string Token, string Session);

/// <summary>A logging provider that keeps every message, for a test to read.</summary>
public sealed class KeptLogs : Microsoft.Extensions.Logging.ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> messages = new();

    public IReadOnlyList<string> Messages => [.. messages];

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(messages);

    public void Dispose()
    {
    }

    private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> messages) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(formatter(state, exception));
    }
}
