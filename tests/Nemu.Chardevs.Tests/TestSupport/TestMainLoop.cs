// A main loop for tests: one thread running posted work in order (the role of QEMU's main loop).
using System.Collections.Concurrent;
using Nemu.Core.Threading;

namespace Nemu.Chardevs.Tests.TestSupport;

/// <summary>An <see cref="IMainLoop"/> driven by a <see cref="BlockingCollection{T}"/> on its own thread.</summary>
internal sealed class TestMainLoop : IMainLoop, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    public TestMainLoop()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "test-main-loop" };
        _thread.Start();
    }

    public bool IsLoopThread => Thread.CurrentThread == _thread;

    public void Post(Action work) => _work.Add(work);

    /// <summary>Runs <paramref name="work"/> on the loop and waits for it (rethrowing its exception).</summary>
    public T Invoke<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        if (!done.Task.Wait(Timeout))
        {
            throw new TimeoutException("main loop did not run the work");
        }

        return done.Task.GetAwaiter().GetResult();
    }

    public void Invoke(Action work) => Invoke(() =>
    {
        work();
        return 0;
    });

    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join(Timeout);
        _work.Dispose();
    }

    private void Run()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }
}
