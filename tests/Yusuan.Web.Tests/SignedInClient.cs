using System.Net;
using System.Net.Http.Headers;

namespace Yusuan.Web.Tests;

/// <summary>A signed-in browser without the browser: pages got and forms posted with the session cookie, and the antiforgery pair the sign-in page gave.</summary>
internal sealed class SignedInClient(RunningApp app, Account account) : IDisposable
{
    private readonly HttpClient client = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Url) };
    private (string Cookie, string Field, string Value)? antiforgery;

    public async Task<HttpResponseMessage> Get(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", "yusuan_session=" + account.Session);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return await client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> Post(string path, params (string Name, string Value)[] fields)
    {
        var (cookie, name, value) = await Antiforgery();
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new(name, value))),
        };
        request.Headers.Add("Cookie", $"yusuan_session={account.Session}; {cookie}");
        return await client.SendAsync(request);
    }

    /// <summary>Posts a form with one file (multipart, as a browser uploads) and the given fields.</summary>
    public async Task<HttpResponseMessage> PostFile(string path, string field, string fileName, byte[] bytes, params (string Name, string Value)[] fields)
    {
        var (cookie, name, value) = await Antiforgery();
        var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), field, fileName }, { new StringContent(value), name } };
        foreach (var (key, text) in fields)
        {
            content.Add(new StringContent(text), key);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Cookie", $"yusuan_session={account.Session}; {cookie}");
        return await client.SendAsync(request);
    }

    public void Dispose() => client.Dispose();

    private async Task<(string Cookie, string Field, string Value)> Antiforgery()
    {
        if (antiforgery is null)
        {
            // A form's token is bound to the user it was given to: taken from a page of theirs.
            using var request = new HttpRequestMessage(HttpMethod.Get, "/workspace/tokens");
            request.Headers.Add("Cookie", "yusuan_session=" + account.Session);
            using var page = await client.SendAsync(request);
            var field = RunningApp.AntiforgeryField(await page.Content.ReadAsStringAsync());
            antiforgery = (page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("yusuan-antiforgery=", StringComparison.Ordinal)),
                field.Groups[1].Value, WebUtility.HtmlDecode(field.Groups[2].Value));
        }

        return antiforgery.Value;
    }
}
