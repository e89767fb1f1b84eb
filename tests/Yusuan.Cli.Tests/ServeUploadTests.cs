using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace Yusuan.Cli.Tests;

/// <summary>
/// The real server (`yusuan serve`, a process of its own) reads uploads in worker processes: a PDF that kills whatever
/// process reads it (a reference loop overflows the PDF library's stack) is that upload's finding, from the API and from the
/// page, and the server goes on answering.
/// </summary>
public sealed class ServeUploadTests : IDisposable
{
    private readonly Process server;
    private readonly HttpClient client;

    public ServeUploadTests()
    {
        var port = FreePort();
        var database = Path.Combine(Path.GetTempPath(), "yusuan-serve-" + Guid.NewGuid().ToString("N") + ".db");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "yusuan.dll"), "serve", "--db", "sqlite:" + database, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(100) };

        // First start creates the database and publishes the sample: wait until the server answers.
        for (var attempt = 0; attempt < 240 && !Answers(); attempt++)
        {
            Assert.False(server.HasExited, "yusuan serve exited while starting");
            Thread.Sleep(500);
        }
    }

    private bool Answers()
    {
        try
        {
            return client.GetAsync("/").Result.StatusCode == HttpStatusCode.OK;
        }
        catch (AggregateException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static MultipartFormDataContent Upload(string path)
    {
        var content = new ByteArrayContent(File.ReadAllBytes(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, "file", Path.GetFileName(path) } };
    }

    [Fact]
    public async Task A_pdf_whose_page_contents_loop_is_refused_naming_the_loop_and_the_server_goes_on()
    {
        var loop = AuditTests.Fixture("reference-loop");
        using (var response = await client.PostAsync("/api/audit", Upload(loop)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
            Assert.Equal("audit.document.unreadable", finding.GetProperty("rule").GetString());
            Assert.Contains("PDF 的页面内容互相引用成环", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        using (var page = await client.PostAsync("/audit", Upload(loop)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("PDF 的页面内容互相引用成环", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Still serving, and still auditing: the seed's text is read and judged as before.
        Assert.False(server.HasExited);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        using (var seed = await client.PostAsync("/api/audit", Upload(Path.Combine(Repository.Root, "tests", "fixtures", "seed-2023-sz-eeimc.txt"))))
        {
            using var json = JsonDocument.Parse(await seed.Content.ReadAsStringAsync());
            Assert.Equal("深圳市生态环境智能管控中心", json.RootElement.GetProperty("disclosure").GetProperty("department").GetProperty("name").GetString());
        }
    }

    /// <summary>
    /// Uploads that keep a reader busy (200 KB that inflate to eight million drawing operators, about 20 s each) take one core
    /// each, as many wait, and the next is told the server is busy; a client that goes away stops its worker at once.
    /// </summary>
    [Fact]
    public async Task Audits_queue_in_bounds_and_stop_when_their_client_goes()
    {
        var slow = AuditTests.Fixture("eight-million-lines");
        using var gone = new CancellationTokenSource();
        var uploads = Enumerable.Range(0, 2 * Environment.ProcessorCount + 1).Select(_ => client.PostAsync("/api/audit", Upload(slow), gone.Token)).ToList();

        // One of them is over the bound: answered at once, 503, while the others are read or wait.
        var first = await Task.WhenAny(uploads);
        using (var busy = await first)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            using var problem = JsonDocument.Parse(await busy.Content.ReadAsStringAsync());
            Assert.Equal("审计任务已满，请稍后再试", problem.RootElement.GetProperty("detail").GetString());
        }

        // One worker per core reads, no more (the rest wait); the workers may take a moment to start.
        for (var attempt = 0; attempt < 50 && Workers().Count < Environment.ProcessorCount; attempt++)
        {
            await Task.Delay(200);
        }

        Assert.Equal(Environment.ProcessorCount, Workers().Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // The clients go: their workers are stopped, none is left reading.
        await gone.CancelAsync();
        await Task.WhenAll(uploads.Where(u => u != first).Select(u => u.ContinueWith(_ => { }, TaskScheduler.Default)));
        for (var attempt = 0; attempt < 50 && Workers().Count > 0; attempt++)
        {
            await Task.Delay(200);
        }

        Assert.Empty(Workers());
        Assert.False(server.HasExited);
    }

    /// <summary>The server's worker processes now (Linux: the children whose command line is `yusuan audit-worker`).</summary>
    private List<int> Workers() =>
        Directory.GetDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0).Where(pid => pid > 0).Where(pid =>
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                return parent == server.Id && File.ReadAllText($"/proc/{pid}/cmdline").Contains("audit-worker", StringComparison.Ordinal);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                return false;
            }
        }).ToList();

    public void Dispose()
    {
        client.Dispose();
        if (!server.HasExited)
        {
            server.Kill(entireProcessTree: true);
        }

        server.WaitForExit(10_000);
        server.Dispose();
    }
}
