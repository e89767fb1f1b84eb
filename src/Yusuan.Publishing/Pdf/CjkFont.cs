using PdfSharp.Fonts;

namespace Yusuan.Publishing.Pdf;

/// <summary>
/// The one font every PDF uses: Noto Sans SC Regular (TrueType outlines; OFL, assets/fonts), shipped next to the binaries.
/// PDFsharp takes a single font resolver per process, registered on first use; bold is simulated.
/// </summary>
public sealed class CjkFont : IFontResolver
{
    public const string Family = "Noto Sans SC";
    private const string Face = "NotoSansSC-Regular";
    private static readonly Lock Gate = new();
    private static readonly Lazy<byte[]> Bytes = new(() => File.ReadAllBytes(FontPath));
    private static readonly Lazy<HashSet<int>> Covered = new(() => TrueTypeCmap.CodePoints(Bytes.Value));
    private static bool registered;

    public static string FontPath => Path.Combine(AppContext.BaseDirectory, "fonts", "NotoSansSC-Regular.ttf");

    public static void Register()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            GlobalFontSettings.FontResolver = new CjkFont();
            registered = true;
        }
    }

    /// <summary>The characters of the text the font has no glyph for (spaces and line breaks aside).</summary>
    public static IEnumerable<string> Missing(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var codePoint = char.ConvertToUtf32(text, i);
            if (char.IsSurrogatePair(text, i))
            {
                i++;
            }

            if (codePoint > 0x20 && !Covered.Value.Contains(codePoint))
            {
                yield return char.ConvertFromUtf32(codePoint);
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(Face, bold, italic);

    public byte[]? GetFont(string faceName) => Bytes.Value;
}
