using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;
using YamlDotNet.Serialization.NamingConventions;

namespace Yusuan.Formats.Yaml;

/// <summary>
/// Writes profile.yaml and performance.yaml back from their documents (<see cref="ProfileDocument"/>,
/// <see cref="PerformanceDocument"/>), as the pages' forms change them: camelCase keys as <see cref="YamlReader"/> reads
/// them, nothing written for an empty or default value, Chinese as it is, text of several lines as a literal block. What
/// it writes reads back to the same document; comments of the file it came from are not kept.
/// </summary>
public static class YamlWriter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitDefaults | DefaultValuesHandling.OmitEmptyCollections)
        .WithEventEmitter(next => new LiteralBlocks(next))
        .DisableAliases()
        .Build();

    /// <summary>The document as YAML, after a first comment line <paramref name="comment"/> when one is given.</summary>
    public static string Write(object document, string? comment = null) =>
        (comment is null ? string.Empty : "# " + comment.ReplaceLineEndings(" ") + "\n") + Serializer.Serialize(document);

    /// <summary>Text of several lines as a literal block (|), as a person writes it in profile.yaml; other text as the serializer chooses.</summary>
    private sealed class LiteralBlocks(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && text.Contains('\n', StringComparison.Ordinal))
            {
                eventInfo.Style = ScalarStyle.Literal;
            }

            base.Emit(eventInfo, emitter);
        }
    }
}
