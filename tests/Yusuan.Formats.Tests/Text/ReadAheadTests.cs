using Yusuan.Formats.Text;

namespace Yusuan.Formats.Tests.Text;

public class ReadAheadTests
{
    [Fact]
    public void Items_arrive_in_order_and_a_failure_reaches_the_consumer_where_it_happened()
    {
        Assert.Equal(Enumerable.Range(0, 100_000), ReadAhead.Of(Enumerable.Range(0, 100_000), capacity: 64));

        static IEnumerable<int> Failing()
        {
            for (var i = 0; i < 1_000; i++)
            {
                yield return i;
            }

            throw new InvalidOperationException("预算明细文件在检查之后被改动");
        }

        var seen = new List<int>();
        var failure = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var i in ReadAhead.Of(Failing(), capacity: 16))
            {
                seen.Add(i);
            }
        });
        Assert.Equal("预算明细文件在检查之后被改动", failure.Message);
        Assert.Equal(Enumerable.Range(0, 1_000), seen);
    }

    [Fact]
    public void A_consumer_that_stops_early_stops_the_producer()
    {
        var produced = 0;
        IEnumerable<int> Endless()
        {
            while (true)
            {
                yield return Interlocked.Increment(ref produced);
            }
        }

        Assert.Equal([1, 2, 3], ReadAhead.Of(Endless(), capacity: 8).Take(3));
        var after = Volatile.Read(ref produced);
        Thread.Sleep(200);
        Assert.Equal(after, Volatile.Read(ref produced));
    }
}
