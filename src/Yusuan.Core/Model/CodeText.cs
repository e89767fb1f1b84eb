namespace Yusuan.Core.Model;

/// <summary>Shared checks for the digit codes of the classification lists (功能分类, 经济分类).</summary>
internal static class CodeText
{
    public static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}
