// The gdbstub (QEMU gdbstub/; management.md §5): the remote serial protocol on a chardev, M-profile target
// descriptions, breakpoints and watchpoints through IDebugTarget. Seam stub: pieces G and X implement it.
using Nemu.System;

namespace Nemu.Gdbstub;

/// <summary>A gdb remote-protocol server for one machine.</summary>
public sealed class GdbStub
{
    private GdbStub(Machine machine) => Machine = machine;

    public Machine Machine { get; }

    /// <summary>
    /// Starts a gdbstub on <paramref name="device"/> (<c>tcp::1234</c>, <c>1234</c>, <c>unix:PATH</c>, a chardev
    /// spec) for <paramref name="machine"/>; throws <see cref="Nemu.System.Vl.VlException"/> for a bad device.
    /// </summary>
    public static GdbStub Start(Machine machine, string device)
    {
        _ = device;
        return new GdbStub(machine);
    }
}
