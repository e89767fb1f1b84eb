using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Spectre.Console;
using Yusuan.Formats.Datasets;
using Yusuan.Formats.Text;
using Yusuan.Store;

namespace Yusuan.Cli.Commands;

/// <summary>
/// yusuan import DIR --db SPEC: a city's or a province's ledger (a folder of many departments, as <c>yusuan generate</c> writes
/// it) into the database in one transaction. The whole folder is checked first: a file with any problem imports nothing.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("DATASET") { Description = "多部门数据集目录：ledger.csv（或 .xlsx）和 departments/*.yaml" };
        var database = new Option<string>("--db") { Description = "数据库：sqlite:路径（默认 ./data/yusuan.db）或 postgres:连接串", DefaultValueFactory = _ => "sqlite:data/yusuan.db" };
        var actor = new Option<string>("--actor") { Description = "记入审计日志的操作人", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("import", "把多部门数据集的全部预算明细导入数据库（一个事务：要么全部导入，要么不改变数据库）") { dataset, database, actor };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(dataset)!;
            if (!Directory.Exists(folder) || !DepartmentSet.IsOne(folder))
            {
                Console.Error.WriteLine($"无法导入：“{folder}”不是多部门数据集目录（应含 departments/ 目录和 ledger.csv）");
                return ExitCodes.InputUnusable;
            }

            var clock = Stopwatch.StartNew();
            var progress = new ImportProgress();
            var (set, problems) = progress.Checking(() => DepartmentSet.Load(folder));
            if (set is null)
            {
                CommonOptions.ReportUnusable(problems, "数据库未作任何改变");
                return ExitCodes.InputUnusable;
            }

            var checkedIn = clock.Elapsed;
            var departments = set.Departments
                .Select(d => (d.Profile.Department.Code, d.Profile.Department.Name, File.ReadAllText(d.Path)))
                .ToList();
            var source = new ImportSource(
                Path.GetFileName(set.Ledger.Path), Digest(set.Ledger.Path), set.Departments[0].Profile.FiscalYear, departments);
            var spec = parse.GetValue(database)!;
            try
            {
                using var store = BudgetStore.Open(spec);
                store.Migrate();
                if (store.Imports().FirstOrDefault(i => i.Sha256 == source.Sha256) is { } earlier)
                {
                    Console.Error.WriteLine($"提示：同一文件已于 {earlier.ImportedAt.AddHours(8):yyyy-MM-dd HH:mm}（北京时间）导入（导入批次 {earlier.Id}），本次另建一批");
                }

                Console.WriteLine($"已检查 {set.LineCount:N0} 条预算明细（{set.DepartmentCount} 个部门），开始写入 {spec.Split(':')[0]}…");
                var writing = Stopwatch.StartNew();
                var stored = progress.Writing(set.LineCount, written => store.Import(source, ReadAhead.Of(set.Ledger.Lines()), parse.GetValue(actor)!, written));
                var seconds = writing.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"已导入 {stored.Lines:N0} 条预算明细（{stored.Departments} 个部门，合计 {stored.Total:#,##0.00} 元），导入批次 {stored.Id}；" +
                    $"检查 {checkedIn.TotalSeconds:0.0} s，写入 {seconds:0.0} s（{stored.Lines / Math.Max(seconds, 0.001):N0} 条/秒）"));
                return ExitCodes.Done;
            }
            catch (Exception e) when (e is DbException or StoreException or InvalidOperationException)
            {
                Console.Error.WriteLine($"导入失败，数据库未作任何改变：{e.Message}");
                return ExitCodes.InputUnusable;
            }
        });
        return command;
    }

    private static string Digest(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

/// <summary>
/// What an import is doing while it works, on standard error: a live display in a terminal (Spectre.Console: checking, then
/// lines written out of all, then the commit), and where standard error is a file or a pipe a line at each step and at every
/// tenth of the lines — never silent for long, and never mixed into the result on standard output.
/// </summary>
internal sealed class ImportProgress
{
    private readonly bool live = !Console.IsErrorRedirected;
    private readonly Spectre.Console.IAnsiConsole console =
        Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(Console.Error) });

    /// <summary>Runs the check of every file, saying so.</summary>
    public T Checking<T>(Func<T> check)
    {
        if (!live)
        {
            Console.Error.WriteLine("正在检查全部文件（预算明细逐行检查，部门概况逐个读取）…");
            return check();
        }

        var result = default(T)!;
        console.Status().Start("正在检查全部文件…", _ => result = check());
        return result;
    }

    /// <summary>Runs the writing of <paramref name="lines"/> lines, shown as they are written, then the commit.</summary>
    public T Writing<T>(long lines, Func<Action<long>, T> write)
    {
        if (!live)
        {
            var step = Math.Max(1, lines / 10);
            var next = step;
            var result = write(written =>
            {
                if (written >= next && written < lines)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已写入 {written:N0} / {lines:N0} 条（{written * 100 / Math.Max(1, lines)}%）"));
                    next += step;
                }

                if (written == lines)
                {
                    Console.Error.WriteLine("全部写入，正在提交事务…");
                }
            });
            return result;
        }

        var done = default(T)!;
        console.Progress().Start(context =>
        {
            var task = context.AddTask("写入数据库", maxValue: Math.Max(1, lines));
            done = write(written =>
            {
                task.Value = written;
                if (written == lines)
                {
                    task.Description = "全部写入，正在提交事务";
                    task.IsIndeterminate = true;
                }
            });
        });
        return done;
    }
}
