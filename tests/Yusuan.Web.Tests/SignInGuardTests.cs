using System.Net;

namespace Yusuan.Web.Tests;

/// <summary>Password guessing: an account locks after five wrong passwords, an address is throttled, and every failure is logged.</summary>
public class SignInGuardTests
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_and_each_is_logged()
    {
        await using var app = await RunningApp.Start("sqlite");
        await app.Account("甲", "officer", "139001");
        for (var i = 0; i < SignInGuard.FailuresBeforeLockout; i++)
        {
            Assert.Null(await app.SignIn("甲", "wrong-" + i));
        }

        // Locked: the right password is refused too, and another account is not affected.
        Assert.Null(await app.SignIn("甲", RunningApp.Password));
        await app.Account("乙", "officer", "139001");
        Assert.Equal(SignInGuard.FailuresBeforeLockout - 1, app.Logs.Messages.Count(m => m.StartsWith("登录失败：账号 甲", StringComparison.Ordinal)));
        Assert.Single(app.Logs.Messages, m => m.StartsWith("登录锁定：账号 甲 连续 5 次密码错误", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_address_that_posts_the_sign_in_form_too_often_is_told_to_wait()
    {
        await using var app = await RunningApp.Start("sqlite");
        using var client = new HttpClient { BaseAddress = new Uri(app.Url) };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= SignInGuard.AttemptsPerAddress; i++)
        {
            using var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "nobody" + i, ["password"] = "x" }));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("登录尝试过于频繁，请一分钟后再试。", await response.Content.ReadAsStringAsync());
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(SignInGuard.AttemptsPerAddress));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Contains(app.Logs.Messages, m => m.StartsWith("登录限流：地址 127.0.0.1", StringComparison.Ordinal));
    }
}
