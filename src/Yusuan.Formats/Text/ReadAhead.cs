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
    /// <summary>How many batches are held in between: the items pass in batches of an eighth of the capacity.</summary>
    private const int Batches = 8;

    /// <summary>
    /// The items of <paramref name="source"/> in order, produced on a thread of their own. They pass in batches (of
    /// <paramref name="capacity"/> / 8, at most 1,024): handed over one by one, a million ledger lines took a lock on each
    /// side for each line, and the check's profile showed the reader and the router waiting on each other for it
    /// (docs/benchmarks.md, issue 16, seventh step).
    /// </summary>
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int capacity = 8_192)
    {
        var size = Math.Clamp(capacity / Batches, 1, 1_024);
        using var queue = new BlockingCollection<(T[] Items, int Count)>(Math.Max(1, capacity / size));
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        // A thread of its own, not one of the pool's: the producer runs for the whole read, and on two cores the pool starts
        // with two threads — taking one would leave the departments compiled on the pool a single core until it grew.
        var producer = Task.Factory.StartNew(() =>
        {
            var batch = new T[size];
            var count = 0;
            try
            {
                foreach (var item in source)
                {
                    batch[count++] = item;
                    if (count == size)
                    {
                        queue.Add((batch, count), stop.Token);
                        (batch, count) = (new T[size], 0);
                    }
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
                try
                {
                    if (count > 0)
                    {
                        // The items before the end, or before a failure, reach the consumer ahead of it.
                        queue.Add((batch, count), stop.Token);
                    }
                }
                catch (OperationCanceledException)
                {
                    // The consumer stopped early.
                }

                queue.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var (items, count) in queue.GetConsumingEnumerable())
            {
                for (var i = 0; i < count; i++)
                {
                    yield return items[i];
                }
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
