using System.Diagnostics;
using System.Text;

namespace Yusuan.Cli.Tests;

/// <summary>Runs the real `yusuan` command (the built yusuan.dll) as a user would, and captures what it says.</summary>
internal static class Yusuan
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => Run(null, args);

    /// <summary>Runs yusuan; <paramref name="meanwhile"/>, when given, is called with its process while it runs.</summary>
    public static Result Run(Action<Process>? meanwhile, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "yusuan.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        meanwhile?.Invoke(process);
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("yusuan " + string.Join(" ", args));
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>A copy of the sample dataset to spoil for one test.</summary>
    public static string CopyOfSample()
    {
        var dir = Path.Combine(Path.GetTempPath(), "yusuan-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.GetFiles(Repository.Sample))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        return dir;
    }

    /// <summary>
    /// Kills (SIGKILL) the audit worker processes of <paramref name="parent"/> once it has started <paramref name="count"/>
    /// of them and they have worked for a second: a reader dying as no catch could stop it, whatever killed it.
    /// </summary>
    public static void KillWorkers(Process parent, int count)
    {
        List<int> Workers() =>
        [
            .. Directory.GetDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0).Where(pid => pid > 0).Where(pid =>
            {
                try
                {
                    var stat = File.ReadAllText($"/proc/{pid}/stat");
                    var parentId = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                    return parentId == parent.Id && File.ReadAllText($"/proc/{pid}/cmdline").Contains("audit-worker", StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
            }),
        ];

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Workers().Count < count && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Thread.Sleep(1000);
        foreach (var pid in Workers())
        {
            using var worker = Process.GetProcessById(pid);
            worker.Kill();
        }
    }
}
