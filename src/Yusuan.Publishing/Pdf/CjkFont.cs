using PdfSharp.Fonts;

namespace Yusuan.Publishing.Pdf;

/// <summary>
/// The two faces every PDF uses, shipped next to the binaries (assets/fonts, OFL, TrueType outlines): Noto Serif SC, the
/// 宋体 style, for the title, body text and tables; Noto Sans SC, the 黑体 style, for headings. PDFsharp takes a single font
/// resolver per process, registered on first use; bold is simulated from the regular face.
/// </summary>
public sealed class CjkFont : IFontResolver
{
    /// <summary>The 宋体-style face (title, body, table cells).</summary>
    public const string Serif = "Noto Serif SC";

    /// <summary>The 黑体-style face (headings, table headers).</summary>
    public const string Sans = "Noto Sans SC";

    /// <summary>The face of text with no face of its own: the serif.</summary>
    public const string Family = Serif;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Face> Faces = new(StringComparer.Ordinal)
    {
        [Serif] = new Face("NotoSerifSC-Regular"),
        [Sans] = new Face("NotoSansSC-Regular"),
    };

    private static bool registered;

    /// <summary>The font file of a family (<see cref="Serif"/> or <see cref="Sans"/>): fonts/*.ttf beside the binaries.</summary>
    public static string FontPath(string family = Family) => Faces[family].Path;

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

    /// <summary>The characters of the text the family's face has no glyph for (spaces and line breaks aside).</summary>
    public static IEnumerable<string> Missing(string text, string family = Family)
    {
        var covered = (Faces.GetValueOrDefault(family) ?? Faces[Family]).Covered.Value;
        for (var i = 0; i < text.Length; i++)
        {
            var codePoint = char.ConvertToUtf32(text, i);
            if (char.IsSurrogatePair(text, i))
            {
                i++;
            }

            if (codePoint > 0x20 && !covered.Contains(codePoint))
            {
                yield return char.ConvertFromUtf32(codePoint);
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((Faces.GetValueOrDefault(familyName) ?? Faces[Family]).Name, bold, italic);

    public byte[]? GetFont(string faceName) => Faces.Values.First(f => f.Name == faceName).Bytes.Value;

    private sealed class Face
    {
        public Face(string name)
        {
            Name = name;
            Path = System.IO.Path.Combine(AppContext.BaseDirectory, "fonts", name + ".ttf");
            Bytes = new(() => File.ReadAllBytes(Path));
            Covered = new(() => TrueTypeCmap.CodePoints(Bytes.Value));
        }

        public string Name { get; }

        public string Path { get; }

        public Lazy<byte[]> Bytes { get; }

        public Lazy<HashSet<int>> Covered { get; }
    }
}
