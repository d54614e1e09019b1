namespace Nemu.Core.Logging;

/// <summary>A scoped collection of log lines, made by <see cref="Log.Capture"/>.</summary>
public sealed class LogCapture : IDisposable
{
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();

    internal LogCapture(LogItem items, LogCapture? previous)
    {
        Items = items;
        Previous = previous;
    }

    /// <summary>The items this capture records.</summary>
    public LogItem Items { get; }

    internal LogCapture? Previous { get; }

    /// <summary>The lines captured so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    internal void Add(string line)
    {
        lock (_gate)
        {
            _lines.Add(line);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Log.EndCapture(this);
}
