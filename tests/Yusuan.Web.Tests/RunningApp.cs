using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
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
        var app = YusuanWeb.Build(new WebSettings(database, url, Path.Combine(Repository.Root, "samples", "sz-eeimc-2023")));
        await app.StartAsync();
        return new RunningApp(app, url, database);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
