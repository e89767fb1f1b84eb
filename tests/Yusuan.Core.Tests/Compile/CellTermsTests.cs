using Yusuan.Core.Compile;

namespace Yusuan.Core.Tests.Compile;

/// <summary>The flat store of cells' atoms gives each cell its terms in the order they were added, however they interleave.</summary>
public class CellTermsTests
{
    [Fact]
    public void Each_cell_reads_its_own_terms_in_the_order_added_also_when_added_to_after_being_read()
    {
        var store = new CellTerms([]);
        var (a, b) = (store.NewCell(), store.NewCell());
        store.Add(a, 5, 1);
        store.Add(b, 2, -1);
        store.Add(a, 0, -1);
        Assert.Equal([6, -1], store.Of(a).ToArray());
        Assert.Equal([-3], store.Of(b).ToArray());

        // Read, then added to and given a new cell: grouped again with nothing lost or reordered.
        var c = store.NewCell();
        store.Add(b, 7, 1);
        store.Add(c, 1, 1);
        Assert.Equal([6, -1], store.Of(a).ToArray());
        Assert.Equal([-3, 8], store.Of(b).ToArray());
        Assert.Equal([2], store.Of(c).ToArray());
        Assert.True(store.Of(store.NewCell()).IsEmpty);
    }

    [Fact]
    public void Many_terms_across_many_cells_come_back_as_added()
    {
        var store = new CellTerms([]);
        var cells = Enumerable.Range(0, 50).Select(_ => store.NewCell()).ToArray();
        var expected = cells.ToDictionary(c => c, _ => new List<int>());
        var random = new Random(3);
        for (var i = 0; i < 20_000; i++)
        {
            var (cell, atom, sign) = (cells[random.Next(cells.Length)], random.Next(1000), random.Next(2) == 0 ? 1 : -1);
            store.Add(cell, atom, sign);
            expected[cell].Add(sign * (atom + 1));
        }

        Assert.All(cells, c => Assert.Equal(expected[c], store.Of(c).ToArray()));
    }

    [Fact]
    public void A_cells_exact_figure_is_its_terms_values_with_their_signs()
    {
        var store = new CellTerms([100.25m, 7m, -3.5m]);
        var (a, b, c) = (store.NewCell(), store.NewCell(), store.NewCell());
        store.Add(a, 0, 1);
        store.Add(b, 1, 1);
        store.Add(a, 2, -1);
        store.Add(b, 2, 1);
        Assert.Equal(103.75m, store.Sum(a));
        Assert.Equal(3.5m, store.Sum(b));
        Assert.Equal(0m, store.Sum(c));
    }

    [Fact]
    public void A_store_that_keeps_no_terms_reads_every_cell_as_empty_before_and_after_more_cells()
    {
        var store = new CellTerms(atomValues: null);
        var a = store.NewCell();
        store.Add(a, 3, 1);
        Assert.True(store.Of(a).IsEmpty);
        var b = store.NewCell();
        store.Add(b, 4, -1);
        Assert.True(store.Of(a).IsEmpty);
        Assert.True(store.Of(b).IsEmpty);
    }

    [Fact]
    public void Stores_made_one_after_another_on_a_thread_do_not_share_terms()
    {
        // The appended pairs go back to the shared pool when grouped; the next store on the thread takes them again.
        for (var round = 0; round < 3; round++)
        {
            var store = new CellTerms([]);
            var cells = Enumerable.Range(0, 10).Select(_ => store.NewCell()).ToArray();
            for (var i = 0; i < 5_000 * (3 - round); i++)
            {
                store.Add(cells[i % 10], i + round, 1);
            }

            for (var c = 0; c < 10; c++)
            {
                var expected = Enumerable.Range(0, 5_000 * (3 - round)).Where(i => i % 10 == c).Select(i => i + round + 1);
                Assert.Equal(expected, store.Of(cells[c]).ToArray());
            }
        }
    }
}
