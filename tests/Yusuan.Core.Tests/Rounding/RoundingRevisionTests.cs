using Yusuan.Core.Catalogue;
using Yusuan.Core.Compile;
using Yusuan.Core.Rounding;
using Yusuan.Core.Tests.Compile;
using Yusuan.Core.Tests.Rules;

namespace Yusuan.Core.Tests.Rounding;

/// <summary>
/// A revision rounded against the version before it (<see cref="RoundingMemory"/>): figures whose true value did not change
/// print as they printed before, wherever the constraints allow (issue 16).
/// </summary>
public class RoundingRevisionTests
{
    private static readonly BudgetCompiler Compiler = new(ClassificationCatalogue.BuiltIn());

    [Fact]
    public void Rounded_against_itself_a_budget_prints_exactly_as_before()
    {
        var sample = Sample.Clean;
        var first = Compiler.Compile(sample.Profile, sample.Plan, sample.Lines, RoundingMode.Controlled);
        Assert.True(first.Rounding.Count > 20, $"only {first.Rounding.Count} atoms remembered");
        var again = Compiler.Compile(sample.Profile, sample.Plan, sample.Lines, RoundingMode.Controlled, first.Rounding);
        Assert.Equal(Printed(first), Printed(again));
        Assert.Equal(first.Rounding.Atoms, again.Rounding.Atoms);
    }

    [Theory]
    [InlineData("2101102", 1_000)] // the case: 1,000 元 more on one 卫生健康 line
    [InlineData("2080505", -4_700)]
    [InlineData("2210203", 2_345.67)]
    public void A_revision_moves_no_figure_whose_truth_did_not_change(string function, double change)
    {
        var sample = Sample.Clean;
        var before = Compiler.Compile(sample.Profile, sample.Plan, sample.Lines, RoundingMode.Controlled);
        var revised = sample.EditLine(l => l.Function.Value == function, l => l with { Amount = l.Amount + (decimal)change });
        var against = Compiler.Compile(revised.Profile, revised.Plan, revised.Lines, RoundingMode.Controlled, before.Rounding);
        var fresh = Compiler.Compile(revised.Profile, revised.Plan, revised.Lines, RoundingMode.Controlled);

        var (changed, movedAgainst) = Moved(before, against);
        var (_, movedFresh) = Moved(before, fresh);
        Assert.True(changed > 0, "the revision changed no figure's truth");
        Assert.Empty(movedAgainst);
        Assert.Empty(Additivity.Violations(against.Disclosure));
        Assert.DoesNotContain(against.Findings, f => f.Rule == "rounding.controlled.unaligned");
        Assert.All(Cells(against), c => Assert.True(Math.Abs(c.Printed - c.Truth) < c.Unit, $"{c.Name}: {c.Printed} for {c.Truth}"));

        // Rounded afresh, the same revision moves figures whose truth it did not touch (in the case 社会保障和就业支出
        // 173 → 172 and 节能环保支出 7,073 → 7,074): the instances are ones where remembering matters.
        Assert.NotEmpty(movedFresh);
    }

    [Fact]
    public void Rounding_against_another_budget_is_rounding_afresh()
    {
        var sample = Sample.Clean;
        var fresh = Compiler.Compile(sample.Profile, sample.Plan, sample.Lines, RoundingMode.Controlled);
        var stranger = new RoundingMemory([new RememberedAtom("0|999999|2010101|Personnel|30101||GeneralPublicBudget|None|None|False|Amount", 5_000m, 1m)]);
        var against = Compiler.Compile(sample.Profile, sample.Plan, sample.Lines, RoundingMode.Controlled, stranger);
        Assert.Equal(Printed(fresh), Printed(against));
    }

    /// <summary>How many cells' truth changed, and the cells whose truth did not change but whose printed figure did.</summary>
    internal static (int Changed, List<string> Moved) Moved(CompiledBudget before, CompiledBudget after)
    {
        var then = Cells(before).ToDictionary(c => c.Name);
        var changed = 0;
        var moved = new List<string>();
        foreach (var cell in Cells(after))
        {
            if (!then.TryGetValue(cell.Name, out var old) || old.Truth != cell.Truth)
            {
                changed++;
            }
            else if (old.Printed != cell.Printed)
            {
                moved.Add($"{cell.Name}: {old.Printed} → {cell.Printed} (truth {cell.Truth})");
            }
        }

        return (changed, moved);
    }

    internal static IEnumerable<(string Name, decimal Truth, decimal Printed, decimal Unit)> Cells(CompiledBudget compiled)
    {
        // A row's name is its table, unit and code (or key, or name), numbered where the same name comes again in a table.
        var seen = new Dictionary<string, int>();
        foreach (var draft in compiled.Drafts)
        {
            var table = compiled.Disclosure.Table(draft.Id)!;
            for (var r = 0; r < draft.Rows.Count; r++)
            {
                var row = table.Rows[r];
                var name = $"{draft.Id} {row.Unit} {row.Code ?? row.Key ?? row.Name}";
                seen[name] = seen.GetValueOrDefault(name) + 1;
                name += seen[name] > 1 ? $" ({seen[name]})" : string.Empty;
                for (var c = 0; c < draft.Columns.Count; c++)
                {
                    yield return ($"{name} {draft.Columns[c].Key}", draft.Rows[r].Cells[c].Truth / 10_000m, row.Values[c], draft.UnitSize / 10_000m);
                }
            }
        }
    }

    private static List<decimal[]> Printed(CompiledBudget compiled) =>
        compiled.Disclosure.Tables.SelectMany(t => t.Rows.Select(r => r.Values.ToArray())).ToList();
}
