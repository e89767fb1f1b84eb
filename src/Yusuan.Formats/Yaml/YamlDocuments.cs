namespace Yusuan.Formats.Yaml;

#pragma warning disable SA1402 // the shapes of profile.yaml and performance.yaml, read by YamlDotNet, kept together

/// <summary>The shape of profile.yaml (schema yusuan.profile/1). Amounts in 元.</summary>
public sealed class ProfileDocument
{
    public string? Schema { get; set; }

    public int FiscalYear { get; set; }

    public string? RegionCode { get; set; }

    public EntityDocument? Department { get; set; }

    public string? UnitKind { get; set; }

    public EntityDocument? Supervisor { get; set; }

    public List<EntityDocument>? Agencies { get; set; }

    public StaffingDocument? Staffing { get; set; }

    public List<string>? InternalDivisions { get; set; }

    public TextDocument? Text { get; set; }

    public PriorYearDocument? PriorYear { get; set; }

    public AssetsDocument? Assets { get; set; }

    public PublicationDocument? Publication { get; set; }
}

/// <summary>预算批复日期 and 公开日期 (yyyy-MM-dd).</summary>
public sealed class PublicationDocument
{
    public string? ApprovedOn { get; set; }

    public string? PublishedOn { get; set; }
}

/// <summary>The shape of a regional profile (schema yusuan.region/1).</summary>
public sealed class RegionDocument
{
    public string? Schema { get; set; }

    public string? Name { get; set; }

    /// <summary>The tables the region publishes; the presence rules of the others are switched off.</summary>
    public List<string>? Tables { get; set; }

    /// <summary>Rule id → off, error, warning or info.</summary>
    public Dictionary<string, string>? Rules { get; set; }

    /// <summary>
    /// The template the region's published documents follow, for audits: a built-in template's name (shanghai) or a template
    /// file (schema yusuan.template/1) relative to this one.
    /// </summary>
    public string? Template { get; set; }
}

/// <summary>The shape of a document template (schema yusuan.template/1; regions/templates/*.yaml).</summary>
public sealed class TemplateDocument
{
    public string? Schema { get; set; }

    /// <summary>Stable name, written in the audit output (shanghai).</summary>
    public string? Name { get; set; }

    /// <summary>The template as a reader names it.</summary>
    public string? Title { get; set; }

    /// <summary>Standard tables (T01 …) a document must print.</summary>
    public List<string>? Tables { get; set; }

    /// <summary>Standard tables a document may print but need not.</summary>
    public List<string>? Optional { get; set; }

    /// <summary>Titles of the numbered text parts (第一部分 …) a document must have, in order.</summary>
    public List<string>? Parts { get; set; }

    /// <summary>万元 or 元.</summary>
    public string? Unit { get; set; }

    public DetectionDocument? Detect { get; set; }

    /// <summary>How Yusuan publishes a budget in the template (yusuan build --template); none: for auditing only.</summary>
    public PublishDocument? Publish { get; set; }
}

/// <summary>How Yusuan publishes a budget in the template (<see cref="Core.Tables.TemplatePublishing"/>).</summary>
public sealed class PublishDocument
{
    /// <summary>joined (one 科目编码 column, the default) or split (类 | 款 | 项).</summary>
    public string? Codes { get; set; }

    /// <summary>Printed title by table id; {year} stands for the fiscal year.</summary>
    public Dictionary<string, string>? Titles { get; set; }

    /// <summary>The text's parts, in order; one of them (tables: true) is where the tables are printed, under its title.</summary>
    public List<PublishedPartDocument>? Parts { get; set; }

    /// <summary>parts (第一部分, the default) or ordinals (一、).</summary>
    public string? Numbering { get; set; }
}

/// <summary>A part of the published text: its heading and the parts of Yusuan's nine (by title) it gathers.</summary>
public sealed class PublishedPartDocument
{
    /// <summary>The part's heading without its number (部门主要职能).</summary>
    public string? Title { get; set; }

    /// <summary>The titles of Yusuan's nine parts whose text it prints, in order (部门概况, 名词解释 …).</summary>
    public List<string>? From { get; set; }

    /// <summary>This part is the tables (部门预算表), printed here among the text's parts.</summary>
    public bool Tables { get; set; }
}

/// <summary>How a document of a template is recognised (<see cref="Core.Tables.TemplateDetection"/>).</summary>
public sealed class DetectionDocument
{
    public int Priority { get; set; }

    public int Parts { get; set; }

    public List<string>? Cover { get; set; }

    public List<string>? TableTitles { get; set; }

    public List<string>? Labels { get; set; }
}

public sealed class EntityDocument
{
    public string? Code { get; set; }

    public string? Name { get; set; }
}

public sealed class StaffingDocument
{
    public int AdministrativeQuota { get; set; }

    public int AdministrativeActual { get; set; }

    public int InstitutionQuota { get; set; }

    public int InstitutionActual { get; set; }

    public int RetiredCadres { get; set; }

    public int Retired { get; set; }
}

public sealed class TextDocument
{
    public string? Duties { get; set; }

    public List<string>? Goals { get; set; }

    public List<ReasonDocument>? ChangeReasons { get; set; }

    public Dictionary<string, string>? ProjectCategoryNotes { get; set; }

    public string? OfficialExpenseNote { get; set; }

    public string? PerformanceScope { get; set; }

    public string? OtherNotes { get; set; }
}

public sealed class ReasonDocument
{
    public string? Text { get; set; }

    public decimal Amount { get; set; }
}

public sealed class PriorYearDocument
{
    public int FiscalYear { get; set; }

    public decimal Income { get; set; }

    public decimal Expenditure { get; set; }

    public decimal BasicExpenditure { get; set; }

    public decimal ProjectExpenditure { get; set; }

    public decimal OperatingExpense { get; set; }

    public decimal ProcurementTotal { get; set; }

    public OfficialExpensesDocument? OfficialExpenses { get; set; }

    public Dictionary<string, decimal>? ProjectCategories { get; set; }
}

public sealed class OfficialExpensesDocument
{
    public decimal OverseasTravel { get; set; }

    public decimal Reception { get; set; }

    public decimal VehiclePurchase { get; set; }

    public decimal VehicleOperation { get; set; }
}

public sealed class AssetsDocument
{
    public string? AsOf { get; set; }

    public int Vehicles { get; set; }

    public int GeneralEquipmentOver500k { get; set; }

    public int SpecialEquipmentOver1m { get; set; }

    public int PlannedVehicles { get; set; }

    public int PlannedGeneralEquipmentOver500k { get; set; }

    public int PlannedSpecialEquipmentOver1m { get; set; }
}

/// <summary>The shape of performance.yaml (schema yusuan.performance/1).</summary>
public sealed class PerformanceDocument
{
    public string? Schema { get; set; }

    public int FiscalYear { get; set; }

    public string? Supervisor { get; set; }

    public List<TaskDocument>? Tasks { get; set; }

    public List<string>? Goals { get; set; }

    public List<IndicatorDocument>? Indicators { get; set; }

    public List<ProjectGoalDocument>? ProjectGoals { get; set; }
}

public sealed class ProjectGoalDocument
{
    public string? Name { get; set; }

    public List<string>? Projects { get; set; }

    public List<string>? Goals { get; set; }

    public List<IndicatorDocument>? Indicators { get; set; }
}

public sealed class TaskDocument
{
    public string? Name { get; set; }

    public List<string>? Projects { get; set; }

    public bool Basic { get; set; }

    public string? Content { get; set; }
}

public sealed class IndicatorDocument
{
    public string? Level1 { get; set; }

    public string? Level2 { get; set; }

    public string? Name { get; set; }

    public string? Target { get; set; }
}

/// <summary>The shape of a scoring scheme for self-evaluation (schema yusuan.scoring/1).</summary>
public sealed class ScoringDocument
{
    public string? Schema { get; set; }

    public decimal? Execution { get; set; }

    public decimal? Output { get; set; }

    public decimal? Effect { get; set; }

    public decimal? Satisfaction { get; set; }

    public decimal? LateDeadlineShare { get; set; }

    public Dictionary<string, decimal>? Weights { get; set; }
}
