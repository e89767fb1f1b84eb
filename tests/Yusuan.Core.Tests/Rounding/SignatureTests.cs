using CsCheck;
using Yusuan.Core.Rounding;

namespace Yusuan.Core.Tests.Rounding;

/// <summary><see cref="Signature.Sort"/> puts signed terms in the order <see cref="Signature.Order"/> defines, whatever their shape.</summary>
public class SignatureTests
{
    private static readonly Gen<int> Term = Gen.Int[1, 400].SelectMany(atom => Gen.Bool.Select(negative => negative ? -atom : atom));

    [Fact]
    public void Any_terms_sort_as_the_canonical_order_says()
    {
        Term.Array[0, 300].Sample(terms => AssertSorted(terms), iter: 2000);
    }

    [Fact]
    public void A_whole_and_its_negated_part_sort_as_the_canonical_order_says()
    {
        // Two runs each in order: the shape of a whole less its part, merged in one pass.
        Gen.Select(Gen.Int[1, 400].Array[0, 200], Gen.Int[1, 400].Array[0, 200]).Sample((whole, part) =>
        {
            var wholeTerms = whole.Distinct().Order().ToArray();
            var partTerms = part.Distinct().Order().Select(a => -a).ToArray();
            AssertSorted([.. wholeTerms, .. partTerms]);
        }, iter: 2000);
    }

    private static void AssertSorted(int[] terms)
    {
        var expected = terms.ToArray();
        Array.Sort(expected, Signature.Order);
        var actual = new int[terms.Length];
        Signature.Sort(terms, actual);
        Assert.Equal(expected, actual);
    }
}
