// The device side of a chardev (QEMU's CharBackend handlers: IOCanReadHandler, IOReadHandler,
// IOEventHandler, include/chardev/char-fe.h). All three are called on the main loop thread only.
namespace Nemu.Chardevs;

/// <summary>
/// A device or monitor that consumes a chardev's input. The backend calls these methods on the
/// main loop thread; when <see cref="CanReceive"/> returns 0 the backend stops reading until the
/// frontend calls <see cref="Chardev.AcceptInput"/>.
/// </summary>
public interface IChardevFrontend
{
    /// <summary>How many bytes the frontend can take now (QEMU's chr_can_read); 0 pauses input.</summary>
    int CanReceive();

    /// <summary>Input bytes, at most the last <see cref="CanReceive"/> result. The span is only valid during the call.</summary>
    void Receive(ReadOnlySpan<byte> data);

    /// <summary>A connection or mux event.</summary>
    void OnEvent(ChardevEvent chardevEvent);
}
