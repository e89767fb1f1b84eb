using System.Runtime.CompilerServices;
using Yusuan.Core.Model;

namespace Yusuan.Core.Compile;

/// <summary>Project facts gathered while streaming the lines.</summary>
public sealed record ProjectInfo(string Code, string Name, string Category);

/// <summary>
/// Sums lines into atoms in one pass. Each key holds four measures (amount, procurement, SME, micro), stored at
/// key index × 4 + measure. After <see cref="Seal"/> the keys are in table order (agency, function code, kind, …),
/// the order controlled rounding starts from.
/// </summary>
internal sealed class AtomAccumulator
{
    private const int Measures = 4;
    private readonly Dictionary<AtomKey, int> index = [];
    private readonly List<AtomKey> keys = [];
    private readonly List<decimal> values = [];
    private readonly Dictionary<string, ProjectInfo> projects = new(StringComparer.Ordinal);
    private readonly List<string> pseudoNames = [];

    public IReadOnlyList<AtomKey> Keys => keys;

    public List<decimal> Values => values;

    public IReadOnlyDictionary<string, ProjectInfo> Projects => projects;

    public long LineCount { get; private set; }

    public void Add(BudgetLine line)
    {
        var key = new AtomKey(
            line.AgencyCode,
            line.Function,
            line.Economic,
            line.Kind,
            line.Fund,
            line.ProjectCode ?? string.Empty,
            line.OfficialExpense,
            line.Procurement,
            line.IsOperatingExpense);
        if (!index.TryGetValue(key, out var k))
        {
            k = keys.Count;
            index.Add(key, k);
            keys.Add(key);
            for (var m = 0; m < Measures; m++)
            {
                values.Add(0m);
            }
        }

        values[k * Measures + (int)Measure.Amount] += line.Amount;
        if (line.ProcurementAmount != 0 || line.SmeAmount != 0 || line.MicroAmount != 0)
        {
            // Most lines buy nothing through procurement: their three parts are not added as zeros.
            values[k * Measures + (int)Measure.Procurement] += line.ProcurementAmount;
            values[k * Measures + (int)Measure.Sme] += line.SmeAmount;
            values[k * Measures + (int)Measure.Micro] += line.MicroAmount;
        }
        if (line.ProjectCode is { Length: > 0 } code && !projects.ContainsKey(code))
        {
            projects.Add(code, new ProjectInfo(code, line.ProjectName ?? string.Empty, line.ProjectCategory ?? string.Empty));
        }

        LineCount++;
    }

    /// <summary>Puts the keys in table order; returns the atoms' values in that order.</summary>
    // Compiled fully optimised at once, as the tables' loops are (see TableSet).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Seal()
    {
        // Keys are distinct (they index the dictionary), so an unstable sort of the keys, with their places alongside, is exact.
        var sortedKeys = keys.ToArray();
        var order = new int[sortedKeys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(sortedKeys, order);
        var unsorted = values.ToArray();
        for (var k = 0; k < order.Length; k++)
        {
            keys[k] = sortedKeys[k];
            for (var m = 0; m < Measures; m++)
            {
                values[(k * Measures) + m] = unsorted[(order[k] * Measures) + m];
            }
        }

        index.Clear();
    }

    /// <summary>Sums the text needs that no table carries: by project, project category, procurement type, 机关运行经费.</summary>
    public BudgetFacts Facts()
    {
        var projectAmounts = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var categories = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var procurement = new Dictionary<ProcurementType, decimal>();
        decimal operating = 0;
        for (var k = 0; k < keys.Count; k++)
        {
            var key = keys[k];
            var amount = values[AtomOf(k, Measure.Amount)];
            if (key.Kind == ExpenditureKind.Project)
            {
                projectAmounts[key.Project] = projectAmounts.GetValueOrDefault(key.Project) + amount;
                var category = projects.GetValueOrDefault(key.Project)?.Category ?? string.Empty;
                categories[category] = categories.GetValueOrDefault(category) + amount;
            }

            if (key.Procurement != ProcurementType.None)
            {
                procurement[key.Procurement] = procurement.GetValueOrDefault(key.Procurement) + values[AtomOf(k, Measure.Procurement)];
            }

            if (key.Operating && key.Fund.IsGovernmentAppropriation())
            {
                operating += amount;
            }
        }

        return new BudgetFacts(projectAmounts, categories, procurement, operating);
    }

    /// <summary>
    /// The atom's name across versions of a budget (for <see cref="Rounding.RoundingMemory"/>): its key's fields and measure
    /// joined by <c>|</c> (the free-text agency and project codes with <c>\</c> and <c>|</c> escaped, so no two atoms share a
    /// name), or for an atom that is not a line the name it was added under.
    /// </summary>
    public string Identity(int atom)
    {
        if (atom >= keys.Count * Measures)
        {
            return pseudoNames[atom - (keys.Count * Measures)];
        }

        static string Escaped(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
        var k = keys[atom / Measures];
        return string.Join('|', Escaped(k.Agency), k.Function.Value, k.Kind, k.Economic.Value, Escaped(k.Project), k.Fund, k.Official, k.Procurement, k.Operating, (Measure)(atom % Measures));
    }

    public static int AtomOf(int keyIndex, Measure measure) => keyIndex * Measures + (int)measure;

    /// <summary>
    /// Adds an atom that is not a line (last year's 三公 figures, which T09 prints beside this year's) under a name of its own, which
    /// names it across versions (it begins with <c>#</c>, which no line's name does); returns its index.
    /// </summary>
    public int AddPseudoAtom(decimal value, string name)
    {
        values.Add(value);
        pseudoNames.Add("#" + name);
        return values.Count - 1;
    }
}
