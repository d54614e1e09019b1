// The vc backend (QEMU's "chardev-vc" of ui/console.c; qemu_chr_parse_vc and the "vc" case of
// qemu_chr_parse_compat in chardev/char.c): a text console on QEMU's display. Nemu has no display, so it is what
// QEMU's vc is under -display none: a sink that is always open, takes all output and never has input. QEMU's default
// serial, parallel and monitor without -nographic are vc:80Cx24C (vl.c qemu_create_default_devices).
// Not modelled: the console itself (text rendering, scrollback, the label banner), keyboard input from a display.
using Nemu.Core.Threading;

namespace Nemu.Chardevs.Backends;

/// <summary><c>-chardev vc</c> / <c>-serial vc:80Cx24C</c>: swallows output; <c>filename</c> is <c>vc</c>.</summary>
public sealed class VcChardev : Chardev
{
    public VcChardev(string id, IMainLoop loop)
        : base(id, loop)
    {
        RaiseEvent(ChardevEvent.Opened);
    }

    public override string BackendName => "vc";

    public override string Filename => "vc";

    public override int Write(ReadOnlySpan<byte> data) => data.Length;
}
