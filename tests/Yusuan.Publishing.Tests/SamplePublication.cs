using Yusuan.Core.Catalogue;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Rounding;
using Yusuan.Formats.Datasets;
using Yusuan.Publishing;
using Yusuan.Publishing.Layout;

namespace Yusuan.Publishing.Tests;

/// <summary>The sample rendered once in all four formats, shared by the tests.</summary>
internal static class SamplePublication
{
    /// <summary>The sample dataset's folder (samples/sz-eeimc-2023 of the repository).</summary>
    public static string Folder { get; } = FindFolder();

    private static readonly Lazy<(Disclosure Disclosure, Publication Publication, int Lines)> Built = new(() =>
    {
        var (dataset, problems) = Dataset.Load(Folder);
        Assert.Empty(problems);
        var disclosure = dataset!.Compile(ClassificationCatalogue.BuiltIn(), RoundingMode.Controlled).Disclosure;
        return (disclosure, Publisher.Render(disclosure, dataset.Ledger.Lines(), issuedOn: dataset.Profile.PublishedOn), dataset.Ledger.Lines().Count());
    });

    public static Disclosure Disclosure => Built.Value.Disclosure;

    public static Publication Publication => Built.Value.Publication;

    public static int LineCount => Built.Value.Lines;

    public static PrintedDocument Document => DocumentLayout.From(Disclosure);

    private static string FindFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Yusuan.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "samples", "sz-eeimc-2023");
    }
}
