using System.Net;
using System.Text.RegularExpressions;
using Yusuan.Store;

namespace Yusuan.Web.Tests;

/// <summary>
/// A crawl of every page each role can reach — and the pages a form leads to (the audit report, a refused upload, the
/// confirmations) — that fails on an English word or an internal key where a person reads: the text of the page and the
/// attributes a person reads (title, placeholder, aria-label, alt). What the site shows on purpose as an identifier is in
/// &lt;code&gt; (a rule id, a digest, a token) and is left out; so are file names, acronyms in capitals (names of formats,
/// a department's own CIM or APP) and the words of the allowed list.
/// </summary>
public partial class ChineseEverywhereTests
{
    /// <summary>Latin words a Chinese page may carry: names of formats and products, and the API's own words in its instructions.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "PDF", "XLSX", "DOCX", "JSON", "CSV", "HTML", "HTM", "TXT", "API", "SHA", "Yusuan", "Excel", "JavaScript", "Ctrl", "MB", "Authorization",
        "Bearer", "Cookie", "RequestVerificationToken", "WPS", "Word",
    };

    [Fact]
    public async Task No_page_a_person_reads_shows_an_english_word_or_an_internal_key()
    {
        await using var app = await RunningApp.Start("sqlite");
        var roles = new Dictionary<string, Account>
        {
            ["officer"] = await app.Account("经办人", "officer", "139001"),
            ["reviewer"] = await app.Account("审核人", "reviewer"),
            ["finance"] = await app.Account("财政局", "finance"),
            ["admin"] = await app.Account("管理员", "admin"),
        };
        long draft, submitted, approved;
        using (var store = BudgetStore.Open(app.Database))
        {
            var published = store.Published().Single().Version.Id;
            draft = store.Correct(published, "经办人");
            submitted = store.Correct(published, "经办人");
            store.Move(submitted, BudgetState.Submitted, "经办人");
            approved = store.Correct(published, "经办人");
            store.Move(approved, BudgetState.Submitted, "经办人");
            store.Move(approved, BudgetState.Approved, "审核人");
        }

        var problems = new List<string>();
        var visited = 0;

        // Every page reachable by a link from the start pages, as nobody and as each role.
        var starts = new[]
        {
            "/", "/audit", "/signin", "/budgets/139001/2023", "/no-such-page", "/workspace", "/workspace/tokens", "/admin", "/admin/departments",
            $"/versions/{draft}", $"/versions/{draft}/ledger", $"/versions/{draft}/text", $"/versions/{draft}/goals", $"/versions/{submitted}",
            $"/versions/{submitted}/return", $"/versions/{approved}/publish", $"/versions/{approved}",
        };
        foreach (var (role, account) in roles.Select(r => (r.Key, (Account?)r.Value)).Prepend(("anonymous", null)))
        {
            using var client = account is null ? null : new SignedInClient(app, account);
            var queue = new Queue<string>(starts);
            var seen = new HashSet<string>(starts, StringComparer.Ordinal);
            while (queue.Count > 0 && seen.Count < 400)
            {
                var path = queue.Dequeue();
                using var response = client is null ? await Anonymous(app, path) : await client.Get(path);
                if (response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                var html = await response.Content.ReadAsStringAsync();
                visited++;
                problems.AddRange(Check(html).Select(p => $"{role} {path}: {p}"));
                foreach (Match link in LinkPattern().Matches(html))
                {
                    var next = WebUtility.HtmlDecode(link.Groups[1].Value).Split('#')[0];
                    if (next.Length > 0 && next.StartsWith('/') && !Download().IsMatch(next) && seen.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }
        }

        // The pages a form leads to: the audit report of a document, a refused upload, a refused step.
        using (var officer = new SignedInClient(app, roles["officer"]))
        {
            using var audit = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(Repository.Seed)), "file", "预算.txt" } };
            using (var report = await app.Client.PostAsync("/audit", audit))
            {
                problems.AddRange(Check(await report.Content.ReadAsStringAsync()).Select(p => "audit report: " + p));
            }

            var lines = File.ReadAllLines(Repository.Sample("ledger.csv"));
            var bad = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines.Select((l, i) => i == 2 ? l.Replace(",468000.00,", ",46.8万,", StringComparison.Ordinal) : l)));
            using (var refused = await officer.PostFile("/workspace/139001/upload", "ledger", "ledger.csv", bad, ("year", "2023")))
            {
                problems.AddRange(Check(await refused.Content.ReadAsStringAsync()).Select(p => "refused upload: " + p));
            }

            using (var step = await officer.Post($"/versions/{approved}/submit"))
            {
                problems.AddRange(Check(await step.Content.ReadAsStringAsync()).Select(p => "refused step: " + p));
            }
        }

        Assert.True(visited > 40, $"only {visited} pages were read");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    /// <summary>The English words and keys a person would read on a page.</summary>
    internal static IEnumerable<string> Check(string html)
    {
        var shown = Regex.Replace(html, "<(script|style|code)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        var attributes = AttributePattern().Matches(shown).Select(m => m.Groups[1].Value);
        var text = WebUtility.HtmlDecode(string.Join(" ", attributes) + " " + Regex.Replace(shown, "<[^>]+>", " "));

        // File names, addresses and commands a page names on purpose (ledger.csv, /api/…, yusuan serve …) are not prose.
        text = Regex.Replace(text, @"(/[\w./{}?=&-]*)|\b[\w-]+\.(pdf|json|csv|xlsx|docx|yaml|html|txt|md)\b|\byusuan [a-z-]+( --[a-z-]+)*", " ");
        foreach (Match word in Regex.Matches(text, @"[A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9]|[A-Za-z]"))
        {
            var value = word.Value;
            // An acronym in capitals is a name (CIM, APP in a department's own text, PDF); a key is in small letters.
            if (Allowed.Contains(value) || value.Length == 1 || Regex.IsMatch(value, "^[A-Z][A-Z0-9]*$"))
            {
                continue;
            }

            var at = Math.Max(0, word.Index - 20);
            yield return $"“{value}” in …{text.Substring(at, Math.Min(text.Length - at, value.Length + 40)).ReplaceLineEndings(" ")}…";
        }
    }

    private static async Task<HttpResponseMessage> Anonymous(RunningApp app, string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Url) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return await client.SendAsync(request);
    }

    [GeneratedRegex("<a [^>]*href=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\.(pdf|xlsx|docx|json|csv)$|handler=csv|/signout")]
    private static partial Regex Download();

    [GeneratedRegex("(?:title|placeholder|aria-label|alt)=\"([^\"]*)\"")]
    private static partial Regex AttributePattern();
}
