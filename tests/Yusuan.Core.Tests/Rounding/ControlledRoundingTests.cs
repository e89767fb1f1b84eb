using Yusuan.Core.Compile;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Rounding;
using Yusuan.Core.Tests.Compile;
using static Yusuan.Core.Tests.Compile.Budgets;

namespace Yusuan.Core.Tests.Rounding;

public class ControlledRoundingTests
{
    /// <summary>The row and column totals of a 2×3 table whose cells are atoms 0–5 (Cox's setting); callers add the grand total.</summary>
    private static List<IReadOnlyList<Term>> TwoByThree() =>
    [
        new[] { 0, 1, 2 }.Select(a => new Term(a, 1)).ToList(),
        new[] { 3, 4, 5 }.Select(a => new Term(a, 1)).ToList(),
        new[] { 0, 3 }.Select(a => new Term(a, 1)).ToList(),
        new[] { 1, 4 }.Select(a => new Term(a, 1)).ToList(),
        new[] { 2, 5 }.Select(a => new Term(a, 1)).ToList(),
    ];

    [Fact]
    public void Three_halves_print_so_the_total_adds_up()
    {
        // Each 0.5 rounds up on its own (1 + 1 + 1 = 3) while their total 1.5 rounds to 2: the classic rounding difference.
        var lines = new[]
        {
            Line("2080505", "30108", 5_000m),
            Line("2101102", "30110", 5_000m),
            Line("2210201", "30113", 5_000m),
        };
        var independent = CompileBudget(lines, RoundingMode.Independent).Disclosure.Table("T03")!;
        Assert.Equal(2m, independent.Value("department", "total"));
        Assert.Equal(3m, independent.Rows.Where(r => r.Level == 1).Sum(r => r.Values[0]));

        var controlled = CompileBudget(lines, RoundingMode.Controlled);
        var t03 = controlled.Disclosure.Table("T03")!;
        Assert.Equal(t03.Value("department", "total"), t03.Rows.Where(r => r.Level == 1).Sum(r => r.Values[0]));
        Assert.Empty(Additivity.Violations(controlled.Disclosure));
        Assert.DoesNotContain(controlled.Findings, f => f.Rule == "rounding.controlled.unaligned");
    }

    [Fact]
    public void A_budget_rounds_alike_after_a_larger_one_on_the_same_thread()
    {
        // Rounding rents its figures' arrays from the shared pool and gives them back: a budget rounded after a larger one on
        // the thread takes them again, longer than it needs and holding the other budget's figures, and must print the same.
        var functions = new[] { "2080505", "2101102", "2210201", "2050101" };
        var economics = new[] { "30108", "30110", "30113", "30201", "30211" };
        var random = new Random(5);
        BudgetLine[] Lines(int count) =>
        [
            .. Enumerable.Range(0, count).Select(i => Line(
                functions[random.Next(functions.Length)],
                economics[random.Next(economics.Length)],
                random.Next(1, 2_000_000) + (random.Next(100) / 100m),
                kind: i % 3 == 0 ? ExpenditureKind.Operating : ExpenditureKind.Personnel,
                procurement: i % 4 == 0 ? 1_000m : 0,
                sme: i % 8 == 0 ? 500m : 0)),
        ];

        static decimal[][] Printed(CompiledBudget budget) =>
            [.. budget.Disclosure.Tables.SelectMany(t => t.Rows).Select(r => r.Values.ToArray())];

        var small = Lines(12);
        var alone = Printed(CompileBudget(small, RoundingMode.Controlled));
        CompileBudget(Lines(600), RoundingMode.Controlled);
        var after = Printed(CompileBudget(small, RoundingMode.Controlled));
        Assert.Equal(alone, after);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000_000_000_000)] // too large for the 64-bit search once scaled: the 128-bit search runs
    public void Rounder_gives_the_same_directions_in_64_and_128_bit_integers(long offset)
    {
        // The same 2×3 table, once small and once with every cell raised by a whole number far beyond 64 bits' reach
        // after scaling: whole units do not change which way a fraction rounds, so the directions must be the same.
        decimal[] cells = [0.4m, 0.4m, 0.4m, 0.6m, 0.6m, 0.6m, 0.123456m];
        var figures = TwoByThree();
        figures.Add(Enumerable.Range(0, 7).Select(a => new Term(a, a == 6 ? -1 : 1)).ToList());
        var (small, _) = new ControlledRounder(cells, figures).Solve();
        var (large, unaligned) = new ControlledRounder(cells.Select(c => c + offset).ToArray(), figures).Solve();
        Assert.Empty(unaligned);
        Assert.Equal(small, large.Select(a => a - offset));
    }

    [Fact]
    public void Rounder_keeps_a_two_way_table_within_one_unit()
    {
        // A 2×3 table with row and column totals (Cox's setting): atoms are the six cells.
        decimal[] cells = [0.4m, 0.4m, 0.4m, 0.6m, 0.6m, 0.6m];
        var figures = TwoByThree();
        figures.Add(Enumerable.Range(0, 6).Select(a => new Term(a, 1)).ToList());
        var (atoms, unaligned) = new ControlledRounder(cells, figures).Solve();
        Assert.Empty(unaligned);
        Assert.All(atoms.Zip(cells), p => Assert.True(Math.Abs(p.First - p.Second) < 1));
        foreach (var figure in figures)
        {
            var truth = figure.Sum(t => cells[t.Atom]);
            var printed = figure.Sum(t => atoms[t.Atom]);
            Assert.True(Math.Abs(printed - truth) < 1, $"figure {truth} printed {printed}");
        }

        // Column totals are exactly 1: they must print 1.
        Assert.Equal(1m, atoms[0] + atoms[3]);
        Assert.Equal(3m, atoms.Sum());
    }

    [Fact]
    public void Where_no_rounding_can_satisfy_every_bound_totals_stay_additive_and_the_cells_are_reported()
    {
        // Three lines of 0.5 万元 whose pairs are each printed somewhere as a whole 1 万元:
        //   line A + line B = function 2010301 (T02, T03 rows), both lines of that item
        //   line A + line C = 一般公共预算拨款 (T01 income, T02 column, T07 total)
        //   line B + line C = 项目支出 (T03 project column)
        // Each pair is exactly 1, so each must print 1 — but then 2(A + B + C) = 3 in whole numbers: impossible.
        var lines = new[]
        {
            Line("2010301", "30101", 5_000m, fund: FundSource.GeneralPublicBudget),
            Line("2010301", "30227", 5_000m, project: "P1", fund: FundSource.GovernmentFund),
            Line("2010302", "30227", 5_000m, project: "P2", fund: FundSource.GeneralPublicBudget),
        };
        var compiled = CompileBudget(lines, RoundingMode.Controlled);

        Assert.Empty(Additivity.Violations(compiled.Disclosure));
        var unaligned = compiled.Findings.Where(f => f.Rule == "rounding.controlled.unaligned").ToList();
        Assert.NotEmpty(unaligned);
        Assert.All(unaligned, f =>
        {
            Assert.Equal(Severity.Info, f.Severity);
            Assert.NotNull(f.Location.Table);
            Assert.NotNull(f.Location.TableRow);
            Assert.NotNull(f.Location.TableColumn);

            // The nearest additive rounding: off by exactly one unit, never more.
            Assert.Equal(1m, Math.Abs(f.Actual!.Value - f.Expected!.Value));
        });
        Assert.Contains("受控舍入无法同时满足所有约束", unaligned[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Controlled_rounding_prefers_the_conventional_figure_where_it_is_free_to()
    {
        // No constraint forces a departure here: every figure should print as 四舍五入 would print it.
        var lines = new[]
        {
            Line("2080505", "30108", 1_259_000m),
            Line("2080506", "30109", 468_000m),
        };
        var t03 = CompileBudget(lines, RoundingMode.Controlled).Disclosure.Table("T03")!;
        Assert.Equal(126m, t03.Value("2080505", "total"));
        Assert.Equal(47m, t03.Value("2080506", "total"));
        Assert.Equal(173m, t03.Value("department", "total"));
    }
}
