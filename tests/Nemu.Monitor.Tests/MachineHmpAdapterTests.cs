using Nemu.Core.Time;
using Nemu.Memory;
using Nemu.Monitor.Hmp;
using Nemu.Qdev;
using Nemu.System;
using Nemu.System.Boards;

namespace Nemu.Monitor.Tests;

/// <summary>
/// The System machine behind HMP: run states as QEMU prints them (a gdb stop is "paused (debug)"; a reset while
/// paused is prelaunch), the machine events HMP commands cause, pmemsave's zeros for unassigned memory, and the
/// gdbserver hook.
/// </summary>
public sealed class MachineHmpAdapterTests : IDisposable
{
    private readonly Machine _machine;
    private readonly List<MachineEvent> _events = [];

    public MachineHmpAdapterTests()
    {
        _machine = new Machine(NoneMachine.Type, MachineTime.CreateManual(), DeviceTypeRegistry.Create(_ => { }));
        var ram = MemoryRegion.CreateRam("ram", 0x10000);
        _machine.SystemMemory.AddSubregion(0x40000000, ram);
        _machine.AddressSpaceMemory.WriteBuffer(new Core.GuestAddress(0x40000000), [1, 2, 3, 4], Core.MemTxAttrs.UnspecifiedAttrs);
        _machine.EventRaised += _events.Add;
    }

    public void Dispose() => _machine.Dispose();

    [Fact]
    public void StatusAfterAGdbStopIsPausedDebug()
    {
        _machine.Start();
        _machine.Stop(RunState.Debug);

        Assert.Equal("VM status: paused (debug)\r\n", HmpSession.Run(new MachineHmpAdapter(_machine), "info status"));
    }

    [Fact]
    public void SystemResetWhilePausedRaisesResetAndEntersPrelaunch()
    {
        var adapter = new MachineHmpAdapter(_machine);
        _machine.Start();
        HmpSession.Run(adapter, "stop");
        _events.Clear();

        HmpSession.Run(adapter, "system_reset");

        Assert.Equal([new ResetEvent(ShutdownCause.HostQmpSystemReset)], _events);
        Assert.Equal("VM status: paused (prelaunch)\r\n", HmpSession.Run(adapter, "info status"));
    }

    [Fact]
    public void QuitRaisesShutdownWithTheHostQuitCause()
    {
        HmpSession.Run(new MachineHmpAdapter(_machine), "quit");

        Assert.Equal([new ShutdownEvent(ShutdownCause.HostQmpQuit)], _events);
    }

    [Fact]
    public void PhysicalReadIgnoringErrorsGivesZerosForUnassignedBytes()
    {
        var buffer = new byte[8];
        buffer.AsSpan().Fill(0xee);

        ((IHmpMachine)new MachineHmpAdapter(_machine)).ReadPhysicalIgnoringErrors(0x3ffffffc, buffer);

        Assert.Equal([0, 0, 0, 0, 1, 2, 3, 4], buffer);
    }

    [Fact]
    public void GdbserverGoesThroughTheHookAndWithoutOneOnlyNoneSucceeds()
    {
        var adapter = new MachineHmpAdapter(_machine);
        var previous = MachineHmpAdapter.GdbServerStarter;
        try
        {
            MachineHmpAdapter.GdbServerStarter = null;
            Assert.Equal("Disabled gdbserver\r\n", HmpSession.Run(adapter, "gdbserver none"));
            Assert.EndsWith("Could not open gdbserver on device 'tcp::1234'\r\n", HmpSession.Run(adapter, "gdbserver"), StringComparison.Ordinal);

            var calls = new List<(Machine, string)>();
            MachineHmpAdapter.GdbServerStarter = (m, d) =>
            {
                calls.Add((m, d));
                return d == "bad" ? "'bad' is not a valid char driver" : null;
            };
            Assert.Equal("Waiting for gdb connection on device 'tcp::1234'\r\n", HmpSession.Run(adapter, "gdbserver"));
            Assert.Equal("'bad' is not a valid char driver\r\nCould not open gdbserver on device 'bad'\r\n", HmpSession.Run(adapter, "gdbserver bad"));
            Assert.Equal([(_machine, "tcp::1234"), (_machine, "bad")], calls);
        }
        finally
        {
            MachineHmpAdapter.GdbServerStarter = previous;
        }
    }
}
