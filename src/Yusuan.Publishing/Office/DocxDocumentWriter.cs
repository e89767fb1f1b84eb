using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Yusuan.Publishing.Layout;

namespace Yusuan.Publishing.Office;

/// <summary>
/// The document for Word, WPS and LibreOffice, as an officer would edit it: a cover (title, fiscal year, the department as
/// issuer, the date of publication) in a section of its own without page number; the contents as a real table-of-contents
/// field (TOC \o "1-2" over the headings, which Word asks to refresh on opening), its entries cached as Word writes them —
/// each heading's text with a PAGEREF field to it, the PDF's page number as that field's last result; the parts and
/// tables under Word's own heading styles (标题 1–3); each table in a section of its own — landscape where the table is wide —
/// its header rows repeated on every page, column widths that keep every figure and code on one line; page numbers
/// (— N —) in the footer. Faces are named as a Chinese Word has them: 宋体 for text and tables, 黑体 for headings.
/// </summary>
public static class DocxDocumentWriter
{
    // A4 in twips (1/20 pt) and the margins: 2.54 cm top and bottom, 2.2 cm left and right.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTopBottom = 1440;
    private const int MarginSides = 1247;

    /// <summary>The text size of table cells, half-points (9 pt).</summary>
    private const int CellHalfPoints = 18;

    /// <summary>Word's default cell margins, left and right together, twips.</summary>
    private const int CellPadding = 2 * 108;

    private const string Serif = "宋体";
    private const string Sans = "黑体";

    /// <summary>Writes the document as a DOCX to <paramref name="output"/>.</summary>
    /// <param name="pages">
    /// The PDF's page of each contents entry (<see cref="Pdf.PdfRendering.Contents"/>), cached in the contents until Word or
    /// LibreOffice lays the document out and updates them; null: the entries' page numbers are left for that update.
    /// </param>
    public static void Write(PrintedDocument document, Stream output, IReadOnlyDictionary<string, int>? pages = null)
    {
        using var word = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        var settings = main.AddNewPart<DocumentSettingsPart>();
        // Word refreshes the contents' page numbers on opening (it asks first); LibreOffice lays the PAGEREF fields out itself.
        settings.Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = PageNumberFooter();
        var footerId = main.GetIdOfPart(footer);

        var body = new Body();
        var writer = new Writer(body, footerId);
        writer.Cover(document);
        writer.Contents(document, pages);

        if (document.TextHeading is { } textHeading)
        {
            writer.Heading(textHeading, 1);
        }

        foreach (var part in document.PartsBeforeTables)
        {
            writer.Part(part, document);
        }

        // Each table in a section of its own, from a new page; the body's own section properties close the last one.
        var landscape = false;
        foreach (var table in document.Tables)
        {
            writer.EndSection(landscape);
            if (table == document.Tables[0])
            {
                writer.Heading(document.TablesHeading, 1);
                if (document.RoundingNote.Length > 0)
                {
                    body.Append(Paragraph(document.RoundingNote, "BodyText"));
                }
            }

            writer.Table(table);
            landscape = table.Landscape;
        }

        if (document.PartsAfterTables.Any())
        {
            writer.EndSection(landscape);
            landscape = false;
            foreach (var part in document.PartsAfterTables)
            {
                writer.Part(part, document);
            }
        }

        body.Append(writer.LastSection(landscape));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>Writes the body in order, numbering the headings' bookmarks and closing sections.</summary>
    private sealed class Writer(Body body, string footerId)
    {
        private int bookmarks;
        private bool sectionHasContent;

        /// <summary>Title, fiscal year, issuer and date, spaced down the page; a section of its own, with no page number.</summary>
        public void Cover(PrintedDocument document)
        {
            body.Append(Spacer(2400));
            var title = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Title" }));
            foreach (var (line, i) in document.TitleLines.Select((l, i) => (l, i)))
            {
                if (i > 0)
                {
                    title.Append(new Run(new Break()));
                }

                title.Append(new Run(new Text(line)));
            }

            body.Append(title);
            body.Append(Paragraph(document.FiscalYearLine, "Subtitle"));
            body.Append(Spacer(5200));
            body.Append(Paragraph(document.Department, "Issuer"));
            body.Append(Paragraph(document.IssuedLine, "Issuer"));
            body.Append(new Paragraph(new ParagraphProperties(Section(landscape: false, footer: false))));
        }

        /// <summary>
        /// 目录 and a TOC field over the headings of levels 1–2, its result cached: each entry a link to its heading with a
        /// PAGEREF field for the page, whose last result is the PDF's page — near Word's own pagination, exact once Word (which
        /// asks on opening) or LibreOffice (Tools › Update) updates the fields.
        /// </summary>
        public void Contents(PrintedDocument document, IReadOnlyDictionary<string, int>? pages)
        {
            body.Append(Paragraph("目  录", "ContentsHeading"));
            var entries = Entries(document).ToList();
            for (var i = 0; i < entries.Count; i++)
            {
                var (text, level, bookmark, key) = entries[i];
                var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = level == 1 ? "TOC1" : "TOC2" }));
                if (i == 0)
                {
                    paragraph.Append(FieldStart(@" TOC \o ""1-2"" \h \z \u "));
                }

                var link = new Hyperlink { Anchor = bookmark, History = true };
                link.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                link.Append(new Run(new TabChar()));
                link.Append(FieldStart($" PAGEREF {bookmark} \\h "));
                link.Append(new Run(new Text(pages?.GetValueOrDefault(key) is > 0 and var page ? page.ToString(CultureInfo.InvariantCulture) : string.Empty)));
                link.Append(FieldEnd());
                paragraph.Append(link);
                if (i == entries.Count - 1)
                {
                    paragraph.Append(FieldEnd());
                }

                body.Append(paragraph);
            }

            body.Append(new Paragraph(new ParagraphProperties(Section(landscape: false, footer: true))));
        }

        /// <summary>
        /// The headings the contents list, in order: the text of each (as Word's update of the field writes it), its level,
        /// the bookmark it will carry, and its entry in the PDF's contents (a table's there is numbered: （一）收支总表).
        /// </summary>
        private static IEnumerable<(string Text, int Level, string Bookmark, string Key)> Entries(PrintedDocument document)
        {
            var planned = new List<(string, int, string)>();
            if (document.TextHeading is { } textHeading)
            {
                planned.Add((textHeading, 1, textHeading));
            }

            planned.AddRange(document.PartsBeforeTables.Select(p => (p.Title, document.TextHeading is null ? 1 : 2, p.Title)));
            planned.Add((document.TablesHeading, 1, document.TablesHeading));
            planned.AddRange(document.Tables.Select(t => (t.Title, 2, $"（{Core.Narrative.Wording.ChineseCount(t.Number)}）{t.Title}")));
            planned.AddRange(document.PartsAfterTables.Select(p => (p.Title, document.TextHeading is null ? 1 : 2, p.Title)));
            return planned.Select((p, i) => (p.Item1, p.Item2, Bookmark(i + 1), p.Item3));
        }

        private static string Bookmark(int n) => $"_Toc{n:D6}";

        /// <summary>A heading in Word's style 标题 <paramref name="level"/>, bookmarked for the contents when level ≤ 2.</summary>
        public void Heading(string text, int level, bool pageBreakBefore = false)
        {
            var properties = new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" });
            if (pageBreakBefore)
            {
                properties.Append(new PageBreakBefore());
            }

            var paragraph = new Paragraph(properties);
            if (level <= 2)
            {
                var id = (++bookmarks).ToString(CultureInfo.InvariantCulture);
                paragraph.Append(new BookmarkStart { Id = id, Name = Bookmark(bookmarks) });
                paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                paragraph.Append(new BookmarkEnd { Id = id });
            }
            else
            {
                paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            body.Append(paragraph);
            sectionHasContent = true;
        }

        /// <summary>A text part: its heading (标题 1, or 标题 2 under a heading over all the text) and paragraphs.</summary>
        public void Part(PrintedPart part, PrintedDocument document)
        {
            Heading(part.Title, document.TextHeading is null ? 1 : 2);
            foreach (var paragraph in part.Paragraphs)
            {
                if (PrintedPart.IsSubheading(paragraph))
                {
                    Heading(paragraph, 3);
                }
                else
                {
                    body.Append(Paragraph(paragraph, "BodyText"));
                }
            }
        }

        public void Table(PrintedTable table)
        {
            body.Append(Paragraph($"表{table.Number}", "TableLabel"));
            Heading(table.Title, 2);
            body.Append(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "TableMeta" }, new Tabs(new TabStop { Val = TabStopValues.Right, Position = Usable(table.Landscape) })),
                new Run(new Text($"部门名称：{table.Department}")),
                new Run(new TabChar()),
                new Run(new Text($"单位：{table.Unit}"))));
            foreach (var block in table.Blocks)
            {
                switch (block)
                {
                    case GridBlock grid:
                        body.Append(Grid(grid.Grid, Usable(table.Landscape)));
                        body.Append(Paragraph(string.Empty, "TableMeta"));
                        break;
                    case TextBlock { Heading: true } text:
                        Heading(text.Text, 3);
                        break;
                    case TextBlock text:
                        body.Append(Paragraph(text.Text, "BodyText"));
                        break;
                }
            }

            if (table.Note is not null)
            {
                body.Append(Paragraph("注：" + table.Note, "TableMeta"));
            }

            sectionHasContent = true;
        }

        /// <summary>Closes the section written so far (its last paragraph carries its properties); nothing when it is empty.</summary>
        public void EndSection(bool landscape)
        {
            if (!sectionHasContent)
            {
                return;
            }

            body.Append(new Paragraph(new ParagraphProperties(Section(landscape, footer: true))));
            sectionHasContent = false;
        }

        /// <summary>The body's own section properties: those of the last section.</summary>
        public SectionProperties LastSection(bool landscape) => Section(landscape, footer: true);

        private SectionProperties Section(bool landscape, bool footer)
        {
            var section = new SectionProperties();
            if (footer)
            {
                section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = footerId });
            }

            section.Append(new SectionType { Val = SectionMarkValues.NextPage });
            section.Append(landscape
                ? new PageSize { Width = PageHeight, Height = PageWidth, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = PageWidth, Height = PageHeight });
            section.Append(new PageMargin { Top = MarginTopBottom, Right = MarginSides, Bottom = MarginTopBottom, Left = MarginSides, Header = 720, Footer = 720, Gutter = 0 });
            return section;
        }
    }

    /// <summary>The width inside the margins, twips.</summary>
    private static int Usable(bool landscape) => (landscape ? PageHeight : PageWidth) - 2 * MarginSides;

    private static Run FieldStart(string instruction) => new(
        new FieldChar { FieldCharType = FieldCharValues.Begin },
        new FieldCode(instruction) { Space = SpaceProcessingModeValues.Preserve },
        new FieldChar { FieldCharType = FieldCharValues.Separate });

    private static Run FieldEnd() => new(new FieldChar { FieldCharType = FieldCharValues.End });

    private static Footer PageNumberFooter() => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }),
        new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
        FieldStart(" PAGE "),
        new Run(new Text("1")),
        FieldEnd(),
        new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));

    private static Paragraph Paragraph(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Spacer(int twips) =>
        new(new ParagraphProperties(new SpacingBetweenLines { Before = twips.ToString(CultureInfo.InvariantCulture), After = "0" }));

    /// <summary>Each column's width (twips) within <paramref name="usable"/> (<see cref="ColumnFit"/>), each figure and code estimated at 9 pt.</summary>
    internal static int[] ColumnWidths(Grid grid, int usable) =>
        ColumnFit.Fit(grid, usable, c => TextWidth(c.Text, c.Bold) + CellPadding + 60).Select(w => (int)Math.Floor(w)).ToArray();

    /// <summary>
    /// The width of a figure or code at 9 pt in twips, generously: 宋体's digits, comma and point are half an em (90 twips at
    /// 9 pt), Noto Serif CJK's (LibreOffice's stand-in) a little more; so 0.6 em a character, bold a tenth more.
    /// </summary>
    private static double TextWidth(string text, bool bold) => text.Length * 108 * (bold ? 1.1 : 1.0);

    private static Table Grid(Grid grid, int usable)
    {
        var twips = ColumnWidths(grid, usable);
        var border = new Func<OpenXmlElement>[]
        {
            () => new TopBorder { Val = BorderValues.Single, Size = 4 }, () => new LeftBorder { Val = BorderValues.Single, Size = 4 },
            () => new BottomBorder { Val = BorderValues.Single, Size = 4 }, () => new RightBorder { Val = BorderValues.Single, Size = 4 },
            () => new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, () => new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
        };
        var table = new Table(new TableProperties(
            new TableWidth { Width = twips.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(border.Select(b => b())),
            new TableLayout { Type = TableLayoutValues.Fixed },
            // A little air above and below each cell's text (2 pt), Word's own 0.19 cm at the sides.
            new TableCellMarginDefault(
                new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(twips.Select(t => new GridColumn { Width = t.ToString(CultureInfo.InvariantCulture) })));

        // Header rows, repeated on each page: a cell spanning columns is one cell with gridSpan; one spanning rows starts a
        // vMerge continued below. A header row never breaks across pages.
        var continued = new Dictionary<(int Row, int Column), int>();
        for (var r = 0; r < grid.Header.Count; r++)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
            var column = 0;
            var cells = new Queue<HeaderCell>(grid.Header[r]);
            while (column < twips.Length)
            {
                if (continued.TryGetValue((r, column), out var span))
                {
                    row.Append(Cell(string.Empty, twips.Skip(column).Take(span).Sum(), span, header: true, merge: MergedCellValues.Continue));
                    column += span;
                    continue;
                }

                if (!cells.TryDequeue(out var h))
                {
                    break;
                }

                for (var rr = r + 1; rr < r + h.RowSpan; rr++)
                {
                    continued[(rr, column)] = h.ColSpan;
                }

                row.Append(Cell(h.Text, twips.Skip(column).Take(h.ColSpan).Sum(), h.ColSpan, header: true, merge: h.RowSpan > 1 ? MergedCellValues.Restart : null));
                column += h.ColSpan;
            }

            table.Append(row);
        }

        // No page holds fewer than three of the table's rows: the first three and the last three are each kept together
        // (Word's keep-with-next on a row's paragraphs holds it to the row below) — in a grid long enough to have both; a
        // shorter one (表12's three tasks of long text) would be pulled whole onto the next page, leaving its title alone.
        var count = grid.Rows.Count;
        for (var r = 0; r < count; r++)
        {
            var cells = grid.Rows[r];
            var keep = count > 2 * 3 && r < count - 1 && (r < 2 || r >= count - 3);
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < cells.Count; c++)
            {
                var cell = cells[c];
                var whole = ColumnFit.IsWhole(cell);
                row.Append(Cell((cell.Indent > 0 ? new string('　', cell.Indent) : string.Empty) + cell.Text, twips[c], 1, header: false, bold: cell.Bold, right: cell.Value is not null, noWrap: whole, keepNext: keep));
            }

            table.Append(row);
        }

        return table;
    }

    private static TableCell Cell(string text, int width, int span, bool header, bool bold = false, MergedCellValues? merge = null, bool right = false, bool noWrap = false, bool keepNext = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is not null)
        {
            properties.Append(new VerticalMerge { Val = merge });
        }

        if (noWrap)
        {
            properties.Append(new NoWrap());
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        // Schema order inside w:rPr: rFonts, b, sz.
        var run = new RunProperties();
        if (header)
        {
            run.Append(new RunFonts { Ascii = Sans, HighAnsi = Sans, EastAsia = Sans });
        }

        if (bold)
        {
            run.Append(new Bold());
        }

        run.Append(new FontSize { Val = CellHalfPoints.ToString(CultureInfo.InvariantCulture) });
        var justification = header ? JustificationValues.Center : right ? JustificationValues.Right : JustificationValues.Left;
        var paragraph = new ParagraphProperties(new ParagraphStyleId { Val = "TableText" });
        if (keepNext)
        {
            paragraph.Append(new KeepNext());
        }

        paragraph.Append(new Justification { Val = justification });
        // A cell's lines (表12's 主要内容: （一）…, （二）…) each on its own, as the PDF prints them.
        var content = new Paragraph(paragraph);
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var piece = new Run((RunProperties)run.CloneNode(true));
            if (i > 0)
            {
                piece.Append(new Break());
            }

            piece.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            content.Append(piece);
        }

        return new TableCell(properties, content);
    }

    private static Styles Styles()
    {
        Style ParagraphStyle(string id, string name, int halfPoints, string font, JustificationValues? justification = null, int? outline = null, int indentChars = 0,
            int before = 0, int after = 0, int line = 360, bool bold = false, string? basedOn = null, bool keepNext = false, int leftIndentChars = 0, bool dottedTab = false)
        {
            // Schema order inside w:pPr: keepNext, tabs, spacing, ind, jc, outlineLvl.
            var paragraph = new StyleParagraphProperties();
            if (keepNext)
            {
                paragraph.Append(new KeepNext());
            }

            if (dottedTab)
            {
                paragraph.Append(new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = Usable(false) }));
            }

            paragraph.Append(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture), Line = line.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Auto });
            if (indentChars > 0 || leftIndentChars > 0)
            {
                // Both in characters (Word, WPS) and in twips (LibreOffice reads only these): two characters of the style's size.
                var em = halfPoints * 10;
                var indentation = new Indentation();
                if (leftIndentChars > 0)
                {
                    indentation.Left = (leftIndentChars * em).ToString(CultureInfo.InvariantCulture);
                    indentation.LeftChars = leftIndentChars * 100;
                }

                if (indentChars > 0)
                {
                    indentation.FirstLine = (indentChars * em).ToString(CultureInfo.InvariantCulture);
                    indentation.FirstLineChars = indentChars * 100;
                }

                paragraph.Append(indentation);
            }

            if (justification is not null)
            {
                paragraph.Append(new Justification { Val = justification });
            }

            if (outline is not null)
            {
                paragraph.Append(new OutlineLevel { Val = outline });
            }

            var run = new StyleRunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
            if (bold)
            {
                run.Append(new Bold());
            }

            run.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            var style = new Style(new StyleName { Val = name });
            if (basedOn is not null)
            {
                style.Append(new BasedOn { Val = basedOn });
            }

            style.Append(new PrimaryStyle(), paragraph, run);
            style.Type = StyleValues.Paragraph;
            style.StyleId = id;
            return style;
        }

        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Serif, HighAnsi = Serif, EastAsia = Serif },
                new FontSize { Val = "24" },
                new Languages { Val = "zh-CN", EastAsia = "zh-CN" }))),
            ParagraphStyle("Normal", "Normal", 24, Serif),
            ParagraphStyle("Title", "Title", 52, Serif, JustificationValues.Center, bold: true, line: 480, after: 240),
            ParagraphStyle("Subtitle", "Subtitle", 32, Serif, JustificationValues.Center),
            ParagraphStyle("Issuer", "发文机关", 32, Sans, JustificationValues.Center, line: 480),
            ParagraphStyle("ContentsHeading", "TOC Heading", 40, Sans, JustificationValues.Center, after: 360),
            ParagraphStyle("TOC1", "toc 1", 24, Sans, line: 312, dottedTab: true),
            ParagraphStyle("TOC2", "toc 2", 24, Serif, line: 312, leftIndentChars: 2, dottedTab: true),
            ParagraphStyle("Heading1", "heading 1", 32, Sans, outline: 0, before: 240, after: 240, keepNext: true),
            ParagraphStyle("Heading2", "heading 2", 32, Sans, JustificationValues.Center, outline: 1, before: 240, after: 240, keepNext: true),
            ParagraphStyle("Heading3", "heading 3", 24, Sans, outline: 2, indentChars: 2, before: 120, after: 60, keepNext: true),
            ParagraphStyle("BodyText", "Body Text", 24, Serif, JustificationValues.Both, indentChars: 2, after: 60, line: 432),
            ParagraphStyle("TableLabel", "表号", 24, Sans, keepNext: true),
            ParagraphStyle("TableMeta", "表头信息", 21, Serif, keepNext: true),
            ParagraphStyle("TableText", "表格文字", CellHalfPoints, Serif, line: 240),
            ParagraphStyle("Footer", "footer", 28, Serif, JustificationValues.Center));
    }
}
