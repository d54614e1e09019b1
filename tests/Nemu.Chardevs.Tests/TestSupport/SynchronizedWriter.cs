// A thread-safe TextWriter that tests can wait on (for messages printed by I/O threads).
using System.Text;

namespace Nemu.Chardevs.Tests.TestSupport;

/// <summary>Collects lines written from any thread.</summary>
internal sealed class SynchronizedWriter : TextWriter
{
    private readonly object _gate = new();
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string[] Lines
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
            Monitor.PulseAll(_gate);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits (up to 10 s) until <paramref name="line"/> was written as a whole line.</summary>
    public void WaitFor(string line)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        lock (_gate)
        {
            while (!_text.ToString().Split('\n').Contains(line))
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"waited for '{line}', got '{_text}'");
                }

                Monitor.Wait(_gate, left);
            }
        }
    }
}
