using Xunit.Abstractions;
using Yusuan.Core.Catalogue;
using Yusuan.Formats.Audit;

namespace Yusuan.Cli.Tests.Corpus;

/// <summary>
/// Every cell of every printed table of the gold documents — one per layout family, transcribed by hand from the page images —
/// against what the audit extracts. Each document has a floor of cells right that only rises as the reader improves; a
/// document whose every cell is right must stay so.
/// </summary>
public class GoldTranscriptionTests(ITestOutputHelper output)
{
    /// <summary>
    /// Cells right at least, per gold document (of its figure cells), as last measured; int.MaxValue where every cell is right.
    /// 西安 is read worst: its performance forms' indicator grids are ruled apart from their text, the 目录 printed as a ruled
    /// table is not read as a table (by design) and the untitled small tables inside the prose are not all read.
    /// </summary>
    private static readonly Dictionary<string, int> Floors = new(StringComparer.Ordinal)
    {
        ["pt-sfj-unit-2026"] = int.MaxValue,
        ["pt-wanli-2025"] = int.MaxValue,
        ["c006-85521c48"] = int.MaxValue,
        ["js-court-2019"] = int.MaxValue,
        ["pt-ghzy-2024-final"] = int.MaxValue,
        ["bj-justice-2026-tables"] = int.MaxValue,
        ["c003-525d3932"] = int.MaxValue,
        ["c004-d344b1c3"] = int.MaxValue,
        ["c005-6d531c47"] = int.MaxValue,
        ["c017-e1ceb355"] = int.MaxValue,
        ["c020-b807ca62"] = 1030,
        ["c025-2d85c703"] = int.MaxValue,
    };

    public static TheoryData<string> Documents() => [.. Corpus.GoldFiles().Select(f => Path.GetFileName(f).Replace(".gold.json", string.Empty, StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Gold_document_tables_are_extracted_cell_for_cell(string document)
    {
        var gold = Corpus.GoldFiles().Single(f => Path.GetFileName(f) == document + ".gold.json");
        var audit = Auditor.Audit(Corpus.Budget(document), ClassificationCatalogue.BuiltIn());
        Assert.NotNull(audit.Disclosure);

        var result = GoldComparison.Compare(audit.Disclosure!, gold);
        output.WriteLine($"{document}: cells {result.Right}/{result.Total}");
        output.WriteLine(string.Join(" ; ", audit.Disclosure!.Tables.Select(t => $"{t.Id} {t.Title} {t.Rows.Count}")));
        output.WriteLine(string.Join(Environment.NewLine, result.Tables));
        output.WriteLine(string.Join(Environment.NewLine, result.Wrong));
        Assert.True(result.Total > 0, "the gold file has no figure cells");
        Assert.True(Floors.ContainsKey(document), $"{document}: a new gold document needs its floor in {nameof(Floors)}");
        var floor = Floors[document] == int.MaxValue ? result.Total : Floors[document];
        Assert.True(result.Right >= floor, $"{document}: {result.Right}/{result.Total} cells right, the floor is {floor}:{Environment.NewLine}{string.Join(Environment.NewLine, result.Wrong)}");
    }
}
