namespace Yusuan.Web.Pages.Versions;

/// <summary>Text as a form posts it, made into what a document keeps: trimmed, one kind of line break, blank as nothing.</summary>
internal static class Typed
{
    /// <summary>The text trimmed with its line breaks as \n; null when it is blank.</summary>
    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");

    /// <summary>The text's lines, each trimmed, the blank ones left out (one goal, one division per line).</summary>
    public static List<string> Lines(string? text) =>
        (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
