namespace Yusuan.Cli.Tests.Corpus;

/// <summary>
/// The corpus of real published documents, read where it lies (never copied into the repository): YUSUAN_CORPUS, else
/// ../shared/corpus beside the repository, else /work/shared/corpus. Its gold transcriptions are in corpus/gold/ and ours in
/// tests/golden/corpus/.
/// </summary>
internal static class Corpus
{
    public static string Root { get; } = Find();

    public static string Budget(string name) => Path.Combine(Root, "budgets", name + ".pdf");

    /// <summary>Every gold transcription: the four given with the corpus and those made for this repository.</summary>
    public static IEnumerable<string> GoldFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "gold"), "*.gold.json")
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "tests", "golden", "corpus"), "*.gold.json"))
            .Order(StringComparer.Ordinal);

    private static string Find()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("YUSUAN_CORPUS"),
            Path.Combine(Repository.Root, "..", "shared", "corpus"),
            "/work/shared/corpus",
        };
        return candidates.Where(c => c is not null).Select(c => Path.GetFullPath(c!)).FirstOrDefault(c => File.Exists(Path.Combine(c, "manifest.tsv")))
            ?? throw new InvalidOperationException("The corpus of real documents was not found: set YUSUAN_CORPUS to its folder (shared/corpus).");
    }
}
