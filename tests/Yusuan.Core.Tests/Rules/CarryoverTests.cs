using Yusuan.Core.Disclosures;

namespace Yusuan.Core.Tests.Rules;

/// <summary>An appropriation's spending includes last year's carried-over money: 一般公共预算支出 may exceed 一般公共预算拨款 by up to
/// the 上年结余、结转 of 收支总表 (深圳 2026: 9,186.59 spent of 9,149.85 appropriated and 36.74 carried over).</summary>
public class CarryoverTests
{
    private static List<Findings.Finding> Check(decimal carryover, decimal spentMore) =>
        Sample.Check(Sample.Clean.EditDisclosure(d => d
                .SetCell("T01", "income.carryover", "budget", v => v + carryover)
                .EditTable("T07", t =>
                {
                    var rows = t.Rows.ToList();
                    var top = rows.IndexOf(new Core.Rules.TableView(t, d.FiscalYear).TopRow()!);
                    var values = rows[top].Values.ToArray();
                    values[t.ColumnIndex("total")] += spentMore;
                    rows[top] = rows[top] with { Values = values };
                    return t with { Rows = rows };
                })))
            .Where(f => f.Rule == "X.T07-T01.general" && f.Severity == Findings.Severity.Error).ToList();

    [Fact]
    public void Spending_within_the_carried_over_money_is_no_fault() => Assert.Empty(Check(carryover: 37, spentMore: 36));

    [Fact]
    public void Spending_beyond_appropriation_and_carryover_is_a_fault()
    {
        Assert.Single(Check(carryover: 37, spentMore: 38));
        Assert.Single(Check(carryover: 0, spentMore: 36));
    }

    [Fact]
    public void A_two_sided_table_without_its_current_income_subtotal_adds_what_the_subtotal_adds()
    {
        // 杭州's 财政拨款收支总表: 一、财政拨款 636,376.38, 二、上年结转结余 17,858.84, 收入总计 654,235.22, no 本年收入合计 row.
        var findings = Sample.Check(Sample.Clean.EditDisclosure(d => d.RemoveRow("T06", "income.current")))
            .Where(f => f.Rule == "T06.income.total" && f.Severity == Findings.Severity.Error);
        Assert.Empty(findings);

        // A 收入总计 that its parts do not make is still found.
        findings = Sample.Check(Sample.Clean.EditDisclosure(d => d.RemoveRow("T06", "income.current").SetCell("T06", "income.total", "budget", v => v + 5)))
            .Where(f => f.Rule == "T06.income.total" && f.Severity == Findings.Severity.Error);
        Assert.Single(findings);
    }
}
