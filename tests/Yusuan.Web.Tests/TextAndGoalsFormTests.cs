using System.Net;
using System.Text.RegularExpressions;
using Yusuan.Store;

namespace Yusuan.Web.Tests;

/// <summary>
/// The text parts and the performance goals in forms with Chinese labels: one field per part, rows for reasons, categories,
/// tasks and indicators; a wrong field is named beside it and nothing is saved; each part's findings stand beside its fields.
/// </summary>
public class TextAndGoalsFormTests
{
    /// <summary>A draft of the sample department uploaded through the API, so it is compiled and checked as an officer's is.</summary>
    private static async Task<(RunningApp App, SignedInClient Officer, long Id)> Draft()
    {
        var app = await RunningApp.Start("sqlite");
        var account = await app.Account("经办人", "officer", "139001");
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/budgets/139001/2023/drafts")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(Repository.Sample("ledger.csv"))), "ledger", "ledger.csv" } },
            Headers = { Authorization = new("Bearer", account.Token) },
        };
        using var created = await app.Client.SendAsync(upload);
        var id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        return (app, new SignedInClient(app, account), id);
    }

    private static string Field(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value);

    /// <summary>What a browser would post of a page's form as it stands: each filled input, each text area, each select's choice (checkboxes left out).</summary>
    private static List<(string Name, string Value)> Fields(string html) =>
    [
        .. Regex.Matches(html, "<input(?![^>]*type=\"checkbox\")[^>]*? name=\"(Form\\.[^\"]+)\" value=\"([^\"]*)\"")
            .Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))),
        .. Regex.Matches(html, "<textarea[^>]*? name=\"(Form\\.[^\"]+)\"[^>]*>([^<]*)</textarea>").Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))),
        .. Regex.Matches(html, "<select name=\"(Form\\.[^\"]+)\".*?</select>", RegexOptions.Singleline)
            .Select(m => (m.Groups[1].Value, Regex.Match(m.Value, "<option value=\"([^\"]*)\" selected").Groups[1].Value)),
    ];

    /// <summary>The form's fields with some changed or added, and the revision.</summary>
    private static (string, string)[] With(List<(string Name, string Value)> fields, params (string Name, string Value)[] changes) =>
        [("revision", "1"), .. fields.Where(f => !changes.Any(c => c.Name == f.Name)), .. changes];

    [Fact]
    public async Task The_text_form_shows_each_part_in_chinese_fields_with_that_parts_findings_beside_it()
    {
        var (app, officer, id) = await Draft();
        await using var _ = app;
        using var __ = officer;
        var html = await (await officer.Get($"/versions/{id}/text")).Content.ReadAsStringAsync();
        foreach (var label in new[] { "部门职责", "内设机构（每行一个）", "本年主要工作目标（每行一条）", "事业编制（人）", "上年收入预算（元）", "“三公”经费增减的说明", "车辆（辆）", "预算批复日期" })
        {
            Assert.Contains($">{label}</label>", html, StringComparison.Ordinal);
        }

        Assert.Equal(("增加深圳市智慧环保平台建设项目运维服务项目等运维项目", "10720000"), (Field(html, "Form.Reasons[0].Text"), Field(html, "Form.Reasons[0].Amount")));
        Assert.Equal("79990000", Field(html, "Form.Prior[priorYear.income]"));
        Assert.Equal("32", Field(html, "Form.Counts[staffing.institutionActual]"));

        // Nothing a person reads names a YAML key or a file.
        var shown = Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " ");
        foreach (var key in new[] { "changeReasons", "priorYear", "profile.yaml", "duties", "officialExpenseNote" })
        {
            Assert.DoesNotContain(key, shown, StringComparison.Ordinal);
        }

        // 第二部分's finding is in 第二部分's fieldset.
        var part2 = Regex.Match(html, "<fieldset id=\"form-part2\">(.*?)</fieldset>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("增减原因", part2, StringComparison.Ordinal);
        Assert.Contains("警告：", part2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_reason_is_saved_and_compiled_and_an_amount_that_is_not_a_number_is_named_beside_it()
    {
        var (app, officer, id) = await Draft();
        await using var _ = app;
        using var __ = officer;
        var html = await (await officer.Get($"/versions/{id}/text")).Content.ReadAsStringAsync();
        var fields = Fields(html);

        using (var bad = await officer.Post($"/versions/{id}/text", With(fields, ("Form.Reasons[4].Amount", "减少两千万"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var page = await bad.Content.ReadAsStringAsync();
            Assert.Contains("“减少两千万”不是金额：请填写以元为单位的数字，最多两位小数", page, StringComparison.Ordinal);
            Assert.Equal("减少两千万", Field(page, "Form.Reasons[4].Amount"));
        }

        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Equal(1, store.Get(id).Revision);
        }

        // The last reason made -19,630,000 (元, with thousands separators): the five now add up to the change.
        using (var good = await officer.Post($"/versions/{id}/text", With(fields, ("Form.Reasons[4].Amount", "-19,630,000"))))
        {
            Assert.Equal((HttpStatusCode.Redirect, $"/versions/{id}?saved=1"), (good.StatusCode, good.Headers.Location!.ToString()));
        }

        using (var store = BudgetStore.Open(app.Database))
        {
            var version = store.Get(id);
            Assert.Equal(2, version.Revision);
            Assert.Contains("amount: -19630000", store.Files(id)!.Profile, StringComparison.Ordinal);
            Assert.DoesNotContain(store.Findings(id), f => f.Rule == "text.reasons.sum");
            Assert.Contains("深圳市生态环境智能管控中心", version.DisclosureJson, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_goals_form_adds_an_indicator_from_its_rows_and_names_a_row_without_a_target()
    {
        var (app, officer, id) = await Draft();
        await using var _ = app;
        using var __ = officer;
        var html = await (await officer.Get($"/versions/{id}/goals")).Content.ReadAsStringAsync();
        Assert.Contains("<option value=\"产出指标\" selected=\"selected\">产出指标</option>", html, StringComparison.Ordinal);
        var blank = Regex.Matches(html, "name=\"Form\\.Indicators\\[\\d+\\]\\.Name\" value=").Count;
        Assert.Equal(29, blank);
        var fields = Fields(html);

        // The 基本支出 task's box, as a browser posts a ticked one.
        (string, string)[] With(params (string Name, string Value)[] changes) => [.. TextAndGoalsFormTests.With(fields, changes), ("Form.Tasks[6].Basic", "true")];

        using (var bad = await officer.Post($"/versions/{id}/goals", With(($"Form.Indicators[{blank}].Level1", "满意度指标"), ($"Form.Indicators[{blank}].Name", "公众满意度"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("请填写目标值", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A project goal with no project codes is named on its row, not left for the compiler to name by a YAML path.
        using (var codeless = await officer.Post($"/versions/{id}/goals", With(("Form.ProjectGoals[3].Name", "新的重点项目"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, codeless.StatusCode);
            var page = await codeless.Content.ReadAsStringAsync();
            Assert.Contains("请填写组成该重点项目的项目编码", page, StringComparison.Ordinal);
            Assert.DoesNotContain("projectGoals[", page, StringComparison.Ordinal);
        }

        using (var good = await officer.Post($"/versions/{id}/goals", With(($"Form.Indicators[{blank}].Level1", "满意度指标"), ($"Form.Indicators[{blank}].Level2", "服务对象满意度指标"), ($"Form.Indicators[{blank}].Name", "公众满意度"), ($"Form.Indicators[{blank}].Target", "≥90%"))))
        {
            Assert.True(good.StatusCode == HttpStatusCode.Redirect, string.Join(" ", Regex.Matches(await good.Content.ReadAsStringAsync(), "role=\"alert\">[^<]*").Select(m => m.Value)));
        }

        using var store = BudgetStore.Open(app.Database);
        var disclosure = Formats.Json.YusuanJson.DeserializeDisclosure(store.Get(id).DisclosureJson)!;
        var indicators = disclosure.Table("T12")!.Performance!.Indicators;
        Assert.Equal(30, indicators.Count);
        Assert.Equal(("满意度指标", "服务对象满意度指标", "公众满意度", "≥90%"), (indicators[^1].Level1, indicators[^1].Level2, indicators[^1].Name, indicators[^1].Target));

        // The 基本支出 task stays the 基本支出.
        var performance = store.Files(id)!.Performance!;
        Assert.Contains("basic: true", performance, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_goals_own_indicators_stay_with_it_when_it_is_renamed_in_the_form()
    {
        var (app, officer, id) = await Draft();
        await using var _ = app;
        using var __ = officer;
        using (var store = BudgetStore.Open(app.Database))
        {
            // 信息化类 with an indicator of its own, which the form does not show.
            var version = store.Get(id);
            var files = store.Files(id)!;
            var performance = files.Performance!.Replace(
                "  - name: 信息化类\n", "  - name: 信息化类\n    indicators:\n      - level1: 产出指标\n        level2: 数量指标\n        name: 运维系统数量\n        target: \"≥49 个\"\n", StringComparison.Ordinal);
            Assert.NotEqual(files.Performance, performance);
            store.ReplaceContent(id, version.Revision, [], version.DisclosureJson, [], "经办人", files with { Performance = performance });
        }

        var html = await (await officer.Get($"/versions/{id}/goals")).Content.ReadAsStringAsync();
        var fields = Fields(html);
        Assert.Equal("信息化类", fields.Single(f => f.Name == "Form.ProjectGoals[0].Name").Value);
        (string, string)[] posted = [.. With(fields, ("Form.ProjectGoals[0].Name", "信息化建设")).Select(f => f.Item1 == "revision" ? ("revision", "2") : f), ("Form.Tasks[6].Basic", "true")];
        using (var saved = await officer.Post($"/versions/{id}/goals", posted))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var store = BudgetStore.Open(app.Database))
        {
            var document = Formats.Yaml.YamlReader.ReadDocument<Formats.Yaml.PerformanceDocument>("performance.yaml", store.Files(id)!.Performance!).Document!;
            var renamed = document.ProjectGoals!.Single(g => g.Name == "信息化建设");
            Assert.Equal("运维系统数量", Assert.Single(renamed.Indicators!).Name);
            Assert.All(document.ProjectGoals!.Where(g => g.Name != "信息化建设"), g => Assert.Null(g.Indicators));
        }
    }
}
