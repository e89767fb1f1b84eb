namespace Yusuan.Formats.Audit;

/// <summary>
/// One line of a published document as read: its page and line (for finding locations) and its cells — tab-separated in a
/// text export, gaps between words in a PDF. A line of prose is one cell.
/// </summary>
/// <remarks>Digits of any script are read as ASCII digits (<see cref="Digits.Ascii"/>).</remarks>
public sealed record SourceLine(int Page, int Line, IReadOnlyList<string> Cells)
{
    public IReadOnlyList<string> Cells { get; } = Cells.Any(c => Digits.Ascii(c) != c) ? Cells.Select(Digits.Ascii).ToList() : Cells;

    public string Text => string.Join(" ", Cells.Where(c => c.Length > 0));

    public bool IsBlank => Cells.All(c => c.Trim().Length == 0);
}

/// <summary>
/// The lines of a document, or why it cannot be read (damaged, encrypted, no text layer …); and, where the format shows them,
/// its tables as printed (a PDF's ruled cells), which the extractor reads instead of the table lines.
/// </summary>
public sealed record SourceDocument(string File, IReadOnlyList<SourceLine> Lines, string? Problem)
{
    public IReadOnlyList<Layout.PrintedTable>? Tables { get; init; }
}
