using System.Buffers.Binary;

namespace Yusuan.Publishing.Pdf;

/// <summary>
/// Reads which Unicode code points a TrueType font maps to glyphs (its 'cmap' table, formats 4 and 12), so that a character the
/// font lacks is reported rather than printed as an empty box.
/// </summary>
internal static class TrueTypeCmap
{
    public static HashSet<int> CodePoints(byte[] font)
    {
        var points = new HashSet<int>();
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var cmap = -1;
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + 16 * i;
            if (font[record] == 'c' && font[record + 1] == 'm' && font[record + 2] == 'a' && font[record + 3] == 'p')
            {
                cmap = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
            }
        }

        if (cmap < 0)
        {
            return points;
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 2));
        for (var i = 0; i < count; i++)
        {
            var offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(cmap + 4 + 8 * i + 4));
            var format = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset));
            if (format == 12)
            {
                var groups = BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(offset + 12));
                for (var g = 0; g < groups; g++)
                {
                    var start = BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(offset + 16 + 12 * g));
                    var end = BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(offset + 20 + 12 * g));
                    for (var c = start; c <= end; c++)
                    {
                        points.Add((int)c);
                    }
                }
            }
            else if (format == 4)
            {
                var segments = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset + 6)) / 2;
                for (var s = 0; s < segments; s++)
                {
                    var end = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset + 14 + 2 * s));
                    var start = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset + 16 + 2 * segments + 2 * s));
                    for (int c = start; c <= end && c != 0xFFFF; c++)
                    {
                        points.Add(c);
                    }
                }
            }
        }

        return points;
    }
}
