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
    private bool _greeted;

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
        switch (chardevEvent)
        {
            case ChardevEvent.Opened or ChardevEvent.MuxIn when !_greeted:
                _greeted = true;
                Output(HmpSession.Banner);
                Write(HmpSession.Prompt);
                break;
            case ChardevEvent.MuxIn:
                // QEMU's monitor_event: the monitor takes the console back with a fresh prompt.
                _editor.Reset();
                Write(HmpSession.Prompt);
                break;
            case ChardevEvent.MuxOut when _greeted:
                Output("\n");
                break;
            case ChardevEvent.Closed:
                _greeted = false;
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

    private void Write(string text)
    {
        ReadOnlySpan<byte> bytes = Encoding.UTF8.GetBytes(text);
        for (var attempts = 0; bytes.Length > 0 && attempts < 64; attempts++)
        {
            var written = _chardev.Write(bytes);
            bytes = bytes[Math.Max(written, 0)..];
        }
    }
}
