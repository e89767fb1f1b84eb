using Yusuan.Core.Disclosures;
using Yusuan.Core.Narrative;
using Yusuan.Core.Tables;

namespace Yusuan.Core.Compile;

/// <summary>
/// A compiled budget restated in another document template (yusuan build --template): the template's tables in its order
/// and with its titles; in 元 (two decimals, the exact sums of the budget lines, nothing rounded) where the template prints
/// 元, else the compiled 万元 figures as they are. The text keeps its figures in 万元, as 上海's documents state them; only
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
            tables.Add(inYuan && drafts.TryGetValue(id, out var draft) && table.Performance is null
                ? table with
                {
                    Title = title,
                    Unit = "元",
                    Decimals = 2,
                    Rows = table.Rows.Select((row, r) => row with { Values = draft.Rows[r].Cells.Select(c => c.Truth).ToArray() }).ToList(),
                }
                : table with { Title = title });
        }

        var narrative = disclosure.Narrative;
        if (inYuan)
        {
            var mode = disclosure.Rounding == "controlled" ? Rounding.RoundingMode.Controlled : Rounding.RoundingMode.Independent;
            var note = NarrativeComposer.UnitNote(disclosure.FiscalYear, mode);
            narrative = narrative.Select(s => s.Sentence == note ? s with { Sentence = NarrativeComposer.UnitNoteInYuan(disclosure.FiscalYear) } : s).ToList();
        }

        return disclosure with { Template = template.Name, Tables = tables, Narrative = narrative };
    }
}
