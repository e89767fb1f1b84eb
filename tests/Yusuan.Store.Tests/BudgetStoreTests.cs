using System.Security.Cryptography;
using System.Text;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;

namespace Yusuan.Store.Tests;

/// <summary>The same behaviour on SQLite and on a real PostgreSQL server.</summary>
public class BudgetStoreTests
{
    private static BudgetLine Line(int row, string function, decimal amount) => new()
    {
        AgencyCode = "139001",
        Function = FunctionCode.Parse(function).Value,
        Economic = EconomicCode.Parse("30101").Value,
        Kind = ExpenditureKind.Personnel,
        Fund = FundSource.GeneralPublicBudget,
        Amount = amount,
        Source = new LineSource("ledger.csv", row),
    };

    private static readonly BudgetLine[] Lines = [Line(2, "2080505", 1_259_000.10m), Line(3, "2101102", 429_000m)];

    private static BudgetStore Open(string provider)
    {
        var store = BudgetStore.Open(Databases.Fresh(provider));
        Assert.Equal(2, store.Migrate());
        store.SaveDepartment("139001", "深圳市生态环境智能管控中心");
        return store;
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void Migrations_run_once(string provider)
    {
        using var store = Open(provider);
        Assert.Equal(0, store.Migrate());
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void A_budget_goes_from_draft_to_published_with_its_digest_and_audit_log(string provider)
    {
        using var store = Open(provider);
        var id = store.CreateDraft("139001", 2023, Lines, "{\"schema\":\"yusuan.disclosure/1\"}", [new Finding("text.reasons.sum", Severity.Warning, "text", "原因不相符", new Location())], "张三");
        Assert.Equal([("139001", "2080505", "30101", 1_259_000.10m), ("139001", "2101102", "30101", 429_000m)], store.Lines(id));
        store.Move(id, BudgetState.Submitted, "张三");
        store.Move(id, BudgetState.Returned, "李四", "请说明三公经费变化原因");
        store.Move(id, BudgetState.Submitted, "张三");
        store.Move(id, BudgetState.Approved, "李四");
        store.Move(id, BudgetState.Published, "王五");

        var version = store.Get(id);
        Assert.Equal((BudgetState.Published, 1), (version.State, version.Number));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("{\"schema\":\"yusuan.disclosure/1\"}"))), version.Sha256);
        Assert.NotNull(version.PublishedAt);
        var log = store.AuditLog(id);
        Assert.Equal(["create", "submitted", "returned", "submitted", "approved", "published"], log.Select(e => e.Action));
        Assert.Equal(["张三", "张三", "李四", "张三", "李四", "王五"], log.Select(e => e.Actor));
        Assert.Contains("请说明三公经费变化原因", log[2].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void A_published_version_never_changes_and_a_correction_is_a_new_version(string provider)
    {
        using var store = Open(provider);
        var id = store.CreateDraft("139001", 2023, Lines, "{}", [], "张三");
        foreach (var state in new[] { BudgetState.Submitted, BudgetState.Approved, BudgetState.Published })
        {
            store.Move(id, state, "李四");
        }

        var refused = Assert.Throws<StoreException>(() => store.ReplaceContent(id, [Line(2, "2080505", 1m)], "{}", [], "张三"));
        Assert.Contains("只能通过更正生成新版本", refused.Message, StringComparison.Ordinal);
        Assert.Throws<StoreException>(() => store.Move(id, BudgetState.Submitted, "张三"));

        var correction = store.Correct(id, "张三");
        Assert.Equal((2, BudgetState.Draft), (store.Get(correction).Number, store.Get(correction).State));
        store.ReplaceContent(correction, [Line(2, "2080505", 1_300_000m)], "{\"v\":2}", [], "张三");
        Assert.Equal(1_259_000.10m, store.Lines(id)[0].Amount);
        Assert.Equal(1_300_000m, store.Lines(correction)[0].Amount);
        Assert.Equal([1, 2], store.Versions("139001", 2023).Select(v => v.Number));

        // The public page shows the latest published version; the draft correction is not it until it is published.
        Assert.Equal(1, store.Published("139001", 2023)!.Number);
        foreach (var state in new[] { BudgetState.Submitted, BudgetState.Approved, BudgetState.Published })
        {
            store.Move(correction, state, "李四");
        }

        Assert.Equal(2, store.Published("139001", 2023)!.Number);
        Assert.Null(store.Published("139001", 2022));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void Tokens_are_stored_only_as_digests_and_find_their_user(string provider)
    {
        using var store = Open(provider);
        var token = store.AddUser("张三", "officer", ["139001"], "管理员");
        Assert.Matches("^[0-9a-f]{64}$", token);
        var user = store.UserByToken(token);
        Assert.NotNull(user);
        Assert.Equal(("张三", "officer", "139001"), (user.Value.Name, user.Value.Role, string.Join(",", user.Value.Agencies)));
        Assert.Null(store.UserByToken("0" + token[1..]));
        Assert.ThrowsAny<Exception>(() => store.AddUser("张三", "officer", [], "管理员"));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void A_state_cannot_be_skipped(string provider)
    {
        using var store = Open(provider);
        var id = store.CreateDraft("139001", 2023, Lines, "{}", [], "张三");
        var error = Assert.Throws<StoreException>(() => store.Move(id, BudgetState.Published, "王五"));
        Assert.Equal("第 1 版不能从“草稿”改为“已公开”", error.Message);
        Assert.Equal(BudgetState.Draft, store.Get(id).State);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void A_failed_change_leaves_the_version_as_it_was(string provider)
    {
        using var store = Open(provider);
        var id = store.CreateDraft("139001", 2023, Lines, "{\"v\":1}", [], "张三");

        // Two lines with the same row number break the key halfway through: nothing of the change may remain.
        Assert.ThrowsAny<Exception>(() => store.ReplaceContent(id, [Line(7, "2080505", 1m), Line(7, "2101102", 2m)], "{\"v\":2}", [], "张三"));
        Assert.Equal(Lines.Select(l => l.Amount), store.Lines(id).Select(l => l.Amount));
        Assert.Equal("{\"v\":1}", store.Get(id).DisclosureJson);
        Assert.Equal(["create"], store.AuditLog(id).Select(e => e.Action));
    }
}
