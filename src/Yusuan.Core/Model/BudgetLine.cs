namespace Yusuan.Core.Model;

/// <summary>
/// One budget line: the line-level truth every table is compiled from. Amounts are in 元.
/// Invariant (checked by the reader): procurement, SME and micro amounts are ≥ 0, SME ≤ procurement, micro ≤ SME, procurement ≤ |amount|.
/// </summary>
public sealed record BudgetLine
{
    public required string AgencyCode { get; init; }

    public required FunctionCode Function { get; init; }

    public required EconomicCode Economic { get; init; }

    public GovernmentEconomicCode? GovernmentEconomic { get; init; }

    public required ExpenditureKind Kind { get; init; }

    public string? ProjectCode { get; init; }

    public string? ProjectName { get; init; }

    /// <summary>项目类别, e.g. 信息化类.</summary>
    public string? ProjectCategory { get; init; }

    public required FundSource Fund { get; init; }

    public required decimal Amount { get; init; }

    public ProcurementType Procurement { get; init; }

    public decimal ProcurementAmount { get; init; }

    /// <summary>The part of the procurement reserved for small and medium enterprises (面向中小企业).</summary>
    public decimal SmeAmount { get; init; }

    /// <summary>The part reserved for small and micro enterprises (面向小型、微型企业).</summary>
    public decimal MicroAmount { get; init; }

    public OfficialExpenseCategory OfficialExpense { get; init; }

    /// <summary>机关运行经费: counts towards the operating expense of an administrative unit.</summary>
    public bool IsOperatingExpense { get; init; }

    /// <summary>Where the line came from, for finding locations (e.g. the ledger row number).</summary>
    public LineSource Source { get; init; } = LineSource.None;
}

/// <summary>The file and row a budget line was read from.</summary>
public sealed record LineSource(string File, int Row)
{
    public static LineSource None { get; } = new(string.Empty, 0);
}
