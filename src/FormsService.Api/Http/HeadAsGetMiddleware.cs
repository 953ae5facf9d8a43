namespace FormsService.Api.Http;

/// <summary>
/// Answers HEAD as the GET it mirrors, with the same status and headers and no body (RFC 9110, 9.3.2): the request is
/// routed as a GET and what the handler writes goes nowhere.
/// </summary>
internal sealed class HeadAsGetMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Response.Body = body;
        }
    }
}
