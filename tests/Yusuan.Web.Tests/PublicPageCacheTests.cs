using System.Net;
using Yusuan.Store;

namespace Yusuan.Web.Tests;

public class PublicPageCacheTests
{
    [Fact]
    public async Task The_public_page_is_served_from_memory_until_a_new_version_is_published()
    {
        await using var app = await RunningApp.Start("sqlite");
        using var first = await app.Client.GetAsync("/budgets/139001/2023");
        var etag = first.Headers.ETag!.Tag;
        var body = await first.Content.ReadAsStringAsync();
        Assert.Equal(body, await app.Client.GetStringAsync("/budgets/139001/2023"));

        // A reader who has the page is told it has not changed.
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/budgets/139001/2023");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var notModified = await app.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // A correction, once published, is what the page shows.
        using (var store = BudgetStore.Open(app.Database))
        {
            var correction = store.Correct(store.Published().Single().Version.Id, "测试");
            foreach (var state in new[] { BudgetState.Submitted, BudgetState.Approved, BudgetState.Published })
            {
                store.Move(correction, state, "测试");
            }
        }

        using var after = await app.Client.GetAsync("/budgets/139001/2023");
        Assert.NotEqual(etag, after.Headers.ETag!.Tag);
        Assert.Contains("第 2 版", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("第 1 版", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023-02-09T15:59:00Z", "2023-02-09")]
    [InlineData("2023-02-09T16:00:00Z", "2023-02-10")] // midnight in Beijing
    [InlineData("2023-02-09T23:30:00Z", "2023-02-10")]
    public void A_moment_kept_in_utc_is_dated_as_beijing_reads_it(string utc, string day) =>
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), PageFrame.BeijingDate(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    [Fact]
    public async Task The_public_pages_cover_and_pdf_are_dated_the_day_the_budget_was_published_in_beijing()
    {
        await using var app = await RunningApp.Start("sqlite");
        DateTime published;
        using (var store = BudgetStore.Open(app.Database))
        {
            published = store.Published().Single().Version.PublishedAt!.Value;
        }

        var day = published.AddHours(8);
        var date = $"{day.Year}年{day.Month}月{day.Day}日";
        Assert.Contains($"<p class=\"date\">{date}</p>", await app.Client.GetStringAsync("/budgets/139001/2023"), StringComparison.Ordinal);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await app.Client.GetByteArrayAsync("/budgets/139001/2023/disclosure.pdf"));
        Assert.Contains(date, pdf.GetPage(1).Text, StringComparison.Ordinal);
    }
}
