using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Yusuan.Bench.RenderBenchmarks).Assembly).Run(args);
