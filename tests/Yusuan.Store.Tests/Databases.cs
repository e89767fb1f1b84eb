using Npgsql;

namespace Yusuan.Store.Tests;

/// <summary>
/// A fresh, empty database for one test: a SQLite file, or a new database on the PostgreSQL server test.sh started
/// (YUSUAN_TEST_POSTGRES). Without that server the PostgreSQL cases fail: they never pretend to pass.
/// </summary>
internal static class Databases
{
    public static TheoryData<string> Providers() => new("sqlite", "postgres");

    public static string Fresh(string provider)
    {
        if (provider == "sqlite")
        {
            return "sqlite:" + Path.Combine(Path.GetTempPath(), "yusuan-store-" + Guid.NewGuid().ToString("N"), "yusuan.db");
        }

        var server = Environment.GetEnvironmentVariable("YUSUAN_TEST_POSTGRES")
            ?? throw new InvalidOperationException("YUSUAN_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL");
        var name = "yusuan_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            create.ExecuteNonQuery();
        }

        return "postgres:" + new NpgsqlConnectionStringBuilder(server) { Database = name };
    }
}
