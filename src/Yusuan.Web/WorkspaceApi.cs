using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Yusuan.Core.Findings;
using Yusuan.Formats.Json;
using Yusuan.Store;

namespace Yusuan.Web;

/// <summary>
/// The write API of the workspace and the review, and one's own API tokens. A token (Authorization: Bearer …) or a session
/// cookie with the antiforgery token names the user; each endpoint names its policy (<see cref="Policies"/>) and a version's
/// department is checked against the user's agencies. Input problems are 400 with every row and column; a state the budget
/// cannot take is 409.
/// </summary>
internal static class WorkspaceApi
{
    public static void Map(RouteGroupBuilder api, Func<BudgetStore> open, Workflow workflow)
    {
        MapTokens(api, open);

        api.MapPost("/budgets/{code}/{year:int}/drafts", async (string code, int year, HttpRequest request, ClaimsPrincipal caller) =>
        {
            using var store = open();
            if (NotActingFor(caller, code) is { } denied)
            {
                return denied;
            }

            if (!request.HasFormContentType || (await request.ReadFormAsync()).Files.GetFile("ledger") is not { } file)
            {
                return Results.Problem("请以 multipart/form-data 上传预算明细（字段名 ledger，CSV 或 XLSX）", statusCode: 400);
            }

            var (id, result, _) = await Drafts.Create(store, code, year, file, caller.Account().Name);
            if (!result.Compiled)
            {
                return InputProblems($"预算明细无法使用（{result.Problems.Count} 处问题），未编制", result.Problems);
            }

            return Results.Created($"/api/versions/{id}", VersionSummary(store.Get(id), result.Findings.Select(f => f.Severity)));
        }).DisableAntiforgery().RequireAuthorization(Policies.Edits);

        api.MapGet("/versions/{id:long}", (long id, ClaimsPrincipal caller) =>
        {
            using var store = open();
            return Readable(store, id, caller, out var version) is { } refused
                ? refused
                : Results.Json(VersionSummary(version!, store.Findings(id).Select(f => f.Severity)), YusuanJson.Options);
        }).RequireAuthorization(Policies.ReadsVersions);

        // A version's findings whole (yusuan.findings/1), for whoever may open the version.
        api.MapGet("/versions/{id:long}/findings", (long id, ClaimsPrincipal caller) =>
        {
            using var store = open();
            return Readable(store, id, caller, out _) is { } refused
                ? refused
                : Results.Text(YusuanJson.Serialize(store.Findings(id)), "application/json; charset=utf-8");
        }).RequireAuthorization(Policies.ReadsVersions);

        // Replaces a draft's ledger (the CSV as the request body). If-Match names the revision the change was made from; a save
        // from an older revision is 409 and changes nothing.
        api.MapPut("/versions/{id:long}/ledger", async (long id, HttpRequest request, ClaimsPrincipal caller) =>
        {
            using var store = open();
            if (Readable(store, id, caller, out var version) is { } refused)
            {
                return refused;
            }

            if (!int.TryParse(request.Headers.IfMatch.ToString().Trim('"', ' ', 'W', '/'), out var revision))
            {
                return Results.Problem($"请在 If-Match 中给出修改所依据的修订号（现为 {version!.Revision}）", statusCode: 428);
            }

            if (request.ContentLength > YusuanWeb.MaxUpload)
            {
                return Results.Problem($"预算明细超过 {YusuanWeb.MaxUpload / 1024 / 1024} MB", statusCode: 413);
            }

            var csv = await new StreamReader(request.Body).ReadToEndAsync();
            var files = store.Files(id) ?? new VersionFiles(string.Empty, store.DepartmentFiles(version!.DepartmentCode).Profile ?? string.Empty, null);
            try
            {
                var result = Drafts.Save(store, version!, revision, files with { LedgerCsv = csv }, caller.Account().Name, "修改预算明细");
                return result.Compiled
                    ? Results.Json(VersionSummary(store.Get(id), result.Findings.Select(f => f.Severity)), YusuanJson.Options)
                    : InputProblems($"预算明细无法使用（{result.Problems.Count} 处问题），未保存", result.Problems);
            }
            catch (StoreException e)
            {
                return Results.Problem(e.Message, statusCode: 409, extensions: new Dictionary<string, object?> { ["revision"] = store.Get(id).Revision });
            }
        }).RequireAuthorization(Policies.Edits);

        // The steps of the review, one endpoint per step so that each names its policy.
        foreach (var action in new[] { "submit", "return", "approve", "publish" })
        {
            api.MapPost($"/versions/{{id:long}}/{action}", (long id, string? comment, ClaimsPrincipal caller) =>
            {
                using var store = open();
                var outcome = VersionSteps.Take(store, id, action, caller, comment, workflow);
                return outcome.Moved is { } moved
                    ? Results.Ok(new { id, number = moved.Number, state = moved.State.Key(), sha256 = moved.Sha256 })
                    : Results.Problem(outcome.Problem, statusCode: outcome.Status);
            }).RequireAuthorization(Policies.ForAction(action)!);
        }

        api.MapPost("/versions/{id:long}/{action}", (string action) =>
            Results.Problem($"没有操作“{action}”（可用 submit、return、approve、publish）", statusCode: 404)).RequireAuthorization(Policies.SignedIn);
    }

    /// <summary>One's own API tokens: listed (id, label, dates — never the token), made (shown once) and revoked.</summary>
    private static void MapTokens(RouteGroupBuilder api, Func<BudgetStore> open)
    {
        api.MapGet("/tokens", (ClaimsPrincipal caller) =>
        {
            using var store = open();
            return Results.Json(store.Tokens(caller.Account().Name).Select(t => new { id = t.Id, label = t.Label, createdAt = t.CreatedAt, expiresAt = t.ExpiresAt }), YusuanJson.Options);
        }).RequireAuthorization(Policies.SignedIn);

        api.MapPost("/tokens", (string? label, int? days, ClaimsPrincipal caller) =>
        {
            using var store = open();
            var lifetime = days ?? (int)BudgetStore.TokenLifetime.TotalDays;
            if (lifetime is < 1 or > 366)
            {
                return Results.Problem("令牌有效期（days）须在 1 到 366 天之间", statusCode: 400);
            }

            var name = caller.Account().Name;
            var labelled = string.IsNullOrWhiteSpace(label) ? "API 令牌" : label.Trim()[..Math.Min(label.Trim().Length, 60)];
            var token = store.NewToken(name, labelled, TimeSpan.FromDays(lifetime), name);
            var made = store.Tokens(name).First(t => t.Id == BudgetStore.TokenId(token));
            return Results.Json(new { id = made.Id, label = made.Label, expiresAt = made.ExpiresAt, token }, YusuanJson.Options, statusCode: 201);
        }).RequireAuthorization(Policies.SignedIn);

        api.MapDelete("/tokens/{id}", (string id, ClaimsPrincipal caller) =>
        {
            using var store = open();
            var name = caller.Account().Name;
            return store.RevokeToken(name, id, name) ? Results.NoContent() : Results.Problem($"没有编号为 {id} 的有效令牌", statusCode: 404);
        }).RequireAuthorization(Policies.SignedIn);
    }

    /// <summary>404 for a version that is not there, 403 for one of a department the caller does not act for; null when the caller may open it.</summary>
    private static IResult? Readable(BudgetStore store, long id, ClaimsPrincipal caller, out BudgetVersion? version)
    {
        version = store.Find(id);
        return version is null ? Results.Problem($"没有编号为 {id} 的预算版本", statusCode: 404) : NotActingFor(caller, version.DepartmentCode);
    }

    /// <summary>403 when the caller (an officer) does not act for the department; null when they do.</summary>
    private static IResult? NotActingFor(ClaimsPrincipal caller, string department) =>
        YusuanWeb.ActsFor(caller.Account(), department) ? null : Results.Problem($"{caller.Account().Name} 不代表单位 {department}", statusCode: 403);

    /// <summary>A version as the API shows it: where it stands, its revision for If-Match, and how many findings of each severity.</summary>
    private static object VersionSummary(BudgetVersion version, IEnumerable<Severity> findings)
    {
        var severities = findings.ToList();
        return new
        {
            id = version.Id,
            department = version.DepartmentCode,
            fiscalYear = version.FiscalYear,
            number = version.Number,
            state = version.State.Key(),
            revision = version.Revision,
            sha256 = version.Sha256,
            errors = severities.Count(s => s == Severity.Error),
            warnings = severities.Count(s => s == Severity.Warning),
        };
    }

    /// <summary>400 with every problem, each with its file, row, column and reason.</summary>
    private static IResult InputProblems(string title, IEnumerable<InputProblem> problems) =>
        Results.Problem(title, statusCode: 400, extensions: new Dictionary<string, object?> { ["errors"] = problems.Select(p => new { file = p.File, row = p.Row, column = p.Column, reason = p.Reason }).ToList() });
}
