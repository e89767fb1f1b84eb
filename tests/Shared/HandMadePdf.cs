using System.Globalization;
using System.Text;

namespace Yusuan.Tests.Shared;

/// <summary>
/// A PDF written by hand for the hostile-file tests (compiled into each test project that needs it): the given objects,
/// numbered from 1 (the first the catalogue), with a correct cross-reference table and trailer.
/// </summary>
internal static class HandMadePdf
{
    public static string Text(params string[] objects)
    {
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(text.Length);
            text.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = text.Length;
        text.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        offsets.ForEach(o => text.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n"));
        text.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return text.ToString();
    }

    /// <summary>The same as bytes (Latin-1, one byte per character, as binary stream data needs).</summary>
    public static byte[] Bytes(params string[] objects) => Encoding.Latin1.GetBytes(Text(objects));
}
