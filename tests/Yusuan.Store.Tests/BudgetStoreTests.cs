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

    private static readonly VersionFiles Files = new("agency_code,amount\n139001,1\n", "schema: yusuan.profile/1\n", null);

    /// <summary>The same hex string with its first digit changed — never the string itself (a "0" prefix would be, one time in sixteen).</summary>
    private static string Other(string hex) => (hex[0] == '0' ? "1" : "0") + hex[1..];

    private static BudgetStore Open(string provider)
    {
        var store = BudgetStore.Open(Databases.Fresh(provider));
        Assert.Equal(8, store.Migrate());
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
    public void Findings_are_kept_whole_in_their_order_with_exact_figures(string provider)
    {
        using var store = Open(provider);
        Finding[] findings =
        [
            new("T03.sum.rows", Severity.Error, "arithmetic", "合计不等于各行之和",
                new Location { Table = "T03", TableRow = "2080505", TableColumn = "basic", Page = 7 }, 1_259_000.10m, 1_259_000.01m, 0.005m),
            new("text.reasons.sum", Severity.Warning, "text", "原因不相符", new Location { Part = 2, Sentence = 3 }, -380m, -343m, 0m),
            new("ledger.amount", Severity.Info, "input", "金额为零", new Location { File = "ledger.csv", Row = 12, Column = "amount" }),
        ];
        var id = store.CreateDraft("139001", 2023, Lines, "{}", findings, "张三");
        Assert.Equal(findings, store.Findings(id));

        // A save replaces them, again in order.
        store.ReplaceContent(id, 1, Lines, "{}", findings.Reverse(), "张三", Files);
        Assert.Equal(findings.Reverse(), store.Findings(id));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void A_return_needs_a_reason_which_is_kept_and_the_finance_bureau_may_return_an_approved_budget(string provider)
    {
        using var store = Open(provider);
        var id = store.CreateDraft("139001", 2023, Lines, "{}", [], "张三");
        store.Move(id, BudgetState.Submitted, "张三");
        foreach (var blank in new[] { null, "", "  " })
        {
            var refused = Assert.Throws<StoreException>(() => store.Move(id, BudgetState.Returned, "李四", blank));
            Assert.Contains("须写明原因", refused.Message, StringComparison.Ordinal);
            Assert.Equal(BudgetState.Submitted, store.Get(id).State);
        }

        store.Move(id, BudgetState.Approved, "李四");
        store.Move(id, BudgetState.Returned, "王五", "三公经费说明与表不符");
        Assert.Equal(BudgetState.Returned, store.Get(id).State);
        Assert.Equal(("王五", "三公经费说明与表不符"), (store.Comments(id)[0].Author, store.Comments(id)[0].Text));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void The_portal_list_pages_filters_by_year_and_finds_a_text_taken_literally_without_reading_disclosures(string provider)
    {
        using var store = Open(provider);
        long Publish(string code, string name, int year)
        {
            store.SaveDepartment(code, name);
            var id = store.CreateDraft(code, year, Lines, "{}", [], "张三");
            foreach (var state in new[] { BudgetState.Submitted, BudgetState.Approved, BudgetState.Published })
            {
                store.Move(id, state, state == BudgetState.Submitted ? "张三" : "李四");
            }

            return id;
        }

        for (var i = 0; i < 60; i++)
        {
            Publish($"2{i:D3}", $"示例局{i}", 2024);
        }

        Publish("2000", "示例局0", 2025);
        Publish("3000", "百分之百_中心%", 2025);
        store.CreateDraft("2001", 2025, Lines, "{}", [], "张三");
        var correction = store.Correct(store.PublishedId("2002", 2024)!.Value, "张三");
        foreach (var state in new[] { BudgetState.Submitted, BudgetState.Approved, BudgetState.Published })
        {
            store.Move(correction, state, state == BudgetState.Submitted ? "张三" : "李四");
        }

        var (first, total) = store.PublishedList(null, null, 0, 25);
        Assert.Equal((62, 25), (total, first.Count));
        Assert.Equal(("2000", 2025), (first[0].Code, first[0].Year));
        Assert.Equal(("2000", 2024), (first[1].Code, first[1].Year));
        Assert.Equal(2, first.Single(e => e.Code == "2002").Number);
        Assert.Equal(12, store.PublishedList(null, null, 50, 25).Page.Count);
        Assert.Equal(2, store.PublishedList(2025, null, 0, 25).Total);
        Assert.Equal([2025, 2024], store.PublishedYears());
        Assert.Equal(["3000"], store.PublishedList(null, "_中心%", 0, 25).Page.Select(e => e.Code));
        Assert.Equal(0, store.PublishedList(null, "%", 0, 25).Total - 1);
        Assert.Equal(11, store.PublishedList(2024, "示例局1", 0, 25).Total);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void A_published_versions_documents_are_kept_as_first_rendered_and_a_drafts_are_not(string provider)
    {
        using var store = Open(provider);
        var id = store.CreateDraft("139001", 2023, Lines, "{}", [], "张三");
        Assert.Throws<StoreException>(() => store.KeepRendered(id, "pdf", [1, 2, 3]));
        store.Move(id, BudgetState.Submitted, "张三");
        store.Move(id, BudgetState.Approved, "李四");
        store.Move(id, BudgetState.Published, "王五");
        Assert.Null(store.Rendered(id, "pdf"));
        Assert.Equal(new byte[] { 1, 2, 3 }, store.KeepRendered(id, "pdf", [1, 2, 3]));

        // A second rendering made at the same time is not kept: every download is the first one's bytes.
        Assert.Equal(new byte[] { 1, 2, 3 }, store.KeepRendered(id, "pdf", [9, 9]));
        Assert.Equal(new byte[] { 1, 2, 3 }, store.Rendered(id, "pdf"));
        Assert.Null(store.Rendered(id, "docx"));
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

        var refused = Assert.Throws<StoreException>(() => store.ReplaceContent(id, 1, [Line(2, "2080505", 1m)], "{}", [], "张三", Files));
        Assert.Contains("只能通过更正生成新版本", refused.Message, StringComparison.Ordinal);
        Assert.Throws<StoreException>(() => store.Move(id, BudgetState.Submitted, "张三"));

        var correction = store.Correct(id, "张三");
        Assert.Equal((2, BudgetState.Draft), (store.Get(correction).Number, store.Get(correction).State));
        Assert.Equal(2, store.ReplaceContent(correction, 1, [Line(2, "2080505", 1_300_000m)], "{\"v\":2}", [], "张三", Files));
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
        Assert.Equal(("张三", "officer", "139001"), (user.Name, user.Role, string.Join(",", user.Agencies)));
        Assert.Null(store.UserByToken(Other(token)));
        Assert.ThrowsAny<Exception>(() => store.AddUser("张三", "officer", [], "管理员"));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void Tokens_expire_are_listed_revoked_one_by_one_and_all_by_a_password_reset(string provider)
    {
        using var store = Open(provider);
        var first = store.AddUser("张三", "officer", ["139001"], "管理员", "张三的密码-2023");
        var script = store.NewToken("张三", "导入脚本", TimeSpan.FromDays(30), "张三");
        var expired = store.NewToken("张三", "过期的", TimeSpan.FromSeconds(-1), "张三");

        // The first lasts 90 days, a new one as long as asked; an expired one neither works nor is listed.
        var tokens = store.Tokens("张三");
        Assert.Equal(["导入脚本", "初始令牌"], tokens.Select(t => t.Label));
        Assert.InRange((tokens[1].ExpiresAt - DateTime.UtcNow).TotalDays, 89.9, 90.1);
        Assert.InRange((tokens[0].ExpiresAt - DateTime.UtcNow).TotalDays, 29.9, 30.1);
        Assert.Null(store.UserByToken(expired));
        Assert.DoesNotContain(tokens, t => first.Contains(t.Id, StringComparison.Ordinal) || script.Contains(t.Id, StringComparison.Ordinal));

        // Revoked by its id: that token stops, the other goes on; an unknown id revokes nothing.
        Assert.False(store.RevokeToken("张三", "0123456789ab", "张三"));
        Assert.True(store.RevokeToken("张三", tokens[0].Id, "张三"));
        Assert.Null(store.UserByToken(script));
        Assert.NotNull(store.UserByToken(first));

        // A new password ends every token.
        store.SetPassword("张三", "新的密码-2024", "管理员");
        Assert.Null(store.UserByToken(first));
        Assert.Empty(store.Tokens("张三"));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void A_budget_with_errors_cannot_be_submitted(string provider)
    {
        using var store = Open(provider);
        var id = store.CreateDraft("139001", 2023, Lines, "{}", [new Finding("T01.balance", Severity.Error, "arithmetic", "收支不平衡", new Location())], "张三");
        var error = Assert.Throws<StoreException>(() => store.Move(id, BudgetState.Submitted, "张三"));
        Assert.Equal("第 1 版的检查结果有 1 条错误，改正后才能提交", error.Message);
        Assert.Equal(BudgetState.Draft, store.Get(id).State);
        store.ReplaceContent(id, 1, Lines, "{}", [new Finding("text.reasons.sum", Severity.Warning, "text", "原因不相符", new Location())], "张三", Files);
        store.Move(id, BudgetState.Submitted, "张三");
        Assert.Equal(BudgetState.Submitted, store.Get(id).State);
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
    public void With_duties_separated_who_submitted_does_not_approve_and_who_approved_does_not_publish(string provider)
    {
        using var store = Open(provider);
        var id = store.CreateDraft("139001", 2023, Lines, "{}", [], "张三");
        store.Move(id, BudgetState.Submitted, "张三", separateDuties: true);
        var error = Assert.Throws<StoreException>(() => store.Move(id, BudgetState.Approved, "张三", separateDuties: true));
        Assert.Equal("第 1 版由 张三 提交，须由另一个账号审核通过（职责分离）", error.Message);
        Assert.Equal(BudgetState.Submitted, store.Get(id).State);
        store.Move(id, BudgetState.Approved, "李四", separateDuties: true);
        Assert.Throws<StoreException>(() => store.Move(id, BudgetState.Published, "李四", separateDuties: true));
        store.Move(id, BudgetState.Published, "王五", separateDuties: true);

        // A small office that combines duties: one account takes every step.
        var other = store.CreateDraft("139001", 2024, Lines, "{}", [], "张三");
        foreach (var to in new[] { BudgetState.Submitted, BudgetState.Approved, BudgetState.Published })
        {
            store.Move(other, to, "张三");
        }

        Assert.Equal(BudgetState.Published, store.Get(other).State);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void A_failed_change_leaves_the_version_as_it_was(string provider)
    {
        using var store = Open(provider);
        var id = store.CreateDraft("139001", 2023, Lines, "{\"v\":1}", [], "张三");

        // Two lines with the same row number break the key halfway through: nothing of the change may remain.
        Assert.ThrowsAny<Exception>(() => store.ReplaceContent(id, 1, [Line(7, "2080505", 1m), Line(7, "2101102", 2m)], "{\"v\":2}", [], "张三", Files));
        Assert.Equal(Lines.Select(l => l.Amount), store.Lines(id).Select(l => l.Amount));
        Assert.Equal("{\"v\":1}", store.Get(id).DisclosureJson);
        Assert.Equal(["create"], store.AuditLog(id).Select(e => e.Action));
        Assert.Equal(1, store.Get(id).Revision);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void Of_two_saves_from_the_same_revision_the_second_is_refused_and_changes_nothing(string provider)
    {
        using var store = Open(provider);
        var id = store.CreateDraft("139001", 2023, Lines, "{\"v\":1}", [], "张三", Files);
        Assert.Equal(Files, store.Files(id));

        // Both opened revision 1; 张三 saves first.
        Assert.Equal(2, store.ReplaceContent(id, 1, [Line(2, "2080505", 5m)], "{\"v\":2}", [], "张三", Files with { LedgerCsv = "张三的明细" }));
        var conflict = Assert.Throws<StoreConflictException>(() => store.ReplaceContent(id, 1, [Line(2, "2080505", 9m)], "{\"v\":3}", [], "李四", Files with { LedgerCsv = "李四的明细" }));
        Assert.Contains("已被 张三 于", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("你的修改没有保存", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(2, conflict.Revision);
        Assert.Equal(("{\"v\":2}", 2, "张三的明细", 5m), (store.Get(id).DisclosureJson, store.Get(id).Revision, store.Files(id)!.LedgerCsv, store.Lines(id).Single().Amount));

        // Saving from the revision now stored goes through.
        Assert.Equal(3, store.ReplaceContent(id, 2, [Line(2, "2080505", 9m)], "{\"v\":3}", [], "李四", Files with { LedgerCsv = "李四的明细" }));
        Assert.Equal(["create", "edit", "edit"], store.AuditLog(id).Select(e => e.Action));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void A_version_keeps_how_it_was_rounded_through_saves_and_corrections(string provider)
    {
        using var store = Open(provider);
        var first = Files with { Rounding = "{\"schema\":\"yusuan.rounding/1\",\"atoms\":[1]}" };
        var id = store.CreateDraft("139001", 2023, Lines, "{\"v\":1}", [], "张三", first);
        Assert.Equal(first.Rounding, store.Files(id)!.Rounding);

        var saved = first with { Rounding = "{\"schema\":\"yusuan.rounding/1\",\"atoms\":[2]}" };
        store.ReplaceContent(id, 1, Lines, "{\"v\":2}", [], "张三", saved);
        Assert.Equal(saved.Rounding, store.Files(id)!.Rounding);

        // A correction of the published version starts from how the published version was rounded.
        foreach (var (to, who) in new[] { (BudgetState.Submitted, "张三"), (BudgetState.Approved, "李四"), (BudgetState.Published, "王五") })
        {
            store.Move(id, to, who);
        }

        Assert.Equal(saved.Rounding, store.Files(store.Correct(id, "张三"))!.Rounding);
        Assert.Null(store.Files(store.CreateDraft("139001", 2024, Lines, "{}", [], "张三", Files))!.Rounding);
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void Passwords_are_hashed_and_sessions_end(string provider)
    {
        using var store = Open(provider);
        store.AddUser("张三", "officer", ["139001"], "管理员", "张三的密码-2023");
        Assert.Null(store.StartSession("张三", "张三的密码-2024", TimeSpan.FromHours(1)));
        Assert.Null(store.StartSession("李四", "张三的密码-2023", TimeSpan.FromHours(1)));
        var session = store.StartSession("张三", "张三的密码-2023", TimeSpan.FromHours(1))!;
        Assert.Equal(new[] { "139001" }, store.UserBySession(session)!.Agencies);
        Assert.Null(store.UserBySession(Other(session)));

        // An expired session finds nobody; signing out and a new password end the others.
        Assert.Null(store.UserBySession(store.StartSession("张三", "张三的密码-2023", TimeSpan.FromSeconds(-1))!));
        store.EndSession(session);
        Assert.Null(store.UserBySession(session));
        var again = store.StartSession("张三", "张三的密码-2023", TimeSpan.FromHours(1))!;
        store.SetPassword("张三", "新的密码-2025", "管理员");
        Assert.Null(store.UserBySession(again));
        Assert.NotNull(store.StartSession("张三", "新的密码-2025", TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_password_hash_is_salted_and_verified_only_by_its_password()
    {
        var first = Passwords.Hash("同一个密码");
        Assert.StartsWith($"pbkdf2-sha256${Passwords.Iterations}$", first, StringComparison.Ordinal);
        Assert.NotEqual(first, Passwords.Hash("同一个密码"));
        Assert.DoesNotContain("同一个密码", first, StringComparison.Ordinal);
        Assert.True(Passwords.Verify("同一个密码", first));
        Assert.False(Passwords.Verify("同一个密码 ", first));
        Assert.False(Passwords.Verify("同一个密码", null));
        Assert.False(Passwords.Verify("同一个密码", "pbkdf2-sha256$1$not-base64$x"));
        Assert.Matches("^[A-Za-z0-9]{12}$", Passwords.Generate());
    }
}
