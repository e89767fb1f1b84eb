namespace Yusuan.Store;

/// <summary>Where a budget version stands: draft → submitted → returned | approved → published.</summary>
public enum BudgetState
{
    Draft,
    Submitted,
    Returned,
    Approved,
    Published,
}

public static class BudgetStates
{
    private static readonly (BudgetState From, BudgetState To)[] Allowed =
    [
        (BudgetState.Draft, BudgetState.Submitted),
        (BudgetState.Returned, BudgetState.Submitted),
        (BudgetState.Submitted, BudgetState.Returned),
        (BudgetState.Submitted, BudgetState.Approved),

        // 财政局 may send an approved budget back before publishing it.
        (BudgetState.Approved, BudgetState.Returned),
        (BudgetState.Approved, BudgetState.Published),
    ];

    public static bool CanMove(BudgetState from, BudgetState to) => Allowed.Contains((from, to));

    public static string Key(this BudgetState state) => state.ToString().ToLowerInvariant();

    public static BudgetState Parse(string key) => Enum.Parse<BudgetState>(key, ignoreCase: true);

    public static string Title(this BudgetState state) => state switch
    {
        BudgetState.Draft => "草稿",
        BudgetState.Submitted => "已提交",
        BudgetState.Returned => "已退回",
        BudgetState.Approved => "已批复",
        _ => "已公开",
    };

    /// <summary>Lines and text can be edited only while the unit holds the version.</summary>
    public static bool IsEditable(this BudgetState state) => state is BudgetState.Draft or BudgetState.Returned;
}
