using Yusuan.Core.Catalogue;
using Yusuan.Formats.Audit;

namespace Yusuan.Web;

/// <summary>
/// Reads an uploaded document for its audit. Uploaded files are untrusted bytes: the host `yusuan serve` reads each in a
/// worker process with a time and a memory limit (the command line's <c>ContainedAudits</c>), so that no file can take down
/// or starve the server; a host that gives none (an embedding, a test) reads them in-process with <see cref="InProcessAudits"/>.
/// </summary>
public interface IUploadAuditor
{
    /// <summary>
    /// The audit of the file at <paramref name="path"/>, or null when as many audits as the server takes are already
    /// running and waiting (the caller answers 503). A file that cannot be read within the limits is an audit with its finding.
    /// </summary>
    /// <param name="cancel">The request's: a client that has gone stops its audit.</param>
    Task<AuditResult?> AuditAsync(string path, CancellationToken cancel);
}

/// <summary>Audits in this process, one per core at a time: for hosts that start no worker processes (tests, embedding).</summary>
public sealed class InProcessAudits : IUploadAuditor
{
    private readonly SemaphoreSlim running = new(Environment.ProcessorCount);

    public async Task<AuditResult?> AuditAsync(string path, CancellationToken cancel)
    {
        await running.WaitAsync(cancel);
        try
        {
            return await Task.Run(() => Auditor.Audit(path, ClassificationCatalogue.BuiltIn()), cancel);
        }
        finally
        {
            running.Release();
        }
    }
}
