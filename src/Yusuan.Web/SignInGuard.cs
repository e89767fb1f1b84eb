using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Yusuan.Web;

/// <summary>
/// Guessing passwords is slowed and then stopped. Per address, the sign-in form takes <see cref="AttemptsPerAddress"/> posts a
/// minute (ASP.NET Core's rate limiter, a sliding window); per account, <see cref="FailuresBeforeLockout"/> wrong passwords
/// within <see cref="Window"/> lock it for <see cref="Lockout"/>, the right password included. Every failure and every
/// lockout is logged with the account and the address. Counts live in memory (a restart clears them) and are bounded.
/// </summary>
/// <remarks>After OWASP's Authentication Cheat Sheet (account lockout, rate limiting per source, logging of failures).</remarks>
public sealed class SignInGuard(ILogger<SignInGuard> log, TimeProvider clock)
{
    public const int AttemptsPerAddress = 30;

    public const int FailuresBeforeLockout = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    /// <summary>At most this many accounts are remembered; beyond it the oldest records go.</summary>
    private const int MaxAccounts = 100_000;

    private readonly ConcurrentDictionary<string, Failures> accounts = new(StringComparer.Ordinal);

    private sealed record Failures(int Count, DateTimeOffset First, DateTimeOffset? LockedUntil);

    /// <summary>When the account is locked, until when; null when it may sign in.</summary>
    public DateTimeOffset? LockedUntil(string name) =>
        accounts.TryGetValue(name, out var failures) && failures.LockedUntil is { } until && until > clock.GetUtcNow() ? until : null;

    /// <summary>Records a wrong password for <paramref name="name"/> from <paramref name="address"/>, and locks the account at the limit.</summary>
    public void Failed(string name, string address)
    {
        var now = clock.GetUtcNow();
        var failures = accounts.AddOrUpdate(name,
            _ => new Failures(1, now, null),
            (_, old) => old.First + Window < now || old.LockedUntil < now ? new Failures(1, now, null) : old with { Count = old.Count + 1 });
        if (failures.Count >= FailuresBeforeLockout && failures.LockedUntil is null)
        {
            accounts[name] = failures with { LockedUntil = now + Lockout };
            log.LogWarning("登录锁定：账号 {Account} 连续 {Failures} 次密码错误（最后一次来自 {Address}），锁定至 {Until}", name, failures.Count, address, (now + Lockout).ToString("u", CultureInfo.InvariantCulture));
        }
        else
        {
            log.LogWarning("登录失败：账号 {Account}，来自 {Address}（{Minutes} 分钟内第 {Failures} 次）", name, address, Window.TotalMinutes, failures.Count);
        }

        if (accounts.Count > MaxAccounts)
        {
            foreach (var old in accounts.Where(a => a.Value.First + Window < now && (a.Value.LockedUntil ?? now) <= now).Select(a => a.Key).ToList())
            {
                accounts.TryRemove(old, out _);
            }
        }
    }

    /// <summary>A right password: the account's count starts again.</summary>
    public void Succeeded(string name) => accounts.TryRemove(name, out _);

    /// <summary>The per-address limit on posts of the sign-in form, answered 429 in Chinese with Retry-After and logged.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SignInGuard>();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetSlidingWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? string.Empty, _ => new SlidingWindowRateLimiterOptions
                    {
                        PermitLimit = AttemptsPerAddress,
                        Window = TimeSpan.FromMinutes(1),
                        SegmentsPerWindow = 6,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, cancel) =>
            {
                var context = rejected.HttpContext;
                context.RequestServices.GetRequiredService<ILogger<SignInGuard>>().LogWarning("登录限流：地址 {Address} 一分钟内登录超过 {Limit} 次", context.Connection.RemoteIpAddress, AttemptsPerAddress);
                context.Response.Headers.RetryAfter = "60";
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("登录尝试过于频繁，请一分钟后再试。", cancel);
            };
        });
    }
}
