using BenchmarkDotNet.Running;

// `static-site FOLDER URL` runs the static-file baseline of bench/web.sh; `seed-portal DATABASE N` publishes N departments for it; `fuzz N [IMPORTER…]` fuzzes every (or the named)
// importer N times (docs/robustness.md); `tables-vs-duckdb FOLDER [ROUNDS]` compares Yusuan's tables with DuckDB's;
// `render-all FOLDER [ROUNDS]` renders every department on one core and on all; `corpus FOLDER` audits real documents;
// anything else goes to BenchmarkDotNet.
if (args is ["static-site", var folder, var url])
{
    Yusuan.Bench.StaticSite.Run(folder, url);
    return 0;
}

if (args is ["seed-portal", var database, var seeded])
{
    // The portal of a city: the sample published under N more departments (bench/web.sh).
    return Yusuan.Bench.PortalSeed.Run(database, int.Parse(seeded, System.Globalization.CultureInfo.InvariantCulture));
}

if (args is ["fuzz", var count, ..])
{
    return Yusuan.Bench.FuzzRun.Run(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), args[2..]);
}

if (args is ["tables-vs-duckdb", var dataset, ..])
{
    // The figures of every department's tables by Yusuan and by DuckDB from one ledger (docs/benchmarks.md, bench/scale.sh).
    return Yusuan.Bench.TablesVsDuckDb.Run(dataset, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
}

if (args is ["render-all", var departments, ..])
{
    // Every department's document as HTML, PDF and XLSX, on one core and on all (docs/benchmarks.md).
    return Yusuan.Bench.RenderAll.Run(departments, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2);
}

if (args is ["corpus", var corpusFolder])
{
    // Every real published document of a folder: tables, figure coverage, findings and time per document (docs/corpus.md).
    return Yusuan.Bench.CorpusReport.Run(corpusFolder);
}

if (args is ["fuzz-case", var importer, var caseSeed])
{
    // Replays one case (the importer and seed a failing run names) and leaves its input beside the current directory.
    return Yusuan.Bench.FuzzRun.Replay(importer, int.Parse(caseSeed, System.Globalization.CultureInfo.InvariantCulture));
}

BenchmarkSwitcher.FromAssembly(typeof(Yusuan.Bench.RenderBenchmarks).Assembly).Run(args);
return 0;
