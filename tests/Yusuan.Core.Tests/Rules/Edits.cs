using Yusuan.Core.Disclosures;

namespace Yusuan.Core.Tests.Rules;

/// <summary>Deliberate faults in a disclosure: a cell changed, a row or table removed, a text figure or sentence edited.</summary>
internal static class Edits
{
    public static Disclosure With(this Disclosure d, IReadOnlyList<DisclosureTable>? tables = null, IReadOnlyList<NarrativeSentence>? narrative = null, IReadOnlyList<ContentsEntry>? contents = null) =>
        d with { Contents = contents ?? d.Contents, Tables = tables ?? d.Tables, Narrative = narrative ?? d.Narrative };

    public static Disclosure EditTable(this Disclosure d, string id, Func<DisclosureTable, DisclosureTable> edit) =>
        d.With(tables: d.Tables.Select(t => t.Id == id ? edit(t) : t).ToList());

    private static bool Matches(TableRow row, string selector) => row.Key == selector || row.Code == selector || row.Name == selector;

    /// <summary>Changes one cell: the first row whose key, code or name is <paramref name="row"/>.</summary>
    public static Disclosure SetCell(this Disclosure d, string table, string row, string column, Func<decimal, decimal> change) =>
        d.EditTable(table, t =>
        {
            var index = t.Rows.ToList().FindIndex(r => Matches(r, row));
            Assert.True(index >= 0, $"{table} has no row {row}");
            var c = t.ColumnIndex(column);
            Assert.True(c >= 0, $"{table} has no column {column}");
            var rows = t.Rows.ToList();
            var values = rows[index].Values.ToArray();
            values[c] = change(values[c]);
            rows[index] = rows[index] with { Values = values };
            return t with { Rows = rows };
        });

    public static Disclosure EditRow(this Disclosure d, string table, string row, Func<TableRow, TableRow> edit) =>
        d.EditTable(table, t =>
        {
            Assert.Contains(t.Rows, r => Matches(r, row));
            var done = false;
            return t with { Rows = t.Rows.Select(r => !done && Matches(r, row) && (done = true) ? edit(r) : r).ToList() };
        });

    public static Disclosure RemoveRow(this Disclosure d, string table, string row) =>
        d.EditTable(table, t => t with { Rows = t.Rows.Where(r => !Matches(r, row)).ToList() });

    public static Disclosure RemoveTable(this Disclosure d, string id) => d.With(tables: d.Tables.Where(t => t.Id != id).ToList());

    public static Disclosure RemoveContents(this Disclosure d, string table) => d.With(contents: d.Contents.Where(c => c.Table != table).ToList());

    public static Disclosure EditSentences(this Disclosure d, Func<NarrativeSentence, bool> which, Func<NarrativeSentence, NarrativeSentence> edit) =>
        d.With(narrative: d.Narrative.Select(s => which(s) ? edit(s) : s).ToList());

    public static Disclosure RemoveSentences(this Disclosure d, Func<NarrativeSentence, bool> which) =>
        d.With(narrative: d.Narrative.Where(s => !which(s)).ToList());

    /// <summary>Changes the first figure the predicate picks, anywhere in the text.</summary>
    public static Disclosure EditFigure(this Disclosure d, Func<NarrativeFigure, bool> which, Func<decimal, decimal> change)
    {
        var done = false;
        var narrative = d.Narrative.Select(s =>
        {
            if (done || !s.Figures.Any(which))
            {
                return s;
            }

            done = true;
            var index = s.Figures.ToList().FindIndex(f => which(f));
            var figures = s.Figures.ToList();
            figures[index] = figures[index] with { Value = change(figures[index].Value) };
            return s with { Figures = figures };
        }).ToList();
        Assert.True(done, "no such figure");
        return d.With(narrative: narrative);
    }

    public static Disclosure EditFigure(this Disclosure d, string subject, Func<decimal, decimal> change) => d.EditFigure(f => f.Subject == subject, change);

    public static Disclosure EditPerformance(this Disclosure d, Func<PerformanceSection, PerformanceSection> edit) =>
        d.EditTable("T12", t => t with { Performance = edit(t.Performance!) });
}
