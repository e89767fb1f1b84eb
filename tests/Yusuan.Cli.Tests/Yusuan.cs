using System.Diagnostics;
using System.Text;

namespace Yusuan.Cli.Tests;

/// <summary>Runs the real `yusuan` command (the built yusuan.dll) as a user would, and captures what it says.</summary>
internal static class Yusuan
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
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
}
