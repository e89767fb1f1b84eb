using Yusuan.Core.Catalogue;
using Yusuan.Core.Compile;
using Yusuan.Core.Disclosures;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;
using Yusuan.Core.Rounding;
using Yusuan.Core.Rules;
using Yusuan.Formats.Datasets;

namespace Yusuan.Core.Tests.Rules;

/// <summary>One way of spoiling (or fixing) the sample: its inputs, and an edit of the compiled disclosure.</summary>
internal sealed record Variant(
    Profile Profile,
    PerformancePlan Plan,
    IReadOnlyList<BudgetLine> Lines,
    RoundingMode Rounding = RoundingMode.Controlled,
    Func<Disclosure, Disclosure>? Edit = null,
    IReadOnlyList<Finding>? InputFindings = null,
    bool DisclosureOnly = false,
    Core.Tables.DocumentTemplate? Template = null)
{
    public Variant EditDisclosure(Func<Disclosure, Disclosure> edit) => this with { Edit = Edit is null ? edit : d => edit(Edit(d)) };

    /// <summary>Replaces the first line the predicate picks.</summary>
    public Variant EditLine(Func<BudgetLine, bool> which, Func<BudgetLine, BudgetLine> edit)
    {
        var index = Lines.ToList().FindIndex(l => which(l));
        Assert.True(index >= 0, "no such line");
        var lines = Lines.ToList();
        lines[index] = edit(lines[index]);
        return this with { Lines = lines };
    }
}

/// <summary>The seed's department (samples/sz-eeimc-2023) loaded once; each test checks a variant of it with the whole catalogue.</summary>
internal static class Sample
{
    private static readonly Lazy<(Dataset Dataset, List<BudgetLine> Lines)> Loaded = new(() =>
    {
        var folder = Path.Combine(Root(), "samples", "sz-eeimc-2023");
        var (dataset, problems) = Dataset.Load(folder);
        Assert.Empty(problems);
        return (dataset!, dataset!.Ledger.Lines().ToList());
    });

    public static Variant Clean => new(Loaded.Value.Dataset.Profile, Loaded.Value.Dataset.Plan, Loaded.Value.Lines);

    public static string Folder => Path.Combine(Root(), "samples", "sz-eeimc-2023");

    public static IReadOnlyList<Finding> Check(Variant variant)
    {
        var catalogue = ClassificationCatalogue.BuiltIn();
        var compiled = new BudgetCompiler(catalogue).Compile(variant.Profile, variant.Plan, variant.Lines, variant.Rounding);
        var disclosure = variant.Edit is null ? compiled.Disclosure : variant.Edit(compiled.Disclosure);
        var context = new RuleContext(disclosure, catalogue)
        {
            Profile = variant.DisclosureOnly ? null : variant.Profile,
            Plan = variant.DisclosureOnly ? null : variant.Plan,
            Budget = variant.DisclosureOnly ? null : compiled,
            InputFindings = variant.InputFindings ?? [],
            ApprovedOn = variant.Profile.ApprovedOn,
            PublishedOn = variant.Profile.PublishedOn,
            Template = variant.Template ?? Core.Tables.DocumentTemplates.Shenzhen,
        };
        return RuleEngine.Run(context);
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Yusuan.slnx")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
