namespace Nemu.Core.Irq;

/// <summary>
/// A level-sensitive interrupt or GPIO wire (QEMU's qemu_irq): a source drives it, one sink receives every
/// change of level. Unconnected lines ignore what is driven onto them.
/// </summary>
public sealed class IrqLine
{
    private Action<bool>? _sink;
    private Action<bool>? _observer;

    /// <summary>Makes a line whose sink is <paramref name="sink"/> (null: not connected yet).</summary>
    public IrqLine(string name, Action<bool>? sink = null)
    {
        Name = name;
        _sink = sink;
    }

    /// <summary>Name for diagnostics (<c>info qtree</c> gpio names, traces).</summary>
    public string Name { get; }

    /// <summary>The level last driven.</summary>
    public bool Level { get; private set; }

    /// <summary>True when a sink is attached.</summary>
    public bool IsConnected => _sink is not null;

    /// <summary>Attaches the receiving end (replaces any previous sink).</summary>
    public void Connect(Action<bool>? sink) => _sink = sink;

    /// <summary>True while an observer watches the line (qtest <c>irq_intercept_in/out</c>).</summary>
    public bool IsIntercepted => _observer is not null;

    /// <summary>Drives the line to <paramref name="level"/>; the sink is told even if the level is unchanged, as in QEMU.</summary>
    public void Set(bool level)
    {
        Level = level;
        _sink?.Invoke(level);

        // QEMU's qemu_irq_intercept_in / qdev_intercept_gpio_out: the interceptor forwards to the original
        // handler first, then reports. Without an observer this is one null check and allocates nothing.
        _observer?.Invoke(level);
    }

    /// <summary>
    /// Lets <paramref name="observer"/> see every level driven onto the line after the sink got it, without the
    /// source or the sink knowing (qtest's IRQ interception). Null removes it.
    /// </summary>
    public void Intercept(Action<bool>? observer) => _observer = observer;

    public void Raise() => Set(true);

    public void Lower() => Set(false);

    /// <summary>Raises then lowers the line (an edge for edge-triggered sinks).</summary>
    public void Pulse()
    {
        Set(true);
        Set(false);
    }
}
