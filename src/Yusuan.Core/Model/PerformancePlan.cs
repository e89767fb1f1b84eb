namespace Yusuan.Core.Model;

/// <summary>
/// 部门（单位）整体支出绩效目标 (T12): the year's main tasks, the overall goals and the indicator tree.
/// Task amounts are never typed: they are compiled from the lines of the projects a task names (or the basic lines).
/// </summary>
public sealed class PerformancePlan
{
    public static PerformancePlan Empty { get; } = new();

    /// <summary>The 主管部门 cell printed in T12.</summary>
    public string Supervisor { get; init; } = string.Empty;

    public IReadOnlyList<PerformanceTask> Tasks { get; init; } = [];

    public IReadOnlyList<string> Goals { get; init; } = [];

    public IReadOnlyList<Indicator> Indicators { get; init; } = [];

    /// <summary>项目绩效目标 (第七部分): goals set for projects, each naming the projects whose lines make up its amount.</summary>
    public IReadOnlyList<ProjectGoal> ProjectGoals { get; init; } = [];
}

/// <summary>A project goal: a name as printed (a project or a group of them), the projects it covers, its goal texts and indicators.</summary>
public sealed record ProjectGoal(string Name, IReadOnlyList<string> Projects, IReadOnlyList<string> Goals, IReadOnlyList<Indicator> Indicators);

/// <summary>年度主要任务: a name, its content, and which lines make up its amount.</summary>
public sealed record PerformanceTask(string Name, string Content, IReadOnlyList<string> Projects, bool Basic);

/// <summary>One 三级指标 with its 一级 and 二级 parents and its target value as printed.</summary>
public sealed record Indicator(string Level1, string Level2, string Name, string Target);
