using System.Net;
using System.Text.RegularExpressions;
using Yusuan.Store;

namespace Yusuan.Web.Tests;

/// <summary>The portal with many published departments: a page of the list at a time, a year filter, search; documents rendered once and kept.</summary>
public class PortalAtScaleTests
{
    /// <summary>Publishes the sample's budget again under <paramref name="count"/> more departments (codes 500000 …), as a city's portal holds them.</summary>
    internal static void PublishDepartments(string database, int count, int year = 2023)
    {
        using var store = BudgetStore.Open(database);
        var sample = store.Published("139001", 2023)!;
        for (var i = 0; i < count; i++)
        {
            var code = (500_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            store.SaveDepartment(code, $"示例市第{i + 1}局");
            var id = store.CreateDraft(code, year, [], sample.DisclosureJson.Replace("\"139001\"", $"\"{code}\"", StringComparison.Ordinal), [], "测试");
            foreach (var state in new[] { BudgetState.Submitted, BudgetState.Approved, BudgetState.Published })
            {
                store.Move(id, state, state == BudgetState.Submitted ? "经办人" : "财政局");
            }
        }
    }

    private static int Rows(string html) => Regex.Matches(Regex.Match(html, "<table id=\"budgets\">.*?</table>", RegexOptions.Singleline).Value, "<tr>\\s*<td>").Count;

    [Fact]
    public async Task The_index_shows_fifty_at_a_time_with_pages_a_year_filter_and_search()
    {
        await using var app = await RunningApp.Start("sqlite");
        PublishDepartments(app.Database, 119);
        PublishDepartments(app.Database, 3, year: 2024);

        var first = await app.Client.GetStringAsync("/");
        Assert.Equal(50, Rows(first));
        Assert.Contains("已公开的部门预算（共 123 份，第 1 / 3 页）", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/?p=2\" rel=\"next\">下一页</a>", first, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2024\">2024 年</option>", first, StringComparison.Ordinal);

        var last = await app.Client.GetStringAsync("/?p=3");
        Assert.Equal(23, Rows(last));
        Assert.Equal(23, Rows(await app.Client.GetStringAsync("/?p=99")));

        var year = await app.Client.GetStringAsync("/?year=2024");
        Assert.Equal(3, Rows(year));
        Assert.Contains("<option value=\"2024\" selected=\"selected\">2024 年</option>", year, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", year, StringComparison.Ordinal);

        var found = await app.Client.GetStringAsync("/?q=" + Uri.EscapeDataString("第11") + "&year=2023");
        Assert.Equal(((string[])["示例市第11局", "示例市第110局", "示例市第111局", "示例市第112局", "示例市第113局", "示例市第114局", "示例市第115局", "示例市第116局", "示例市第117局", "示例市第118局", "示例市第119局"]).Order(StringComparer.Ordinal),
            Regex.Matches(found, "<a href=\"/budgets/\\d+/2023\">([^<]+)</a>").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));
        Assert.Contains("没有找到符合条件的部门预算", await app.Client.GetStringAsync("/?q=%25%25"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/?p=-5&year=1900&q=" + new string('长', 500))).StatusCode);
    }

    [Fact]
    public async Task The_kept_list_follows_a_publication_made_by_another_process()
    {
        await using var app = await RunningApp.Start("sqlite");
        Assert.Contains("共 1 份", await app.Client.GetStringAsync("/"), StringComparison.Ordinal);

        // Published straight into the database, as another server or the command line would.
        PublishDepartments(app.Database, 2);
        var page = await app.Client.GetStringAsync("/");
        Assert.Contains("共 3 份", page, StringComparison.Ordinal);
        Assert.Contains("示例市第2局", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_pdf_is_rendered_once_and_every_download_is_the_same_bytes()
    {
        await using var app = await RunningApp.Start("sqlite");
        long id;
        using (var store = BudgetStore.Open(app.Database))
        {
            id = store.PublishedId("139001", 2023)!.Value;
            Assert.Null(store.Rendered(id, "pdf"));
        }

        var first = await app.Client.GetByteArrayAsync("/budgets/139001/2023/disclosure.pdf");
        using (var store = BudgetStore.Open(app.Database))
        {
            Assert.Equal(first, store.Rendered(id, "pdf"));
        }

        Assert.Equal(first, await app.Client.GetByteArrayAsync("/budgets/139001/2023/disclosure.pdf"));
        Assert.Equal("PK"u8.ToArray(), (await app.Client.GetByteArrayAsync("/budgets/139001/2023/disclosure.docx"))[..2]);
    }
}
