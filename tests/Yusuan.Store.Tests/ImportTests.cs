using Yusuan.Core.Model;

namespace Yusuan.Store.Tests;

/// <summary>A whole ledger imported in one transaction, on SQLite and on a real PostgreSQL server (COPY in text format).</summary>
public class ImportTests
{
    private static readonly ImportSource Source = new(
        "ledger.csv", new string('a', 64), 2023,
        [("000001", "甲局", "schema: yusuan.profile/1\n"), ("000002", "乙局", "schema: yusuan.profile/1\n")]);

    private static IEnumerable<BudgetLine> Lines(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var project = i % 3 == 0;
            yield return new BudgetLine
            {
                AgencyCode = i % 2 == 0 ? "000001001" : "000002001",
                Function = FunctionCode.Parse("2080505").Value,
                Economic = EconomicCode.Parse(project ? "30226" : "30101").Value,
                Kind = project ? ExpenditureKind.Project : ExpenditureKind.Personnel,
                ProjectCode = project ? "P" + i : null,
                ProjectName = project ? "项目" + i : null,
                Fund = i % 5 == 0 ? FundSource.FiscalSpecialAccount : FundSource.GeneralPublicBudget,
                GovernmentEconomic = i % 4 == 0 ? GovernmentEconomicCode.Parse("50501").Value : null,
                ProjectCategory = project ? (i % 2 == 0 ? "信息化类" : string.Empty) : null, // empty text must come back empty, not NULL
                Amount = 1_000m + i + 0.37m,
                Procurement = project ? ProcurementType.Services : ProcurementType.None,
                ProcurementAmount = project ? 500.05m : 0m,
                SmeAmount = project ? 400m : 0m,
                MicroAmount = project ? 100.01m : 0m,
                OfficialExpense = i % 7 == 0 ? OfficialExpenseCategory.Reception : OfficialExpenseCategory.None,
                IsOperatingExpense = i % 11 == 0,
                Source = new LineSource("ledger.csv", i + 2),
            };
        }
    }

    private static BudgetStore Open(string provider)
    {
        var store = BudgetStore.Open(Databases.Fresh(provider));
        store.Migrate();
        return store;
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void An_import_refused_once_its_lines_are_written_keeps_nothing(string provider)
    {
        // Lines checked as they are read: every line written, then the check's verdict — and a refusal rolls all of it back.
        using var store = Open(provider);
        var asked = false;
        var refused = Assert.Throws<StoreException>(() => store.Import(Source, Lines(25_000), "张三", refusal: () =>
        {
            asked = true;
            return "预算明细未通过检查";
        }));
        Assert.True(asked);
        Assert.Equal("预算明细未通过检查", refused.Message);
        Assert.Empty(store.Imports());
        Assert.Equal(0L, store.ImportedLineCount());
        Assert.False(store.HasDepartments());

        var kept = store.Import(Source, Lines(10), "张三", refusal: () => null);
        Assert.Equal(10L, store.ImportedLines(kept.Id).Lines);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void A_ledger_is_imported_whole_with_its_count_and_exact_total(string provider)
    {
        using var store = Open(provider);
        var expected = Lines(25_000).Sum(l => l.Amount);
        var progress = new List<long>();
        var stored = store.Import(Source, Lines(25_000), "张三", progress.Add);

        Assert.Equal((25_000L, expected, 2), (stored.Lines, stored.Total, stored.Departments));
        // Every 10,000 lines, and the last count, so a listener knows the commit comes next.
        Assert.Equal([10_000L, 20_000L, 25_000L], progress);
        Assert.Equal((25_000L, expected), store.ImportedLines(stored.Id));
        var listed = Assert.Single(store.Imports());
        Assert.Equal((stored.Id, 25_000L, expected, "张三", "ledger.csv"), (listed.Id, listed.Lines, listed.Total, listed.Actor, listed.Source));
        Assert.True(store.HasDepartments());

        // Every column comes back as it went in, on both databases (each writes its own way).
        foreach (var line in Lines(25_000).Where(l => l.Source.Row is 2 or 3 or 5 or 6 or 13 or 25_001))
        {
            Assert.Equal(line, store.ImportedLine(stored.Id, line.Source.Row));
        }

        Assert.Null(store.ImportedLine(stored.Id, 25_002));
        Assert.Equal("schema: yusuan.profile/1\n", store.DepartmentFiles("000002").Profile);

        var again = store.Import(Source, Lines(10), "李四");
        Assert.Equal([again.Id, stored.Id], store.Imports().Select(i => i.Id));
        Assert.Equal(25_010L, store.ImportedLineCount());
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void Text_that_a_copy_row_would_misread_and_extreme_amounts_come_back_as_written(string provider)
    {
        // PostgreSQL's COPY text format ends a value at a tab and a row at a line end, reads \N as NULL and a backslash as an
        // escape: each must arrive as the text itself. Amounts at NUMERIC(18, 2)'s edge, negative, and of one decimal.
        string[] names = ["甲\t乙", "第一行\n第二行", "回车\r在此", @"C:\目录\文件", @"\N", @"\\N", "\\", "\t", "末尾\\", string.Empty, "  前后空格  ", "\"引号\"，逗号"];
        decimal[] amounts = [9_999_999_999_999_999.99m, -9_999_999_999_999_999.99m, 0.01m, -0.01m, 1.5m, 0m, 123_456_789.10m];
        var lines = names.Select((name, i) => Lines(1).Single() with
        {
            ProjectCode = "P\t" + i,
            ProjectName = name,
            ProjectCategory = name,
            Kind = ExpenditureKind.Project,
            Amount = amounts[i % amounts.Length],
            ProcurementAmount = 0m,
            SmeAmount = 0m,
            MicroAmount = 0m,
            Procurement = ProcurementType.None,
            Source = new LineSource("ledger.csv", i + 2),
        }).ToList();

        using var store = Open(provider);
        var stored = store.Import(Source, lines, "张三");

        Assert.Equal((lines.Count, lines.Sum(l => l.Amount)), ((int)stored.Lines, stored.Total));
        foreach (var line in lines)
        {
            Assert.Equal(line, store.ImportedLine(stored.Id, line.Source.Row));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void An_import_that_fails_half_way_leaves_nothing_behind(string provider)
    {
        using var store = Open(provider);
        var first = store.Import(Source, Lines(100), "张三");

        IEnumerable<BudgetLine> Failing()
        {
            foreach (var line in Lines(15_000))
            {
                yield return line;
            }

            throw new InvalidOperationException("预算明细文件在检查之后被改动");
        }

        Assert.Throws<InvalidOperationException>(() => store.Import(Source with { Departments = [("000003", "丙局", "x")] }, Failing(), "李四"));

        Assert.Equal([first.Id], store.Imports().Select(i => i.Id));
        Assert.Equal(100L, store.ImportedLineCount());
        Assert.Null(store.DepartmentFiles("000003").Profile);

        // The store is still usable after the rollback.
        Assert.Equal(15_000L, store.Import(Source, Lines(15_000), "李四").Lines);
    }
}
