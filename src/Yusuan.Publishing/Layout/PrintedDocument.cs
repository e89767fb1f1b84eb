namespace Yusuan.Publishing.Layout;

/// <summary>A header cell of a printed table, spanning columns and rows as the seed's merged headers do.</summary>
public sealed record HeaderCell(string Text, int ColSpan = 1, int RowSpan = 1);

/// <summary>A body cell: text as printed; a figure when <see cref="Value"/> is set (right-aligned, compared on read-back).</summary>
public sealed record PrintedCell(string Text, decimal? Value = null, int Indent = 0, bool Bold = false)
{
    /// <summary>
    /// The figure's place in the disclosure — its table, row (code, key or name, as a finding's location names it) and column
    /// key — for a link to it from a finding; null for labels and for figures not in a disclosure table.
    /// </summary>
    public (string Table, string Row, string Column)? Place { get; init; }

    public static PrintedCell Empty { get; } = new(string.Empty);
}

/// <summary>
/// A grid: header rows (with spans) and body rows, and each column's relative width.
/// Invariant: every header row and body row covers <see cref="Widths"/>.Count columns.
/// </summary>
public sealed record Grid(IReadOnlyList<IReadOnlyList<HeaderCell>> Header, IReadOnlyList<IReadOnlyList<PrintedCell>> Rows, IReadOnlyList<double> Widths);

/// <summary>One block of a printed table: a grid, or a line of text (T12's goals).</summary>
public abstract record Block;

public sealed record GridBlock(Grid Grid) : Block;

public sealed record TextBlock(string Text, bool Heading = false) : Block;

/// <summary>One of the twelve tables as printed: 表 N, its title, department, unit, blocks and note.</summary>
public sealed record PrintedTable(string Id, int Number, string Title, string Department, string Unit, IReadOnlyList<Block> Blocks, string? Note, bool Landscape, int Decimals);

/// <summary>One of the nine text parts: its heading and paragraphs.</summary>
public sealed record PrintedPart(int Number, string Title, IReadOnlyList<string> Paragraphs)
{
    /// <summary>A short numbered line such as 一、部门职责 or （一）…: printed as a sub-heading, not an indented paragraph.</summary>
    public static bool IsSubheading(string text) =>
        text.Length < 30 && ((text.Length > 1 && text[1] == '、') || (text.StartsWith('（') && text.Length < 16));
}

/// <summary>A bar chart: categories with one or two series (this year, last year).</summary>
public sealed record Chart(string Title, string Unit, IReadOnlyList<string> Categories, IReadOnlyList<(string Name, IReadOnlyList<decimal> Values)> Series);

/// <summary>The whole document as it is printed, shared by the HTML, PDF, XLSX and DOCX writers so all four say the same.</summary>
public sealed record PrintedDocument(
    string Title,
    string Department,
    int Year,
    IReadOnlyList<PrintedPart> Parts,
    IReadOnlyList<PrintedTable> Tables,
    IReadOnlyList<Chart> Charts,
    string RoundingNote)
{
    /// <summary>
    /// The title as the cover sets it, in lines that break between words: the year and the department, then the kind of
    /// document (部门预算) — or whole, when short.
    /// </summary>
    public IReadOnlyList<string> TitleLines
    {
        get
        {
            foreach (var kind in new[] { "部门预算", "部门决算", "单位预算", "绩效监控报告", "绩效自评报告" })
            {
                if (Title.EndsWith(kind, StringComparison.Ordinal) && Title.Length > kind.Length + 8)
                {
                    return [Title[..^kind.Length], kind];
                }
            }

            return [Title];
        }
    }

    /// <summary>The line under the cover's title: （2023年度）.</summary>
    public string FiscalYearLine => $"（{Year}年度）";

    /// <summary>The cover's date: the date of publication (2023年2月10日), or the year alone where none is known.</summary>
    public string IssuedLine => IssuedOn is { } issued ? $"{issued.Year}年{issued.Month}月{issued.Day}日" : $"{Year}年";

    /// <summary>The date of publication the cover prints; null where none is known (a draft): the cover gives the fiscal year alone.</summary>
    public DateOnly? IssuedOn { get; init; }

    /// <summary>The heading over all the text parts (一、文字部分), or null where the parts are headed on their own.</summary>
    public string? TextHeading { get; init; } = "一、文字部分";

    /// <summary>The heading over the tables (二、表格部分; 五、部门预算表).</summary>
    public string TablesHeading { get; init; } = "二、表格部分";

    /// <summary>How many of the parts are printed before the tables; the rest follow them (上海's 六、其他相关情况说明).</summary>
    public int TablesAfter { get; init; } = int.MaxValue;

    /// <summary>The parts printed before the tables.</summary>
    public IEnumerable<PrintedPart> PartsBeforeTables => Parts.Take(TablesAfter);

    /// <summary>The parts printed after the tables.</summary>
    public IEnumerable<PrintedPart> PartsAfterTables => Parts.Skip(TablesAfter);
}
