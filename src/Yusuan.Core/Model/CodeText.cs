namespace Yusuan.Core.Model;

/// <summary>Shared checks for the digit codes of the classification lists (功能分类, 经济分类).</summary>
internal static class CodeText
{
    /// <summary>Whether the text is one or more ASCII digits (vectorised: tables and ledgers check a code on every row).</summary>
    public static bool IsDigits(string text) => text.Length > 0 && !text.AsSpan().ContainsAnyExceptInRange('0', '9');
}
