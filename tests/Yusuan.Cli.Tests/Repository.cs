namespace Yusuan.Cli.Tests;

/// <summary>Paths inside the repository, found from the test binaries.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Sample => Path.Combine(Root, "samples", "sz-eeimc-2023");

    public static string Golden(string file) => Path.Combine(Root, "tests", "golden", "seed", file);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Yusuan.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found from " + AppContext.BaseDirectory);
    }
}
