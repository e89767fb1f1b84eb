using System.Data.Common;
using System.Globalization;
using Npgsql;
using Yusuan.Core.Model;

namespace Yusuan.Store;

/// <summary>Where an imported ledger came from: its file, digest and year, and the departments it covers (code, name, profile YAML).</summary>
public sealed record ImportSource(string File, string Sha256, int FiscalYear, IReadOnlyList<(string Code, string Name, string ProfileYaml)> Departments);

/// <summary>One import as stored: what the ledger held, counted and summed as it was written.</summary>
public sealed record LedgerImport(long Id, int FiscalYear, string Source, string Sha256, int Departments, long Lines, decimal Total, DateTime ImportedAt, string Actor);

public sealed partial class BudgetStore
{
    private const string LineColumns =
        "import_id, line_number, agency_code, exp_func_code, dep_bgt_eco_code, gov_bgt_eco_code, exp_kind, pro_code, pro_name, pro_cat_name, " +
        "fund_type_code, amount, gov_purchase_type, gov_purchase_amt, sme_amt, micro_amt, three_public_type, is_operating_expense";

    /// <summary>
    /// Imports a checked ledger whole: its departments (names and profiles) and every line, in one transaction — on PostgreSQL
    /// the lines go by binary COPY, on SQLite through one prepared statement. Until the commit nothing is visible, and a process
    /// killed at any moment leaves the database as it was before. <paramref name="written"/> hears the count of lines written
    /// every 10,000 lines. Returns the import as stored.
    /// </summary>
    public LedgerImport Import(ImportSource source, IEnumerable<BudgetLine> lines, string actor, Action<long>? written = null)
    {
        LedgerImport? stored = null;
        InTransaction(t =>
        {
            foreach (var (code, name, profile) in source.Departments)
            {
                SaveDepartment(t, code, name);
                Execute("UPDATE departments SET profile_yaml = @p WHERE code = @c", t, ("p", profile), ("c", code));
            }

            var at = DateTime.UtcNow;
            var id = Query(
                "INSERT INTO ledger_imports (fiscal_year, source, sha256, departments, line_count, total, imported_at, actor) VALUES (@y, @s, @h, @d, 0, @z, @at, @a) RETURNING id",
                r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), t,
                ("y", source.FiscalYear), ("s", source.File), ("h", source.Sha256), ("d", source.Departments.Count), ("z", Money(0m)), ("at", at), ("a", actor)).Single();
            var (count, total) = WriteLines(t, id, lines, written);
            Execute("UPDATE ledger_imports SET line_count = @n, total = @z WHERE id = @id", t, ("n", count), ("z", Money(total)), ("id", id));
            Log(t, actor, "import", null, $"导入 {source.File}：{source.FiscalYear} 年 {source.Departments.Count} 个部门 {count} 条预算明细，合计 {total.ToString("#,##0.00", CultureInfo.InvariantCulture)} 元（导入批次 {id}）");
            stored = new LedgerImport(id, source.FiscalYear, source.File, source.Sha256, source.Departments.Count, count, total, at, actor);
        });
        return stored!;
    }

    /// <summary>Every import, newest first.</summary>
    public IReadOnlyList<LedgerImport> Imports() =>
        Query(
            "SELECT id, fiscal_year, source, sha256, departments, line_count, total, imported_at, actor FROM ledger_imports ORDER BY id DESC",
            r => new LedgerImport(
                Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture), r.GetString(2), r.GetString(3),
                Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(5), CultureInfo.InvariantCulture), ReadMoney(r.GetValue(6)),
                Time(r.GetValue(7)), r.GetString(8)));

    /// <summary>
    /// The lines of one import counted and summed afresh from the lines table (each amount as stored, added exactly) — what a check
    /// after a crash compares with the import's own record.
    /// </summary>
    public (long Lines, decimal Total) ImportedLines(long importId)
    {
        var (count, total) = (0L, 0m);
        foreach (var amount in Query("SELECT amount FROM ledger_lines WHERE import_id = @id", r => ReadMoney(r.GetValue(0)), null, ("id", importId)))
        {
            (count, total) = (count + 1, total + amount);
        }

        return (count, total);
    }

    /// <summary>One imported line read back as a budget line (its source is the ledger file and row it came from).</summary>
    public BudgetLine? ImportedLine(long importId, long lineNumber) =>
        Query(
            $"SELECT l.{LineColumns.Replace(", ", ", l.", StringComparison.Ordinal)}, i.source FROM ledger_lines l JOIN ledger_imports i ON i.id = l.import_id WHERE l.import_id = @id AND l.line_number = @n",
            r =>
            {
                string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                return new BudgetLine
                {
                    AgencyCode = r.GetString(2),
                    Function = FunctionCode.Parse(r.GetString(3)).Value,
                    Economic = EconomicCode.Parse(r.GetString(4)).Value,
                    GovernmentEconomic = Text(5) is { } gov ? GovernmentEconomicCode.Parse(gov).Value : null,
                    Kind = Terms.ParseKind(r.GetString(6)).Value,
                    ProjectCode = Text(7),
                    ProjectName = Text(8),
                    ProjectCategory = Text(9),
                    Fund = Terms.ParseFund(r.GetString(10)).Value,
                    Amount = ReadMoney(r.GetValue(11)),
                    Procurement = Text(12) is { } type ? Terms.ParseProcurement(type).Value : ProcurementType.None,
                    ProcurementAmount = ReadMoney(r.GetValue(13)),
                    SmeAmount = ReadMoney(r.GetValue(14)),
                    MicroAmount = ReadMoney(r.GetValue(15)),
                    OfficialExpense = Text(16) is { } official ? Terms.ParseOfficialExpense(official).Value : OfficialExpenseCategory.None,
                    IsOperatingExpense = Convert.ToBoolean(r.GetValue(17), CultureInfo.InvariantCulture),
                    Source = new LineSource(r.GetString(18), (int)Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture)),
                };
            },
            null, ("id", importId), ("n", lineNumber)).SingleOrDefault();

    /// <summary>All lines of all imports: none may exist without its import's record.</summary>
    public long ImportedLineCount() =>
        Query("SELECT COUNT(*) FROM ledger_lines", r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)).Single();

    /// <summary>Writes every line through the provider's bulk path; returns how many and their total.</summary>
    private (long Count, decimal Total) WriteLines(DbTransaction t, long id, IEnumerable<BudgetLine> lines, Action<long>? written)
    {
        using ILineSink sink = provider == "postgres" ? new CopySink((NpgsqlConnection)connection) : new InsertSink(connection, t);
        var (count, total) = (0L, 0m);
        foreach (var line in lines)
        {
            sink.Write(Values(id, line));
            (count, total) = (count + 1, total + line.Amount);
            if (count % 10_000 == 0)
            {
                written?.Invoke(count);
            }
        }

        // The last count too, so that whoever listens knows every line is written and the commit comes next.
        if (count % 10_000 != 0)
        {
            written?.Invoke(count);
        }

        sink.Complete();
        return (count, total);
    }

    /// <summary>Where imported lines go, a row of <see cref="LineColumns"/> values at a time.</summary>
    private interface ILineSink : IDisposable
    {
        void Write(object?[] values);

        void Complete();
    }

    /// <summary>PostgreSQL: binary COPY, each value written with its own type.</summary>
    private sealed class CopySink(NpgsqlConnection connection) : ILineSink
    {
        private readonly NpgsqlBinaryImporter copy = connection.BeginBinaryImport($"COPY ledger_lines ({LineColumns}) FROM STDIN (FORMAT BINARY)");

        public void Write(object?[] values)
        {
            copy.StartRow();
            foreach (var value in values)
            {
                switch (value)
                {
                    case null:
                        copy.WriteNull();
                        break;
                    case long n:
                        copy.Write(n);
                        break;
                    case decimal d:
                        copy.Write(d);
                        break;
                    case bool b:
                        copy.Write(b);
                        break;
                    default:
                        copy.Write((string)value);
                        break;
                }
            }
        }

        public void Complete() => copy.Complete();

        public void Dispose() => copy.Dispose();
    }

    /// <summary>SQLite: one prepared INSERT; money as exact decimal text, flags as 0 and 1.</summary>
    private sealed class InsertSink : ILineSink
    {
        private readonly DbCommand command;
        private readonly DbParameter[] parameters;

        public InsertSink(DbConnection connection, DbTransaction t)
        {
            var names = LineColumns.Split(", ");
            command = connection.CreateCommand();
            command.Transaction = t;
            command.CommandText = $"INSERT INTO ledger_lines ({LineColumns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})";
            parameters = names.Select(n =>
            {
                var p = command.CreateParameter();
                p.ParameterName = "@" + n;
                command.Parameters.Add(p);
                return p;
            }).ToArray();
            command.Prepare();
        }

        public void Write(object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] switch
                {
                    decimal d => MoneyText(d),
                    bool b => b ? 1 : 0,
                    null => DBNull.Value,
                    var v => v,
                };
            }

            command.ExecuteNonQuery();
        }

        public void Complete()
        {
        }

        public void Dispose() => command.Dispose();
    }

    /// <summary>A line's values in the order of <see cref="LineColumns"/>: codes and titles as text, money as decimal.</summary>
    private static object?[] Values(long id, BudgetLine line) =>
    [
        id, (long)line.Source.Row, line.AgencyCode, line.Function.Value, line.Economic.Value, line.GovernmentEconomic?.Value, line.Kind.Title(),
        line.ProjectCode, line.ProjectName, line.ProjectCategory, line.Fund.Title(), line.Amount,
        line.Procurement == ProcurementType.None ? null : line.Procurement.Title(), line.ProcurementAmount, line.SmeAmount, line.MicroAmount,
        line.OfficialExpense == OfficialExpenseCategory.None ? null : line.OfficialExpense.Title(), line.IsOperatingExpense,
    ];

    /// <summary>Money as the database keeps it: NUMERIC on PostgreSQL, exact decimal text on SQLite.</summary>
    private object Money(decimal value) => provider == "postgres" ? value : MoneyText(value);

    private static string MoneyText(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static decimal ReadMoney(object value) => value switch
    {
        decimal d => d,
        string s => decimal.Parse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };
}
