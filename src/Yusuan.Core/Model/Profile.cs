namespace Yusuan.Core.Model;

/// <summary>A budget entity named in the profile: a department, its supervisor (主管部门) or one of its agencies.</summary>
public sealed record Entity(string Code, string Name);

/// <summary>
/// The facts about a department that are not budget lines: who it is, its agencies, staffing, the prose only people can write,
/// last year's figures and its assets. Read from profile.yaml. Amounts are in 元.
/// </summary>
public sealed record Profile
{
    public required int FiscalYear { get; init; }

    public string RegionCode { get; init; } = string.Empty;

    /// <summary>The department whose budget is published (the document's subject).</summary>
    public required Entity Department { get; init; }

    /// <summary>行政单位 / 参照公务员法管理事业单位 / 事业单位.</summary>
    public string UnitKind { get; init; } = string.Empty;

    /// <summary>The 主管部门 printed above the department in T07, T08, T10 and T11 (the seed prints 深圳市生态环境局 there); optional.</summary>
    public Entity? Supervisor { get; init; }

    /// <summary>The agencies the department consolidates; at least one.</summary>
    public required IReadOnlyList<Entity> Agencies { get; init; }

    public Staffing Staffing { get; init; } = new();

    public IReadOnlyList<string> InternalDivisions { get; init; } = [];

    public TextParts Text { get; init; } = new();

    public PriorYear? PriorYear { get; init; }

    public Assets Assets { get; init; } = new();

    /// <summary>预算批复日期 and 公开日期, when known (the budget law asks for publication within 20 days of approval).</summary>
    public DateOnly? ApprovedOn { get; init; }

    public DateOnly? PublishedOn { get; init; }

    /// <summary>True when the agencies are just the department itself, so the tables need no per-agency blocks.</summary>
    public bool IsSingleAgency => Agencies.Count == 1 && Agencies[0].Code == Department.Code;
}

/// <summary>编制 and 实有人数.</summary>
public sealed record Staffing
{
    public int AdministrativeQuota { get; init; }

    public int AdministrativeActual { get; init; }

    public int InstitutionQuota { get; init; }

    public int InstitutionActual { get; init; }

    /// <summary>离休.</summary>
    public int RetiredCadres { get; init; }

    /// <summary>退休.</summary>
    public int Retired { get; init; }
}

/// <summary>The prose of the nine text parts that only people can write. Figures never live here: they are bound to the data.</summary>
public sealed record TextParts
{
    public string Duties { get; init; } = string.Empty;

    public IReadOnlyList<string> Goals { get; init; } = [];

    /// <summary>Reasons the budget changed from last year, each with the amount it explains (元, signed).</summary>
    public IReadOnlyList<Reason> ChangeReasons { get; init; } = [];

    /// <summary>What each project category is for, keyed by category (项目类别).</summary>
    public IReadOnlyDictionary<string, string> ProjectCategoryNotes { get; init; } = new Dictionary<string, string>();

    public string OfficialExpenseNote { get; init; } = string.Empty;

    public string PerformanceScope { get; init; } = string.Empty;

    public string OtherNotes { get; init; } = string.Empty;
}

public sealed record Reason(string Text, decimal Amount);

/// <summary>Last year's figures the document compares against (元).</summary>
public sealed record PriorYear
{
    public required int FiscalYear { get; init; }

    public decimal Income { get; init; }

    public decimal Expenditure { get; init; }

    public decimal BasicExpenditure { get; init; }

    public decimal ProjectExpenditure { get; init; }

    public decimal OperatingExpense { get; init; }

    public decimal ProcurementTotal { get; init; }

    public IReadOnlyDictionary<OfficialExpenseCategory, decimal> OfficialExpenses { get; init; } =
        new Dictionary<OfficialExpenseCategory, decimal>();

    /// <summary>Last year's project spending by category (项目类别).</summary>
    public IReadOnlyDictionary<string, decimal> ProjectCategories { get; init; } = new Dictionary<string, decimal>();
}

/// <summary>国有资产占用情况.</summary>
public sealed record Assets
{
    public string AsOf { get; init; } = string.Empty;

    public int Vehicles { get; init; }

    public int GeneralEquipmentOver500k { get; init; }

    public int SpecialEquipmentOver1m { get; init; }

    public int PlannedVehicles { get; init; }

    public int PlannedGeneralEquipmentOver500k { get; init; }

    public int PlannedSpecialEquipmentOver1m { get; init; }
}
