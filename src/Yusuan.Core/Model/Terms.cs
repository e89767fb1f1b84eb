using System.Buffers;
using System.Globalization;

namespace Yusuan.Core.Model;

/// <summary>
/// The official Chinese titles of the domain's fixed lists, and the codes Yusuan accepts for them.
/// Codes for fund sources are Yusuan's own short codes (documented in docs/input.md); the titles are those of the seed's tables.
/// </summary>
public static class Terms
{
    private static readonly (ExpenditureKind Kind, string Code, string Title)[] Kinds =
    [
        (ExpenditureKind.Personnel, "1", "人员经费"),
        (ExpenditureKind.Operating, "2", "公用经费"),
        (ExpenditureKind.Project, "3", "项目支出"),
    ];

    private static readonly (FundSource Fund, string Code, string Title)[] Funds =
    [
        (FundSource.GeneralPublicBudget, "11", "一般公共预算拨款"),
        (FundSource.GovernmentFund, "12", "政府性基金预算拨款"),
        (FundSource.StateCapital, "13", "国有资本经营预算拨款"),
        (FundSource.FiscalSpecialAccount, "21", "财政专户管理资金"),
        (FundSource.InstitutionIncome, "31", "事业收入"),
        (FundSource.InstitutionBusinessIncome, "32", "事业单位经营收入"),
        (FundSource.SuperiorSubsidy, "33", "上级补助收入"),
        (FundSource.SubordinateRemittance, "34", "附属单位上缴收入"),
        (FundSource.OtherIncome, "39", "其他收入"),
        (FundSource.PriorYearCarryover, "90", "上年结转"),
    ];

    private static readonly (ProcurementType Type, string Code, string Title)[] Procurements =
    [
        (ProcurementType.Goods, "A", "货物"),
        (ProcurementType.Works, "B", "工程"),
        (ProcurementType.Services, "C", "服务"),
    ];

    private static readonly (OfficialExpenseCategory Category, string Code, string Title)[] OfficialExpenses =
    [
        (OfficialExpenseCategory.OverseasTravel, "1", "因公出国(境)费"),
        (OfficialExpenseCategory.Reception, "2", "公务接待费"),
        (OfficialExpenseCategory.VehiclePurchase, "3", "公务用车购置费"),
        (OfficialExpenseCategory.VehicleOperation, "4", "公务用车运行维护费"),
    ];

    // Every spelling each parser accepts, made once (a ledger has a kind, a fund and a procurement type on every line).
    private static readonly Dictionary<string, ExpenditureKind> KindSpellings =
        Spellings(Kinds.Select(k => (k.Kind, new[] { k.Code, k.Title, "基本支出-" + k.Title, "基本支出" + k.Title })));

    private static readonly Dictionary<string, FundSource> FundSpellings =
        Spellings(Funds.Select(f => (f.Fund, new[] { f.Code, f.Title, f.Title.Replace("拨款", string.Empty, StringComparison.Ordinal) })));

    private static readonly Dictionary<string, ProcurementType> ProcurementSpellings =
        Spellings(Procurements.Select(p => (p.Type, new[] { p.Code, p.Title, p.Title + "类", p.Title + "采购" })));

    private static readonly Dictionary<string, OfficialExpenseCategory> OfficialExpenseSpellings =
        Spellings(OfficialExpenses.Select(o => (o.Category, new[] { o.Code, o.Title, o.Title.Replace("费", string.Empty, StringComparison.Ordinal) })));

    public static IReadOnlyList<FundSource> AllFunds { get; } = Funds.Select(f => f.Fund).ToArray();

    // Looked up by a loop, not by LINQ with a lambda: an import names a line's kind and fund on every line, and a lambda that
    // captures the value is an allocation each time.
    public static string Title(this ExpenditureKind kind) => Entry(Kinds, kind).Title;

    public static string Title(this FundSource fund) => Entry(Funds, fund).Title;

    public static string Code(this FundSource fund) => Entry(Funds, fund).Code;

    public static string Title(this ProcurementType type) =>
        type == ProcurementType.None ? string.Empty : Entry(Procurements, type).Title;

    public static string Title(this OfficialExpenseCategory category) =>
        category == OfficialExpenseCategory.None ? string.Empty : Entry(OfficialExpenses, category).Title;

    public static ParseResult<ExpenditureKind> ParseKind(string text)
    {
        if (KindSpellings.TryGetValue(Normalise(text), out var kind))
        {
            return ParseResult<ExpenditureKind>.ForValue(kind);
        }

        return ParseResult<ExpenditureKind>.ForError(Messages.NotOneOf(text, Kinds.Select(k => k.Title)));
    }

    public static ParseResult<FundSource> ParseFund(string text)
    {
        if (FundSpellings.TryGetValue(Normalise(text), out var fund))
        {
            return ParseResult<FundSource>.ForValue(fund);
        }

        return ParseResult<FundSource>.ForError(Messages.NotOneOf(text, Funds.Select(f => f.Title)));
    }

    public static ParseResult<ProcurementType> ParseProcurement(string text)
    {
        var t = Normalise(text);
        if (t.Length == 0 || t == "无")
        {
            return ParseResult<ProcurementType>.ForValue(ProcurementType.None);
        }

        if (ProcurementSpellings.TryGetValue(t, out var type))
        {
            return ParseResult<ProcurementType>.ForValue(type);
        }

        return ParseResult<ProcurementType>.ForError(Messages.NotOneOf(text, Procurements.Select(p => p.Title)));
    }

    public static ParseResult<OfficialExpenseCategory> ParseOfficialExpense(string text)
    {
        var t = Normalise(text).Replace('（', '(').Replace('）', ')');
        if (t.Length == 0 || t == "无")
        {
            return ParseResult<OfficialExpenseCategory>.ForValue(OfficialExpenseCategory.None);
        }

        if (OfficialExpenseSpellings.TryGetValue(t, out var category))
        {
            return ParseResult<OfficialExpenseCategory>.ForValue(category);
        }

        return ParseResult<OfficialExpenseCategory>.ForError(Messages.NotOneOf(text, OfficialExpenses.Select(o => o.Title)));
    }

    public static ParseResult<bool> ParseFlag(string text)
    {
        // Letters compared ignoring ASCII case (not lower-cased: a culture-aware change of case of Chinese text is slow, and
        // a ledger has a flag on every line).
        var t = Normalise(text);
        static bool Is(string t, string word) => string.Equals(t, word, StringComparison.OrdinalIgnoreCase);
        if (t is "" or "否" or "0" || Is(t, "n") || Is(t, "no") || Is(t, "false"))
        {
            return ParseResult<bool>.ForValue(false);
        }

        return t is "是" or "1" || Is(t, "y") || Is(t, "yes") || Is(t, "true")
            ? ParseResult<bool>.ForValue(true)
            : ParseResult<bool>.ForError(Messages.NotOneOf(text, ["是", "否"]));
    }

    /// <summary>Reads an amount in 元: digits with an optional sign, decimal point and thousands separators; never a float.</summary>
    public static ParseResult<decimal> ParseAmount(string text)
    {
        // As a ledger mostly writes it (digits, a point, a minus sign): parsed as it stands, without normalising a copy.
        if (text.Length is > 0 and <= 30 && !text.AsSpan().ContainsAnyExcept(PlainAmount)
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var plain))
        {
            return decimal.Round(plain, 2) == plain ? ParseResult<decimal>.ForValue(plain) : ParseResult<decimal>.ForError(Messages.AmountTooPrecise(text));
        }

        var t = Normalise(text).Replace(",", string.Empty, StringComparison.Ordinal).Replace("，", string.Empty, StringComparison.Ordinal);
        if (t.Length == 0)
        {
            return ParseResult<decimal>.ForError(Messages.AmountMissing);
        }

        if (decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            if (decimal.Round(value, 2) != value)
            {
                return ParseResult<decimal>.ForError(Messages.AmountTooPrecise(text));
            }

            return ParseResult<decimal>.ForValue(value);
        }

        return ParseResult<decimal>.ForError(Messages.AmountMalformed(text));
    }

    private static readonly SearchValues<char> PlainAmount = SearchValues.Create("0123456789.-");

    /// <summary>The entry of a fixed list for a value.</summary>
    /// <exception cref="InvalidOperationException">The value is not in the list (not a value of the enumeration).</exception>
    private static (T Value, string Code, string Title) Entry<T>((T, string, string)[] list, T value)
        where T : struct, Enum
    {
        foreach (var entry in list)
        {
            if (EqualityComparer<T>.Default.Equals(entry.Item1, value))
            {
                return entry;
            }
        }

        throw new InvalidOperationException($"{typeof(T).Name} {value} is not in the list");
    }

    /// <summary>Each accepted spelling and what it means; the first meaning wins where two would share a spelling.</summary>
    private static Dictionary<string, T> Spellings<T>(IEnumerable<(T Value, string[] Texts)> entries)
    {
        var spellings = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (value, texts) in entries)
        {
            foreach (var text in texts)
            {
                spellings.TryAdd(text, value);
            }
        }

        return spellings;
    }

    private static string Normalise(string text) => text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
}
