using System.IO.Compression;

namespace Yusuan.Formats.Text;

/// <summary>
/// Limits a workbook must keep before any of it is parsed: a "zip bomb" — a small file that unpacks to gigabytes — is refused
/// from its directory, which lists each entry's sizes, without unpacking anything.
/// </summary>
public static class ZipLimits
{
    /// <summary>All entries together, unpacked: a million-row ledger sheet is a few hundred megabytes.</summary>
    public const long MaxTotal = 1L << 30;

    /// <summary>No spreadsheet has more parts than this.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>XML compresses well, but not this well: above this ratio (for entries over 1 MB) the content is padding.</summary>
    public const int MaxRatio = 200;

    /// <summary>
    /// A published budget's workbook (tables, a sheet of lines at most) unpacked: 128 MB. The audit reads untrusted uploads,
    /// so it holds them to this rather than to a city's ledger's <see cref="MaxTotal"/>.
    /// </summary>
    public const long MaxPublished = 128L << 20;

    /// <summary>Why the file at <paramref name="path"/> must not be unpacked, or null when it is within the limits (or not a zip at all, which the reader reports).</summary>
    /// <param name="maxTotal">All entries together, unpacked, in bytes: <see cref="MaxTotal"/> for a ledger, <see cref="MaxPublished"/> for an audit.</param>
    public static string? Refuse(string path, long maxTotal = MaxTotal)
    {
        using var stream = File.OpenRead(path);
        return Refuse(stream, maxTotal);
    }

    /// <summary>As <see cref="Refuse(string, long)"/>, for a file's bytes in a seekable stream (left open).</summary>
    public static string? Refuse(Stream stream, long maxTotal = MaxTotal)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                return $"{zip.Entries.Count} 个部件，多于 {MaxEntries} 个";
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > maxTotal)
                {
                    return $"解压后超过 {maxTotal >> 20} MB";
                }

                if (entry.Length > 1 << 20 && entry.Length > (long)MaxRatio * Math.Max(1, entry.CompressedLength))
                {
                    return $"{entry.FullName} 压缩比 {entry.Length / Math.Max(1, entry.CompressedLength)}:1，高于 {MaxRatio}:1";
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
