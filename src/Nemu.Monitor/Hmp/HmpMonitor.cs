using System.Text;
using Nemu.Chardevs;

namespace Nemu.Monitor.Hmp;

/// <summary>
/// The human monitor as a chardev frontend (QEMU monitor/hmp.c over readline): prints the banner and
/// the prompt when the chardev opens (for a mux, when the monitor first gets the focus), edits input
/// lines and runs each command on the main loop. Output lines end in CRLF, as QEMU's monitor_puts makes them.
/// </summary>
public sealed class HmpMonitor : IChardevFrontend
{
    private readonly Chardev _chardev;
    private readonly LineEditor _editor;
    private readonly StringBuilder _held = new();
    private bool _resetSeen;
    private bool _muxOut;

    public HmpMonitor(Chardev chardev, IHmpMachine machine)
    {
        _chardev = chardev;
        Session = new HmpSession(machine, Output);
        _editor = new LineEditor(Echo, OnLine);
    }

    public HmpSession Session { get; }

    /// <summary>Attaches to the chardev (for a mux, as one more frontend).</summary>
    public void Start() => _chardev.Attach(this);

    public int CanReceive() => 4096;

    public void Receive(ReadOnlySpan<byte> data) => _editor.Feed(data);

    public void OnEvent(ChardevEvent chardevEvent)
    {
        // QEMU's monitor_event: output made while another mux frontend has the console is held back and
        // appears when the monitor gets the focus (so -nographic shows the guest first, the banner at C-a c).
        switch (chardevEvent)
        {
            case ChardevEvent.Opened:
                Output(HmpSession.Banner);
                if (!_muxOut)
                {
                    _editor.Reset();
                    Write(HmpSession.Prompt);
                }

                _resetSeen = true;
                break;
            case ChardevEvent.MuxIn:
                _muxOut = false;
                FlushHeld();
                if (_resetSeen)
                {
                    _editor.Reset();
                    Write(HmpSession.Prompt);
                }

                break;
            case ChardevEvent.MuxOut:
                if (_resetSeen && !_muxOut)
                {
                    Output("\n");
                }

                _muxOut = true;
                break;
            case ChardevEvent.Closed:
                _resetSeen = false;
                break;
        }
    }

    private void OnLine(string line)
    {
        Session.Execute(line);
        if (!Session.Quitting)
        {
            Write(HmpSession.Prompt);
        }
    }

    private void Echo(string text) => Write(text);

    private void Output(string text) => Write(text.Replace("\n", "\r\n", StringComparison.Ordinal));

    private void FlushHeld()
    {
        if (_held.Length > 0)
        {
            var text = _held.ToString();
            _held.Clear();
            Write(text);
        }
    }

    private void Write(string text)
    {
        if (_muxOut)
        {
            _held.Append(text);
            return;
        }

        ReadOnlySpan<byte> bytes = Encoding.UTF8.GetBytes(text);
        for (var attempts = 0; bytes.Length > 0 && attempts < 64; attempts++)
        {
            var written = _chardev.Write(bytes);
            bytes = bytes[Math.Max(written, 0)..];
        }
    }
}
