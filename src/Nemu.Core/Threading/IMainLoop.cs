namespace Nemu.Core.Threading;

/// <summary>
/// The machine's main loop as seen by code on other threads (chardev I/O, monitors, sockets).
/// Device state is only touched on the loop's thread; other threads hand work over with <see cref="Post"/>.
/// </summary>
public interface IMainLoop
{
    /// <summary>Queues <paramref name="work"/> to run on the loop thread, in posting order. Thread-safe.</summary>
    void Post(Action work);

    /// <summary>True when called from the loop thread.</summary>
    bool IsLoopThread { get; }
}
