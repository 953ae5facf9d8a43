using System.Collections.Concurrent;

namespace FormsService.Api.Operations;

/// <summary>
/// Threads of their own for renders, one per render slot. Renders are CPU-bound for up to seconds: on the thread
/// pool they starved it, and health probes and Kestrel's I/O waited behind them (probes stalled 2.8–3.9 s during
/// batches). The runner admits at most as many renders as there are threads, so work never queues here.
/// </summary>
internal sealed class RenderThreads : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly Thread[] _threads;

    public RenderThreads(int count)
    {
        _threads = new Thread[Math.Max(1, count)];
        for (var i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"render-{i + 1}" };
            _threads[i].Start();
        }
    }

    public Task<T> Run<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try { done.SetResult(work()); }
            catch (OperationCanceledException ex) { done.SetCanceled(ex.CancellationToken); }
            catch (Exception ex) { done.SetException(ex); }
        });
        return done.Task;
    }

    private void Work()
    {
        foreach (var work in _work.GetConsumingEnumerable())
            work();
    }

    public void Dispose() => _work.CompleteAdding();
}
