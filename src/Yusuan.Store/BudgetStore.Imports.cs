using System.Buffers;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;
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
    /// the lines go by COPY (text format), on SQLite through one prepared statement. Until the commit nothing is visible, and a process
    /// killed at any moment leaves the database as it was before. <paramref name="written"/> hears the count of lines written
    /// every 10,000 lines. <paramref name="refusal"/>, asked once every line is written and before the commit, may give a
    /// reason to keep nothing (lines checked as they were read, and found wanting): the transaction is then rolled back and
    /// <see cref="StoreException"/> thrown with that reason. Returns the import as stored.
    /// </summary>
    public LedgerImport Import(ImportSource source, IEnumerable<BudgetLine> lines, string actor, Action<long>? written = null, Func<string?>? refusal = null)
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
            if (refusal?.Invoke() is { } reason)
            {
                throw new StoreException(reason);
            }

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
        using ILineSink sink = provider == "postgres" ? new CopySink((NpgsqlConnection)connection) : new InsertSink((SqliteConnection)connection);
        var (count, total) = (0L, 0m);
        foreach (var line in lines)
        {
            sink.Write(id, line);
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

    /// <summary>Where imported lines go, one line at a time, as the row of <see cref="LineColumns"/> that <see cref="Values"/> gives.</summary>
    private interface ILineSink : IDisposable
    {
        void Write(long importId, BudgetLine line);

        void Complete();
    }

    /// <summary>
    /// PostgreSQL: COPY in its text format (PostgreSQL's "COPY … FROM STDIN": a row a line, values separated by tabs, NULL as
    /// <c>\N</c>, a backslash, tab, line feed or carriage return in text escaped with a backslash), each row put together here
    /// in one buffer and handed over in blocks of about 32,000 characters. The server turns the text into values on its own
    /// core, as it does for psql's <c>\copy</c>; binary COPY made this process encode every value (NUMERIC's base-10,000
    /// digits among them), which set the import's pace (docs/benchmarks.md, issue 16, ninth step). Money is written as the
    /// decimal holds it (never in exponent form), so NUMERIC(18, 2) receives the same value the binary format carried.
    /// An import that does not reach <see cref="Complete"/> is cancelled: nothing written reaches the table.
    /// </summary>
    private sealed class CopySink(NpgsqlConnection connection) : ILineSink
    {
        private const int Block = 32_768;
        private static readonly SearchValues<char> Escaped = SearchValues.Create("\\\t\n\r");

        private readonly NpgsqlCopyTextWriter copy = (NpgsqlCopyTextWriter)connection.BeginTextImport($"COPY ledger_lines ({LineColumns}) FROM STDIN");
        private char[] text = new char[Block * 2];
        private int length;
        private bool rowStarted;
        private bool completed;

        public void Write(long importId, BudgetLine line)
        {
            rowStarted = false;
            Values(importId, line, new Row(this));
            Append("\n");
            if (length >= Block)
            {
                copy.Write(text, 0, length);
                length = 0;
            }
        }

        public void Complete()
        {
            copy.Write(text, 0, length);
            length = 0;
            completed = true;
            copy.Dispose(); // ends the COPY: the rows are in, within the transaction
        }

        public void Dispose()
        {
            if (completed)
            {
                return;
            }

            // Cancelling ends the COPY (the writer is not disposed after: that would flush into the ended COPY). If the
            // connection is already gone, the transaction is too: what made the import stop is the error to report.
            try
            {
                copy.Cancel();
            }
            catch (Exception e) when (e is NpgsqlException or IOException or ObjectDisposedException)
            {
            }
        }

        /// <summary>Room for <paramref name="count"/> more characters.</summary>
        private Span<char> Room(int count)
        {
            if (length + count > text.Length)
            {
                Array.Resize(ref text, Math.Max(text.Length * 2, length + count));
            }

            return text.AsSpan(length);
        }

        private void Append(ReadOnlySpan<char> value)
        {
            value.CopyTo(Room(value.Length));
            length += value.Length;
        }

        /// <summary>The separator before every value but a row's first.</summary>
        private void Next()
        {
            if (rowStarted)
            {
                Append("\t");
            }

            rowStarted = true;
        }

        private void AppendText(string value)
        {
            Next();
            var rest = value.AsSpan();
            for (var at = rest.IndexOfAny(Escaped); at >= 0; at = rest.IndexOfAny(Escaped))
            {
                Append(rest[..at]);
                Append(rest[at] switch
                {
                    '\\' => "\\\\",
                    '\t' => "\\t",
                    '\n' => "\\n",
                    _ => "\\r",
                });
                rest = rest[(at + 1)..];
            }

            Append(rest);
        }

        private void AppendFormatted<TValue>(TValue value)
            where TValue : ISpanFormattable
        {
            Next();
            if (!value.TryFormat(Room(64), out var written, default, CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException($"a value of {typeof(TValue).Name} longer than 64 characters");
            }

            length += written;
        }

        private readonly struct Row(CopySink sink) : IRow
        {
            public void Null()
            {
                sink.Next();
                sink.Append("\\N");
            }

            public void Integer(long value) => sink.AppendFormatted(value);

            public void Text(string value) => sink.AppendText(value);

            public void Money(decimal value) => sink.AppendFormatted(value);

            public void Flag(bool value)
            {
                sink.Next();
                sink.Append(value ? "t" : "f");
            }
        }
    }

    /// <summary>
    /// SQLite: one statement prepared on the connection's own handle (SQLitePCLRaw, the library under Microsoft.Data.Sqlite),
    /// each value bound in place — text as UTF-16 without a copy, money as exact decimal text, flags as 0 and 1 — stepped and
    /// reset per line, inside the connection's transaction: the ADO.NET command would box every value and check every parameter
    /// on every line, which made it the slowest part of an import.
    /// </summary>
    private sealed class InsertSink : ILineSink
    {
        private readonly sqlite3 database;
        private readonly sqlite3_stmt statement;

        public InsertSink(SqliteConnection connection)
        {
            database = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
            var names = LineColumns.Split(", ");
            Check(database, raw.sqlite3_prepare_v2(database, $"INSERT INTO ledger_lines ({LineColumns}) VALUES ({string.Join(", ", names.Select(_ => "?"))})", out statement));
        }

        public void Write(long importId, BudgetLine line)
        {
            Values(importId, line, new Row(database, statement));
            if (raw.sqlite3_step(statement) != raw.SQLITE_DONE)
            {
                Check(database, raw.sqlite3_errcode(database));
            }

            Check(database, raw.sqlite3_reset(statement));
        }

        public void Complete()
        {
        }

        public void Dispose() => statement.Dispose();

        /// <summary>Throws what SQLite says (as the provider would) unless <paramref name="code"/> is a success.</summary>
        private static void Check(sqlite3 database, int code)
        {
            if (code is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), code);
            }
        }

        /// <summary>
        /// Binds the values in column order (SQLite numbers parameters from 1), each bind checked: a binding that failed would
        /// leave the last line's value in place. SQLite copies what is bound (SQLITE_TRANSIENT), so spans may be short-lived.
        /// </summary>
        private struct Row(sqlite3 database, sqlite3_stmt statement) : IRow
        {
            private int index;

            public void Null() => Check(database, raw.sqlite3_bind_null(statement, ++index));

            public void Integer(long value) => Check(database, raw.sqlite3_bind_int64(statement, ++index, value));

            // Empty text is bound as empty text, not NULL (SQLitePCLRaw 2.1.13; ImportTests reads one back).
            public void Text(string value) => Check(database, raw.sqlite3_bind_text16(statement, ++index, value.AsSpan()));

            public void Money(decimal value)
            {
                if (value == 0m)
                {
                    // Most lines buy nothing through procurement: three of their four amounts are zero.
                    Check(database, raw.sqlite3_bind_text16(statement, ++index, "0.00".AsSpan()));
                    return;
                }

                Span<char> text = stackalloc char[40];
                value.TryFormat(text, out var length, "0.00", CultureInfo.InvariantCulture);
                Check(database, raw.sqlite3_bind_text16(statement, ++index, text[..length]));
            }

            public void Flag(bool value) => Check(database, raw.sqlite3_bind_int(statement, ++index, value ? 1 : 0));
        }
    }

    /// <summary>One row's values, written in column order with their types.</summary>
    private interface IRow
    {
        void Null();

        void Integer(long value);

        void Text(string value);

        void Money(decimal value);

        void Flag(bool value);
    }

    /// <summary>
    /// A line's values in the order of <see cref="LineColumns"/>, written to <paramref name="row"/>: codes and titles as text,
    /// money as decimal, the flag as a flag.
    /// </summary>
    private static void Values<TRow>(long id, BudgetLine line, TRow row)
        where TRow : IRow
    {
        // The row is written through this one local (a struct that counts its columns): never hand it on by value.
        void Text(ref TRow r, string? value)
        {
            if (value is null)
            {
                r.Null();
            }
            else
            {
                r.Text(value);
            }
        }

        row.Integer(id);
        row.Integer(line.Source.Row);
        row.Text(line.AgencyCode);
        row.Text(line.Function.Value);
        row.Text(line.Economic.Value);
        Text(ref row, line.GovernmentEconomic?.Value);
        row.Text(line.Kind.Title());
        Text(ref row, line.ProjectCode);
        Text(ref row, line.ProjectName);
        Text(ref row, line.ProjectCategory);
        row.Text(line.Fund.Title());
        row.Money(line.Amount);
        Text(ref row, line.Procurement == ProcurementType.None ? null : line.Procurement.Title());
        row.Money(line.ProcurementAmount);
        row.Money(line.SmeAmount);
        row.Money(line.MicroAmount);
        Text(ref row, line.OfficialExpense == OfficialExpenseCategory.None ? null : line.OfficialExpense.Title());
        row.Flag(line.IsOperatingExpense);
    }

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
