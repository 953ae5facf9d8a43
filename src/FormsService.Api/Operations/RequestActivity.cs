using System.Diagnostics;

namespace FormsService.Api.Operations;

/// <summary>
/// Requests in progress and when the last one ended, for the idle trim: memory is held by every kind of load, not
/// only renders (256 connections of 1 MB bodies on /validate left 271 MB behind, with no render to trigger a trim).
/// Probes and metric scrapes are not activity: they come every few seconds for ever and allocate next to nothing.
/// </summary>
internal sealed class RequestActivity
{
    private int _inFlight;
    private long _ended;
    private long _lastEnded = Stopwatch.GetTimestamp();

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Requests ended so far: a trim is due when it has moved since the last one.</summary>
    public long Ended => Interlocked.Read(ref _ended);

    /// <summary>How long nothing has been in progress (zero while a request is).</summary>
    public TimeSpan IdleFor => InFlight > 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastEnded));

    public static bool Counts(PathString path) =>
        !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);

    public void Begin() => Interlocked.Increment(ref _inFlight);

    public void End()
    {
        Interlocked.Exchange(ref _lastEnded, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _ended);
        Interlocked.Decrement(ref _inFlight);
    }
}

/// <summary>Counts every request but probes and scrapes into <see cref="RequestActivity"/>, however it ends.</summary>
internal sealed class RequestActivityMiddleware(RequestDelegate next, RequestActivity activity)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!RequestActivity.Counts(context.Request.Path))
        {
            await next(context);
            return;
        }
        activity.Begin();
        try
        {
            await next(context);
        }
        finally
        {
            activity.End();
        }
    }
}
