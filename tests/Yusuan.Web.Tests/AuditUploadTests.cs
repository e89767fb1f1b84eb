using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;

namespace Yusuan.Web.Tests;

/// <summary>Anyone can upload a published budget and read the audit; nothing is kept, oversize files are refused.</summary>
public class AuditUploadTests
{
    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, "file", name } };
    }

    [Fact]
    public async Task Api_audits_an_uploaded_document()
    {
        await using var app = await RunningApp.Start("sqlite");
        using var response = await app.Client.PostAsync("/api/audit", Upload(File.ReadAllBytes(Repository.Seed), "seed.txt"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("深圳市生态环境智能管控中心", json.RootElement.GetProperty("disclosure").GetProperty("department").GetProperty("name").GetString());
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "text.operating");
        Assert.Empty(Directory.GetDirectories(Path.GetTempPath(), "yusuan-upload-*"));
    }

    [Fact]
    public async Task Unreadable_upload_is_a_finding_and_oversize_or_missing_files_are_refused_without_500()
    {
        await using var app = await RunningApp.Start("sqlite");
        using (var damaged = await app.Client.PostAsync("/api/audit", Upload("%PDF-1.7 broken"u8.ToArray(), "x.pdf")))
        {
            Assert.Equal(HttpStatusCode.OK, damaged.StatusCode);
            Assert.Contains("audit.document.unreadable", await damaged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var big = await app.Client.PostAsync("/api/audit", Upload(new byte[YusuanWeb.MaxUpload + 1], "big.pdf")))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        }

        using (var none = await app.Client.PostAsync("/api/audit", new StringContent("hello")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        }
    }

    [Fact]
    public async Task A_reader_uploads_a_document_in_the_browser_and_reads_the_report()
    {
        await using var app = await RunningApp.Start("sqlite");
        var (playwright, browser) = await Browser.Chromium();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(app.Url + "/");
        await page.ClickAsync("text=审计一份已公开的预算");
        await page.SetInputFilesAsync("#file", Repository.Seed);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("text=预算公开审计报告");
        var report = await page.ContentAsync();
        Assert.Contains("text.operating", report, StringComparison.Ordinal);
        Assert.Contains("目录列出了“收入总表”，但正文中没有该表", report, StringComparison.Ordinal);
    }
}
