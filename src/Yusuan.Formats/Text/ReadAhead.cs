using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Yusuan.Formats.Text;

/// <summary>
/// Produces a sequence on another core while the caller consumes it (parsing the ledger while departments are compiled or
/// the database writes), holding at most <c>capacity</c> items in between. An exception of the producer is rethrown to the consumer
/// at the point it happened, so a transaction around the consumer still rolls back.
/// </summary>
public static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int capacity = 8_192)
    {
        using var queue = new BlockingCollection<T>(capacity);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        // A thread of its own, not one of the pool's: the producer runs for the whole read, and on two cores the pool starts
        // with two threads — taking one would leave the departments compiled on the pool a single core until it grew.
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var item in source)
                {
                    queue.Add(item, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early.
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var item in queue.GetConsumingEnumerable())
            {
                yield return item;
            }

            producer.Wait();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            producer.Wait();
        }
    }
}
