// The gdbstub (QEMU gdbstub/softmmu.c gdbserver_start; management.md §5): `-gdb DEV` / `-s` create a server chardev
// labelled "gdb" and attach the remote-protocol session to it. Device strings as QEMU 7.2 takes them: `tcp:HOST:PORT`
// gets ",wait=off,nodelay=on,server=on" appended (an empty host binds 127.0.0.1 in Nemu, loopback only, where QEMU
// listens on all addresses); `none` starts nothing; anything else is a legacy chardev string as given (so
// `unix:PATH,server=on,wait=off`). A bare port number is not a valid char driver in QEMU 7.2 or 10.0 (checked), and
// not in Nemu either.
using Nemu.Arm.Cpu;
using Nemu.Chardevs;
using Nemu.System;
using Nemu.System.Vl;

namespace Nemu.Gdbstub;

/// <summary>A gdb remote-protocol server for one machine.</summary>
public sealed class GdbStub
{
    private GdbStub(Machine machine, GdbChardevFrontend? frontend)
    {
        Machine = machine;
        Frontend = frontend;
    }

    public Machine Machine { get; }

    /// <summary>The chardev frontend (null for <c>-gdb none</c>).</summary>
    public GdbChardevFrontend? Frontend { get; }

    /// <summary>
    /// Starts a gdbstub on <paramref name="device"/> (<c>tcp::1234</c>, <c>tcp:127.0.0.1:1234</c>, <c>unix:PATH,server=on,wait=off</c>,
    /// <c>none</c>, another legacy chardev string) for <paramref name="machine"/>; throws <see cref="VlException"/> for a bad device.
    /// </summary>
    public static GdbStub Start(Machine machine, string device)
    {
        var location = $"-gdb {device}";
        var spec = ChardevSpec(device);
        if (spec is null)
        {
            machine.Chardevs.Remove("gdb");
            return new GdbStub(machine, null);
        }

        var cpus = Cpus(machine);
        if (cpus.Count == 0)
        {
            throw new VlException("gdbstub: the machine has no CPU to debug", location);
        }

        Chardev? chardev;
        try
        {
            // gdbserver_start again (HMP gdbserver) replaces the previous stub and its "gdb" chardev.
            machine.Chardevs.Remove("gdb");
            var factory = new ChardevFactory(machine.Loop, machine.Chardevs);
            chardev = factory.CreateFromLegacy("gdb", spec);
        }
        catch (ChardevException e)
        {
            throw new VlException(e.Message, location);
        }

        if (chardev is null)
        {
            return new GdbStub(machine, null);
        }

        // Each SSE-200 core is its own CPU cluster, hence its own gdb process (issue 7 plan, finding 3).
        var frontend = new GdbChardevFrontend(chardev, write => new GdbSession(machine, cpus, clusterPerCpu: cpus.Count > 1, write));
        chardev.Attach(frontend);
        return new GdbStub(machine, frontend);
    }

    /// <summary>The chardev string gdbserver_start creates for <paramref name="device"/>, or null for <c>none</c>.</summary>
    public static string? ChardevSpec(string device)
    {
        if (device == "none")
        {
            return null;
        }

        if (device.StartsWith("tcp:", StringComparison.Ordinal))
        {
            var spec = device.StartsWith("tcp::", StringComparison.Ordinal) ? "tcp:127.0.0.1:" + device[5..] : device;
            return spec + ",wait=off,nodelay=on,server=on";
        }

        return device;
    }

    /// <summary>The machine's CPUs in cpu_index order.</summary>
    public static IReadOnlyList<ArmCpu> Cpus(Machine machine) => [.. machine.Cpus.OfType<ArmCpu>()];
}
