using Yusuan.Core.Disclosures;
using Yusuan.Core.Narrative;
using Yusuan.Core.Tables;

namespace Yusuan.Core.Compile;

/// <summary>
/// A compiled budget restated in another document template (yusuan build --template): the template's tables in its order
/// and with its titles (and the 目录 listing them); printed in 元 (the exact sums of the budget lines, nothing rounded) where
/// the template prints 元, else the compiled 万元 figures as they are. The text keeps its figures in 万元, as 上海's documents state them; only
/// the glossary's note on units follows the tables. Table ids stay T01 …, so the rules and the read-back judge them alike.
/// </summary>
public static class TemplateRestatement
{
    /// <summary>The disclosure of <paramref name="compiled"/> as <paramref name="template"/> publishes it.</summary>
    public static Disclosure Restate(CompiledBudget compiled, DocumentTemplate template)
    {
        var disclosure = compiled.Disclosure;
        var inYuan = template.Unit == "元";
        var drafts = compiled.Drafts.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var tables = new List<DisclosureTable>();
        foreach (var id in template.Tables)
        {
            if (disclosure.Table(id) is not { } table)
            {
                continue;
            }

            var title = template.Publishing?.Title(id, disclosure.FiscalYear) ?? table.Title;
            // Printed in 元, the figures are the exact sums; the disclosure keeps every table in 万元 as an audit reads one
            // (元 ÷ 10,000, to six decimals) with the printed unit and each figure as printed, so that check judges it alike.
            tables.Add(inYuan && drafts.TryGetValue(id, out var draft) && table.Performance is null
                ? table with
                {
                    Title = title,
                    Unit = "万元",
                    PrintedUnit = "元",
                    Decimals = 6,
                    Rows = table.Rows.Select((row, r) => row with
                    {
                        Values = draft.Rows[r].Cells.Select(c => c.Truth / 10_000m).ToArray(),
                        Printed = draft.Rows[r].Cells.Select(c => Yuan(c.Truth)).ToArray(),
                    }).ToList(),
                }
                : table with { Title = title });
        }

        var narrative = disclosure.Narrative;
        if (inYuan)
        {
            var mode = Rounding.RoundingModes.Of(disclosure);
            var note = NarrativeComposer.UnitNote(disclosure.FiscalYear, mode);
            narrative = narrative.Select(s => s.Sentence == note ? s with { Sentence = NarrativeComposer.UnitNoteInYuan(disclosure.FiscalYear) } : s).ToList();
        }

        var contents = tables.Select(t => new ContentsEntry(t.Title, t.Id)).ToList();
        // Exact tables beside a text in whole 万元: the text's figures are rounded, no longer the controlled sums of printed ones.
        return disclosure with { Template = template.Name, Tables = tables, Narrative = narrative, Contents = contents, Rounding = inYuan ? "independent" : disclosure.Rounding };
    }

    /// <summary>An amount in 元 as a table prints it: 1,259,000 or 8,473.50.</summary>
    public static string Yuan(decimal amount) =>
        decimal.Round(amount, 2, MidpointRounding.AwayFromZero).ToString(amount == decimal.Truncate(amount) ? "#,##0" : "#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
