using Yusuan.Formats.Yaml;

namespace Yusuan.Web.Pages.Versions;

/// <summary>
/// A draft's performance goals (表12 部门整体支出绩效目标表 and 第七部分's project goals) as a form: tasks, overall goals and
/// indicators as rows, each with blank rows to add to. <see cref="ApplyTo"/> writes them into the stored document; a project
/// goal's own indicators, which the form does not show, are kept with the goal of the same name.
/// </summary>
public sealed class GoalsForm
{
    public const int BlankRows = 3;

    /// <summary>The levels of an indicator a region's 绩效目标表 uses (一级指标).</summary>
    public static IReadOnlyList<string> Levels { get; } = ["产出指标", "效益指标", "满意度指标", "成本指标"];

    /// <summary>二级指标 a reader expects under each level, offered as suggestions.</summary>
    public static IReadOnlyList<string> Sublevels { get; } =
        ["数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标", "经济成本指标"];

    /// <summary>表12's 主管部门 as printed.</summary>
    public string? Supervisor { get; set; }

    /// <summary>年度总体目标, one per line.</summary>
    public string? Goals { get; set; }

    public List<TaskRow> Tasks { get; set; } = [];

    public List<IndicatorRow> Indicators { get; set; } = [];

    public List<ProjectGoalRow> ProjectGoals { get; set; } = [];

    public sealed class TaskRow
    {
        public string? Name { get; set; }

        /// <summary>项目编码 whose lines make up the task's amount, separated by spaces, commas or 、.</summary>
        public string? Projects { get; set; }

        /// <summary>Whether the task is the 基本支出 (its amount the basic expenditure, not projects').</summary>
        public bool Basic { get; set; }

        public string? Content { get; set; }
    }

    public sealed class IndicatorRow
    {
        public string? Level1 { get; set; }

        public string? Level2 { get; set; }

        public string? Name { get; set; }

        public string? Target { get; set; }
    }

    public sealed class ProjectGoalRow
    {
        /// <summary>The row's place in the stored goals (null for a new row): its indicators, which the form does not show, stay with it.</summary>
        public int? Origin { get; set; }

        public string? Name { get; set; }

        public string? Projects { get; set; }

        /// <summary>The goal's texts, one per line.</summary>
        public string? Goals { get; set; }
    }

    public static GoalsForm From(PerformanceDocument document) => new()
    {
        Supervisor = document.Supervisor,
        Goals = string.Join("\n", document.Goals ?? []),
        Tasks = [.. (document.Tasks ?? []).Select(t => new TaskRow { Name = t.Name, Projects = string.Join(" ", t.Projects ?? []), Basic = t.Basic, Content = t.Content }), .. Blank<TaskRow>()],
        Indicators = [.. (document.Indicators ?? []).Select(i => new IndicatorRow { Level1 = i.Level1, Level2 = i.Level2, Name = i.Name, Target = i.Target }), .. Blank<IndicatorRow>()],
        ProjectGoals = [.. (document.ProjectGoals ?? []).Select((g, i) => new ProjectGoalRow { Origin = i, Name = g.Name, Projects = string.Join(" ", g.Projects ?? []), Goals = string.Join("\n", g.Goals ?? []) }), .. Blank<ProjectGoalRow>()],
    };

    /// <summary>Writes the form into <paramref name="document"/>; returns the rows that are incomplete (field, reason) and then changes nothing.</summary>
    public IReadOnlyList<(string Field, string Reason)> ApplyTo(PerformanceDocument document)
    {
        var problems = new List<(string, string)>();
        var tasks = Tasks.Select((t, i) => (t, i)).Where(x => Filled(x.t.Name, x.t.Projects, x.t.Content) || x.t.Basic).ToList();
        problems.AddRange(tasks.Where(x => string.IsNullOrWhiteSpace(x.t.Name)).Select(x => ($"Tasks[{x.i}].Name", "请填写任务名称")));
        problems.AddRange(tasks.Where(x => !x.t.Basic && Codes(x.t.Projects) is null).Select(x => ($"Tasks[{x.i}].Projects", "请填写任务的项目编码，或勾选“基本支出”")));
        var indicators = Indicators.Select((r, i) => (r, i)).Where(x => Filled(x.r.Level1, x.r.Level2, x.r.Name, x.r.Target)).ToList();
        problems.AddRange(indicators.Where(x => string.IsNullOrWhiteSpace(x.r.Name)).Select(x => ($"Indicators[{x.i}].Name", "请填写指标名称（三级指标）")));
        problems.AddRange(indicators.Where(x => string.IsNullOrWhiteSpace(x.r.Target)).Select(x => ($"Indicators[{x.i}].Target", "请填写目标值")));
        problems.AddRange(indicators.Where(x => string.IsNullOrWhiteSpace(x.r.Level2)).Select(x => ($"Indicators[{x.i}].Level2", "请填写二级指标")));
        problems.AddRange(indicators.Where(x => !Levels.Contains(x.r.Level1?.Trim())).Select(x => ($"Indicators[{x.i}].Level1", $"一级指标须为{string.Join("、", Levels)}之一")));
        var goals = ProjectGoals.Select((g, i) => (g, i)).Where(x => Filled(x.g.Name, x.g.Projects, x.g.Goals)).ToList();
        problems.AddRange(goals.Where(x => string.IsNullOrWhiteSpace(x.g.Name)).Select(x => ($"ProjectGoals[{x.i}].Name", "请填写重点项目（类别）名称")));
        problems.AddRange(goals.Where(x => Codes(x.g.Projects) is null).Select(x => ($"ProjectGoals[{x.i}].Projects", "请填写组成该重点项目的项目编码")));
        if (problems.Count > 0)
        {
            return problems;
        }

        var stored = document.ProjectGoals ?? [];
        document.Schema ??= "yusuan.performance/1";
        document.Supervisor = Typed.Text(Supervisor);
        document.Goals = Typed.Lines(Goals);
        document.Tasks = tasks.Select(x => new TaskDocument { Name = x.t.Name!.Trim(), Projects = Codes(x.t.Projects), Basic = x.t.Basic, Content = Typed.Text(x.t.Content) }).ToList();
        document.Indicators = indicators.Select(x => new IndicatorDocument { Level1 = x.r.Level1!.Trim(), Level2 = Typed.Text(x.r.Level2), Name = x.r.Name!.Trim(), Target = x.r.Target!.Trim() }).ToList();
        document.ProjectGoals = goals.Select(x => new ProjectGoalDocument
        {
            Name = x.g.Name!.Trim(),
            Projects = Codes(x.g.Projects),
            Goals = Typed.Lines(x.g.Goals),
            Indicators = x.g.Origin is { } origin && origin >= 0 && origin < stored.Count ? stored[origin].Indicators : null,
        }).ToList();
        return problems;
    }

    private static IEnumerable<T> Blank<T>() where T : new() => Enumerable.Range(0, BlankRows).Select(_ => new T());

    private static bool Filled(params string?[] fields) => fields.Any(f => !string.IsNullOrWhiteSpace(f));


    private static List<string>? Codes(string? text) =>
        (text ?? string.Empty).Split([' ', ',', '，', '、', ';', '；', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } codes ? [.. codes] : null;
}
