using System.Net;
using Microsoft.AspNetCore.Html;

namespace Yusuan.Web.Pages;

/// <summary>What the forms show beside a field that is not right (the reason, as an alert) and how they mark it (aria-invalid).</summary>
public static class FieldProblems
{
    public static IHtmlContent Beside(IReadOnlyDictionary<string, string> invalid, string field) =>
        invalid.TryGetValue(field, out var reason)
            ? new HtmlString($"<span class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(reason)}</span>")
            : HtmlString.Empty;

    /// <summary>"true" for a field that is not right, else null (Razor then leaves the attribute out).</summary>
    public static string? Flag(IReadOnlyDictionary<string, string> invalid, string field) => invalid.ContainsKey(field) ? "true" : null;
}
