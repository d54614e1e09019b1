// The mux chardev (management.md §1.2 -nographic, §6.1 mux=on; QEMU's chardev/char-mux.c):
// focus, C-a commands, events and timestamps.
using Nemu.Chardevs.Mux;
using Nemu.Chardevs.Tests.TestSupport;

namespace Nemu.Chardevs.Tests.Mux;

public sealed class MuxChardevTests : IDisposable
{
    private readonly TestMainLoop _loop = new();
    private readonly FakeChardev _base;
    private readonly RecordingFrontend _serial = new();
    private readonly RecordingFrontend _monitor = new();
    private readonly MuxChardev _mux;
    private int _terminated;

    public MuxChardevTests()
    {
        _base = new FakeChardev("serial0-base", _loop);
        _mux = _loop.Invoke(() =>
        {
            var mux = new MuxChardev("serial0", _loop, _base, () => Interlocked.Increment(ref _terminated));
            mux.Attach(_serial);
            mux.Attach(_monitor);
            return mux;
        });
        _base.Open();
        _serial.WaitForEvent(ChardevEvent.Opened);
        _monitor.WaitForEvent(ChardevEvent.Opened);
    }

    [Fact]
    public void FocusStartsOnFirstFrontend()
    {
        Assert.Equal([ChardevEvent.MuxIn, ChardevEvent.Opened], _serial.Events);
        Assert.Equal([ChardevEvent.Opened], _monitor.Events);
        Assert.Equal("mux", _mux.Filename);
        _base.Input("abc");
        _serial.WaitForBytes(3);
        Assert.Equal("abc", _serial.ReceivedText);
        Assert.Empty(_monitor.Received);
    }

    [Fact]
    public void CtrlACSwitchesFocusWithMuxOutAndMuxIn()
    {
        _base.Input("\u0001cinfo");
        _monitor.WaitForBytes(4);
        Assert.Equal("info", _monitor.ReceivedText);
        Assert.Equal([ChardevEvent.MuxIn, ChardevEvent.Opened, ChardevEvent.MuxOut], _serial.Events);
        Assert.Equal([ChardevEvent.Opened, ChardevEvent.MuxIn], _monitor.Events);

        _base.Input("\u0001cx");
        _serial.WaitForBytes(1);
        Assert.Equal("x", _serial.ReceivedText);
    }

    [Fact]
    public void CtrlAHPrintsQemuHelp()
    {
        _base.Input("\u0001h");
        _loop.Invoke(() => { });
        Assert.Equal(
            "\n\rC-a h    print this help\n\rC-a x    exit emulator\n\r" +
            "C-a s    save disk data back to file (if -snapshot)\n\rC-a t    toggle console timestamps\n\r" +
            "C-a b    send break (magic sysrq)\n\rC-a c    switch between console and monitor\n\r" +
            "C-a C-a  sends C-a\n\r",
            _base.OutputText);
        Assert.Empty(_serial.Received);
    }

    [Fact]
    public void CtrlAXPrintsTerminatedAndQuits()
    {
        _base.Input("\u0001x");
        _loop.Invoke(() => { });
        Assert.Equal("Nemu: Terminated\n\r", _base.OutputText);
        Assert.Equal(1, Volatile.Read(ref _terminated));
    }

    [Fact]
    public void CtrlACtrlASendsOneCtrlA()
    {
        _base.Input("\u0001\u0001z");
        _serial.WaitForBytes(2);
        Assert.Equal("\u0001z", _serial.ReceivedText);
    }

    [Fact]
    public void CtrlABSendsBreakToFocusedFrontend()
    {
        _base.Input("\u0001b");
        _serial.WaitForEvent(ChardevEvent.Break);
        Assert.DoesNotContain(ChardevEvent.Break, _monitor.Events);
    }

    [Fact]
    public void CtrlATTogglesTimestampsAtLineStarts()
    {
        _base.Input("\u0001t");
        _loop.Invoke(() => Assert.True(_mux.Timestamps));
        _loop.Invoke(() => _mux.Write("a\nb"u8));
        Assert.Matches(@"^a\n\[00:00:\d\d\.\d{3}\] b$", _base.OutputText);
    }

    [Fact]
    public void InputWaitsWhileFocusedFrontendIsNotReading()
    {
        _serial.Room = 0;
        _base.Input("0123456789");
        _loop.Invoke(() => { });
        Assert.Empty(_serial.Received);
        _serial.Room = int.MaxValue;
        _loop.Invoke(_mux.AcceptInput);
        _serial.WaitForBytes(10);
        Assert.Equal("0123456789", _serial.ReceivedText);
    }

    [Fact]
    public void FifthFrontendIsRejected()
    {
        _loop.Invoke(() =>
        {
            _mux.Attach(new RecordingFrontend());
            _mux.Attach(new RecordingFrontend());
            var e = Assert.Throws<ChardevException>(() => _mux.Attach(new RecordingFrontend()));
            Assert.Equal("too many uses of multiplexed chardev 'serial0' (maximum is 4)", e.Message);
        });
    }

    [Fact]
    public void OutputOfAnyFrontendGoesToTheBackend()
    {
        _loop.Invoke(() => _mux.Write("(qemu) "u8));
        Assert.Equal("(qemu) ", _base.OutputText);
    }

    public void Dispose() => _loop.Dispose();
}
