// The mux chardev (QEMU's chardev/char-mux.c; management.md §1.2 -nographic, §6.1 mux=on): up to
// four frontends (serial, monitor, ...) share one backend; input goes to the focused frontend and
// C-a commands act on the mux. Each frontend has a 32-byte input ring as in QEMU (MUX_BUFFER_SIZE).
// Not modelled: -echr is only a constructor parameter; the C-a s action is a callback.
using Nemu.Core.Threading;

namespace Nemu.Chardevs.Mux;

/// <summary>
/// <c>mon:stdio</c>, <c>-nographic</c>, <c>-chardev ...,mux=on</c>: several frontends on one backend.
/// The first attached frontend has the focus; <c>C-a c</c> moves it to the next. Call on the main loop.
/// </summary>
public sealed partial class MuxChardev : Chardev
{
    /// <summary>QEMU's MAX_MUX.</summary>
    public const int MaxFrontends = 4;

    private const int RingSize = 32;

    private readonly List<Slot> _slots = new(MaxFrontends);
    private readonly BaseFrontend _baseFrontend;
    private readonly Action? _terminate;
    private readonly Action? _commitDisks;
    private readonly long _startTicks;
    private int _focus = -1;
    private bool _gotEscape;
    private bool _baseOpen;
    private bool _lineStart;
    private long _timestampStartMs = -1;

    /// <summary>
    /// Puts a mux on <paramref name="baseChardev"/> and attaches to it. <paramref name="terminate"/>
    /// runs on <c>C-a x</c> (after <c>Nemu: Terminated</c> is printed: the system's quit);
    /// <paramref name="commitDisks"/> on <c>C-a s</c>.
    /// </summary>
    public MuxChardev(string id, IMainLoop loop, Chardev baseChardev, Action? terminate = null, Action? commitDisks = null, byte escapeChar = 0x01)
        : base(id, loop)
    {
        Base = baseChardev;
        EscapeChar = escapeChar;
        _terminate = terminate;
        _commitDisks = commitDisks;
        _startTicks = Environment.TickCount64;
        _baseFrontend = new BaseFrontend(this);
        baseChardev.Attach(_baseFrontend);
    }

    public override string BackendName => "mux";

    public override string Filename => "mux";

    /// <summary>The shared backend (QEMU's <c>ID-base</c> chardev).</summary>
    public Chardev Base { get; }

    /// <summary>The escape character (<c>-echr</c>, default 1 = C-a).</summary>
    public byte EscapeChar { get; }

    /// <summary>The frontend that gets input now, or null before any attached.</summary>
    public IChardevFrontend? Focus => _focus < 0 ? null : _slots[_focus].Frontend;

    /// <summary>True while <c>C-a t</c> timestamps are on.</summary>
    public bool Timestamps { get; private set; }

    public override bool IsOpen => _baseOpen;

    /// <summary>QEMU's mux points chr->be at the focused frontend (mux_set_focus), so this is "one has the focus".</summary>
    public override bool FrontendOpen => Focus is not null;

    /// <summary>
    /// Adds a frontend (mux_chr_attach_frontend). The first one takes the focus and gets
    /// <see cref="ChardevEvent.MuxIn"/>; each gets <see cref="ChardevEvent.Opened"/> if the backend is open.
    /// </summary>
    /// <exception cref="ChardevException"><c>too many uses of multiplexed chardev 'ID' (maximum is 4)</c>.</exception>
    public override void Attach(IChardevFrontend frontend)
    {
        if (_slots.Exists(s => ReferenceEquals(s.Frontend, frontend)))
        {
            return;
        }

        if (_slots.Count >= MaxFrontends)
        {
            throw new ChardevException($"too many uses of multiplexed chardev '{Id}' (maximum is {MaxFrontends})");
        }

        _slots.Add(new Slot(frontend));
        if (_focus < 0)
        {
            SetFocus(_slots.Count - 1);
        }

        if (_baseOpen)
        {
            frontend.OnEvent(ChardevEvent.Opened);
        }
    }

    public override void Detach(IChardevFrontend frontend)
    {
        var index = _slots.FindIndex(s => ReferenceEquals(s.Frontend, frontend));
        if (index < 0)
        {
            return;
        }

        _slots.RemoveAt(index);
        if (_focus == index)
        {
            _focus = -1;
            if (_slots.Count > 0)
            {
                SetFocus(0);
            }
        }
        else if (_focus > index)
        {
            _focus--;
        }
    }

    /// <summary>Gives <paramref name="frontend"/> the input focus (qemu_chr_fe_take_focus).</summary>
    public void TakeFocus(IChardevFrontend frontend)
    {
        var index = _slots.FindIndex(s => ReferenceEquals(s.Frontend, frontend));
        if (index >= 0)
        {
            SetFocus(index);
        }
    }

    public override int Write(ReadOnlySpan<byte> data) => Timestamps ? WriteWithTimestamps(data) : Base.Write(data);

    /// <summary>A frontend can take input again: flush the focused ring, then let the backend read on.</summary>
    public override void AcceptInput()
    {
        if (!Loop.IsLoopThread)
        {
            Loop.Post(AcceptInput);
            return;
        }

        FlushFocus();
        Base.AcceptInput();
    }

    protected override void Dispose(bool disposing)
    {
        Base.Detach(_baseFrontend);
    }

    private void SetFocus(int index)
    {
        if (_focus >= 0 && _focus < _slots.Count)
        {
            _slots[_focus].Frontend.OnEvent(ChardevEvent.MuxOut);
        }

        _focus = index;
        _slots[index].Frontend.OnEvent(ChardevEvent.MuxIn);
    }

    private int CanReceiveFromBase() => _focus < 0 ? 0 : RingSize - _slots[_focus].Count;

    private void ReceiveFromBase(ReadOnlySpan<byte> data)
    {
        FlushFocus();
        foreach (var b in data)
        {
            if (ProcessByte(b) && _focus >= 0)
            {
                _slots[_focus].TryPut(b);
            }
        }

        FlushFocus();
    }

    private void FlushFocus()
    {
        if (_focus >= 0)
        {
            _slots[_focus].Flush();
        }
    }

    private void BroadcastFromBase(ChardevEvent chardevEvent)
    {
        if (chardevEvent == ChardevEvent.Opened)
        {
            _baseOpen = true;
        }
        else if (chardevEvent == ChardevEvent.Closed)
        {
            _baseOpen = false;
        }

        foreach (var slot in _slots.ToArray())
        {
            slot.Frontend.OnEvent(chardevEvent);
        }
    }

    /// <summary>The mux's side as the single frontend of its backend.</summary>
    private sealed class BaseFrontend(MuxChardev mux) : IChardevFrontend
    {
        public int CanReceive() => mux.CanReceiveFromBase();

        public void Receive(ReadOnlySpan<byte> data) => mux.ReceiveFromBase(data);

        public void OnEvent(ChardevEvent chardevEvent) => mux.BroadcastFromBase(chardevEvent);
    }

    /// <summary>One frontend and its input ring.</summary>
    private sealed class Slot(IChardevFrontend frontend)
    {
        private readonly byte[] _ring = new byte[RingSize];
        private int _produced;
        private int _consumed;

        public IChardevFrontend Frontend { get; } = frontend;

        public int Count => _produced - _consumed;

        public void TryPut(byte b)
        {
            // A focus switch in mid-chunk can overfill the new ring; QEMU wraps over old bytes, we drop the new one.
            if (Count < RingSize)
            {
                _ring[_produced++ % RingSize] = b;
            }
        }

        public void Flush()
        {
            while (Count > 0)
            {
                var room = Frontend.CanReceive();
                if (room <= 0)
                {
                    return;
                }

                var start = _consumed % RingSize;
                var n = Math.Min(Math.Min(room, Count), RingSize - start);
                _consumed += n;
                Frontend.Receive(_ring.AsSpan(start, n));
            }

            _produced = _consumed = 0;
        }
    }
}
