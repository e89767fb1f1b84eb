using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Spectre.Console;
using Yusuan.Formats.Datasets;
using Yusuan.Formats.Ledger;
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

            // The profiles are read first; the ledger is checked as it is written, in the import's one transaction, and a
            // problem anywhere in it rolls the whole import back: one read of the ledger, not one to check and one to write.
            var progress = new ImportProgress();
            var (set, problems) = DepartmentSet.Load(folder);
            if (set is null)
            {
                CommonOptions.ReportUnusable(problems, "数据库未作任何改变");
                return ExitCodes.InputUnusable;
            }

            var departments = set.Departments
                .Select(d => (d.Profile.Department.Code, d.Profile.Department.Name, File.ReadAllText(d.Path)))
                .ToList();
            var (digest, estimate) = DigestAndLines(set.Ledger.Path);
            var source = new ImportSource(Path.GetFileName(set.Ledger.Path), digest, set.Departments[0].Profile.FiscalYear, departments);
            var spec = parse.GetValue(database)!;
            var checking = new LedgerChecking();
            try
            {
                using var store = BudgetStore.Open(spec);
                store.Migrate();
                if (store.Imports().FirstOrDefault(i => i.Sha256 == source.Sha256) is { } earlier)
                {
                    Console.Error.WriteLine($"提示：同一文件已于 {earlier.ImportedAt.AddHours(8):yyyy-MM-dd HH:mm}（北京时间）导入（导入批次 {earlier.Id}），本次另建一批");
                }

                Console.WriteLine($"开始检查并写入 {spec.Split(':')[0]}：{set.DepartmentCount} 个部门的预算明细，发现任何问题即全部回滚…");
                var writing = Stopwatch.StartNew();
                var stored = progress.Writing(estimate, (written, finished) => store.Import(
                    source,
                    Finishing(ReadAhead.Of(set.CheckedLines(checking)), finished),
                    parse.GetValue(actor)!,
                    written,
                    () => checking.Problems.Count > 0 ? "预算明细未通过检查" : null));
                var seconds = writing.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"已导入 {stored.Lines:N0} 条预算明细（{stored.Departments} 个部门，合计 {stored.Total:#,##0.00} 元），导入批次 {stored.Id}；" +
                    $"检查并写入 {seconds:0.0} s（{stored.Lines / Math.Max(seconds, 0.001):N0} 条/秒）"));
                return ExitCodes.Done;
            }
            catch (StoreException) when (checking.Problems.Count > 0)
            {
                CommonOptions.ReportUnusable(checking.Problems, "数据库未作任何改变");
                return ExitCodes.InputUnusable;
            }
            catch (Exception e) when (e is DbException or StoreException or InvalidOperationException)
            {
                Console.Error.WriteLine($"导入失败，数据库未作任何改变：{e.Message}");
                return ExitCodes.InputUnusable;
            }
        });
        return command;
    }

    /// <summary>
    /// The lines, then <paramref name="finished"/> once the last has been taken for writing (the commit comes next) — on the
    /// writing thread, after the reading thread is done.
    /// </summary>
    private static IEnumerable<T> Finishing<T>(IEnumerable<T> lines, Action finished)
    {
        foreach (var line in lines)
        {
            yield return line;
        }

        finished();
    }

    /// <summary>
    /// The file's SHA-256 and, for a CSV ledger, how many lines it holds after its header (line breaks counted, a vectorised
    /// count in the same read; a workbook's count is not known until it is read: 0).
    /// </summary>
    private static (string Sha256, long Lines) DigestAndLines(string path)
    {
        using var stream = File.OpenRead(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        var (breaks, last) = (0L, (byte)'\n');
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            breaks += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }

        var lines = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? 0 : Math.Max(0, breaks + (last == (byte)'\n' ? 0 : 1) - 1);
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), lines);
    }
}

/// <summary>
/// What an import is doing while it works, on standard error: a live bar in a terminal (Spectre.Console: lines checked and
/// written out of all, then the commit), and where standard error is a file or a pipe a line as it starts, at every tenth of
/// the lines and at the commit — never silent for long, and never mixed into the result on standard output.
/// </summary>
internal sealed class ImportProgress
{
    private readonly bool live = !Console.IsErrorRedirected;
    private readonly Spectre.Console.IAnsiConsole console =
        Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(Console.Error) });

    /// <summary>
    /// Runs the checking and writing of about <paramref name="lines"/> lines (0: not known beforehand), shown as they are
    /// written, then the commit: <paramref name="write"/> is given what to call with the count written so far, and what to
    /// call once the last line is read.
    /// </summary>
    public T Writing<T>(long lines, Func<Action<long>, Action, T> write)
    {
        if (!live)
        {
            Console.Error.WriteLine("正在逐行检查并写入预算明细…");
            var step = lines > 0 ? Math.Max(1, lines / 10) : 100_000;
            var next = step;
            return write(
                written =>
                {
                    if (written >= next && (lines == 0 || written < lines))
                    {
                        Console.Error.WriteLine(lines > 0
                            ? string.Create(CultureInfo.InvariantCulture, $"已写入 {written:N0} / {lines:N0} 条（{written * 100 / lines}%）")
                            : string.Create(CultureInfo.InvariantCulture, $"已写入 {written:N0} 条"));
                        next += step;
                    }
                },
                () => Console.Error.WriteLine("全部写入，正在提交事务…"));
        }

        var done = default(T)!;
        console.Progress().Start(context =>
        {
            var task = context.AddTask("检查并写入预算明细", maxValue: Math.Max(1, lines));
            task.IsIndeterminate = lines == 0;
            done = write(
                written => task.Value = Math.Min(written, task.MaxValue),
                () =>
                {
                    task.Value = task.MaxValue;
                    task.Description = "全部写入，正在提交事务";
                    task.IsIndeterminate = true;
                });
        });
        return done;
    }
}
