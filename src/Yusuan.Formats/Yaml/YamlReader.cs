using Yusuan.Core;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Rules;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Yusuan.Formats.Yaml;

/// <summary>The outcome of reading a YAML input: the value, or every problem found (file, line, field, reason).</summary>
public sealed record YamlRead<T>(T? Value, IReadOnlyList<InputProblem> Problems) where T : class;

/// <summary>Reads profile.yaml and performance.yaml. Unknown fields, wrong types and missing facts are problems with their line; never exceptions.</summary>
public static class YamlReader
{
    /// <summary>No profile, goals or regional profile comes near these; a file beyond them is broken or hostile.</summary>
    private const long MaxBytes = 8L << 20;

    private const int MaxDepth = 64;

    private const int MaxAliases = 256;

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static YamlRead<Profile> ReadProfile(string path) => ReadProfile(Path.GetFileName(path), Deserialize<ProfileDocument>(path));

    /// <summary>As <see cref="ReadProfile(string)"/>, for a profile's text (a stored draft's) named <paramref name="name"/>.</summary>
    public static YamlRead<Profile> ReadProfile(string name, string text) => ReadProfile(name, ReadDocument<ProfileDocument>(name, text));

    private static YamlRead<Profile> ReadProfile(string name, (ProfileDocument? Document, IReadOnlyList<InputProblem> Problems) read)
    {
        var (document, problems) = (read.Document, read.Problems.ToList());
        if (document is null)
        {
            return new YamlRead<Profile>(null, problems);
        }

        if (document.FiscalYear is < 1990 or > 2200)
        {
            problems.Add(new InputProblem(name, null, "fiscalYear", Messages.YamlFieldInvalid("fiscalYear", "预算年度缺失或不正确")));
        }

        if (string.IsNullOrWhiteSpace(document.Department?.Code) || string.IsNullOrWhiteSpace(document.Department?.Name))
        {
            problems.Add(new InputProblem(name, null, "department", Messages.YamlFieldInvalid("department", "须填写部门编码（code）和名称（name）")));
        }

        var agencies = (document.Agencies ?? []).Select((a, i) => (a, i)).ToList();
        foreach (var (agency, i) in agencies.Where(x => string.IsNullOrWhiteSpace(x.a.Code) || string.IsNullOrWhiteSpace(x.a.Name)))
        {
            problems.Add(new InputProblem(name, null, $"agencies[{i}]", Messages.YamlFieldInvalid($"agencies[{i}]", "须填写单位编码（code）和名称（name）")));
        }

        var approvedOn = Date(document.Publication?.ApprovedOn, "publication.approvedOn", name, problems);
        var publishedOn = Date(document.Publication?.PublishedOn, "publication.publishedOn", name, problems);
        if (problems.Count > 0)
        {
            return new YamlRead<Profile>(null, problems);
        }

        var department = new Entity(document.Department!.Code!.Trim(), document.Department.Name!.Trim());
        var text = document.Text ?? new TextDocument();
        var prior = document.PriorYear;
        var officials = prior?.OfficialExpenses;
        var profile = new Profile
        {
            FiscalYear = document.FiscalYear,
            RegionCode = document.RegionCode ?? string.Empty,
            Department = department,
            UnitKind = document.UnitKind ?? string.Empty,
            Supervisor = document.Supervisor is { Code: { } sc, Name: { } sn } ? new Entity(sc.Trim(), sn.Trim()) : null,
            Agencies = agencies.Count > 0 ? agencies.Select(x => new Entity(x.a.Code!.Trim(), x.a.Name!.Trim())).ToList() : [department],
            Staffing = document.Staffing is { } s
                ? new Staffing
                {
                    AdministrativeQuota = s.AdministrativeQuota,
                    AdministrativeActual = s.AdministrativeActual,
                    InstitutionQuota = s.InstitutionQuota,
                    InstitutionActual = s.InstitutionActual,
                    RetiredCadres = s.RetiredCadres,
                    Retired = s.Retired,
                }
                : new Staffing(),
            InternalDivisions = document.InternalDivisions ?? [],
            Text = new TextParts
            {
                Duties = text.Duties ?? string.Empty,
                Goals = text.Goals ?? [],
                ChangeReasons = (text.ChangeReasons ?? []).Select(r => new Reason(r.Text ?? string.Empty, r.Amount)).ToList(),
                ProjectCategoryNotes = text.ProjectCategoryNotes ?? [],
                OfficialExpenseNote = text.OfficialExpenseNote ?? string.Empty,
                PerformanceScope = text.PerformanceScope ?? string.Empty,
                OtherNotes = text.OtherNotes ?? string.Empty,
            },
            PriorYear = prior is null
                ? null
                : new PriorYear
                {
                    FiscalYear = prior.FiscalYear == 0 ? document.FiscalYear - 1 : prior.FiscalYear,
                    Income = prior.Income,
                    Expenditure = prior.Expenditure,
                    BasicExpenditure = prior.BasicExpenditure,
                    ProjectExpenditure = prior.ProjectExpenditure,
                    OperatingExpense = prior.OperatingExpense,
                    ProcurementTotal = prior.ProcurementTotal,
                    OfficialExpenses = officials is null
                        ? new Dictionary<OfficialExpenseCategory, decimal>()
                        : new Dictionary<OfficialExpenseCategory, decimal>
                        {
                            [OfficialExpenseCategory.OverseasTravel] = officials.OverseasTravel,
                            [OfficialExpenseCategory.Reception] = officials.Reception,
                            [OfficialExpenseCategory.VehiclePurchase] = officials.VehiclePurchase,
                            [OfficialExpenseCategory.VehicleOperation] = officials.VehicleOperation,
                        },
                    ProjectCategories = prior.ProjectCategories ?? [],
                },
            ApprovedOn = approvedOn,
            PublishedOn = publishedOn,
            Assets = document.Assets is { } a
                ? new Assets
                {
                    AsOf = a.AsOf ?? string.Empty,
                    Vehicles = a.Vehicles,
                    GeneralEquipmentOver500k = a.GeneralEquipmentOver500k,
                    SpecialEquipmentOver1m = a.SpecialEquipmentOver1m,
                    PlannedVehicles = a.PlannedVehicles,
                    PlannedGeneralEquipmentOver500k = a.PlannedGeneralEquipmentOver500k,
                    PlannedSpecialEquipmentOver1m = a.PlannedSpecialEquipmentOver1m,
                }
                : new Assets(),
        };
        return new YamlRead<Profile>(profile, problems);
    }

    public static YamlRead<PerformancePlan> ReadPerformance(string path) => ReadPerformance(Path.GetFileName(path), Deserialize<PerformanceDocument>(path));

    /// <summary>As <see cref="ReadPerformance(string)"/>, for goals' text (a stored draft's) named <paramref name="name"/>.</summary>
    public static YamlRead<PerformancePlan> ReadPerformance(string name, string text) => ReadPerformance(name, ReadDocument<PerformanceDocument>(name, text));

    private static YamlRead<PerformancePlan> ReadPerformance(string name, (PerformanceDocument? Document, IReadOnlyList<InputProblem> Problems) read)
    {
        var (document, problems) = (read.Document, read.Problems.ToList());
        if (document is null)
        {
            return new YamlRead<PerformancePlan>(null, problems);
        }

        var tasks = document.Tasks ?? [];
        for (var i = 0; i < tasks.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(tasks[i].Name))
            {
                problems.Add(new InputProblem(name, null, $"tasks[{i}].name", Messages.YamlFieldInvalid($"tasks[{i}].name", Messages.ValueMissing)));
            }

            if (!tasks[i].Basic && (tasks[i].Projects is null || tasks[i].Projects!.Count == 0))
            {
                problems.Add(new InputProblem(name, null, $"tasks[{i}].projects", Messages.YamlFieldInvalid($"tasks[{i}].projects", "任务须列出项目编码（projects）或标明 basic: true")));
            }
        }

        var indicators = document.Indicators ?? [];
        for (var i = 0; i < indicators.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(indicators[i].Name) || string.IsNullOrWhiteSpace(indicators[i].Level1) || string.IsNullOrWhiteSpace(indicators[i].Level2))
            {
                problems.Add(new InputProblem(name, null, $"indicators[{i}]", Messages.YamlFieldInvalid($"indicators[{i}]", "须填写 level1、level2 和 name")));
            }
        }

        var projectGoals = document.ProjectGoals ?? [];
        for (var i = 0; i < projectGoals.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(projectGoals[i].Name) || projectGoals[i].Projects is not { Count: > 0 })
            {
                problems.Add(new InputProblem(name, null, $"projectGoals[{i}]", Messages.YamlFieldInvalid($"projectGoals[{i}]", "须填写名称（name）和项目编码（projects）")));
            }
        }

        if (problems.Count > 0)
        {
            return new YamlRead<PerformancePlan>(null, problems);
        }

        var plan = new PerformancePlan
        {
            Supervisor = document.Supervisor ?? string.Empty,
            Tasks = tasks.Select(t => new PerformanceTask(t.Name!.Trim(), t.Content?.Trim() ?? string.Empty, t.Projects ?? [], t.Basic)).ToList(),
            Goals = document.Goals ?? [],
            Indicators = indicators.Select(Indicator).ToList(),
            ProjectGoals = projectGoals.Select(g => new ProjectGoal(g.Name!.Trim(), g.Projects!, g.Goals ?? [], (g.Indicators ?? []).Select(Indicator).ToList())).ToList(),
        };
        return new YamlRead<PerformancePlan>(plan, problems);

        static Indicator Indicator(IndicatorDocument i) => new(i.Level1?.Trim() ?? string.Empty, i.Level2?.Trim() ?? string.Empty, i.Name?.Trim() ?? string.Empty, i.Target?.Trim() ?? string.Empty);
    }

    /// <summary>Reads a regional profile: which tables the region publishes and how each rule is graded.</summary>
    public static YamlRead<RegionalProfile> ReadRegion(string path)
    {
        var name = Path.GetFileName(path);
        var (document, problems) = Deserialize<RegionDocument>(path);
        if (document is null)
        {
            return new YamlRead<RegionalProfile>(null, problems);
        }

        var off = new HashSet<string>(StringComparer.Ordinal);
        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        if (document.Tables is { } tables)
        {
            foreach (var unknown in tables.Where(t => Core.Compile.TableTitles.All.All(a => a.Id != t)))
            {
                problems.Add(new InputProblem(name, null, "tables", Messages.YamlFieldInvalid("tables", $"没有表格“{unknown}”（可选 T01–T12）")));
            }

            off.UnionWith(Core.Compile.TableTitles.All.Where(t => !tables.Contains(t.Id)).Select(t => t.Id + ".present"));
        }

        foreach (var (id, setting) in document.Rules ?? [])
        {
            if (RuleCatalogue.Find(id) is null)
            {
                problems.Add(new InputProblem(name, null, $"rules.{id}", Messages.YamlFieldInvalid($"rules.{id}", "没有这条规则（yusuan rules 列出全部规则）")));
                continue;
            }

            switch (setting.Trim().ToLowerInvariant())
            {
                case "off":
                    off.Add(id);
                    break;
                case "error":
                    severities[id] = Severity.Error;
                    break;
                case "warning":
                    severities[id] = Severity.Warning;
                    break;
                case "info":
                    severities[id] = Severity.Info;
                    break;
                default:
                    problems.Add(new InputProblem(name, null, $"rules.{id}", Messages.YamlFieldInvalid($"rules.{id}", $"“{setting}”不是 off、error、warning 或 info")));
                    break;
            }
        }

        Core.Tables.DocumentTemplate? template = null;
        if (!string.IsNullOrWhiteSpace(document.Template))
        {
            template = Audit.TemplateLibrary.Find(document.Template.Trim());
            if (template is null)
            {
                var file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", document.Template.Trim());
                if (File.Exists(file))
                {
                    var read = ReadTemplate(file);
                    problems.AddRange(read.Problems);
                    template = read.Value;
                }
                else
                {
                    problems.Add(new InputProblem(name, null, "template", Messages.YamlFieldInvalid("template", $"没有名为“{document.Template}”的内置模板（可选 {string.Join("、", Audit.TemplateLibrary.BuiltIn.Select(t => t.Name))}），也没有这个模板文件")));
                }
            }
        }

        return problems.Count > 0
            ? new YamlRead<RegionalProfile>(null, problems)
            : new YamlRead<RegionalProfile>(new RegionalProfile { Name = document.Name ?? name, Off = off, Severities = severities, Template = template }, problems);
    }

    /// <summary>Reads a document template file (schema yusuan.template/1).</summary>
    public static YamlRead<Core.Tables.DocumentTemplate> ReadTemplate(string path)
    {
        var (document, problems) = Deserialize<TemplateDocument>(path);
        return Template(Path.GetFileName(path), document, problems);
    }

    /// <summary>Reads a document template from its text (a built-in template, embedded in the assembly).</summary>
    public static YamlRead<Core.Tables.DocumentTemplate> ReadTemplate(string name, string text)
    {
        var (document, problems) = Deserialize<TemplateDocument>(name, () => new StringReader(text));
        return Template(name, document, problems);
    }

    /// <summary>A template's fields checked: a name, known table ids, a unit of 元 or 万元, patterns that compile.</summary>
    private static YamlRead<Core.Tables.DocumentTemplate> Template(string name, TemplateDocument? document, List<InputProblem> problems)
    {
        if (document is null)
        {
            return new YamlRead<Core.Tables.DocumentTemplate>(null, problems);
        }

        if (document.Schema != "yusuan.template/1")
        {
            problems.Add(new InputProblem(name, null, "schema", Messages.YamlFieldInvalid("schema", "应为 yusuan.template/1")));
        }

        if (string.IsNullOrWhiteSpace(document.Name) || !document.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            problems.Add(new InputProblem(name, null, "name", Messages.YamlFieldInvalid("name", "须填写模板名（英文字母、数字和连字符，如 shanghai）")));
        }

        foreach (var (field, ids) in new[] { ("tables", document.Tables), ("optional", document.Optional) })
        {
            foreach (var unknown in (ids ?? []).Where(t => Core.Tables.TableSpecifications.Find(t) is null))
            {
                problems.Add(new InputProblem(name, null, field, Messages.YamlFieldInvalid(field, $"没有表格“{unknown}”（可选 T01–T12）")));
            }
        }

        if (document.Unit is not (null or "元" or "万元"))
        {
            problems.Add(new InputProblem(name, null, "unit", Messages.YamlFieldInvalid("unit", $"“{document.Unit}”不是“元”或“万元”")));
        }

        var detect = document.Detect;
        foreach (var (field, patterns) in new[] { ("detect.cover", detect?.Cover), ("detect.labels", detect?.Labels) })
        {
            foreach (var pattern in patterns ?? [])
            {
                try
                {
                    _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(200));
                }
                catch (ArgumentException e)
                {
                    problems.Add(new InputProblem(name, null, field, Messages.YamlFieldInvalid(field, $"正则表达式“{pattern}”有误：{e.Message}")));
                }
            }
        }

        var publishing = Publishing(name, document.Publish, problems);
        if (problems.Count > 0)
        {
            return new YamlRead<Core.Tables.DocumentTemplate>(null, problems);
        }

        var template = new Core.Tables.DocumentTemplate(document.Name!, string.IsNullOrWhiteSpace(document.Title) ? document.Name! : document.Title.Trim(), document.Tables ?? [], document.Parts ?? [])
        {
            Optional = document.Optional ?? [],
            Unit = document.Unit,
            Detection = detect is null ? null : new Core.Tables.TemplateDetection
            {
                Priority = detect.Priority,
                Parts = detect.Parts,
                Cover = detect.Cover ?? [],
                TableTitles = detect.TableTitles ?? [],
                Labels = detect.Labels ?? [],
            },
            Publishing = publishing,
        };
        return new YamlRead<Core.Tables.DocumentTemplate>(template, problems);
    }

    /// <summary>A template's publish: section checked: codes joined or split, known table ids, parts made of Yusuan's nine by title.</summary>
    private static Core.Tables.TemplatePublishing? Publishing(string name, PublishDocument? publish, List<InputProblem> problems)
    {
        if (publish is null)
        {
            return null;
        }

        var codes = Choice(name, problems, "publish.codes", publish.Codes, "joined（一列科目编码）或 split（类、款、项三列）",
            ("joined", Core.Tables.CodeLayout.Joined), ("split", Core.Tables.CodeLayout.Split));
        var numbering = Choice(name, problems, "publish.numbering", publish.Numbering, "parts（第一部分）或 ordinals（一、）",
            ("parts", Core.Tables.PartNumbering.Parts), ("ordinals", Core.Tables.PartNumbering.Ordinals));

        var titles = publish.Titles ?? [];
        foreach (var unknown in titles.Keys.Where(t => Core.Tables.TableSpecifications.Find(t) is null))
        {
            problems.Add(new InputProblem(name, null, "publish.titles", Messages.YamlFieldInvalid("publish.titles", $"没有表格“{unknown}”（可选 T01–T12）")));
        }

        var own = Core.Compile.TableTitles.Parts;
        var ownTitles = own.ToArray();
        var parts = new List<Core.Tables.PublishedPart>();
        (string Title, int After)? tables = null;
        foreach (var part in publish.Parts ?? [])
        {
            if (string.IsNullOrWhiteSpace(part.Title))
            {
                problems.Add(new InputProblem(name, null, "publish.parts", Messages.YamlFieldInvalid("publish.parts", "每个部分须填写 title")));
                continue;
            }

            if (part.Tables)
            {
                if (tables is not null || part.From is { Count: > 0 })
                {
                    problems.Add(new InputProblem(name, null, "publish.parts", Messages.YamlFieldInvalid("publish.parts", $"“{part.Title}”：表格只能放在一个部分，且该部分不含文字（from）")));
                }

                tables = (part.Title.Trim(), parts.Count);
                continue;
            }

            var from = new List<int>();
            foreach (var source in part.From ?? [])
            {
                var index = Array.IndexOf(ownTitles, source.Trim());
                if (index < 0)
                {
                    problems.Add(new InputProblem(name, null, "publish.parts", Messages.YamlFieldInvalid("publish.parts", $"“{part.Title}”的 from 中“{source}”不是预算文字的部分（可选 {string.Join("、", own)}）")));
                    continue;
                }

                from.Add(index + 1);
            }

            parts.Add(new Core.Tables.PublishedPart(part.Title.Trim(), from));
        }

        // Where the template names its parts, each of Yusuan's nine is printed in one of them, once: no text is lost or doubled.
        if (parts.Count > 0)
        {
            var used = parts.SelectMany(p => p.From).ToList();
            var missing = Enumerable.Range(1, own.Count).Where(n => !used.Contains(n)).Select(n => own[n - 1]).ToList();
            var twice = used.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => own[g.Key - 1]).ToList();
            if (missing.Count > 0 || twice.Count > 0)
            {
                problems.Add(new InputProblem(name, null, "publish.parts", Messages.YamlFieldInvalid("publish.parts",
                    string.Join("；", new[] { missing.Count > 0 ? $"未放入任何部分：{string.Join("、", missing)}" : null, twice.Count > 0 ? $"放入了不止一个部分：{string.Join("、", twice)}" : null }.OfType<string>()))));
            }
        }

        return new Core.Tables.TemplatePublishing(codes, titles, parts, tables?.Title ?? "部门预算表", tables?.After ?? parts.Count, numbering);
    }

    /// <summary>One of a field's named choices, the first when the field is left out; a name not among them is a problem (and the first is given).</summary>
    private static T Choice<T>(string file, List<InputProblem> problems, string field, string? value, string explained, params (string Name, T Value)[] choices)
    {
        if (value is null)
        {
            return choices[0].Value;
        }

        foreach (var (choice, meaning) in choices)
        {
            if (choice == value)
            {
                return meaning;
            }
        }

        problems.Add(new InputProblem(file, null, field, Messages.YamlFieldInvalid(field, $"“{value}”不是 {explained}")));
        return choices[0].Value;
    }

    /// <summary>Reads a region's scoring scheme; the four parts must add up to 100 and every weighted indicator must exist.</summary>
    public static YamlRead<Core.Performance.ScoringScheme> ReadScoring(string path, PerformancePlan plan)
    {
        var name = Path.GetFileName(path);
        var (document, problems) = Deserialize<ScoringDocument>(path);
        if (document is null)
        {
            return new YamlRead<Core.Performance.ScoringScheme>(null, problems);
        }

        var d = Core.Performance.ScoringScheme.Default;
        var scheme = new Core.Performance.ScoringScheme
        {
            Execution = document.Execution ?? d.Execution,
            Output = document.Output ?? d.Output,
            Effect = document.Effect ?? d.Effect,
            Satisfaction = document.Satisfaction ?? d.Satisfaction,
            LateDeadlineShare = document.LateDeadlineShare ?? d.LateDeadlineShare,
            Weights = document.Weights ?? [],
        };
        var total = scheme.Execution + scheme.Output + scheme.Effect + scheme.Satisfaction;
        if (total != 100)
        {
            problems.Add(new InputProblem(name, null, "execution/output/effect/satisfaction", Messages.YamlFieldInvalid("execution + output + effect + satisfaction", $"合计应为 100 分，现为 {total}")));
        }

        if (scheme.LateDeadlineShare is < 0 or > 1)
        {
            problems.Add(new InputProblem(name, null, "lateDeadlineShare", Messages.YamlFieldInvalid("lateDeadlineShare", "应在 0 与 1 之间")));
        }

        foreach (var indicator in scheme.Weights.Keys.Where(k => plan.Indicators.All(i => i.Name != k)))
        {
            problems.Add(new InputProblem(name, null, $"weights.{indicator}", Messages.YamlFieldInvalid($"weights.{indicator}", "绩效目标中没有这个指标")));
        }

        return problems.Count > 0 ? new YamlRead<Core.Performance.ScoringScheme>(null, problems) : new YamlRead<Core.Performance.ScoringScheme>(scheme, problems);
    }

    private static DateOnly? Date(string? text, string field, string file, List<InputProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new InputProblem(file, null, field, Messages.YamlFieldInvalid(field, $"日期“{text}”应写作 yyyy-MM-dd")));
        return null;
    }

    private static (T? Document, List<InputProblem> Problems) Deserialize<T>(string path) where T : class
    {
        var name = Path.GetFileName(path);
        var problems = new List<InputProblem>();
        if (!File.Exists(path))
        {
            problems.Add(new InputProblem(name, null, null, Messages.FileMissing));
            return (null, problems);
        }

        var encoding = Text.TextDecoding.Detect(path);
        if (!encoding.Success)
        {
            problems.Add(new InputProblem(name, null, null, encoding.Error!));
            return (null, problems);
        }

        if (new FileInfo(path).Length > MaxBytes)
        {
            problems.Add(new InputProblem(name, null, null, Messages.FileTooLarge(MaxBytes)));
            return (null, problems);
        }

        return Deserialize<T>(name, () => new StreamReader(path, encoding.Value));
    }

    /// <summary>
    /// Reads the document of a file's text (a profile.yaml or performance.yaml the store keeps) under the bounds a file has,
    /// without the checks of <see cref="ReadProfile(string)"/>: for a form that changes some of its fields and writes it back.
    /// </summary>
    /// <returns>The document, or null with the problems (file <paramref name="name"/>, line, reason) when the text cannot be read.</returns>
    public static (T? Document, IReadOnlyList<InputProblem> Problems) ReadDocument<T>(string name, string text) where T : class =>
        text.Length > MaxBytes
            ? (null, [new InputProblem(name, null, null, Messages.FileTooLarge(MaxBytes))])
            : Deserialize<T>(name, () => new StringReader(text));

    /// <summary>Reads a YAML document from text opened twice by <paramref name="open"/> (a first pass refuses what is too deep or aliased without end).</summary>
    private static (T? Document, List<InputProblem> Problems) Deserialize<T>(string name, Func<TextReader> open) where T : class
    {
        var problems = new List<InputProblem>();
        try
        {
            // A first pass over the events, which the parser yields without recursion, refuses what would make building the
            // document recurse too deep or expand aliases without end.
            using (var scan = open())
            {
                var parser = new YamlDotNet.Core.Parser(scan);
                var (depth, aliases) = (0, 0);
                while (MoveNext(parser))
                {
                    switch (parser.Current)
                    {
                        case YamlDotNet.Core.Events.NodeEvent { } node and (YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart) when ++depth > MaxDepth:
                            problems.Add(new InputProblem(name, (int)node.Start.Line, null, Messages.YamlTooDeep(MaxDepth)));
                            return (null, problems);
                        case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                            depth--;
                            break;
                        case YamlDotNet.Core.Events.AnchorAlias alias when ++aliases > MaxAliases:
                            problems.Add(new InputProblem(name, (int)alias.Start.Line, null, Messages.YamlTooManyAliases(MaxAliases)));
                            return (null, problems);
                    }
                }
            }

            using var reader = open();
            var document = Deserializer.Deserialize<T>(reader);
            RemoveEmptyItems(document, 0);
            if (document is null)
            {
                problems.Add(new InputProblem(name, null, null, Messages.FileEmpty));
            }

            return (document, problems);
        }
        catch (YamlException e)
        {
            problems.Add(new InputProblem(name, (int)e.Start.Line, $"第 {e.Start.Column} 字符", Messages.YamlInvalid(Reason((e.InnerException?.Message ?? e.Message).Split('\n')[0]))));
            return (null, problems);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // YamlDotNet reads untrusted text; on some damaged input it throws other than YamlException (e.g. from its scanner).
            problems.Add(new InputProblem(name, null, null, Messages.YamlInvalid(Reason(e.Message.Split('\n')[0]))));
            return (null, problems);
        }
    }

    /// <summary>The YAML library's reason (in English) as a person reads it: what the value should have been.</summary>
    private static string Reason(string library) => library switch
    {
        _ when library.Contains("Boolean", StringComparison.Ordinal) => "此处应为 true 或 false",
        _ when library.Contains("Invalid cast", StringComparison.Ordinal) && library.Contains("List", StringComparison.Ordinal)
            || library.Contains("SequenceStart", StringComparison.Ordinal) => "此处应为列表（[甲, 乙]，或每行以“- ”开头），不是单个值",
        _ when library.Contains("MappingStart", StringComparison.Ordinal) || library.Contains("Invalid cast", StringComparison.Ordinal) && library.Contains("Dictionary", StringComparison.Ordinal)
            => "此处应为一组“字段: 值”，不是单个值",
        _ when library.Contains("not found on type", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.Match(library, "Property '([^']{1,60})'") is { Success: true } field
            => $"不认识的字段“{field.Groups[1].Value}”",
        _ when library.Contains("Invalid cast", StringComparison.Ordinal) || library.Contains("is not a valid", StringComparison.Ordinal) || library.Contains("Input string", StringComparison.Ordinal)
            => "此处的值类型不对（如应为数字却写了文字）",
        _ when library.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) => "同一字段写了两次",
        _ => "无法读取此处的内容（缩进、冒号或引号有误）",
    };

    /// <summary>The next event of the first pass; a syntax error ends the pass, and the document is then read (and the error reported where the deserializer places it) by the second.</summary>
    private static bool MoveNext(YamlDotNet.Core.Parser parser)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (YamlException)
        {
            return false;
        }
    }

    /// <summary>
    /// An empty list item (`- ` or `[~]`) or mapping value deserializes as null; the documents' consumers expect none, so they
    /// are removed, through every list, dictionary and nested document.
    /// </summary>
    private static void RemoveEmptyItems(object? node, int depth)
    {
        if (node is null || node is string || node.GetType().IsValueType || depth > MaxDepth)
        {
            return;
        }

        if (node is System.Collections.IList list)
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (list[i] is null)
                {
                    list.RemoveAt(i);
                }
                else
                {
                    RemoveEmptyItems(list[i], depth + 1);
                }
            }

            return;
        }

        if (node is System.Collections.IDictionary dictionary)
        {
            foreach (var key in dictionary.Keys.Cast<object>().ToList())
            {
                if (dictionary[key] is null)
                {
                    dictionary.Remove(key);
                }
                else
                {
                    RemoveEmptyItems(dictionary[key], depth + 1);
                }
            }

            return;
        }

        foreach (var property in node.GetType().GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            RemoveEmptyItems(property.GetValue(node), depth + 1);
        }
    }
}
