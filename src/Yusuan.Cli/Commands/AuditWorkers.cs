using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Formats.Audit;
using Yusuan.Formats.Json;

namespace Yusuan.Cli.Commands;

/// <summary>
/// Published documents are untrusted bytes, read by a PDF library that can be driven into a stack overflow (an object that
/// refers to itself through another) — which no catch can stop — or into unbounded time and memory. So `yusuan audit`
/// reads them in worker processes (`yusuan audit-worker`, one per core, each reading one document at a time): a document
/// that kills its worker, runs past the time limit or past the memory limit becomes that document's error finding, a new
/// worker takes the next document, and the batch goes on. Separate processes are also faster than threads here: PdfPig
/// serialises every content-stream operator on one lock, and each worker collects its own garbage.
/// </summary>
/// <remarks>
/// The protocol is one line each way: the parent writes a document's path (UTF-8), the worker answers with one line of
/// compact JSON, <see cref="AuditLine"/>. The largest documents are handed out first so that the cores finish together.
/// </remarks>
internal static class AuditWorkers
{
    /// <summary>The worker's memory bound (the GC's hard heap limit): 4 GiB, far above what any real budget needs.</summary>
    private const string HeapHardLimit = "0x100000000";

    private static readonly JsonSerializerOptions LineOptions = new(YusuanJson.Options) { WriteIndented = false };

    /// <summary>What a worker answers for one document: the file's name, what was extracted and what the rules found.</summary>
    internal sealed record AuditLine(string File, Disclosure? Disclosure, IReadOnlyList<Finding> Findings);

    /// <summary>
    /// Audits <paramref name="paths"/> in <paramref name="workers"/> worker processes and returns the results in the order
    /// given; <paramref name="done"/> is called once per document as it finishes. A document no worker could be started
    /// for is left null (the caller reads it itself).
    /// </summary>
    /// <param name="workerOptions">The options the worker passes on to the audit (--region …).</param>
    /// <param name="timeLimit">The wall-clock time one document may take before its worker is stopped.</param>
    /// <param name="cancel">Stops the workers (the web's client has gone): the documents not read are left null.</param>
    public static AuditResult?[] Run(IReadOnlyList<string> paths, IReadOnlyList<string> workerOptions, int workers, TimeSpan timeLimit, Action done, CancellationToken cancel = default)
    {
        var results = new AuditResult?[paths.Count];
        var command = WorkerCommand();
        if (command is null || paths.Count == 0)
        {
            return results;
        }

        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, paths.Count).OrderByDescending(i => SizeOf(paths[i])));
        var threads = Enumerable.Range(0, Math.Clamp(workers, 1, paths.Count)).Select(_ => new Thread(() =>
        {
            Worker? worker = null;
            try
            {
                while (!cancel.IsCancellationRequested && queue.TryDequeue(out var index))
                {
                    // The protocol is one path per line: a name with a line break in it is read by the caller.
                    if (paths[index].AsSpan().IndexOfAny('\n', '\r') >= 0)
                    {
                        continue;
                    }

                    worker ??= Worker.Start(command, workerOptions);
                    if (worker is null)
                    {
                        return;
                    }

                    var (result, alive) = worker.Audit(paths[index], timeLimit, cancel);
                    results[index] = result;
                    if (!alive)
                    {
                        worker.Dispose();
                        worker = null;
                    }

                    done();
                }
            }
            finally
            {
                worker?.Dispose();
            }
        })
        { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return results;
    }

    /// <summary>The hidden command a worker runs: reads paths from standard input, writes one <see cref="AuditLine"/> each.</summary>
    public static Command Create()
    {
        var common = new CommonOptions();
        var command = new Command("audit-worker", "（内部）为 yusuan audit 逐个读取文件的工作进程") { Hidden = true };
        command.Options.Add(common.Region);
        command.SetAction(parse =>
        {
            var (catalogue, region, problems) = common.LoadSettings(parse);
            if (problems.Count > 0)
            {
                CommonOptions.ReportUnusable(problems, "未作审计");
                return ExitCodes.InputUnusable;
            }

            using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            while (input.ReadLine() is { } path)
            {
                var result = AuditCommand.Contained(path, p => Auditor.Audit(p, catalogue, region));
                output.WriteLine(JsonSerializer.Serialize(new AuditLine(result.File, result.Disclosure, result.Findings), LineOptions));
                output.Flush();
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return 0;
        }
    }

    /// <summary>This program as a command line (`dotnet yusuan.dll` or the `yusuan` executable), or null where it cannot be found.</summary>
    private static string[]? WorkerCommand()
    {
        var host = Environment.ProcessPath;
        if (host is null)
        {
            return null;
        }

        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var entry = Assembly.GetEntryAssembly()?.Location;
            return string.IsNullOrEmpty(entry) ? null : [host, entry];
        }

        return [host];
    }

    private static AuditResult Failed(string path, string reason) => AuditCommand.Failed(path, $"{reason}，未能审计");

    /// <summary>One worker process and its two pipes.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly Process process;

        private Worker(Process process) => this.process = process;

        public static Worker? Start(string[] command, IReadOnlyList<string> options)
        {
            var start = new ProcessStartInfo(command[0])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardInputEncoding = new UTF8Encoding(false),
                StandardOutputEncoding = new UTF8Encoding(false),
                UseShellExecute = false,
            };
            foreach (var argument in command.Skip(1).Append("audit-worker").Concat(options))
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_GCHeapHardLimit"] = HeapHardLimit;
            // A worker reads documents for seconds on end: each method is compiled once, optimised, rather than first quickly
            // and then again (tiered compilation), and the collector works when allocation asks rather than beside it on the
            // other core, which the other worker needs (the corpus's 100 budgets: 10.5 s → 9.3 s, docs/corpus.md).
            start.Environment["DOTNET_TieredCompilation"] = "0";
            start.Environment["DOTNET_gcConcurrent"] = "0";
            try
            {
                var process = Process.Start(start);
                if (process is null)
                {
                    return null;
                }

                // What a dying worker prints (a stack overflow's trace) is not the reader's business; the finding says it.
                process.ErrorDataReceived += (_, _) => { };
                process.BeginErrorReadLine();
                return new Worker(process);
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
            {
                return null;
            }
        }

        /// <summary>The audit of one document, and whether this worker can take another.</summary>
        public (AuditResult? Result, bool Alive) Audit(string path, TimeSpan timeLimit, CancellationToken cancel)
        {
            Task<string?> answer;
            try
            {
                process.StandardInput.WriteLine(path);
                process.StandardInput.Flush();
                answer = process.StandardOutput.ReadLineAsync();
            }
            catch (IOException)
            {
                return (Failed(path, "读取时工作进程意外退出（文件可能损坏或含有恶意构造）"), false);
            }

            try
            {
                if (!answer.Wait(timeLimit, cancel))
                {
                    Stop();
                    return (Failed(path, $"文件无法在限定的时间（{timeLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} 秒）内读取"), false);
                }
            }
            catch (OperationCanceledException)
            {
                // Nobody waits for this audit any more: its worker stops now, not at the time limit.
                Stop();
                return (null, false);
            }

            var line = answer.Result;
            if (line is null)
            {
                Stop();
                return (Failed(path, "文件无法在限定的内存内读取，或读取时工作进程意外退出（文件可能损坏或含有恶意构造）"), false);
            }

            try
            {
                var audited = JsonSerializer.Deserialize<AuditLine>(line, LineOptions);
                return audited is null
                    ? (Failed(path, "工作进程的回答无法读取"), false)
                    : (new AuditResult(audited.File, audited.Disclosure, audited.Findings), true);
            }
            catch (JsonException)
            {
                Stop();
                return (Failed(path, "工作进程的回答无法读取"), false);
            }
        }

        private void Stop()
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }

        public void Dispose()
        {
            try
            {
                process.StandardInput.Close();
                if (!process.WaitForExit(5_000))
                {
                    Stop();
                }
            }
            catch (IOException)
            {
                Stop();
            }

            process.Dispose();
        }
    }
}
