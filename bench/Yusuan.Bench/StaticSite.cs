using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Yusuan.Bench;

/// <summary>
/// The baseline of the web benchmark (bench/web.sh): Kestrel serving a folder of files and nothing else, configured as
/// `yusuan serve` is (slim builder, warnings-only logging), so the two differ only in what happens per request.
/// </summary>
internal static class StaticSite
{
    public static void Run(string folder, string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder)) });
        app.Run();
    }
}
