using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Rounding;
using Yusuan.Core.Tests.Compile;
using Yusuan.Core.Text;
using Yusuan.Formats.Datasets;

namespace Yusuan.Cli.Tests;

/// <summary>
/// The sample compiled with independent rounding equals, cell by cell, the figures transcribed from the seed's tables
/// (tests/golden/seed, transcribed by hand from shared/seeds/000_0b077f60154531fb.txt — never regenerated from our output).
/// </summary>
public class GoldenSeedTests
{
    private static readonly Lazy<Disclosure> Independent = new(() => CompileSample(RoundingMode.Independent));
    private static readonly Lazy<Disclosure> Controlled = new(() => CompileSample(RoundingMode.Controlled));

    [Theory]
    [InlineData("T01")]
    [InlineData("T06")]
    public void Compile_sample_reproduces_two_sided_table(string id)
    {
        var table = Independent.Value.Table(id)!;
        var golden = ReadGolden(id + ".csv");
        Assert.Equal(golden.Count, table.Rows.Count);
        for (var i = 0; i < golden.Count; i++)
        {
            var row = table.Rows[i];
            Assert.Equal(golden[i]["section"], row.Section);
            Assert.Equal(golden[i]["name"], row.Name);
            Assert.True(decimal.Parse(golden[i]["value"], System.Globalization.CultureInfo.InvariantCulture) == row.Values[0], $"{id} row {i + 1} {row.Name}: seed {golden[i]["value"]}, compiled {row.Values[0]}");
        }
    }

    [Theory]
    [InlineData("T03", new[] { "total", "basic", "project", "procurement", "sme", "micro" })]
    [InlineData("T07", new[] { "total", "basic", "project" })]
    [InlineData("T08", new[] { "total", "basic", "project" })]
    [InlineData("T10", new[] { "total", "basic", "project" })]
    [InlineData("T11", new[] { "total", "basic", "project" })]
    public void Compile_sample_reproduces_coded_table(string id, string[] columns)
    {
        var table = Independent.Value.Table(id)!;
        var golden = ReadGolden(id + ".csv");
        Assert.Equal(golden.Count, table.Rows.Count);
        for (var i = 0; i < golden.Count; i++)
        {
            var row = table.Rows[i];
            var g = golden[i];
            Assert.Equal(g["unit"], row.Unit ?? string.Empty);
            Assert.Equal(g["code"], row.Code ?? string.Empty);
            if (g["name"].Length > 0)
            {
                Assert.Equal(g["name"], row.Name);
            }

            for (var c = 0; c < columns.Length; c++)
            {
                var expected = decimal.Parse(g[columns[c]], System.Globalization.CultureInfo.InvariantCulture);
                var actual = row.Values[table.ColumnIndex(columns[c])];
                Assert.True(expected == actual, $"{id} {row.Code ?? row.Unit} {columns[c]}: seed {expected}, compiled {actual}");
            }
        }

        if (id is "T10" or "T11")
        {
            Assert.Equal("本表本年无发生额。", table.Note);
        }
    }

    [Fact]
    public void Compile_sample_reproduces_table_T09()
    {
        var table = Independent.Value.Table("T09")!;
        var golden = ReadGolden("T09.csv");
        string[] columns = ["total", "abroad", "reception", "vehicle", "vehicle_purchase", "vehicle_operation"];
        Assert.Equal(golden.Count, table.Rows.Count);
        for (var i = 0; i < golden.Count; i++)
        {
            Assert.Equal(golden[i]["year"], table.Rows[i].Name);
            Assert.Equal(golden[i]["unit"], table.Rows[i].Unit ?? string.Empty);
            Assert.Equal(columns.Select(c => decimal.Parse(golden[i][c], System.Globalization.CultureInfo.InvariantCulture)), table.Rows[i].Values);
        }
    }

    [Fact]
    public void Compile_sample_reproduces_table_T12()
    {
        var table = Independent.Value.Table("T12")!;
        var tasks = ReadGolden("T12-tasks.csv");
        Assert.Equal(tasks.Select(t => t["name"]), table.Rows.Select(r => r.Name));
        Assert.Equal(
            tasks.Select(t => new[] { t["total"], t["fiscal"], t["other"] }.Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture))),
            table.Rows.Select(r => r.Values.ToArray()));

        var indicators = ReadGolden("T12-indicators.csv").Where(i => i["level3"].Length > 0).ToList();
        Assert.Equal(
            indicators.Select(i => (i["level1"], i["level2"], i["level3"], i["target"])),
            table.Performance!.Indicators.Select(i => (i.Level1, i.Level2, i.Name, i.Target)));
        Assert.Equal("深圳市财政局", table.Performance.Supervisor);
        Assert.Equal(7, table.Performance.Goals.Count);
    }

    [Fact]
    public void Tables_the_seed_omits_follow_from_the_same_lines()
    {
        var d = Independent.Value;
        decimal Department(string id, string column) => d.Table(id)!.Rows.Single(r => r.Key == "department").Values[d.Table(id)!.ColumnIndex(column)];
        Assert.Equal(7656m, Department("T02", "total"));
        Assert.Equal(7656m, Department("T02", "general"));
        Assert.Equal(1802m, Department("T04", "total"));
        Assert.Equal(Department("T03", "basic"), Department("T04", "total"));
        Assert.Equal(1608m + 71m, Department("T04", "personnel"));
        Assert.Equal(123m, Department("T04", "operating"));
        Assert.Equal(5854m, Department("T05", "total"));
        Assert.Equal(8, d.Table("T05")!.Rows.Count(r => r.Key is null));
    }

    [Fact]
    public void Independent_rounding_reproduces_the_seed_rounding_differences()
    {
        // The seed's note 十 admits that its rounded figures may not add up; the reconstruction reproduces those differences.
        var violations = Additivity.Violations(Independent.Value);
        Assert.Contains(violations, v => v.StartsWith("T03 211: total 7074 ≠ basic+project = 7073", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("T08 30211: total 36 ≠ basic+project = 37", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("T12 total [total]: printed 7656, parts sum to 7658", StringComparison.Ordinal));
    }

    [Fact]
    public void Controlled_rounding_makes_every_table_of_the_sample_add_up()
    {
        Assert.Empty(Additivity.Violations(Controlled.Value));
        Assert.Equal(7656m, Controlled.Value.Table("T01")!.Rows.Single(r => r.Key == "income.total").Values[0]);
    }

    private static Disclosure CompileSample(RoundingMode rounding)
    {
        var (dataset, problems) = Dataset.Load(Repository.Sample);
        Assert.Empty(problems);
        var compiled = dataset!.Compile(ClassificationCatalogue.BuiltIn(), rounding);
        Assert.Empty(compiled.Findings);
        return compiled.Disclosure;
    }

    internal static List<Dictionary<string, string>> ReadGolden(string file)
    {
        using var reader = new StreamReader(Repository.Golden(file));
        var records = new CsvRecordReader(reader).Read().ToList();
        var header = records[0].Fields;
        return records.Skip(1).Select(r => header.Select((h, i) => (h, v: i < r.Fields.Count ? r.Fields[i] : string.Empty)).ToDictionary(x => x.h, x => x.v)).ToList();
    }
}
