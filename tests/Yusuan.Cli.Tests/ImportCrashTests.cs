using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;
using Yusuan.Store;
using Yusuan.Store.Tests;

namespace Yusuan.Cli.Tests;

/// <summary>
/// `yusuan import` killed with SIGKILL at random moments while it writes, 20 times on SQLite and 20 times on a real PostgreSQL
/// server: afterwards the database must hold either the state before the import or the complete import, never part of it.
/// </summary>
public partial class ImportCrashTests(ITestOutputHelper output)
{
    private const int Kills = 20;

    private static readonly Lazy<string> Dataset = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "yusuan-crash-" + Guid.NewGuid().ToString("N"));
        var made = Yusuan.Run("generate", "--agencies", "60", "--lines", "40000", "--seed", "3", "--out", folder);
        Assert.Equal(0, made.ExitCode);
        return folder;
    });

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public void An_import_killed_at_any_moment_leaves_the_state_before_or_the_whole_import(string provider)
    {
        var spec = Databases.Fresh(provider);

        // One complete import first: what a whole import holds.
        var whole = Yusuan.Run("import", Dataset.Value, "--db", spec);
        Assert.True(whole.ExitCode == 0, whole.Error);
        LedgerImport complete;
        using (var store = BudgetStore.Open(spec))
        {
            complete = Assert.Single(store.Imports());
        }

        Assert.Equal(40_000L, complete.Lines);
        var random = new Random(20261129);
        var (before, after) = (0, 0);
        for (var run = 0; run < Kills; run++)
        {
            int importsBefore;
            using (var store = BudgetStore.Open(spec))
            {
                importsBefore = store.Imports().Count;
            }

            // Kill at a moment the import itself names — after 10,000, 20,000 or 30,000 lines written, or as it announces the
            // commit (which may land before or after it) — so the moments hold on any machine under any load.
            var moment = random.Next(Moments.Length);
            var wasWriting = KillWhileImporting(spec, Moments[moment]);

            using var check = BudgetStore.Open(spec);
            var imports = check.Imports();
            Assert.True(imports.Count == importsBefore || imports.Count == importsBefore + 1, $"run {run}: {imports.Count} imports after {importsBefore}");
            foreach (var i in imports)
            {
                // Every import present is whole: its own record and its lines agree with the complete one.
                Assert.Equal((complete.Lines, complete.Total), (i.Lines, i.Total));
                Assert.Equal((complete.Lines, complete.Total), check.ImportedLines(i.Id));
            }

            // And no line exists outside the imports (nothing half-written under an id that was rolled back).
            Assert.Equal(imports.Count * complete.Lines, check.ImportedLineCount());
            if (imports.Count == importsBefore)
            {
                Assert.True(wasWriting, $"run {run}: killed before writing began, which proves nothing");
                before++;
            }
            else
            {
                after++;
            }
        }

        output.WriteLine($"{provider}: {Kills} kills at the moments the import names: {before} left the state before, {after} the complete import, 0 anything else");

        // The kills must mostly land mid-import, or the test proves little.
        Assert.True(before >= Kills / 2, $"only {before} of {Kills} kills landed before the commit");
    }

    /// <summary>The moments of a kill, by what the import says on standard error as it goes (its progress lines).</summary>
    private static readonly string[] Moments = ["已写入 10,000", "已写入 20,000", "已写入 30,000", "全部写入"];

    /// <summary>Starts an import, waits until it says <paramref name="moment"/> (the first line that starts so) and sends SIGKILL.</summary>
    private static bool KillWhileImporting(string spec, string moment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "yusuan.dll"), "import", Dataset.Value, "--db", spec })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        string? line;
        while ((line = process.StandardError.ReadLine()) is not null && !line.StartsWith(moment, StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);
        var writing = !process.HasExited;
        process.Kill(entireProcessTree: true); // SIGKILL on Linux: no handler, no finally block runs
        process.WaitForExit();
        Settled(spec);
        return writing;
    }

    /// <summary>
    /// Waits until the server has finished what the killed client left it: a PostgreSQL backend goes on with a COPY or a
    /// COMMIT it had received until it notices the connection is gone, so a check made at once could see the import's record
    /// before and its lines after that commit. The test's own pooled connections are idle and do not count. (SQLite has no
    /// server: the kill ends everything.)
    /// </summary>
    private static void Settled(string spec)
    {
        if (!spec.StartsWith("postgres:", StringComparison.Ordinal))
        {
            return;
        }

        using var connection = new Npgsql.NpgsqlConnection(spec["postgres:".Length..]);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state IS DISTINCT FROM 'idle'", connection);
        for (var i = 0; i < 600 && Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0; i++)
        {
            Thread.Sleep(50);
        }
    }

}
