using Yusuan.Store;

namespace Yusuan.Web;

/// <summary>First start: the sample department compiled, checked and published, and accounts to try the whole path with.</summary>
internal static class Seeding
{
    /// <summary>Compiles, checks and publishes the sample dataset, so the portal shows a real budget on first start.</summary>
    public static void Seed(BudgetStore store, string folder)
    {
        var profile = File.ReadAllText(Path.Combine(folder, "profile.yaml"));
        var performancePath = Path.Combine(folder, "performance.yaml");
        var performance = File.Exists(performancePath) ? File.ReadAllText(performancePath) : null;
        var files = new VersionFiles(File.ReadAllText(Path.Combine(folder, "ledger.csv")), profile, performance);
        var department = Formats.Yaml.YamlReader.ReadProfile(Path.Combine(folder, "profile.yaml")).Value
            ?? throw new InvalidOperationException("Sample profile unusable: " + folder);
        var result = Drafts.Compile(files, department.FiscalYear);
        if (!result.Compiled)
        {
            throw new InvalidOperationException("Sample dataset unusable: " + result.Problems[0]);
        }

        store.SaveDepartment(department.Department.Code, department.Department.Name);
        store.SaveDepartmentFiles(department.Department.Code, profile, performance);
        var id = store.CreateDraft(department.Department.Code, department.FiscalYear, result.Lines, result.DisclosureJson!, result.Findings, "系统（示例数据）", files with { Rounding = result.RoundingJson });
        foreach (var state in new[] { BudgetState.Submitted, BudgetState.Approved, BudgetState.Published })
        {
            store.Move(id, state, "系统（示例数据）");
        }
    }

    /// <summary>
    /// On first start, accounts to try the whole path with: an admin, an officer of the sample agency, a reviewer (主管部门) and the
    /// finance bureau, each with a random password that is printed once.
    /// </summary>
    public static IReadOnlyList<(string Name, string Role, string Password)> CreateFirstAccounts(BudgetStore store, IReadOnlyList<string> agencies)
    {
        var accounts = new List<(string, string, string)>();
        foreach (var (name, role) in new[] { ("admin", "admin"), ("officer", "officer"), ("reviewer", "reviewer"), ("finance", "finance") })
        {
            var password = Passwords.Generate();
            store.AddUser(name, role, role == "officer" ? agencies : [], "系统（首次启动）", password);
            accounts.Add((name, role, password));
        }

        return accounts;
    }
}
