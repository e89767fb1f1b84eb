using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using Yusuan.Core.Catalogue;
using Yusuan.Core.Compile;
using Yusuan.Core.Model;
using Yusuan.Formats.Datasets;

namespace Yusuan.Bench;

/// <summary>
/// <c>tables-vs-duckdb FOLDER [ROUNDS]</c>: the figures of the twelve tables of every department of a generated dataset
/// (<c>yusuan generate</c>), computed by Yusuan and by DuckDB from the same ledger.csv, side by side in one process. Each side's
/// time runs from the file on disk to the figures in memory: Yusuan reads the ledger once, checking every line and compiling
/// each department's tables as soon as its lines are in (on every core, as DuckDB uses them); DuckDB loads the CSV with money as DECIMAL(18,2) and computes the same figures
/// with one SQL query per table. The two sets of figures — every non-zero cell of T01–T11 that comes from the ledger, as
/// (table, department, block, row, column, amount in 元) — are compared in full: their count and digest must be identical.
/// T09's 上年 and 增减 rows come from the profile and T12 from the performance plan, so they are not compared.
/// </summary>
internal static class TablesVsDuckDb
{
    private static readonly string[] Compared = ["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "T10", "T11"];

    private static readonly string[] FundKeys =
        ["general", "fund", "capital", "special", "institution", "business", "superior", "subordinate", "other", "carryover"];

    public static int Run(string folder, int rounds)
    {
        Console.WriteLine($"数据集：{folder}");
        for (var round = 1; round <= rounds; round++)
        {
            // Alternate which side goes first, so neither always meets a cold page cache.
            var yusuanFirst = round % 2 == 1;
            var (yusuan, duck) = yusuanFirst ? (Yusuan(folder), DuckDb(folder)) : Swap(DuckDb(folder), Yusuan(folder));
            var same = yusuan.Count == duck.Count && yusuan.Digest == duck.Digest;
            Console.WriteLine(
                $"第 {round} 轮：Yusuan {yusuan.Seconds:0.00} s（{yusuan.Count:N0} 个数，摘要 {yusuan.Digest[..16]}），" +
                $"DuckDB {duck.Seconds:0.00} s（{duck.Count:N0} 个数，摘要 {duck.Digest[..16]}），" +
                $"比值 {yusuan.Seconds / duck.Seconds:0.00}，数字{(same ? "完全一致" : "不一致")}");
            if (!same)
            {
                Differences(yusuan.Figures, duck.Figures);
                return 1;
            }
        }

        return 0;

        static (Side, Side) Swap(Side duck, Side yusuan) => (yusuan, duck);
    }

    private sealed record Side(double Seconds, List<string> Figures)
    {
        public int Count => Figures.Count;

        public string Digest { get; } = DigestOf(Figures);
    }

    private static Side Yusuan(string folder)
    {
        var clock = Stopwatch.StartNew();
        var (set, problems) = DepartmentSet.Load(folder);
        if (set is null)
        {
            throw new InvalidOperationException("数据集有错：" + string.Join("; ", problems.Take(3)));
        }

        var figures = new List<string>();
        var check = set.TablesEach(ClassificationCatalogue.BuiltIn(), d => AddFigures(figures, d.Profile.Department.Code, d.Tables), figures.Clear);
        if (check.Problems.Count > 0)
        {
            throw new InvalidOperationException("数据集有错：" + string.Join("; ", check.Problems.Take(3)));
        }

        return new Side(clock.Elapsed.TotalSeconds, figures);
    }

    private static void AddFigures(List<string> figures, string department, IReadOnlyList<TableDraft> tables)
    {
        foreach (var table in tables.Where(t => Compared.Contains(t.Id)))
        {
            var block = string.Empty;
            foreach (var row in table.Rows)
            {
                var t = row.Template;
                if (t.Key is { } key && key.StartsWith("agency:", StringComparison.Ordinal))
                {
                    block = key["agency:".Length..];
                }

                var rowId = t.Key ?? t.Code + (t.FunctionCode is { } f ? "@" + f : string.Empty);
                if (table.Id == "T09" && rowId != "current")
                {
                    continue;
                }

                for (var c = 0; c < table.Columns.Count; c++)
                {
                    Add(figures, table.Id, department, block, rowId, table.Columns[c].Key, row.Cells[c].Truth);
                }
            }
        }
    }

    private static void Add(List<string> figures, string table, string department, string block, string row, string column, decimal amount)
    {
        if (amount != 0)
        {
            figures.Add(string.Join('|', table, department, block, row, column, amount.ToString("0.00", CultureInfo.InvariantCulture)));
        }
    }

    private static Side DuckDb(string folder)
    {
        // The agency → department map comes from the profiles, as it does for Yusuan; reading them is not what is measured.
        var profiles = Directory.EnumerateFiles(Path.Combine(folder, "departments"), "*.yaml")
            .Select(p => Formats.Yaml.YamlReader.ReadProfile(p).Value!)
            .ToList();
        var ledger = Path.Combine(folder, "ledger.csv");
        var header = File.ReadLines(ledger).First().Split(',');
        var clock = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE agencies (agency VARCHAR, dept VARCHAR, per_agency BOOLEAN, supervised BOOLEAN)");
        using (var appender = connection.CreateAppender("agencies"))
        {
            foreach (var profile in profiles)
            {
                foreach (var agency in profile.Agencies)
                {
                    appender.CreateRow()
                        .AppendValue(agency.Code)
                        .AppendValue(profile.Department.Code)
                        .AppendValue(!profile.IsSingleAgency)
                        .AppendValue(profile.Supervisor is not null)
                        .EndRow();
                }
            }
        }

        var money = new[] { "amount", "gov_purchase_amt", "sme_amt", "micro_amt" };
        var columns = string.Join(", ", header.Select(h => $"'{h}': '{(money.Contains(h) ? "DECIMAL(18,2)" : "VARCHAR")}'"));
        Execute(connection, $"""
            CREATE TABLE l AS
            SELECT a.dept, CASE WHEN a.per_agency THEN x.agency_code ELSE '' END AS block, a.per_agency, a.supervised,
                   x.exp_func_code AS f, x.dep_bgt_eco_code AS e, coalesce(x.pro_code, '') AS p,
                   x.exp_kind IN ('项目支出', '3') AS project, x.exp_kind IN ('人员经费', '1') AS personnel,
                   CASE WHEN x.fund_type_code IN ('一般公共预算拨款', '11') THEN 'general'
                        WHEN x.fund_type_code IN ('政府性基金预算拨款', '12') THEN 'fund'
                        WHEN x.fund_type_code IN ('国有资本经营预算拨款', '13') THEN 'capital'
                        WHEN x.fund_type_code IN ('财政专户管理资金', '21') THEN 'special'
                        WHEN x.fund_type_code IN ('事业收入', '31') THEN 'institution'
                        WHEN x.fund_type_code IN ('事业单位经营收入', '32') THEN 'business'
                        WHEN x.fund_type_code IN ('上级补助收入', '33') THEN 'superior'
                        WHEN x.fund_type_code IN ('附属单位上缴收入', '34') THEN 'subordinate'
                        WHEN x.fund_type_code IN ('其他收入', '39') THEN 'other'
                        WHEN x.fund_type_code IN ('上年结转', '90') THEN 'carryover' END AS fund,
                   CASE WHEN x.three_public_type IN ('因公出国(境)费', '1') THEN 'abroad'
                        WHEN x.three_public_type IN ('公务接待费', '2') THEN 'reception'
                        WHEN x.three_public_type IN ('公务用车购置费', '3') THEN 'vehicle_purchase'
                        WHEN x.three_public_type IN ('公务用车运行维护费', '4') THEN 'vehicle_operation' END AS official,
                   x.amount AS amt, coalesce(x.gov_purchase_amt, 0) AS proc, coalesce(x.sme_amt, 0) AS sme,
                   coalesce(x.micro_amt, 0) AS micro
            FROM read_csv('{ledger.Replace("'", "''", StringComparison.Ordinal)}', header = true, delim = ',', quote = '"',
                          columns = {"{"}{columns}{"}"}) x
            JOIN agencies a ON a.agency = x.agency_code
            """);

        const string FunctionPath = "CASE length(f) WHEN 3 THEN [f] WHEN 5 THEN [f[1:3], f] ELSE [f[1:3], f[1:5], f] END";
        const string EconomicPath = "CASE WHEN length(e) = 3 THEN [e] ELSE [e[1:3], e] END";
        const string ProjectPath = "[p || '@' || f]";
        (string, string)[] flow = [("total", "amt"), ("basic", "CASE WHEN project THEN 0 ELSE amt END"), ("project", "CASE WHEN project THEN amt ELSE 0 END")];
        (string, string)[] funds = [("total", "amt"), .. FundKeys.Select(k => (k, $"CASE WHEN fund = '{k}' THEN amt ELSE 0 END"))];
        const string Government = "fund IN ('general', 'fund', 'capital')";
        const string Unit = "fund IN ('institution', 'business', 'superior', 'subordinate', 'other')";

        var figures = new List<string>();
        TwoSided(connection, figures, "T01",
        [
            ("income.government", Government), ("income.general", "fund = 'general'"), ("income.fund", "fund = 'fund'"),
            ("income.capital", "fund = 'capital'"), ("income.special", "fund = 'special'"), ("income.unit", Unit),
            ("income.institution", "fund = 'institution'"), ("income.business", "fund = 'business'"),
            ("income.superior", "fund = 'superior'"), ("income.subordinate", "fund = 'subordinate'"), ("income.other", "fund = 'other'"),
            ("income.current", "fund <> 'carryover'"), ("income.carryover", "fund = 'carryover'"), ("income.total", "true"),
        ], spent: "true", FunctionPath);
        Tree(connection, figures, "T02", "true", funds, FunctionPath, supervisor: false);
        Tree(connection, figures, "T03", "true",
        [
            .. flow, ("procurement", "proc"), ("sme", "sme"), ("micro", "micro"),
        ], FunctionPath, supervisor: false);
        Tree(connection, figures, "T04", "NOT project",
            [("total", "amt"), ("personnel", "CASE WHEN personnel THEN amt ELSE 0 END"), ("operating", "CASE WHEN personnel THEN 0 ELSE amt END")],
            EconomicPath, supervisor: false);
        Tree(connection, figures, "T05", "project", funds, ProjectPath, supervisor: false);
        TwoSided(connection, figures, "T06",
        [
            ("income.government", Government), ("income.general", "fund = 'general'"), ("income.fund", "fund = 'fund'"),
            ("income.capital", "fund = 'capital'"), ("income.current", Government), ("income.carryover", "fund = 'carryover'"),
            ("income.total", Government + " OR fund = 'carryover'"),
        ], spent: Government + " OR fund = 'carryover'", FunctionPath);
        Tree(connection, figures, "T07", "fund = 'general'", flow, FunctionPath, supervisor: true);
        Tree(connection, figures, "T08", "fund = 'general'", flow, EconomicPath, supervisor: true);
        Query(connection, figures, "T09", """
            SELECT dept, '', 'current', sum(amt),
                   sum(CASE WHEN official = 'abroad' THEN amt ELSE 0 END),
                   sum(CASE WHEN official = 'reception' THEN amt ELSE 0 END),
                   sum(CASE WHEN official IN ('vehicle_purchase', 'vehicle_operation') THEN amt ELSE 0 END),
                   sum(CASE WHEN official = 'vehicle_purchase' THEN amt ELSE 0 END),
                   sum(CASE WHEN official = 'vehicle_operation' THEN amt ELSE 0 END)
            FROM l WHERE fund = 'general' AND official IS NOT NULL GROUP BY dept
            """, ["total", "abroad", "reception", "vehicle", "vehicle_purchase", "vehicle_operation"]);
        Tree(connection, figures, "T10", "fund = 'fund'", flow, FunctionPath, supervisor: true);
        Tree(connection, figures, "T11", "fund = 'capital'", flow, FunctionPath, supervisor: true);
        return new Side(clock.Elapsed.TotalSeconds, figures);
    }

    /// <summary>A table of the seed's block shape: the 主管部门 and department rows, each agency's row, and the classified rows.</summary>
    private static void Tree(DuckDBConnection connection, List<string> figures, string table, string filter, (string Key, string Expr)[] columns, string path, bool supervisor)
    {
        var sums = string.Join(", ", columns.Select(c => $"sum({c.Expr})"));
        var sql = $"""
            SELECT dept, '', 'department', {sums} FROM l WHERE {filter} GROUP BY dept
            {(supervisor ? $"UNION ALL SELECT dept, '', 'supervisor', {sums} FROM l WHERE ({filter}) AND supervised GROUP BY dept" : string.Empty)}
            UNION ALL SELECT dept, block, 'agency:' || block, {sums} FROM l WHERE ({filter}) AND per_agency GROUP BY dept, block
            UNION ALL SELECT dept, block, r, {sums} FROM (SELECT *, unnest({path}) AS r FROM l WHERE {filter}) GROUP BY dept, block, r
            """;
        Query(connection, figures, table, sql, columns.Select(c => c.Key).ToArray());
    }

    /// <summary>T01 and T06: income rows by source, then expenditure by function code and its totals, one column.</summary>
    private static void TwoSided(DuckDBConnection connection, List<string> figures, string table, (string Key, string Filter)[] income, string spent, string path)
    {
        var incomeSums = string.Join(", ", income.Select(i => $"sum(CASE WHEN {i.Filter} THEN amt ELSE 0 END)"));
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT dept, {incomeSums}, sum(CASE WHEN {spent} THEN amt ELSE 0 END) FROM l GROUP BY dept";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var dept = reader.GetString(0);
                for (var i = 0; i < income.Length; i++)
                {
                    Add(figures, table, dept, string.Empty, income[i].Key, "budget", reader.GetDecimal(1 + i));
                }

                var spentTotal = reader.GetDecimal(1 + income.Length);
                Add(figures, table, dept, string.Empty, "expenditure.current", "budget", spentTotal);
                Add(figures, table, dept, string.Empty, "expenditure.total", "budget", spentTotal);
            }
        }

        Query(connection, figures, table,
            $"SELECT dept, '', r, sum(amt) FROM (SELECT *, unnest({path}) AS r FROM l WHERE {spent}) GROUP BY dept, r", ["budget"]);
    }

    /// <summary>Runs a query whose rows are (department, block, row, one sum per column) and adds their non-zero figures.</summary>
    private static void Query(DuckDBConnection connection, List<string> figures, string table, string sql, string[] columns)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var (dept, block, row) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            for (var c = 0; c < columns.Length; c++)
            {
                Add(figures, table, dept, block, row, columns[c], reader.GetDecimal(3 + c));
            }
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string DigestOf(List<string> figures)
    {
        figures.Sort(StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in figures)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(f + "\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void Differences(List<string> yusuan, List<string> duck)
    {
        var (a, b) = (yusuan.ToHashSet(StringComparer.Ordinal), duck.ToHashSet(StringComparer.Ordinal));
        foreach (var f in yusuan.Where(f => !b.Contains(f)).Take(10))
        {
            Console.WriteLine("  只在 Yusuan：" + f);
        }

        foreach (var f in duck.Where(f => !a.Contains(f)).Take(10))
        {
            Console.WriteLine("  只在 DuckDB：" + f);
        }
    }
}
