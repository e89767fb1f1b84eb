using Yusuan.Formats.Audit;
using Yusuan.Web;

namespace Yusuan.Cli.Commands;

/// <summary>
/// The web server's audits of uploaded files (`yusuan serve`), each read by a worker process of its own (<see
/// cref="AuditWorkers"/>, `yusuan audit-worker`) with a wall-clock limit and a memory limit, on at most one core per audit
/// and as many at a time as there are cores; a few more wait, and beyond them the server says it is busy (503). A file that
/// kills its worker, or passes either limit, is that upload's finding ("文件无法在限定的时间（60 秒）内读取") and the server
/// goes on; a client that goes away stops its worker. Uploaded bytes are never read in the server's own process.
/// </summary>
internal sealed class ContainedAudits(TimeSpan timeLimit, int concurrent, int waiting) : IUploadAuditor
{
    private readonly SemaphoreSlim running = new(concurrent);
    private int admitted;

    /// <summary>The server's: 60 s a file, one audit per core, as many again waiting.</summary>
    public static ContainedAudits ForServer() => new(TimeSpan.FromSeconds(60), Environment.ProcessorCount, Environment.ProcessorCount);

    public async Task<AuditResult?> AuditAsync(string path, CancellationToken cancel)
    {
        if (Interlocked.Increment(ref admitted) > concurrent + waiting)
        {
            Interlocked.Decrement(ref admitted);
            return null;
        }

        try
        {
            await running.WaitAsync(cancel);
            try
            {
                var result = await Task.Run(() => AuditWorkers.Run([path], [], 1, timeLimit, () => { }, cancel)[0], CancellationToken.None);
                cancel.ThrowIfCancellationRequested();
                return result ?? AuditCommand.Failed(path, "无法启动审计工作进程，未能审计");
            }
            finally
            {
                running.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref admitted);
        }
    }
}
