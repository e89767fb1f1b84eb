using System.Net;
using System.Text.RegularExpressions;
using Yusuan.Core.Narrative;
using Yusuan.Formats.Json;
using Yusuan.Formats.Yaml;
using Yusuan.Store;

namespace Yusuan.Web.Tests;

/// <summary>
/// A new fiscal year from last year's published budget, and a new department registered by an admin: both from the web, with
/// no YAML and no command line.
/// </summary>
public class NewYearAndDepartmentTests
{
    [Theory]
    [MemberData(nameof(ApiTests.Providers), MemberType = typeof(ApiTests))]
    public async Task An_officer_starts_the_next_year_from_last_years_published_budget_compared_with_its_printed_figures(string provider)
    {
        await using var app = await RunningApp.Start(provider);
        using var officer = new SignedInClient(app, await app.Account("经办人", "officer", "139001"));
        var workspace = await (await officer.Get("/workspace")).Content.ReadAsStringAsync();
        Assert.Contains("<h2>139001 深圳市生态环境智能管控中心</h2>", workspace, StringComparison.Ordinal);
        Assert.Contains("开始 2024 年预算", workspace, StringComparison.Ordinal);

        using var started = await officer.Post("/workspace/139001/next-year");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var id = long.Parse(started.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        using var store = BudgetStore.Open(app.Database);
        var draft = store.Get(id);
        Assert.Equal((2024, 1, BudgetState.Draft), (draft.FiscalYear, draft.Number, draft.State));
        var files = store.Files(id)!;
        var profile = YamlReader.ReadDocument<ProfileDocument>("profile.yaml", files.Profile).Document!;

        // Last year's figures as published: the 2023 text printed 7,656 万元 and 8 万元 of "三公" (公务用车运行维护费).
        var published = YusuanJson.DeserializeDisclosure(store.Published("139001", 2023)!.DisclosureJson)!;
        Assert.Equal(PriorYearFigures.FromPublished(published).Income, profile.PriorYear!.Income);
        Assert.Equal((2023, 76_560_000m, 76_560_000m, 80_000m), (profile.PriorYear.FiscalYear, profile.PriorYear.Income, profile.PriorYear.Expenditure, profile.PriorYear.OfficialExpenses!.VehicleOperation));
        Assert.Equal(22_480_000m, profile.PriorYear.ProjectCategories!["生态环境管理"]);

        // This year's text and goals go on; last year's reasons for last year's change do not.
        Assert.Equal(2024, profile.FiscalYear);
        Assert.Contains("负责生态环境智能管控平台的建设和管理", profile.Text!.Duties, StringComparison.Ordinal);
        Assert.Null(profile.Text.ChangeReasons);
        Assert.Contains("fiscalYear: 2024", files.Performance, StringComparison.Ordinal);
        var ledger = files.LedgerCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(ledger.Skip(1), line => Assert.Equal("2024", line.Split(',')[2]));

        // The same lines as last year: the text says so against last year's printed total.
        var disclosure = YusuanJson.DeserializeDisclosure(draft.DisclosureJson)!;
        var change = disclosure.Narrative.SelectMany(s => s.Figures).First(f => f.Subject == Subjects.Change);
        Assert.Equal(0m, change.Value);
        Assert.Contains(disclosure.Narrative, s => s.Sentence.StartsWith("2024年深圳市生态环境智能管控中心部门预算收入7,656万元", StringComparison.Ordinal));

        // 2024 is not published: a second click does not start 2025.
        using var again = await officer.Post("/workspace/139001/next-year");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("2024 年预算尚未公开", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(store.Versions("139001", 2024));
    }

    [Fact]
    public async Task An_admin_registers_a_department_with_its_agencies_and_its_officer_uploads_its_first_ledger()
    {
        await using var app = await RunningApp.Start("sqlite");
        await app.Account("新部门经办人", "officer");
        using var admin = new SignedInClient(app, await app.Account("管理员", "admin"));
        var form = await (await admin.Get("/admin/departments")).Content.ReadAsStringAsync();
        Assert.Contains("<label for=\"code\">部门编码</label>", form, StringComparison.Ordinal);
        Assert.Contains("value=\"新部门经办人\"", form, StringComparison.Ordinal);

        // A code that is not one, and a code registered already, are named beside the field; nothing is registered.
        using (var bad = await admin.Post("/admin/departments", ("Form.Code", "88 8"), ("Form.Name", "示例局"), ("Form.UnitKind", "行政单位"), ("Form.FiscalYear", "2024")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("部门编码须为 1 到 32 位数字或字母", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var taken = await admin.Post("/admin/departments", ("Form.Code", "139001"), ("Form.Name", "示例局"), ("Form.UnitKind", "行政单位"), ("Form.FiscalYear", "2024")))
        {
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
            Assert.Contains("部门编码 139001 已登记（深圳市生态环境智能管控中心）", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var registered = await admin.Post("/admin/departments",
            ("Form.Code", "888"), ("Form.Name", "深圳市示例局"), ("Form.UnitKind", "行政单位"), ("Form.SupervisorCode", "888"), ("Form.SupervisorName", "深圳市示例局"),
            ("Form.RegionCode", "440300"), ("Form.FiscalYear", "2024"), ("Form.Agencies[0].Code", "888001"), ("Form.Agencies[0].Name", "深圳市示例局本级"),
            ("Form.Agencies[1].Code", "888002"), ("Form.Agencies[1].Name", "深圳市示例中心"), ("Form.Officers", "新部门经办人")))
        {
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
            Assert.Contains("已登记 888 深圳市示例局", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Contains(("888", "深圳市示例局"), store.Departments());
            Assert.Equal(["888"], store.Users().Single(u => u.Name == "新部门经办人").Agencies);
            var profile = YamlReader.ReadDocument<ProfileDocument>("profile.yaml", store.DepartmentFiles("888").Profile!).Document!;
            Assert.Equal((2024, "440300", "行政单位"), (profile.FiscalYear, profile.RegionCode, profile.UnitKind));
            Assert.Equal(["888001", "888002"], profile.Agencies!.Select(a => a.Code));
        }

        // The officer sees the department and uploads its first ledger (the sample's lines, as the two agencies').
        var officer = new SignedInClient(app, new Account("新部门经办人", string.Empty, await app.SignIn("新部门经办人", RunningApp.Password) ?? string.Empty));
        using var _ = officer;
        Assert.Contains("<h2>888 深圳市示例局</h2>", await (await officer.Get("/workspace")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var lines = File.ReadAllLines(Repository.Sample("ledger.csv"));
        var csv = string.Join("\n", lines.Select((l, i) => i == 0 ? l : Regex.Replace(l, "^139001,深圳市生态环境智能管控中心,2023", i % 2 == 0 ? "888001,深圳市示例局本级,2024" : "888002,深圳市示例中心,2024"))) + "\n";
        using var upload = await officer.PostFile("/workspace/888/upload", "ledger", "ledger.csv", System.Text.Encoding.UTF8.GetBytes(csv), ("year", "2024"));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        using (var store = BudgetStore.Open(app.Database))
        {
            var draft = Assert.Single(store.Versions("888"));
            Assert.Equal((2024, BudgetState.Draft), (draft.FiscalYear, draft.State));
            var disclosure = YusuanJson.DeserializeDisclosure(draft.DisclosureJson)!;
            Assert.Equal(("888", "深圳市示例局"), (disclosure.Department.Code, disclosure.Department.Name));
            Assert.Contains(disclosure.Table("T03")!.Rows, r => r.Unit == "深圳市示例中心");
        }

        // The text form of a first year shows no prior-year figures and, saved with 部门职责 alone, states none: no comparison
        // with a made-up zero. The officer's form, opened before the admin changes his agencies, still saves.
        var draftId = new Func<long>(() => { using var s = BudgetStore.Open(app.Database); return s.Versions("888").Single().Id; })();
        var textPage = await (await officer.Get($"/versions/{draftId}/text")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("name=\"Form.Prior[priorYear.income]\" value=", textPage, StringComparison.Ordinal);
        using (var admin2 = new SignedInClient(app, await app.Account("另一位管理员", "admin")))
        using (var widened = await admin2.Post("/admin/users/新部门经办人/agencies", ("agencies", "888 139001")))
        {
            Assert.Equal(HttpStatusCode.Redirect, widened.StatusCode);
        }

        using (var saved = await officer.Post($"/versions/{draftId}/text", ("revision", "1"), ("Form.Duties", "负责示例工作。")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var store = BudgetStore.Open(app.Database))
        {
            var files = store.Files(draftId)!;
            Assert.Contains("负责示例工作。", files.Profile, StringComparison.Ordinal);
            Assert.DoesNotContain("priorYear", files.Profile, StringComparison.Ordinal);
        }

        // The admin page lists the department with its year and officer; an officer's agencies can be changed there.
        var list = await (await admin.Get("/admin/departments")).Content.ReadAsStringAsync();
        Assert.Contains("<tr><td>888</td><td>深圳市示例局</td><td>2024</td><td>新部门经办人</td></tr>", list, StringComparison.Ordinal);
        using (var unknown = await admin.Post("/admin/users/新部门经办人/agencies", ("agencies", "888 777")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("没有登记这些部门：777", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var added = await admin.Post("/admin/users", ("name", "又一位经办人"), ("role", "officer"), ("agencies", "888 666"), ("password", RunningApp.Password)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, added.StatusCode);
            Assert.Contains("没有登记这些部门：666", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var changed = await admin.Post("/admin/users/新部门经办人/agencies", ("agencies", "888 139001")))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Equal(["139001", "888"], store.Users().Single(u => u.Name == "新部门经办人").Agencies);
        }
    }
}
