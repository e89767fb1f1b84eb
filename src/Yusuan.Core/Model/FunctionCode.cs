namespace Yusuan.Core.Model;

/// <summary>
/// A 支出功能分类 code: 类 (3 digits), 款 (5) or 项 (7). 208 ⊃ 20805 ⊃ 2080505.
/// Invariant: the value is all digits and 3, 5 or 7 long.
/// </summary>
public readonly record struct FunctionCode : IComparable<FunctionCode>
{
    private FunctionCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>1 = 类, 2 = 款, 3 = 项.</summary>
    public int Level => (Value.Length - 1) / 2;

    public FunctionCode? Parent => Level == 1 ? null : new FunctionCode(Value[..(Value.Length - 2)]);

    /// <summary>The code itself and its ancestors, 类 first.</summary>
    public IEnumerable<FunctionCode> Path()
    {
        for (var length = 3; length <= Value.Length; length += 2)
        {
            yield return new FunctionCode(Value[..length]);
        }
    }

    public static ParseResult<FunctionCode> Parse(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (!CodeText.IsDigits(trimmed) || trimmed.Length is not (3 or 5 or 7))
        {
            return ParseResult<FunctionCode>.ForError(Messages.FunctionCodeMalformed(trimmed));
        }

        return ParseResult<FunctionCode>.ForValue(new FunctionCode(trimmed));
    }

    public int CompareTo(FunctionCode other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}
