using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Yusuan.Publishing.Layout;

namespace Yusuan.Publishing.Office;

/// <summary>The document for Word and LibreOffice: headings for the parts and tables, the tables as Word tables with merged headers repeated on each page.</summary>
public static class DocxDocumentWriter
{
    public static void Write(PrintedDocument document, Stream output)
    {
        using var word = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = Styles();
        var body = new Body();
        body.Append(Paragraph(document.Title, "Title"));
        body.Append(Paragraph(document.Department, "Subtitle"));
        if (document.TextHeading is { } textHeading)
        {
            body.Append(Paragraph(textHeading, "Heading1"));
        }

        foreach (var part in document.PartsBeforeTables)
        {
            Part(body, part, document);
        }

        body.Append(Paragraph(document.TablesHeading, "Heading1"));
        foreach (var table in document.Tables)
        {
            body.Append(Paragraph($"表 {table.Number}　{table.Title}", "Heading2"));
            body.Append(Paragraph($"部门名称：{table.Department}　　单位：{table.Unit}", "Meta"));
            foreach (var block in table.Blocks)
            {
                switch (block)
                {
                    case GridBlock grid:
                        body.Append(Table(grid.Grid));
                        break;
                    case TextBlock { Heading: true } text:
                        body.Append(Paragraph(text.Text, "Heading3"));
                        break;
                    case TextBlock text:
                        body.Append(Paragraph(text.Text, "BodyText"));
                        break;
                }
            }

            if (table.Note is not null)
            {
                body.Append(Paragraph("注：" + table.Note, "Meta"));
            }
        }

        body.Append(Paragraph(document.RoundingNote, "Meta"));
        foreach (var part in document.PartsAfterTables)
        {
            Part(body, part, document);
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Right = 1020, Bottom = 1134, Left = 1020, Header = 708, Footer = 708, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>A text part: its heading (Heading1, or Heading2 under a heading over all the text) and paragraphs.</summary>
    private static void Part(Body body, PrintedPart part, PrintedDocument document)
    {
        body.Append(Paragraph(part.Title, document.TextHeading is null ? "Heading1" : "Heading2"));
        foreach (var paragraph in part.Paragraphs)
        {
            body.Append(Paragraph(paragraph, PrintedPart.IsSubheading(paragraph) ? "Heading3" : "BodyText"));
        }
    }

    private static Paragraph Paragraph(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Table(Grid grid)
    {
        var total = grid.Widths.Sum();
        var twips = grid.Widths.Select(w => (int)(w / total * 9800)).ToArray();
        var border = new Func<OpenXmlElement>[]
        {
            () => new TopBorder { Val = BorderValues.Single, Size = 4 }, () => new LeftBorder { Val = BorderValues.Single, Size = 4 },
            () => new BottomBorder { Val = BorderValues.Single, Size = 4 }, () => new RightBorder { Val = BorderValues.Single, Size = 4 },
            () => new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, () => new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
        };
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(border.Select(b => b())),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(twips.Select(t => new GridColumn { Width = t.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        // Header rows: a cell spanning columns is one cell with gridSpan; a cell spanning rows starts a vMerge continued below.
        var continued = new Dictionary<(int Row, int Column), int>();
        for (var r = 0; r < grid.Header.Count; r++)
        {
            var row = new TableRow(new TableRowProperties(new TableHeader()));
            var column = 0;
            var cells = new Queue<HeaderCell>(grid.Header[r]);
            while (column < twips.Length)
            {
                if (continued.TryGetValue((r, column), out var span))
                {
                    row.Append(Cell(string.Empty, twips.Skip(column).Take(span).Sum(), span, bold: true, merge: MergedCellValues.Continue, shade: true));
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

                row.Append(Cell(h.Text, twips.Skip(column).Take(h.ColSpan).Sum(), h.ColSpan, bold: true, merge: h.RowSpan > 1 ? MergedCellValues.Restart : null, shade: true, center: true));
                column += h.ColSpan;
            }

            table.Append(row);
        }

        foreach (var cells in grid.Rows)
        {
            var row = new TableRow();
            for (var c = 0; c < cells.Count; c++)
            {
                row.Append(Cell((cells[c].Indent > 0 ? new string('　', cells[c].Indent) : string.Empty) + cells[c].Text, twips[c], 1, cells[c].Bold, right: cells[c].Value is not null));
            }

            table.Append(row);
        }

        return table;
    }

    private static TableCell Cell(string text, int width, int span, bool bold, MergedCellValues? merge = null, bool shade = false, bool center = false, bool right = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is not null)
        {
            properties.Append(new VerticalMerge { Val = merge });
        }

        if (shade)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "EEF2F6" });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        // Schema order inside w:rPr: b before sz.
        var properties2 = bold ? new RunProperties(new Bold(), new FontSize { Val = "16" }) : new RunProperties(new FontSize { Val = "16" });
        var run = new Run(properties2, new Text(text) { Space = SpaceProcessingModeValues.Preserve });

        var justification = center ? JustificationValues.Center : right ? JustificationValues.Right : JustificationValues.Left;
        return new TableCell(properties, new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }, new Justification { Val = justification }), run));
    }

    private static Styles Styles()
    {
        Style ParagraphStyle(string id, string name, int halfPoints, bool bold, string font, JustificationValues? justification = null, int? outline = null, int indentChars = 0)
        {
            var paragraph = new StyleParagraphProperties(new SpacingBetweenLines { Before = "120", After = "120", Line = "360", LineRule = LineSpacingRuleValues.Auto });
            if (justification is not null)
            {
                paragraph.Append(new Justification { Val = justification });
            }

            if (indentChars > 0)
            {
                paragraph.Append(new Indentation { FirstLineChars = indentChars * 100 });
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

            run.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });

            return new Style(new StyleName { Val = name }, new PrimaryStyle(), paragraph, run) { Type = StyleValues.Paragraph, StyleId = id };
        }

        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "宋体", HighAnsi = "宋体", EastAsia = "宋体" }, new FontSize { Val = "21" }, new Languages { Val = "zh-CN", EastAsia = "zh-CN" }))),
            ParagraphStyle("Title", "Title", 44, true, "黑体", JustificationValues.Center),
            ParagraphStyle("Subtitle", "Subtitle", 30, false, "黑体", JustificationValues.Center),
            ParagraphStyle("Heading1", "heading 1", 32, true, "黑体", outline: 0),
            ParagraphStyle("Heading2", "heading 2", 28, true, "黑体", outline: 1),
            ParagraphStyle("Heading3", "heading 3", 24, true, "黑体", outline: 2),
            ParagraphStyle("BodyText", "Body Text", 21, false, "宋体", indentChars: 2),
            ParagraphStyle("Meta", "Meta", 18, false, "宋体"));
    }
}
