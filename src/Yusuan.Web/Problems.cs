using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Yusuan.Web;

/// <summary>
/// Errors as ProblemDetails (RFC 9457) with Chinese titles and never a stack trace. A request body that cannot be read — a
/// broken multipart form, a body over the size limit — is the sender's fault: 400 or 413, not 500.
/// </summary>
internal sealed class Problems(IProblemDetailsService service) : IExceptionHandler
{
    public static void Customize(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        context.ProblemDetails.Title = Title(status);
        // 503 says why (审计任务已满); any other 5xx keeps what happened inside to the server's log.
        if (status >= 500 && status != StatusCodes.Status503ServiceUnavailable)
        {
            context.ProblemDetails.Detail = "服务器处理请求时出错，没有保存任何更改。请稍后重试；问题持续时请把 traceId 告诉管理员。";
        }

        // Whatever happened inside stays in the server's log.
        context.ProblemDetails.Extensions.Remove("exception");
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException or FormatException or Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,

            // A multipart body that ends early fails in the reader of the request body, not in Yusuan's own files.
            IOException when exception.TargetSite?.DeclaringType?.FullName?.StartsWith("Microsoft.AspNetCore.WebUtilities", StringComparison.Ordinal) == true => StatusCodes.Status400BadRequest,
            _ => 0,
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        return await service.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = status,
                Detail = status == StatusCodes.Status413PayloadTooLarge ? $"请求超过 {YusuanWeb.MaxUpload / 1024 / 1024} MB 的大小限制" : "提交的表单或文件无法读取：格式不正确或内容不完整",
            },
        });
    }

    /// <summary>The Chinese title of an HTTP status, as the site says it.</summary>
    public static string Title(int status) => status switch
    {
        400 => "请求有误",
        401 => "需要登录",
        403 => "无权执行",
        404 => "没有找到",
        405 => "不支持的请求方法",
        409 => "与当前状态冲突",
        413 => "请求过大",
        415 => "不支持的内容类型",
        428 => "需要给出修订号",
        503 => "服务繁忙",
        _ when status >= 500 => "服务器内部错误",
        _ => "请求未完成",
    };
}
