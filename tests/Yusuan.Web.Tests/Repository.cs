namespace Yusuan.Web.Tests;

/// <summary>Paths inside the repository, found from the test binaries.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Sample(string file) => Path.Combine(Root, "samples", "sz-eeimc-2023", file);

    public static string Seed => Path.Combine(Root, "tests", "fixtures", "seed-2023-sz-eeimc.txt");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Yusuan.slnx")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
