using System.Reflection;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Tables;

namespace Yusuan.Formats.Audit;

/// <summary>
/// The built-in document templates: the YAML files of regions/templates (schema yusuan.template/1), embedded in this
/// assembly, so that a template is added as a file without code. A region's own template is named with --region.
/// </summary>
public static class TemplateLibrary
{
    private static readonly Lazy<IReadOnlyList<DocumentTemplate>> Templates = new(Load);

    /// <summary>Every built-in template, highest detection priority first; the fallback (standard) last.</summary>
    public static IReadOnlyList<DocumentTemplate> BuiltIn => Templates.Value;

    /// <summary>The 财政部 standard set: the template of a document no other template claims.</summary>
    public static DocumentTemplate Standard => Find("standard")!;

    /// <summary>A built-in template by name, or null.</summary>
    public static DocumentTemplate? Find(string? name) => BuiltIn.FirstOrDefault(t => t.Name == name);

    /// <summary>The built-in template a published document follows (<see cref="DocumentTemplates.Detect"/>), else the standard set.</summary>
    /// <param name="cover">The cover's text, spaces removed.</param>
    public static DocumentTemplate Detect(Disclosure disclosure, string cover) => DocumentTemplates.Detect(BuiltIn, disclosure, cover) ?? Standard;

    private static IReadOnlyList<DocumentTemplate> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "Yusuan.Formats.Templates.";
        var templates = new List<DocumentTemplate>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var read = Yaml.YamlReader.ReadTemplate(resource[prefix.Length..], reader.ReadToEnd());
            templates.Add(read.Value ?? throw new InvalidOperationException($"Built-in template {resource} is invalid: {string.Join("; ", read.Problems)}"));
        }

        return [.. templates.OrderByDescending(t => t.Detection?.Priority ?? int.MinValue)];
    }
}
