using System.Globalization;
using Yusuan.Formats.Yaml;

namespace Yusuan.Web.Pages.Versions;

/// <summary>
/// The text parts of a draft as a form: one field per part of profile.yaml's text, last year's figures (元) for the
/// comparisons, the staffing and assets the text states, and the dates of approval and publication. Everything is posted as
/// typed (figures too, so a figure that is not a number is named, not silently zero); <see cref="ApplyTo"/> writes the fields
/// into the stored document, whose department, agencies and year it never touches.
/// </summary>
public sealed class ProfileForm
{
    /// <summary>Blank rows offered after the reasons and the project categories, for adding.</summary>
    public const int BlankRows = 2;

    public string? Duties { get; set; }

    /// <summary>内设机构, one per line.</summary>
    public string? Divisions { get; set; }

    /// <summary>本年主要工作目标, one per line.</summary>
    public string? Goals { get; set; }

    public List<ReasonRow> Reasons { get; set; } = [];

    public List<CategoryRow> Categories { get; set; } = [];

    public string? OfficialExpenseNote { get; set; }

    public string? PerformanceScope { get; set; }

    public string? OtherNotes { get; set; }

    /// <summary>Whole numbers: staffing and assets, by their profile.yaml names (staffing.institutionQuota, assets.vehicles …).</summary>
    public Dictionary<string, string?> Counts { get; set; } = [];

    /// <summary>Last year's figures in 元, by their profile.yaml names (priorYear.income …).</summary>
    public Dictionary<string, string?> Prior { get; set; } = [];

    public string? AssetsAsOf { get; set; }

    public string? ApprovedOn { get; set; }

    public string? PublishedOn { get; set; }

    /// <summary>The whole numbers of the form: field name and label, in the order shown.</summary>
    public static IReadOnlyList<(string Field, string Label)> CountFields { get; } =
    [
        ("staffing.administrativeQuota", "行政编制（人）"), ("staffing.administrativeActual", "行政实有（人）"),
        ("staffing.institutionQuota", "事业编制（人）"), ("staffing.institutionActual", "事业实有（人）"),
        ("staffing.retiredCadres", "离休（人）"), ("staffing.retired", "退休（人）"),
        ("assets.vehicles", "车辆（辆）"), ("assets.generalEquipmentOver500k", "单价 50 万元以上通用设备（台、套）"),
        ("assets.specialEquipmentOver1m", "单价 100 万元以上专用设备（台、套）"), ("assets.plannedVehicles", "计划新增车辆（辆）"),
        ("assets.plannedGeneralEquipmentOver500k", "计划新增 50 万元以上通用设备（台、套）"), ("assets.plannedSpecialEquipmentOver1m", "计划新增 100 万元以上专用设备（台、套）"),
    ];

    /// <summary>Last year's figures (元) of the form, the part whose comparison each feeds, and their labels.</summary>
    public static IReadOnlyList<(string Field, int Part, string Label)> PriorFields { get; } =
    [
        ("priorYear.income", 2, "上年收入预算（元）"), ("priorYear.expenditure", 2, "上年支出预算（元）"),
        ("priorYear.basicExpenditure", 3, "上年基本支出（元）"), ("priorYear.projectExpenditure", 3, "上年项目支出（元）"),
        ("priorYear.procurementTotal", 4, "上年政府采购预算（元）"),
        ("priorYear.officialExpenses.overseasTravel", 5, "上年因公出国（境）费（元）"), ("priorYear.officialExpenses.reception", 5, "上年公务接待费（元）"),
        ("priorYear.officialExpenses.vehiclePurchase", 5, "上年公务用车购置费（元）"), ("priorYear.officialExpenses.vehicleOperation", 5, "上年公务用车运行维护费（元）"),
        ("priorYear.operatingExpense", 8, "上年机关运行经费（元）"),
    ];

    public sealed class ReasonRow
    {
        public string? Text { get; set; }

        /// <summary>元; negative for a decrease.</summary>
        public string? Amount { get; set; }
    }

    public sealed class CategoryRow
    {
        public string? Name { get; set; }

        public string? Note { get; set; }

        /// <summary>Last year's amount of the category, 元.</summary>
        public string? Prior { get; set; }
    }

    /// <summary>The form of a stored profile, with blank rows to add to.</summary>
    public static ProfileForm From(ProfileDocument profile)
    {
        var text = profile.Text ?? new TextDocument();
        var prior = profile.PriorYear ?? new PriorYearDocument();
        var staffing = profile.Staffing ?? new StaffingDocument();
        var assets = profile.Assets ?? new AssetsDocument();
        var categories = (text.ProjectCategoryNotes?.Keys ?? Enumerable.Empty<string>()).Union(prior.ProjectCategories?.Keys ?? Enumerable.Empty<string>()).ToList();
        return new ProfileForm
        {
            Duties = text.Duties,
            Divisions = string.Join("\n", profile.InternalDivisions ?? []),
            Goals = string.Join("\n", text.Goals ?? []),
            Reasons = [.. (text.ChangeReasons ?? []).Select(r => new ReasonRow { Text = r.Text, Amount = Figure(r.Amount) }), .. Enumerable.Range(0, BlankRows).Select(_ => new ReasonRow())],
            Categories =
            [
                .. categories.Select(c => new CategoryRow
                {
                    Name = c,
                    Note = text.ProjectCategoryNotes?.GetValueOrDefault(c),
                    Prior = prior.ProjectCategories?.TryGetValue(c, out var amount) == true ? Figure(amount) : null,
                }),
                .. Enumerable.Range(0, BlankRows).Select(_ => new CategoryRow()),
            ],
            OfficialExpenseNote = text.OfficialExpenseNote,
            PerformanceScope = text.PerformanceScope,
            OtherNotes = text.OtherNotes,
            Counts = new Dictionary<string, string?>
            {
                ["staffing.administrativeQuota"] = Count(staffing.AdministrativeQuota), ["staffing.administrativeActual"] = Count(staffing.AdministrativeActual),
                ["staffing.institutionQuota"] = Count(staffing.InstitutionQuota), ["staffing.institutionActual"] = Count(staffing.InstitutionActual),
                ["staffing.retiredCadres"] = Count(staffing.RetiredCadres), ["staffing.retired"] = Count(staffing.Retired),
                ["assets.vehicles"] = Count(assets.Vehicles), ["assets.generalEquipmentOver500k"] = Count(assets.GeneralEquipmentOver500k),
                ["assets.specialEquipmentOver1m"] = Count(assets.SpecialEquipmentOver1m), ["assets.plannedVehicles"] = Count(assets.PlannedVehicles),
                ["assets.plannedGeneralEquipmentOver500k"] = Count(assets.PlannedGeneralEquipmentOver500k), ["assets.plannedSpecialEquipmentOver1m"] = Count(assets.PlannedSpecialEquipmentOver1m),
            },
            // A profile that states no prior year (a department's first) shows blanks, not figures of 0 that saving would state.
            Prior = profile.PriorYear is null ? [] : new Dictionary<string, string?>
            {
                ["priorYear.income"] = Figure(prior.Income), ["priorYear.expenditure"] = Figure(prior.Expenditure),
                ["priorYear.basicExpenditure"] = Figure(prior.BasicExpenditure), ["priorYear.projectExpenditure"] = Figure(prior.ProjectExpenditure),
                ["priorYear.procurementTotal"] = Figure(prior.ProcurementTotal), ["priorYear.operatingExpense"] = Figure(prior.OperatingExpense),
                ["priorYear.officialExpenses.overseasTravel"] = Figure(prior.OfficialExpenses?.OverseasTravel ?? 0),
                ["priorYear.officialExpenses.reception"] = Figure(prior.OfficialExpenses?.Reception ?? 0),
                ["priorYear.officialExpenses.vehiclePurchase"] = Figure(prior.OfficialExpenses?.VehiclePurchase ?? 0),
                ["priorYear.officialExpenses.vehicleOperation"] = Figure(prior.OfficialExpenses?.VehicleOperation ?? 0),
            },
            AssetsAsOf = assets.AsOf,
            ApprovedOn = profile.Publication?.ApprovedOn,
            PublishedOn = profile.Publication?.PublishedOn,
        };
    }

    /// <summary>
    /// Writes the form into <paramref name="profile"/> (the stored document: department, agencies, year and region stay as
    /// they are). Returns the fields that are not what they should be — field name and reason, in Chinese — and changes
    /// nothing when there are any.
    /// </summary>
    public IReadOnlyList<(string Field, string Reason)> ApplyTo(ProfileDocument profile)
    {
        var problems = new List<(string, string)>();
        decimal Money(string field, string? typed)
        {
            if (string.IsNullOrWhiteSpace(typed))
            {
                return 0;
            }

            if (decimal.TryParse(typed.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && decimal.Round(value, 2) == value)
            {
                return value;
            }

            problems.Add((field, $"“{typed.Trim()}”不是金额：请填写以元为单位的数字，最多两位小数"));
            return 0;
        }

        int Whole(string field)
        {
            var typed = Counts.GetValueOrDefault(field);
            if (string.IsNullOrWhiteSpace(typed))
            {
                return 0;
            }

            if (int.TryParse(typed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add((field, $"“{typed.Trim()}”不是人数或件数：请填写不小于 0 的整数"));
            return 0;
        }

        decimal PriorFigure(string field) => Money(field, Prior.GetValueOrDefault(field));

        var reasons = Reasons.Select((r, i) => (r, i)).Where(x => !string.IsNullOrWhiteSpace(x.r.Text) || !string.IsNullOrWhiteSpace(x.r.Amount))
            .Select(x =>
            {
                if (string.IsNullOrWhiteSpace(x.r.Text))
                {
                    problems.Add(($"Reasons[{x.i}].Text", "有金额的增减原因须写明原因"));
                }

                return new ReasonDocument { Text = x.r.Text?.Trim(), Amount = Money($"Reasons[{x.i}].Amount", x.r.Amount) };
            }).ToList();
        var categories = Categories.Select((c, i) => (c, i)).Where(x => !string.IsNullOrWhiteSpace(x.c.Name) || !string.IsNullOrWhiteSpace(x.c.Note) || !string.IsNullOrWhiteSpace(x.c.Prior)).ToList();
        foreach (var (row, i) in categories.Where(x => string.IsNullOrWhiteSpace(x.c.Name)))
        {
            problems.Add(($"Categories[{i}].Name", "请填写项目类别的名称"));
        }

        foreach (var duplicate in categories.Where(x => !string.IsNullOrWhiteSpace(x.c.Name)).GroupBy(x => x.c.Name!.Trim()).Where(g => g.Count() > 1))
        {
            problems.Add(($"Categories[{duplicate.Last().i}].Name", $"项目类别“{duplicate.Key}”写了两次"));
        }

        var named = categories.Where(x => !string.IsNullOrWhiteSpace(x.c.Name)).GroupBy(x => x.c.Name!.Trim()).Select(g => g.First()).ToList();
        var priorCategories = named.Where(x => !string.IsNullOrWhiteSpace(x.c.Prior)).ToDictionary(x => x.c.Name!.Trim(), x => Money($"Categories[{x.i}].Prior", x.c.Prior));
        var notes = named.Where(x => !string.IsNullOrWhiteSpace(x.c.Note)).ToDictionary(x => x.c.Name!.Trim(), x => x.c.Note!.Trim());
        var staffing = new StaffingDocument
        {
            AdministrativeQuota = Whole("staffing.administrativeQuota"), AdministrativeActual = Whole("staffing.administrativeActual"),
            InstitutionQuota = Whole("staffing.institutionQuota"), InstitutionActual = Whole("staffing.institutionActual"),
            RetiredCadres = Whole("staffing.retiredCadres"), Retired = Whole("staffing.retired"),
        };
        var assets = new AssetsDocument
        {
            AsOf = Typed.Text(AssetsAsOf), Vehicles = Whole("assets.vehicles"), GeneralEquipmentOver500k = Whole("assets.generalEquipmentOver500k"),
            SpecialEquipmentOver1m = Whole("assets.specialEquipmentOver1m"), PlannedVehicles = Whole("assets.plannedVehicles"),
            PlannedGeneralEquipmentOver500k = Whole("assets.plannedGeneralEquipmentOver500k"), PlannedSpecialEquipmentOver1m = Whole("assets.plannedSpecialEquipmentOver1m"),
        };
        var prior = new PriorYearDocument { FiscalYear = profile.PriorYear is { FiscalYear: > 0 } stated ? stated.FiscalYear : profile.FiscalYear - 1 };
        prior.Income = PriorFigure("priorYear.income");
        prior.Expenditure = PriorFigure("priorYear.expenditure");
        prior.BasicExpenditure = PriorFigure("priorYear.basicExpenditure");
        prior.ProjectExpenditure = PriorFigure("priorYear.projectExpenditure");
        prior.ProcurementTotal = PriorFigure("priorYear.procurementTotal");
        prior.OperatingExpense = PriorFigure("priorYear.operatingExpense");
        prior.OfficialExpenses = new OfficialExpensesDocument
        {
            OverseasTravel = PriorFigure("priorYear.officialExpenses.overseasTravel"), Reception = PriorFigure("priorYear.officialExpenses.reception"),
            VehiclePurchase = PriorFigure("priorYear.officialExpenses.vehiclePurchase"), VehicleOperation = PriorFigure("priorYear.officialExpenses.vehicleOperation"),
        };
        prior.ProjectCategories = priorCategories.Count > 0 ? priorCategories : null;
        if (problems.Count > 0)
        {
            return problems;
        }

        profile.InternalDivisions = Typed.Lines(Divisions);
        profile.Staffing = staffing;
        profile.Assets = assets;
        // No prior year is made up: one that was not stated stays unstated while its fields are left blank.
        var given = profile.PriorYear is not null || Prior.Values.Any(v => !string.IsNullOrWhiteSpace(v)) || priorCategories.Count > 0;
        profile.PriorYear = given ? prior : null;
        profile.Publication = Typed.Text(ApprovedOn) is null && Typed.Text(PublishedOn) is null ? null : new PublicationDocument { ApprovedOn = Typed.Text(ApprovedOn), PublishedOn = Typed.Text(PublishedOn) };
        profile.Text = new TextDocument
        {
            Duties = Typed.Text(Duties),
            Goals = Typed.Lines(Goals),
            ChangeReasons = reasons,
            ProjectCategoryNotes = notes.Count > 0 ? notes : null,
            OfficialExpenseNote = Typed.Text(OfficialExpenseNote),
            PerformanceScope = Typed.Text(PerformanceScope),
            OtherNotes = Typed.Text(OtherNotes),
        };
        return problems;
    }


    private static string Figure(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
