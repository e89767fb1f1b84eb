using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;

namespace Yusuan.Formats.Json;

/// <summary>The JSON contracts of DESIGN.md: yusuan.disclosure/1 and yusuan.findings/1. Chinese stays readable; money prints without trailing zeros.</summary>
public static class YusuanJson
{
    public const string FindingsSchema = "yusuan.findings/1";

    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        Converters = { new DecimalConverter(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(Disclosure disclosure) => JsonSerializer.Serialize(disclosure, Options);

    public static Disclosure? DeserializeDisclosure(string json) => JsonSerializer.Deserialize<Disclosure>(json, Options);

    public static string Serialize(IEnumerable<Finding> findings) =>
        JsonSerializer.Serialize(new FindingsDocument(FindingsSchema, findings.ToList()), Options);

    public sealed record FindingsDocument(string Schema, IReadOnlyList<Finding> Findings);

    /// <summary>Writes 8.00 as 8 and 7656 as 7656: a figure's value, not its storage scale.</summary>
    private sealed class DecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue((value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));
    }
}
