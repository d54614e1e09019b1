namespace Nemu.Core.Logging;

/// <summary>
/// The process-wide guest log (QEMU's <c>qemu_log_mask</c>): messages for an item are written only when
/// that item is enabled with <c>-d</c>. Output goes to stderr or the <c>-D</c> file.
/// A test can capture the log of its own async flow with <see cref="Capture"/> without touching
/// other tests running in parallel.
/// </summary>
public static class Log
{
    private static readonly Lock Gate = new();
    private static readonly AsyncLocal<LogCapture?> CurrentCapture = new();
    private static TextWriter _writer = Console.Error;
    private static LogItem _mask;

    /// <summary>The items enabled for the process (the <c>-d</c> set).</summary>
    public static LogItem Mask
    {
        get => _mask;
        set => _mask = value;
    }

    /// <summary>Sends the log to <paramref name="writer"/> (the <c>-D</c> file); null restores stderr.</summary>
    public static void SetOutput(TextWriter? writer)
    {
        lock (Gate)
        {
            _writer.Flush();
            _writer = writer ?? Console.Error;
        }
    }

    /// <summary>True when a message for <paramref name="item"/> would be written; check it before formatting.</summary>
    public static bool IsEnabled(LogItem item)
    {
        var capture = CurrentCapture.Value;
        return capture is not null ? (capture.Items & item) != 0 : (_mask & item) != 0;
    }

    /// <summary>Writes <paramref name="message"/> (one line, newline added) if <paramref name="item"/> is enabled.</summary>
    public static void Write(LogItem item, string message)
    {
        var capture = CurrentCapture.Value;
        if (capture is not null)
        {
            if ((capture.Items & item) != 0)
            {
                capture.Add(message);
            }

            return;
        }

        if ((_mask & item) == 0)
        {
            return;
        }

        lock (Gate)
        {
            _writer.WriteLine(message);
            _writer.Flush();
        }
    }

    /// <summary>Collects the messages of <paramref name="items"/> written by this async flow until disposed.</summary>
    public static LogCapture Capture(LogItem items)
    {
        var capture = new LogCapture(items, CurrentCapture.Value);
        CurrentCapture.Value = capture;
        return capture;
    }

    internal static void EndCapture(LogCapture capture) => CurrentCapture.Value = capture.Previous;
}
