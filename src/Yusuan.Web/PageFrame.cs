using System.Net;

namespace Yusuan.Web;

/// <summary>
/// The frame every HTML page of the site shares (the Razor layout uses it too), and the short message pages that refuse or
/// report: 403, 404, 409 and the like. Every text put into them is HTML-encoded here.
/// </summary>
public static class PageFrame
{
    /// <summary>The page's head and the opening of its body; a wide page (the ledger grid) takes the window's width.</summary>
    public static string Head(string title, bool wide = false) =>
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + E(title) + " · Yusuan</title>\n<style>body{font-family:\"Noto Sans SC\",\"Microsoft YaHei\",sans-serif;max-width:" + (wide ? "none" : "960px") + ";margin:0 auto;padding:24px;color:#1f2328}"
        + "table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border:1px solid #8c959f;padding:4px 8px;text-align:left}a{color:#2f6f9f}"
        + ".error{color:#cf222e}tr.problem{background:#fff1f0}</style>\n</head>\n<body>\n";

    public const string Foot = "\n</body>\n</html>\n";

    public const string Navigation = "<nav><a href=\"/\">公开门户</a>　<a href=\"/workspace\">工作台</a>　<a href=\"/signout\">退出</a></nav>";

    /// <summary>A whole page around a body that is already HTML.</summary>
    public static string Page(string title, string body) => Head(title) + body + Foot;

    /// <summary>A page that says one thing: a heading, a sentence, and where to go back to.</summary>
    public static string Message(string title, string text, string back = "/workspace", bool navigation = true) =>
        Page(title, (navigation ? Navigation : string.Empty) + $"<h1>{E(title)}</h1><p role=\"alert\">{E(text)}</p><p><a href=\"{E(back)}\">返回</a></p>");

    /// <summary>
    /// A moment as people in China read it: Beijing time (UTC+8, no daylight saving), "2026-06-30 14:05（北京时间）". The store
    /// keeps UTC; a time of unspecified kind read back from it is UTC.
    /// </summary>
    public static string BeijingTime(DateTime utc) =>
        Beijing(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + "（北京时间）";

    /// <summary>The day in Beijing (UTC+8) of a moment the store keeps in UTC: the date a published budget's cover prints.</summary>
    public static DateOnly BeijingDate(DateTime utc) => DateOnly.FromDateTime(Beijing(utc));

    private static DateTime Beijing(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).AddHours(8);

    public static string RoleTitle(string role) => role switch
    {
        "officer" => "预算单位经办人",
        "reviewer" => "主管部门审核人",
        "finance" => "财政局",
        "admin" => "管理员",
        _ => role,
    };

    public static string SeverityTitle(string severity) => severity switch
    {
        "error" => "错误",
        "warning" => "警告",
        _ => "提示",
    };

    internal static string E(string text) => WebUtility.HtmlEncode(text);
}
