using BenchmarkDotNet.Running;

// `static-site FOLDER URL` runs the static-file baseline of bench/web.sh; anything else goes to BenchmarkDotNet.
if (args is ["static-site", var folder, var url])
{
    Yusuan.Bench.StaticSite.Run(folder, url);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Yusuan.Bench.RenderBenchmarks).Assembly).Run(args);
