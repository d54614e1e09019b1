// A character device backend (QEMU's Chardev, chardev/char.c and include/chardev/char.h;
// management.md §6). Input read on I/O threads is handed to the frontend on the main loop, only as
// fast as the frontend's CanReceive() allows (qemu_chr_be_can_write); AcceptInput() is
// qemu_chr_fe_accept_input. Not modelled: logfile=, chr_sync_read, fd passing, yank, replay.
using Nemu.Core.Threading;

namespace Nemu.Chardevs;

/// <summary>
/// A chardev backend: where a serial port, monitor or gdbstub sends its output and gets its input.
/// Output (<see cref="Write"/>) may be called on the main loop thread and never blocks it for long.
/// Frontend callbacks (<see cref="IChardevFrontend"/>) always run on the main loop.
/// </summary>
/// <remarks>
/// Hang-up rule: bytes a backend read before its peer hung up stay queued and are delivered to the
/// frontend ahead of anything later, even though <see cref="ChardevEvent.Closed"/> is sent (after
/// the part the frontend can take at once). Input is never silently dropped while a frontend is attached.
/// </remarks>
public abstract class Chardev : IDisposable
{
    private readonly ChardevInputQueue _queue = new();
    private readonly byte[] _deliveryBuffer = new byte[4096];
    private readonly Action _deliverAction;
    private IChardevFrontend? _frontend;
    private int _deliveryScheduled;
    private bool _opened;
    private bool _delivering;

    protected Chardev(string id, IMainLoop loop)
    {
        Id = id;
        Loop = loop;
        _deliverAction = DeliverScheduled;
    }

    /// <summary>The chardev's id (QEMU's label), e.g. <c>serial0</c> or the <c>-chardev id=</c>.</summary>
    public string Id { get; }

    /// <summary>The backend type name as <c>-chardev</c> spells it (<c>socket</c>, <c>file</c>, ...).</summary>
    public abstract string BackendName { get; }

    /// <summary>What <c>info chardev</c> and <c>query-chardev</c> show as <c>filename</c>; may change as peers come and go.</summary>
    public abstract string Filename { get; }

    /// <summary>True while the backend is connected as last reported to the frontend (be_open; main loop view).</summary>
    public virtual bool IsOpen => _opened;

    /// <summary>The attached frontend, if any.</summary>
    public IChardevFrontend? Frontend => _frontend;

    /// <summary>
    /// <c>query-chardev</c>'s <c>frontend-open</c>: a frontend is attached (QEMU's chr->be with fe_open, which a
    /// frontend sets when it installs its handlers).
    /// </summary>
    public virtual bool FrontendOpen => _frontend is not null;

    protected IMainLoop Loop { get; }

    /// <summary>True when no read input is waiting for the frontend.</summary>
    protected bool InputQueueIsEmpty => _queue.Count == 0;

    /// <summary>
    /// Attaches <paramref name="frontend"/> (qemu_chr_fe_init + set_handlers). Call on the main loop.
    /// If the backend is already open the frontend gets <see cref="ChardevEvent.Opened"/> at once.
    /// </summary>
    /// <exception cref="ChardevException"><c>Device 'ID' is in use</c> if another frontend is attached.</exception>
    public virtual void Attach(IChardevFrontend frontend)
    {
        if (_frontend is not null && !ReferenceEquals(_frontend, frontend))
        {
            throw new ChardevException($"Device '{Id}' is in use");
        }

        _frontend = frontend;
        if (_opened)
        {
            frontend.OnEvent(ChardevEvent.Opened);
        }

        AcceptInput();
    }

    /// <summary>Detaches <paramref name="frontend"/>; input stays queued (and reading paused) until another attaches.</summary>
    public virtual void Detach(IChardevFrontend frontend)
    {
        if (ReferenceEquals(_frontend, frontend))
        {
            _frontend = null;
        }
    }

    /// <summary>
    /// Sends output (qemu_chr_fe_write). Returns how many bytes were taken; fewer than
    /// <paramref name="data"/>.Length only if the peer is not keeping up (a socket's buffer is full).
    /// A backend with no peer (a disconnected socket) discards the bytes and reports them written.
    /// </summary>
    public abstract int Write(ReadOnlySpan<byte> data);

    /// <summary>
    /// The frontend can take input again (qemu_chr_fe_accept_input): delivers what is queued and lets
    /// the backend read more. Call on the main loop; from another thread it is posted there.
    /// </summary>
    public virtual void AcceptInput()
    {
        if (!Loop.IsLoopThread)
        {
            ScheduleDelivery();
            return;
        }

        Deliver();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Queues input read on an I/O thread and schedules its delivery on the main loop. Any thread.</summary>
    protected void QueueInput(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        _queue.Append(data);
        ScheduleDelivery();
    }

    /// <summary>Sends <paramref name="chardevEvent"/> to the frontend on the main loop, after any input queued before it. Any thread.</summary>
    protected void RaiseEvent(ChardevEvent chardevEvent) => Loop.Post(() => DeliverEvent(chardevEvent));

    /// <summary>Called on the main loop whenever the input queue is empty after a delivery: the backend may read more.</summary>
    protected virtual void OnInputDrained()
    {
    }

    /// <summary>Sends an event to the frontend now (main loop only), tracking the open state.</summary>
    protected void DeliverEvent(ChardevEvent chardevEvent)
    {
        if (chardevEvent == ChardevEvent.Opened)
        {
            // The frontend hears of the connection before any of its input (a monitor greets first).
            _opened = true;
            _frontend?.OnEvent(chardevEvent);
            Deliver();
            return;
        }

        // Input queued before any other event goes first, as far as the frontend takes it now.
        Deliver();
        if (chardevEvent == ChardevEvent.Closed)
        {
            _opened = false;
        }

        _frontend?.OnEvent(chardevEvent);
    }

    private void ScheduleDelivery()
    {
        if (Interlocked.Exchange(ref _deliveryScheduled, 1) == 0)
        {
            Loop.Post(_deliverAction);
        }
    }

    private void DeliverScheduled()
    {
        Volatile.Write(ref _deliveryScheduled, 0);
        Deliver();
    }

    private void Deliver()
    {
        var frontend = _frontend;
        if (frontend is null || _delivering)
        {
            // A frontend that calls AcceptInput() from Receive() is served by the outer loop.
            return;
        }

        _delivering = true;
        try
        {
            while (true)
            {
                var room = frontend.CanReceive();
                if (room <= 0)
                {
                    return;
                }

                var n = _queue.Take(_deliveryBuffer.AsSpan(0, Math.Min(room, _deliveryBuffer.Length)));
                if (n == 0)
                {
                    break;
                }

                frontend.Receive(_deliveryBuffer.AsSpan(0, n));
            }
        }
        finally
        {
            _delivering = false;
        }

        OnInputDrained();
    }
}
