using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Yusuan.Core.Findings;
using Yusuan.Core.Model;

namespace Yusuan.Store;

/// <summary>One stored budget version; <see cref="Revision"/> counts its saves, so a save made from an older revision is refused.</summary>
public sealed record BudgetVersion(long Id, string DepartmentCode, int FiscalYear, int Number, BudgetState State, string DisclosureJson, string? Sha256, DateTime CreatedAt, DateTime? PublishedAt, int Revision);

/// <summary>What a version is compiled from: its ledger as CSV text, its profile (with the text parts) and its performance goals as YAML.</summary>
/// <summary>
/// What a version was compiled from — its ledger (CSV text), profile and goals (YAML) — and how its controlled rounding rounded
/// (<paramref name="Rounding"/>: rounding.json text, yusuan.rounding/1), which the next compile of the same budget rounds against.
/// </summary>
public sealed record VersionFiles(string LedgerCsv, string Profile, string? Performance, string? Rounding = null);

/// <summary>A user of the web application: their role, and the agencies an officer acts for.</summary>
public sealed record User(string Name, string Role, IReadOnlyList<string> Agencies);

/// <summary>One of a user's API tokens as listed: its id (the start of its digest; the token itself is shown only once), label, and when it was made and runs out (UTC).</summary>
public sealed record ApiToken(string Id, string Label, DateTime CreatedAt, DateTime ExpiresAt);

/// <summary>One entry of the audit log: who did what, when, to which version.</summary>
public sealed record AuditEntry(DateTime At, string Actor, string Action, long? VersionId, string Detail);

/// <summary>
/// The budget store over SQLite (embedded default) or PostgreSQL (server): the same SQL, migrations per provider. Every state
/// change runs in one transaction with its audit-log entry, so it happens whole or not at all. A published version never
/// changes; a correction is a new version.
/// </summary>
public sealed partial class BudgetStore : IDisposable
{
    private readonly DbConnection connection;
    private readonly string provider;

    private BudgetStore(DbConnection connection, string provider)
    {
        this.connection = connection;
        this.provider = provider;
    }

    /// <summary>Opens "sqlite:PATH" or "postgres:CONNECTION STRING".</summary>
    public static BudgetStore Open(string spec)
    {
        var at = spec.IndexOf(':', StringComparison.Ordinal);
        var (kind, target) = at < 0 ? ("sqlite", spec) : (spec[..at], spec[(at + 1)..]);
        DbConnection connection = kind switch
        {
            "sqlite" => new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, ForeignKeys = true }.ToString()),
            "postgres" => new NpgsqlConnection(target),
            _ => throw new StoreException($"不支持的数据库“{kind}”（可用 sqlite:路径 或 postgres:连接串）"),
        };
        if (kind == "sqlite" && Path.GetDirectoryName(Path.GetFullPath(target)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }

        connection.Open();
        return new BudgetStore(connection, kind);
    }

    public void Dispose() => connection.Dispose();

    /// <summary>Applies the migrations this database has not had yet, each in its own transaction; returns how many ran.</summary>
    public int Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        var applied = Query("SELECT version FROM schema_migrations", r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture)).ToHashSet();
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"Yusuan.Store.Migrations.{provider}";
        var ran = 0;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.Length > prefix.Length && n[prefix.Length] is '/' or '\\' or '.').Order(StringComparer.Ordinal))
        {
            var version = int.Parse(name[(prefix.Length + 1)..].Split('_')[0], CultureInfo.InvariantCulture);
            if (applied.Contains(version))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            var sql = new StreamReader(stream).ReadToEnd();
            InTransaction(transaction =>
            {
                foreach (var statement in sql.Split(';').Select(s => string.Join('\n', s.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)))).Where(s => s.Trim().Length > 0))
                {
                    Execute(statement, transaction);
                }

                Execute("INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @at)", transaction, ("v", version), ("at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
            });
            ran++;
        }

        return ran;
    }

    /// <summary>Keeps the department's profile and performance goals (YAML), which compiling an uploaded ledger needs.</summary>
    public void SaveDepartmentFiles(string code, string profileYaml, string? performanceYaml) =>
        InTransaction(t => Execute("UPDATE departments SET profile_yaml = @p, performance_yaml = @g WHERE code = @c", t, ("p", profileYaml), ("g", (object?)performanceYaml ?? DBNull.Value), ("c", code)));

    public (string? Profile, string? Performance) DepartmentFiles(string code) =>
        Query("SELECT profile_yaml, performance_yaml FROM departments WHERE code = @c", r => (r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)), null, ("c", code)).SingleOrDefault();

    /// <summary>
    /// Adds a user with a role, the agencies they act for and (for signing in to the pages) a password, kept only as a PBKDF2 hash;
    /// returns their API token, which is shown once and stored only as a digest.
    /// </summary>
    public string AddUser(string name, string role, IEnumerable<string> agencies, string actor, string? password = null)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        InTransaction(t =>
        {
            Execute("INSERT INTO users (name, role, password_hash) VALUES (@n, @r, @p)", t, ("n", name), ("r", role), ("p", password is null ? DBNull.Value : Passwords.Hash(password)));
            foreach (var agency in agencies)
            {
                Execute("INSERT INTO user_agencies (user_name, agency_code) VALUES (@n, @a)", t, ("n", name), ("a", agency));
            }

            InsertToken(t, name, token, "初始令牌", TokenLifetime);
            Log(t, actor, "user", null, $"新增用户 {name}（{role}）");
        });
        return token;
    }

    /// <summary>How long an API token is valid unless asked otherwise: 90 days.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(90);

    /// <summary>A new API token for <paramref name="name"/>, valid for <paramref name="lifetime"/>; returned once, stored as a digest.</summary>
    public string NewToken(string name, string label, TimeSpan lifetime, string actor)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        InTransaction(t =>
        {
            InsertToken(t, name, token, label, lifetime);
            Log(t, actor, "token", null, $"为 {name} 新建 API 令牌“{label}”");
        });
        return token;
    }

    /// <summary>A user's API tokens still valid, newest first: an id (the start of the token's digest, not the token), label and dates.</summary>
    public IReadOnlyList<ApiToken> Tokens(string name) =>
        Query("SELECT id_sha256, label, created_at, expires_at FROM api_tokens WHERE user_name = @n AND expires_at > @now ORDER BY created_at DESC",
            r => new ApiToken(r.GetString(0)[..TokenIdLength], r.GetString(1), Moment(r, 2), Moment(r, 3)), null, ("n", name), ("now", DateTime.UtcNow));

    /// <summary>Revokes one of the user's tokens by its id; false when they have none of that id.</summary>
    public bool RevokeToken(string name, string id, string actor)
    {
        if (id.Length != TokenIdLength || !id.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        var revoked = 0;
        InTransaction(t =>
        {
            revoked = Execute("DELETE FROM api_tokens WHERE user_name = @n AND id_sha256 LIKE @id", t, ("n", name), ("id", id + "%"));
            if (revoked > 0)
            {
                Log(t, actor, "token", null, $"吊销 {name} 的 API 令牌 {id}");
            }
        });
        return revoked > 0;
    }

    private const int TokenIdLength = 12;

    /// <summary>The id a token is listed and revoked by: the start of its digest, which does not give the token away.</summary>
    public static string TokenId(string token) => Digest(token)[..TokenIdLength];

    private void InsertToken(DbTransaction t, string name, string token, string label, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        Execute("INSERT INTO api_tokens (id_sha256, user_name, label, created_at, expires_at) VALUES (@h, @n, @l, @at, @until)", t,
            ("h", Digest(token)), ("n", name), ("l", label), ("at", now), ("until", now + lifetime));
    }

    private static DateTime Moment(DbDataReader reader, int column) =>
        reader.GetFieldType(column) == typeof(string) ? DateTime.Parse(reader.GetString(column), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) : DateTime.SpecifyKind(reader.GetDateTime(column), DateTimeKind.Utc);

    /// <summary>Sets a user's password (hashed), ends their sessions and revokes their API tokens.</summary>
    public void SetPassword(string name, string password, string actor) =>
        InTransaction(t =>
        {
            Execute("UPDATE users SET password_hash = @p WHERE name = @n", t, ("p", Passwords.Hash(password)), ("n", name));
            Execute("DELETE FROM sessions WHERE user_name = @n", t, ("n", name));

            // A new password ends every way in: the sessions and the API tokens alike.
            Execute("DELETE FROM api_tokens WHERE user_name = @n", t, ("n", name));
            Log(t, actor, "password", null, $"重设用户 {name} 的密码");
        });

    /// <summary>The user a token belongs to, with their role and agencies; null for an unknown, expired or revoked token.</summary>
    public User? UserByToken(string token) =>
        Query("SELECT user_name FROM api_tokens WHERE id_sha256 = @h AND expires_at > @now", r => r.GetString(0), null, ("h", Digest(token)), ("now", DateTime.UtcNow)).SingleOrDefault() is { } name
            ? UserNamed(name)
            : null;

    /// <summary>
    /// Signs a user in with their password: a new session whose id (returned, for the cookie) is stored only as a digest and
    /// lasts <paramref name="lifetime"/>. Null when the name or password is wrong — the two are not told apart.
    /// </summary>
    public string? StartSession(string name, string password, TimeSpan lifetime)
    {
        var hash = Query("SELECT password_hash FROM users WHERE name = @n", r => r.IsDBNull(0) ? null : r.GetString(0), null, ("n", name)).SingleOrDefault();
        if (!Passwords.Verify(password, hash))
        {
            return null;
        }

        var session = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = DateTime.UtcNow;
        InTransaction(t =>
        {
            Execute("DELETE FROM sessions WHERE expires_at < @now", t, ("now", now));
            Execute("INSERT INTO sessions (id_sha256, user_name, created_at, expires_at) VALUES (@h, @n, @at, @until)", t, ("h", Digest(session)), ("n", name), ("at", now), ("until", now + lifetime));
            Log(t, name, "signin", null, "登录");
        });
        return session;
    }

    /// <summary>The user of a session that has not expired or ended; null otherwise.</summary>
    public User? UserBySession(string session) =>
        Query("SELECT user_name FROM sessions WHERE id_sha256 = @h AND expires_at > @now", r => r.GetString(0), null, ("h", Digest(session)), ("now", DateTime.UtcNow)).SingleOrDefault() is { } name
            ? UserNamed(name)
            : null;

    public void EndSession(string session) => Execute("DELETE FROM sessions WHERE id_sha256 = @h", null, ("h", Digest(session)));

    private User? UserNamed(string name)
    {
        var role = Query("SELECT role FROM users WHERE name = @n", r => r.GetString(0), null, ("n", name)).SingleOrDefault();
        return role is null ? null : new User(name, role, Query("SELECT agency_code FROM user_agencies WHERE user_name = @n ORDER BY agency_code", r => r.GetString(0), null, ("n", name)));
    }

    public IReadOnlyList<User> Users()
    {
        var agencies = Query("SELECT user_name, agency_code FROM user_agencies ORDER BY agency_code", r => (r.GetString(0), r.GetString(1)));
        return Query("SELECT name, role FROM users ORDER BY id", r => (r.GetString(0), r.GetString(1)))
            .Select(u => new User(u.Item1, u.Item2, agencies.Where(a => a.Item1 == u.Item1).Select(a => a.Item2).ToList())).ToList();
    }

    private static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public void SaveDepartment(string code, string name) => InTransaction(t => SaveDepartment(t, code, name));

    /// <summary>
    /// Registers a new department with its profile (and goals, if any): who it is comes from here on from the store. Refused
    /// (<see cref="StoreException"/>) when the code is registered already.
    /// </summary>
    public void RegisterDepartment(string code, string name, string profileYaml, string? performanceYaml, string actor) =>
        InTransaction(t =>
        {
            if (Query("SELECT name FROM departments WHERE code = @c", r => r.GetString(0), t, ("c", code)).FirstOrDefault() is { } existing)
            {
                throw new StoreException($"部门编码 {code} 已登记（{existing}）");
            }

            Execute("INSERT INTO departments (code, name, profile_yaml, performance_yaml) VALUES (@c, @n, @p, @g)", t,
                ("c", code), ("n", name), ("p", profileYaml), ("g", (object?)performanceYaml ?? DBNull.Value));
            Log(t, actor, "department", null, $"登记部门 {code} {name}");
        });

    /// <summary>The fiscal years each department has versions of, without reading any version's content.</summary>
    public ILookup<string, int> VersionYears() =>
        Query("SELECT DISTINCT department_code, fiscal_year FROM budget_versions", r => (r.GetString(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)))
            .ToLookup(y => y.Item1, y => y.Item2);

    /// <summary>Every registered department: code and name, by code.</summary>
    public IReadOnlyList<(string Code, string Name)> Departments() =>
        Query("SELECT code, name FROM departments ORDER BY code", r => (r.GetString(0), r.GetString(1)));

    /// <summary>Replaces the agencies (department codes) a user acts for; refused for a user who is not there.</summary>
    public void SetAgencies(string name, IEnumerable<string> agencies, string actor) =>
        InTransaction(t =>
        {
            if (Query("SELECT COUNT(*) FROM users WHERE name = @n", r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), t, ("n", name)).Single() == 0)
            {
                throw new StoreException($"没有用户“{name}”");
            }

            var codes = agencies.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
            Execute("DELETE FROM user_agencies WHERE user_name = @n", t, ("n", name));
            foreach (var code in codes)
            {
                Execute("INSERT INTO user_agencies (user_name, agency_code) VALUES (@n, @a)", t, ("n", name), ("a", code));
            }

            Log(t, actor, "user", null, $"{name} 代表的单位改为：{(codes.Count == 0 ? "无" : string.Join("、", codes))}");
        });

    private void SaveDepartment(DbTransaction t, string code, string name)
    {
        var exists = Query("SELECT COUNT(*) FROM departments WHERE code = @c", r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), t, ("c", code)).Single() > 0;
        Execute(exists ? "UPDATE departments SET name = @n WHERE code = @c" : "INSERT INTO departments (code, name) VALUES (@c, @n)", t, ("c", code), ("n", name));
    }

    /// <summary>Stores a new draft version (the next number for the department and year) with its lines, disclosure, findings and the files it was compiled from.</summary>
    public long CreateDraft(string department, int year, IEnumerable<BudgetLine> lines, string disclosureJson, IEnumerable<Finding> findings, string actor, VersionFiles? files = null)
    {
        long id = 0;
        InTransaction(t =>
        {
            var number = Query("SELECT COALESCE(MAX(number), 0) FROM budget_versions WHERE department_code = @d AND fiscal_year = @y", r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), t, ("d", department), ("y", year)).Single() + 1;
            id = Query(
                "INSERT INTO budget_versions (department_code, fiscal_year, number, state, disclosure_json, created_at, ledger_csv, profile_yaml, performance_yaml, rounding_json) VALUES (@d, @y, @n, @s, @j, @at, @l, @p, @g, @r) RETURNING id",
                r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), t, ("d", department), ("y", year), ("n", number), ("s", BudgetState.Draft.Key()), ("j", disclosureJson), ("at", DateTime.UtcNow),
                ("l", (object?)files?.LedgerCsv ?? DBNull.Value), ("p", (object?)files?.Profile ?? DBNull.Value), ("g", (object?)files?.Performance ?? DBNull.Value), ("r", (object?)files?.Rounding ?? DBNull.Value)).Single();
            WriteContent(t, id, lines, findings);
            Log(t, actor, "create", id, $"新建 {year} 年第 {number} 版草稿");
        });
        return id;
    }

    /// <summary>
    /// Replaces the lines, disclosure, findings and files of a version the unit still holds (draft or returned), if nobody saved it
    /// since <paramref name="revision"/>; returns the new revision. A save from an older revision is refused with
    /// <see cref="StoreConflictException"/> and changes nothing.
    /// </summary>
    public int ReplaceContent(long versionId, int revision, IEnumerable<BudgetLine> lines, string disclosureJson, IEnumerable<Finding> findings, string actor, VersionFiles files, string what = "修改预算明细")
    {
        InTransaction(t =>
        {
            var version = Get(versionId, t);
            if (!version.State.IsEditable())
            {
                throw new StoreException($"第 {version.Number} 版处于“{version.State.Title()}”状态，不能修改{(version.State == BudgetState.Published ? "；已公开的版本只能通过更正生成新版本" : string.Empty)}");
            }

            // The guarded update is the lock: of two saves from the same revision exactly one matches.
            using (var update = Command(
                "UPDATE budget_versions SET disclosure_json = @j, ledger_csv = @l, profile_yaml = @p, performance_yaml = @g, rounding_json = @rounding, revision = revision + 1 WHERE id = @id AND revision = @r",
                t, [("j", disclosureJson), ("l", files.LedgerCsv), ("p", files.Profile), ("g", (object?)files.Performance ?? DBNull.Value), ("rounding", (object?)files.Rounding ?? DBNull.Value), ("id", versionId), ("r", revision)]))
            {
                if (update.ExecuteNonQuery() == 0)
                {
                    var last = Query("SELECT actor, at FROM audit_log WHERE version_id = @id AND action = 'edit' ORDER BY id DESC LIMIT 1", r => (r.GetString(0), Time(r.GetValue(1))), t, ("id", versionId)).SingleOrDefault();
                    throw new StoreConflictException(
                        $"第 {version.Number} 版已被{(last == default ? "他人" : $" {last.Item1} 于 {last.Item2.AddHours(8):yyyy-MM-dd HH:mm:ss}（北京时间）")}保存（现为第 {version.Revision} 次修订，你的修改基于第 {revision} 次），你的修改没有保存",
                        version.Revision);
                }
            }

            Execute("DELETE FROM budget_lines WHERE version_id = @id", t, ("id", versionId));
            Execute("DELETE FROM findings WHERE version_id = @id", t, ("id", versionId));
            WriteContent(t, versionId, lines, findings);
            Log(t, actor, "edit", versionId, $"{what}（第 {revision + 1} 次修订）");
        });
        return revision + 1;
    }

    /// <summary>What a version was compiled from; versions stored before the files were kept fall back to the department's profile and goals.</summary>
    public VersionFiles? Files(long versionId) =>
        Query(
            "SELECT v.ledger_csv, COALESCE(v.profile_yaml, d.profile_yaml), COALESCE(v.performance_yaml, d.performance_yaml), v.rounding_json FROM budget_versions v JOIN departments d ON d.code = v.department_code WHERE v.id = @id",
            r => r.IsDBNull(0) || r.IsDBNull(1) ? null : new VersionFiles(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)), null, ("id", versionId)).SingleOrDefault();

    /// <summary>Moves a version to its next state (with a comment for returns); publishing fixes its SHA-256 for good.</summary>
    /// <param name="separateDuties">
    /// Whether one account may not take two steps of the review: who submitted a version does not approve it, who approved it
    /// does not publish it (on by default in the web application; a small office may turn it off).
    /// </param>
    public void Move(long versionId, BudgetState to, string actor, string? comment = null, bool separateDuties = false) =>
        InTransaction(t =>
        {
            var version = Get(versionId, t);
            if (!BudgetStates.CanMove(version.State, to))
            {
                throw new StoreException($"第 {version.Number} 版不能从“{version.State.Title()}”改为“{to.Title()}”");
            }

            if (to == BudgetState.Returned && string.IsNullOrWhiteSpace(comment))
            {
                throw new StoreException($"退回第 {version.Number} 版须写明原因：单位要据此修改");
            }

            if (separateDuties && to is BudgetState.Approved or BudgetState.Published)
            {
                var step = to == BudgetState.Approved ? BudgetState.Submitted : BudgetState.Approved;
                var by = Query("SELECT actor FROM audit_log WHERE version_id = @id AND action = @x ORDER BY id DESC", r => r.GetString(0), t, ("id", versionId), ("x", step.Key())).FirstOrDefault();
                if (by == actor)
                {
                    throw new StoreException($"第 {version.Number} 版由 {actor} {(step == BudgetState.Submitted ? "提交" : "批复")}，须由另一个账号{(to == BudgetState.Approved ? "审核通过" : "公开")}（职责分离）");
                }
            }

            // A budget with errors goes back to the unit, not up to the reviewer.
            var errors = to == BudgetState.Submitted
                ? Query("SELECT COUNT(*) FROM findings WHERE version_id = @id AND severity = 'error'", r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), t, ("id", versionId)).Single()
                : 0;
            if (errors > 0)
            {
                throw new StoreException($"第 {version.Number} 版的检查结果有 {errors} 条错误，改正后才能提交");
            }

            if (to == BudgetState.Published)
            {
                var sha = Digest(version.DisclosureJson);
                Execute("UPDATE budget_versions SET state = @s, sha256 = @h, published_at = @at WHERE id = @id", t, ("s", to.Key()), ("h", sha), ("at", DateTime.UtcNow), ("id", versionId));
            }
            else
            {
                Execute("UPDATE budget_versions SET state = @s WHERE id = @id", t, ("s", to.Key()), ("id", versionId));
            }

            if (comment is not null)
            {
                Execute("INSERT INTO comments (version_id, author, text, created_at) VALUES (@id, @a, @c, @at)", t, ("id", versionId), ("a", actor), ("c", comment), ("at", DateTime.UtcNow));
            }

            Log(t, actor, to.Key(), versionId, $"{version.State.Title()} → {to.Title()}{(comment is null ? string.Empty : "：" + comment)}");
        });

    /// <summary>The comments left on a version as it moved (a return's reason, an approval's remark), newest first.</summary>
    public IReadOnlyList<(string Author, string Text, DateTime At)> Comments(long versionId) =>
        Query("SELECT author, text, created_at FROM comments WHERE version_id = @id ORDER BY created_at DESC", r => (r.GetString(0), r.GetString(1), Moment(r, 2)), null, ("id", versionId));

    /// <summary>A correction of a published version: a new draft with the same lines and disclosure; the published one stays as it is.</summary>
    public long Correct(long publishedId, string actor)
    {
        var version = Get(publishedId, null);
        if (version.State != BudgetState.Published)
        {
            throw new StoreException($"只有已公开的版本需要更正；第 {version.Number} 版处于“{version.State.Title()}”状态，可直接修改");
        }

        long id = 0;
        InTransaction(t =>
        {
            var number = Query("SELECT MAX(number) FROM budget_versions WHERE department_code = @d AND fiscal_year = @y", r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), t, ("d", version.DepartmentCode), ("y", version.FiscalYear)).Single() + 1;
            id = Query(
                "INSERT INTO budget_versions (department_code, fiscal_year, number, state, disclosure_json, created_at, ledger_csv, profile_yaml, performance_yaml, rounding_json) " +
                "SELECT department_code, fiscal_year, @n, @s, disclosure_json, @at, ledger_csv, profile_yaml, performance_yaml, rounding_json FROM budget_versions WHERE id = @old RETURNING id",
                r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), t, ("n", number), ("s", BudgetState.Draft.Key()), ("at", DateTime.UtcNow), ("old", publishedId)).Single();
            Execute(
                "INSERT INTO budget_lines (version_id, line_number, agency_code, exp_func_code, dep_bgt_eco_code, exp_kind, pro_code, fund_type_code, amount) " +
                "SELECT @id, line_number, agency_code, exp_func_code, dep_bgt_eco_code, exp_kind, pro_code, fund_type_code, amount FROM budget_lines WHERE version_id = @old",
                t, ("id", id), ("old", publishedId));
            Log(t, actor, "correct", id, $"更正第 {version.Number} 版，生成第 {number} 版草稿");
        });
        return id;
    }

    public BudgetVersion Get(long id) => Get(id, null);

    /// <summary>The version with this id, or null when there is none.</summary>
    public BudgetVersion? Find(long id) => Find(id, null);

    /// <summary>The latest published version of each department and year, with the department's name.</summary>
    public IReadOnlyList<(string Code, string Name, int Year, BudgetVersion Version)> Published() =>
        Query(
            "SELECT " + VersionColumns + ", d.name " +
            "FROM budget_versions v JOIN departments d ON d.code = v.department_code WHERE v.state = 'published' " +
            "AND v.number = (SELECT MAX(w.number) FROM budget_versions w WHERE w.department_code = v.department_code AND w.fiscal_year = v.fiscal_year AND w.state = 'published') " +
            "ORDER BY v.department_code, v.fiscal_year",
            r => (r.GetString(1), r.GetString(10), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), ReadVersion(r)));

    /// <summary>One line of the portal's list: a department's latest published version of a year, without its content.</summary>
    public sealed record PublishedEntry(string Code, string Name, int Year, int Number, string? Sha256, DateTime? PublishedAt);

    /// <summary>
    /// The portal's list, a page at a time: each department's latest published version of each year (by code, then the later
    /// year first), filtered by year and by a text found in the name or the code, without reading any disclosure; and how
    /// many there are in all.
    /// </summary>
    public (IReadOnlyList<PublishedEntry> Page, int Total) PublishedList(int? year, string? text, int offset, int limit)
    {
        var parameters = new List<(string Name, object Value)>();
        var latest = "FROM budget_versions v JOIN departments d ON d.code = v.department_code WHERE v.state = 'published' " +
            "AND v.number = (SELECT MAX(w.number) FROM budget_versions w WHERE w.department_code = v.department_code AND w.fiscal_year = v.fiscal_year AND w.state = 'published')";
        if (year is not null)
        {
            latest += " AND v.fiscal_year = @year";
            parameters.Add(("year", year.Value));
        }

        if (!string.IsNullOrEmpty(text))
        {
            // The text as it is: LIKE's wildcards in it match themselves.
            latest += " AND (d.name LIKE @like ESCAPE '\\' OR d.code LIKE @like ESCAPE '\\')";
            parameters.Add(("like", "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%"));
        }

        var total = Query("SELECT COUNT(*) " + latest, r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), null, [.. parameters]).Single();
        var page = Query(
            "SELECT v.department_code, d.name, v.fiscal_year, v.number, v.sha256, v.published_at " + latest + " ORDER BY v.department_code, v.fiscal_year DESC LIMIT @limit OFFSET @offset",
            r => new PublishedEntry(r.GetString(0), r.GetString(1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : Moment(r, 5)),
            null,
            [.. parameters, ("limit", limit), ("offset", offset)]);
        return (page, total);
    }

    /// <summary>A published version's document in a format (pdf, xlsx, docx) as kept when first rendered; null when not yet rendered.</summary>
    public byte[]? Rendered(long versionId, string format) =>
        Query("SELECT content FROM rendered_documents WHERE version_id = @v AND format = @f", r => (byte[])r.GetValue(0), null, ("v", versionId), ("f", format)).SingleOrDefault();

    /// <summary>
    /// Keeps a published version's document as rendered; returns what is kept, which is the first rendering when two were made
    /// at once. Refused (<see cref="StoreException"/>) for a version that is not published: only what never changes is kept.
    /// </summary>
    public byte[] KeepRendered(long versionId, string format, byte[] content)
    {
        InTransaction(t =>
        {
            if (Get(versionId, t).State != BudgetState.Published)
            {
                throw new StoreException($"只保存已公开版本的文件；版本 {versionId} 尚未公开");
            }

            Execute("INSERT INTO rendered_documents (version_id, format, content) VALUES (@v, @f, @c) ON CONFLICT (version_id, format) DO NOTHING", t, ("v", versionId), ("f", format), ("c", content));
        });
        return Rendered(versionId, format)!;
    }

    /// <summary>
    /// What changes whenever the set of published versions changes (a publication, a correction published): how many there
    /// are and the latest id — for a cache of the portal's list to know it is still the list, at the cost of one small query.
    /// </summary>
    public string PublishedStamp() =>
        Query("SELECT COUNT(*), MAX(id), (SELECT COUNT(*) FROM departments) FROM budget_versions WHERE state = 'published'",
            r => string.Join(':', r.GetValue(0), r.IsDBNull(1) ? "-" : r.GetValue(1), r.GetValue(2))).Single();

    /// <summary>The fiscal years with a published budget, the latest first: the portal's year filter.</summary>
    public IReadOnlyList<int> PublishedYears() =>
        Query("SELECT DISTINCT fiscal_year FROM budget_versions WHERE state = 'published' ORDER BY fiscal_year DESC", r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture));

    /// <summary>The latest published version of one department's budget for a year, or null when none is published.</summary>
    public BudgetVersion? Published(string department, int year) =>
        Query(
            "SELECT " + VersionColumns + " " +
            "FROM budget_versions v WHERE v.department_code = @code AND v.fiscal_year = @year AND v.state = 'published' ORDER BY v.number DESC LIMIT 1",
            ReadVersion, null, ("code", department), ("year", year)).SingleOrDefault();

    /// <summary>The id of the latest published version of one department's budget for a year, without its content; null when none is published.</summary>
    public long? PublishedId(string department, int year) =>
        Query(
            "SELECT id FROM budget_versions WHERE department_code = @code AND fiscal_year = @year AND state = 'published' ORDER BY number DESC LIMIT 1",
            r => (long?)Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), null, ("code", department), ("year", year)).SingleOrDefault();

    /// <summary>
    /// A version's findings, whole (rule, severity, category, message, location, expected, actual, tolerance), in the order
    /// they were found. A finding stored before migration 6 has only rule, severity and message: its category is empty and
    /// its location says nothing.
    /// </summary>
    public IReadOnlyList<Finding> Findings(long versionId) =>
        Query(
            "SELECT rule, severity, message, category, location_json, expected, actual, tolerance FROM findings WHERE version_id = @id ORDER BY position",
            r => new Finding(
                r.GetString(0),
                Enum.Parse<Severity>(r.GetString(1), ignoreCase: true),
                r.IsDBNull(3) ? string.Empty : r.GetString(3),
                r.GetString(2),
                r.IsDBNull(4) ? new Location() : JsonSerializer.Deserialize<Location>(r.GetString(4), LocationJson) ?? new Location(),
                Figure(r, 5),
                Figure(r, 6),
                Figure(r, 7)),
            null,
            ("id", versionId));

    /// <summary>How a finding's location is kept: camelCase, absent parts left out.</summary>
    private static readonly JsonSerializerOptions LocationJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>An exact figure: NUMERIC in PostgreSQL, the decimal's text in SQLite.</summary>
    private static decimal? Figure(DbDataReader r, int column) =>
        r.IsDBNull(column) ? null : Convert.ToDecimal(r.GetValue(column), CultureInfo.InvariantCulture);

    /// <summary>Versions in the given states, across departments, oldest first — the review queue.</summary>
    public IReadOnlyList<(string Name, BudgetVersion Version, int Errors, int Warnings)> Queue(params BudgetState[] states) =>
        Query(
            "SELECT " + VersionColumns + ", d.name, " +
            "(SELECT COUNT(*) FROM findings f WHERE f.version_id = v.id AND f.severity = 'error'), (SELECT COUNT(*) FROM findings f WHERE f.version_id = v.id AND f.severity = 'warning') " +
            "FROM budget_versions v JOIN departments d ON d.code = v.department_code ORDER BY v.id",
            r => (r.GetString(10), ReadVersion(r), Convert.ToInt32(r.GetValue(11), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(12), CultureInfo.InvariantCulture)))
        .Where(q => states.Contains(q.Item2.State)).ToList();

    public IReadOnlyList<BudgetVersion> Versions(string department) =>
        Query("SELECT " + VersionColumns + " FROM budget_versions v WHERE v.department_code = @d ORDER BY v.fiscal_year, v.number", ReadVersion, null, ("d", department));

    public bool HasDepartments() => Query("SELECT COUNT(*) FROM departments", r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)).Single() > 0;

    public IReadOnlyList<BudgetVersion> Versions(string department, int year) =>
        Query("SELECT " + VersionColumns + " FROM budget_versions v WHERE v.department_code = @d AND v.fiscal_year = @y ORDER BY v.number", ReadVersion, null, ("d", department), ("y", year));

    public IReadOnlyList<(string Agency, string Function, string Economic, decimal Amount)> Lines(long versionId) =>
        Query("SELECT agency_code, exp_func_code, dep_bgt_eco_code, amount FROM budget_lines WHERE version_id = @id ORDER BY line_number",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), Convert.ToDecimal(r.GetValue(3), CultureInfo.InvariantCulture)), null, ("id", versionId));

    public IReadOnlyList<AuditEntry> AuditLog(long versionId) =>
        Query("SELECT at, actor, action, version_id, detail FROM audit_log WHERE version_id = @id ORDER BY id",
            r => new AuditEntry(Time(r.GetValue(0)), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture), r.GetString(4)), null, ("id", versionId));

    private BudgetVersion Get(long id, DbTransaction? transaction) =>
        Find(id, transaction) ?? throw new StoreException($"没有编号为 {id} 的预算版本");

    private BudgetVersion? Find(long id, DbTransaction? transaction) =>
        Query("SELECT " + VersionColumns + " FROM budget_versions v WHERE v.id = @id", ReadVersion, transaction, ("id", id)).SingleOrDefault();

    private const string VersionColumns = "v.id, v.department_code, v.fiscal_year, v.number, v.state, v.disclosure_json, v.sha256, v.created_at, v.published_at, v.revision";

    private static BudgetVersion ReadVersion(DbDataReader r) => new(
        Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), r.GetString(1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture),
        BudgetStates.Parse(r.GetString(4)), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), Time(r.GetValue(7)), r.IsDBNull(8) ? null : Time(r.GetValue(8)), Convert.ToInt32(r.GetValue(9), CultureInfo.InvariantCulture));

    private static DateTime Time(object value) => value switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        DateTimeOffset o => o.UtcDateTime,
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidOperationException("Unexpected time value " + value.GetType()),
    };

    private void WriteContent(DbTransaction t, long versionId, IEnumerable<BudgetLine> lines, IEnumerable<Finding> findings)
    {
        var number = 0;
        foreach (var line in lines)
        {
            Execute(
                "INSERT INTO budget_lines (version_id, line_number, agency_code, exp_func_code, dep_bgt_eco_code, exp_kind, pro_code, fund_type_code, amount) VALUES (@v, @n, @a, @f, @e, @k, @p, @fund, @amount)",
                t, ("v", versionId), ("n", line.Source.Row > 0 ? line.Source.Row : ++number), ("a", line.AgencyCode), ("f", line.Function.Value), ("e", line.Economic.Value),
                ("k", line.Kind.Title()), ("p", (object?)line.ProjectCode ?? DBNull.Value), ("fund", line.Fund.Title()), ("amount", line.Amount));
        }

        var position = 0;
        foreach (var finding in findings)
        {
            Execute(
                "INSERT INTO findings (version_id, position, rule, severity, message, category, location_json, expected, actual, tolerance) VALUES (@v, @p, @r, @s, @m, @c, @l, @e, @a, @t)",
                t, ("v", versionId), ("p", position++), ("r", finding.Rule), ("s", finding.Severity.ToString().ToLowerInvariant()), ("m", finding.Message), ("c", finding.Category),
                ("l", JsonSerializer.Serialize(finding.Location, LocationJson)), ("e", (object?)finding.Expected ?? DBNull.Value), ("a", (object?)finding.Actual ?? DBNull.Value),
                ("t", (object?)finding.Tolerance ?? DBNull.Value));
        }
    }

    private void Log(DbTransaction t, string actor, string action, long? versionId, string detail) =>
        Execute("INSERT INTO audit_log (at, actor, action, version_id, detail) VALUES (@at, @a, @x, @v, @d)", t, ("at", DateTime.UtcNow), ("a", actor), ("x", action), ("v", (object?)versionId ?? DBNull.Value), ("d", detail));

    private void InTransaction(Action<DbTransaction> work)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            work(transaction);
            transaction.Commit();
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    private DbCommand Command(string sql, DbTransaction? transaction, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value is DateTime time && provider == "sqlite" ? time.ToString("O", CultureInfo.InvariantCulture) : value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <returns>The rows the statement changed.</returns>
    private int Execute(string sql, DbTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, transaction, parameters);
        return command.ExecuteNonQuery();
    }

    private List<T> Query<T>(string sql, Func<DbDataReader, T> read, DbTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, transaction, parameters);
        using var reader = command.ExecuteReader();
        var result = new List<T>();
        while (reader.Read())
        {
            result.Add(read(reader));
        }

        return result;
    }
}
