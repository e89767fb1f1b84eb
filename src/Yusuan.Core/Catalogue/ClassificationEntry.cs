namespace Yusuan.Core.Catalogue;

/// <summary>One code of a classification list, with the source it was taken from (e.g. ref, seed, mof, or a user file).</summary>
public sealed record ClassificationEntry(string Code, string Name, int Level, string? ParentCode, string Source);

public enum ClassificationKind
{
    /// <summary>支出功能分类.</summary>
    Function,

    /// <summary>部门预算支出经济分类.</summary>
    DepartmentEconomic,

    /// <summary>政府预算支出经济分类.</summary>
    GovernmentEconomic,
}
