namespace Yusuan.Core.Model;

/// <summary>
/// A 政府预算支出经济分类 code: 类 (3 digits) or 款 (5). 501 ⊃ 50101.
/// Invariant: the value is all digits and 3 or 5 long.
/// </summary>
public readonly record struct GovernmentEconomicCode
{
    private GovernmentEconomicCode(string value) => Value = value;

    public string Value { get; }

    public int Level => Value.Length == 3 ? 1 : 2;

    public static ParseResult<GovernmentEconomicCode> Parse(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (!CodeText.IsDigits(trimmed) || trimmed.Length is not (3 or 5))
        {
            return ParseResult<GovernmentEconomicCode>.ForError(Messages.GovernmentEconomicCodeMalformed(trimmed));
        }

        return ParseResult<GovernmentEconomicCode>.ForValue(new GovernmentEconomicCode(trimmed));
    }

    public override string ToString() => Value;
}
