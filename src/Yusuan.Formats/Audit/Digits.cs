namespace Yusuan.Formats.Audit;

/// <summary>
/// Decimal digits of any script written as ASCII digits: documents print years and figures in full-width digits (２０２４年),
/// which the readers' patterns (\d) match and .NET's number parsing refuses. Only digits change; full-width punctuation
/// (：，（）) stays, as the readers expect it.
/// </summary>
public static class Digits
{
    /// <summary>The text with every Unicode decimal digit (category Nd) replaced by its ASCII digit; the same instance when none.</summary>
    public static string Ascii(string text)
    {
        var index = 0;
        while (index < text.Length && !(char.IsDigit(text[index]) && text[index] > '9'))
        {
            index++;
        }

        if (index == text.Length)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = index; i < chars.Length; i++)
        {
            if (char.IsDigit(chars[i]) && chars[i] > '9')
            {
                chars[i] = (char)('0' + (int)char.GetNumericValue(chars[i]));
            }
        }

        return new string(chars);
    }
}
