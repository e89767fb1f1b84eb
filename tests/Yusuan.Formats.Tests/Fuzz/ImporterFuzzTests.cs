using CsCheck;
using Yusuan.Formats.Fuzz;

namespace Yusuan.Formats.Tests.Fuzz;

/// <summary>A few thousand mutated inputs per importer on every run; `bench/Yusuan.Bench fuzz` runs 100,000 each.</summary>
public class ImporterFuzzTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Yusuan.slnx")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }

        return dir;
    }

    public static TheoryData<string, int> Importers() => new()
    {
        { "ledger.csv", 2000 }, { "ledger.xlsx", 1000 }, { "profile.yaml", 2000 }, { "performance.yaml", 2000 }, { "performance.xlsx", 1000 },
        { "actuals.csv", 2000 }, { "audit.txt", 300 }, { "audit.html", 1000 }, { "audit.xlsx", 1000 }, { "audit.pdf", 1000 }, { "audit.docx", 1000 },
    };

    [Theory]
    [MemberData(nameof(Importers))]
    public void A_mutated_input_is_accepted_or_refused_with_a_clear_problem_never_thrown(string importer, int cases)
    {
        var target = ImporterFuzz.Targets(Path.Combine(Root, "samples", "sz-eeimc-2023"), File.ReadAllText(Path.Combine(Root, "tests", "fixtures", "seed-2023-sz-eeimc.txt")))
            .Single(t => t.Name == importer);
        using var folder = new TempFolder();
        var accepted = 0;
        Gen.Int[0, int.MaxValue].Sample(seed => accepted += ImporterFuzz.Case(target, seed, folder.Path) ? 1 : 0, iter: cases, threads: 1);

        // The mutations must not be so gentle that everything passes, nor so rough that nothing does (for the text formats).
        Assert.InRange(accepted, 0, cases - 1);
    }
}
