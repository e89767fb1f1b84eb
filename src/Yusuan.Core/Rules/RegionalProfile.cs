using Yusuan.Core.Findings;
using Yusuan.Core.Tables;

namespace Yusuan.Core.Rules;

/// <summary>
/// What a region publishes and how strictly: rules switched off (e.g. the tables a region does not publish) and rules
/// re-graded, and the template its published documents follow. Read from a YAML file (regions/*.yaml).
/// </summary>
public sealed class RegionalProfile
{
    public static RegionalProfile None { get; } = new();

    public string Name { get; init; } = string.Empty;

    public IReadOnlySet<string> Off { get; init; } = new HashSet<string>();

    public IReadOnlyDictionary<string, Severity> Severities { get; init; } = new Dictionary<string, Severity>();

    /// <summary>The template an audited document is judged against instead of the one detected, or null (detect it).</summary>
    public DocumentTemplate? Template { get; init; }
}
