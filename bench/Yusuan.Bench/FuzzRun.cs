using System.Diagnostics;
using Yusuan.Formats.Fuzz;

namespace Yusuan.Bench;

/// <summary>
/// `fuzz N`: N mutated inputs per importer (seeds 0 … N−1, so a run repeats exactly), through the same harness the tests
/// use; prints how many were accepted and refused per importer and stops at the first case that throws, with its seed.
/// </summary>
internal static class FuzzRun
{
    public static int Replay(string importer, int seed)
    {
        var target = Targets().Single(t => t.Name == importer);
        var folder = Path.Combine(Directory.GetCurrentDirectory(), "fuzz-case-" + seed);
        Directory.CreateDirectory(folder);
        Console.WriteLine(ImporterFuzz.Case(target, seed, folder) ? "accepted" : "refused with problems");
        return 0;
    }

    /// <summary>The importers and their valid inputs, from the repository this benchmark was built in.</summary>
    private static IReadOnlyList<FuzzTarget> Targets()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Yusuan.slnx")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        return ImporterFuzz.Targets(Path.Combine(root, "samples", "sz-eeimc-2023"), File.ReadAllText(Path.Combine(root, "tests", "fixtures", "seed-2023-sz-eeimc.txt")));
    }

    public static int Run(int cases, string[] only)
    {
        var targets = Targets().Where(t => only.Length == 0 || only.Contains(t.Name));
        var folder = Path.Combine(Path.GetTempPath(), "yusuan-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Console.WriteLine($"| importer | cases | accepted | refused with problems | exceptions | time |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        try
        {
            foreach (var target in targets)
            {
                var clock = Stopwatch.StartNew();
                var accepted = 0;
                for (var seed = 0; seed < cases; seed++)
                {
                    accepted += ImporterFuzz.Case(target, seed, folder) ? 1 : 0;
                }

                Console.WriteLine($"| {target.Name} | {cases:N0} | {accepted:N0} | {cases - accepted:N0} | 0 | {clock.Elapsed.TotalSeconds:N0} s |");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }
}
