using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Yusuan.Core;
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

    /// <summary>
    /// Why a file is not the JSON of <paramref name="schema"/>, in Chinese, at the line (1-based) and byte where the reader
    /// stopped — the reader's own message is English and names .NET types, so it is not shown.
    /// </summary>
    public static InputProblem Problem(string file, string schema, JsonException e)
    {
        var line = e.LineNumber is long l ? (int)l + 1 : (int?)null;
        var column = e.BytePositionInLine is long b ? Messages.AtByte(b + 1) : null;
        var reason = e.LineNumber is null or 0 && e.BytePositionInLine is null or 0 ? Messages.JsonEmpty(schema) : Messages.JsonInvalid(schema, e.Path);
        return new InputProblem(file, line, column, reason);
    }

    /// <summary>Writes 8.00 as 8 and 7656 as 7656: a figure's value, not its storage scale.</summary>
    private sealed class DecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue((value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));
    }
}
