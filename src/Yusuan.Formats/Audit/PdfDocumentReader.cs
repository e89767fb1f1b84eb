using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Yusuan.Formats.Audit;

/// <summary>
/// Reads a published PDF through its text layer (PdfPig): words with positions are clustered into rows by their vertical
/// position (a tolerance of half the text height), and a row into cells where the gap between words is wider than a space.
/// Damaged, encrypted and image-only files are reported, never thrown; so is a file whose objects refer to one another in a
/// loop (<see cref="PdfReferenceLoops"/>), which is refused before PdfPig sees it.
/// </summary>
public static class PdfDocumentReader
{
    /// <summary>The lines of text one page may hold: a dense A3 table in a small font prints a few hundred.</summary>
    public const int MaxLinesPerPage = 2_000;

    public static SourceDocument Read(string path)
    {
        var name = Path.GetFileName(path);
        try
        {
            // PdfPig follows references by recursion: a loop among a page's objects overflows the stack, which no catch can
            // stop, so the object graph is checked first, without recursion (PdfReferenceLoops), and a loop is refused.
            if (PdfReferenceLoops.Check(File.ReadAllBytes(path)).Problem is { } loop)
            {
                return new SourceDocument(name, [], loop);
            }

            using var pdf = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true });
            var lines = new List<SourceLine>();
            var anyText = false;
            var tables = new Layout.PdfTableReader.Collector();
            foreach (var page in pdf.GetPages())
            {
                var words = page.GetWords().Where(w => w.Text.Trim().Length > 0).ToList();

                // Laying out a page grows faster than its lines: a page of more lines than any budget prints is refused
                // before it is laid out (a crafted page of 20,000 lines took 12 s, 80,000 minutes).
                var baselines = words.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count();
                if (baselines > MaxLinesPerPage)
                {
                    return new SourceDocument(name, [], $"第 {page.Number} 页有 {baselines} 行文字，远多于任何预算文件的一页（{MaxLinesPerPage} 行），未读取");
                }

                tables.Add(page);
                anyText |= words.Count > 0;
                var number = 0;
                foreach (var row in Rows(words))
                {
                    lines.Add(new SourceLine(page.Number, ++number, Cells(row)));
                }
            }

            if (!anyText)
            {
                return new SourceDocument(name, [], pdf.NumberOfPages == 0 ? "PDF 没有页面" : "PDF 没有文字层（可能是扫描件），无法提取");
            }

            // Every document, Yusuan's own included, is read from its ruled cells.
            return new SourceDocument(name, lines, null) { Tables = tables.Tables() };
        }
        catch (PdfDocumentEncryptedException)
        {
            return new SourceDocument(name, [], "PDF 已加密，无法读取");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PdfPig reads untrusted bytes; whatever it throws on a damaged file (format, font, cast, index …) means the same to
            // the reader of the report: this document cannot be read. The library's own words are English: said in Chinese.
            return new SourceDocument(name, [], "PDF 已损坏或不是 PDF：" + Reason(e));
        }
    }

    /// <summary>What went wrong in a damaged PDF, as a reader of the report understands it.</summary>
    private static string Reason(Exception e) => e.Message switch
    {
        var m when m.Contains("version header", StringComparison.OrdinalIgnoreCase) => "文件开头没有 PDF 标记（%PDF-），可能是改了扩展名的其他文件",
        var m when m.Contains("xref", StringComparison.OrdinalIgnoreCase) || m.Contains("cross reference", StringComparison.OrdinalIgnoreCase)
            || m.Contains("trailer", StringComparison.OrdinalIgnoreCase) => "交叉引用表或文件尾损坏，文件可能未完整下载",
        var m when m.Contains("font", StringComparison.OrdinalIgnoreCase) => "文件中的字体损坏，无法取出文字",
        _ => "文件结构无法解析",
    };

    /// <summary>Words in reading order, grouped into rows: a word joins a row when its baseline is within half a text height.</summary>
    private static IEnumerable<List<Word>> Rows(List<Word> words)
    {
        var rows = new List<(double Y, double Height, List<Word> Words)>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            var height = Math.Max(word.BoundingBox.Height, 1);
            var row = rows.FindIndex(r => Math.Abs(r.Y - word.BoundingBox.Bottom) <= Math.Max(r.Height, height) * 0.5);
            if (row < 0)
            {
                rows.Add((word.BoundingBox.Bottom, height, [word]));
            }
            else
            {
                rows[row].Words.Add(word);
            }
        }

        return rows.OrderByDescending(r => r.Y).Select(r => r.Words.OrderBy(w => w.BoundingBox.Left).ToList());
    }

    private static List<string> Cells(List<Word> row)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        Word? previous = null;
        foreach (var word in row)
        {
            if (previous is not null)
            {
                var gap = word.BoundingBox.Left - previous.BoundingBox.Right;
                var charWidth = previous.BoundingBox.Width / Math.Max(previous.Text.Length, 1);
                if (gap > Math.Max(charWidth * 1.2, 4))
                {
                    cells.Add(current.ToString());
                    current.Clear();
                }
                else if (gap > charWidth * 0.25)
                {
                    current.Append(' ');
                }
            }

            current.Append(word.Text);
            previous = word;
        }

        cells.Add(current.ToString());
        return cells;
    }
}
