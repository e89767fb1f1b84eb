namespace Yusuan.Core.Model;

/// <summary>
/// A 部门预算支出经济分类 code: 类 (3 digits) or 款 (5). 301 ⊃ 30101.
/// Invariant: the value is all digits and 3 or 5 long.
/// </summary>
public readonly record struct EconomicCode : IComparable<EconomicCode>
{
    private EconomicCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>1 = 类, 2 = 款.</summary>
    public int Level => Value.Length == 3 ? 1 : 2;

    public EconomicCode Class => new(Value[..3]);

    public static ParseResult<EconomicCode> Parse(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (!CodeText.IsDigits(trimmed) || trimmed.Length is not (3 or 5))
        {
            return ParseResult<EconomicCode>.ForError(Messages.EconomicCodeMalformed(trimmed));
        }

        return ParseResult<EconomicCode>.ForValue(new EconomicCode(trimmed));
    }

    public int CompareTo(EconomicCode other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}
