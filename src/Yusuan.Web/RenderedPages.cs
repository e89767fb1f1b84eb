using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Yusuan.Web;

/// <summary>A rendered page, as UTF-8, with the entity tag that names its content.</summary>
internal sealed record RenderedPage(byte[] Body, string ETag);

/// <summary>
/// Rendered public pages by the versions they show. Published versions never change, so an entry never goes stale: a new
/// publication has a new id and a new key. The cache holds at most <c>capacity</c> pages and starts afresh when full.
/// </summary>
internal sealed class RenderedPages(int capacity)
{
    private readonly ConcurrentDictionary<(long Version, long? Previous), RenderedPage> pages = new();

    public RenderedPage Get(long version, long? previous, Func<string> render)
    {
        if (pages.TryGetValue((version, previous), out var page))
        {
            return page;
        }

        var body = Encoding.UTF8.GetBytes(render());
        page = new RenderedPage(body, "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..32] + "\"");
        if (pages.Count >= capacity)
        {
            pages.Clear();
        }

        return pages.GetOrAdd((version, previous), page);
    }
}
