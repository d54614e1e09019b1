// An empty machine with manual time and a fixed wall clock, and a QMP monitor on a test chardev.
using Nemu.Core.Time;
using Nemu.Monitor.Qmp;
using Nemu.Qdev;
using Nemu.System;
using Nemu.System.Boards;

namespace Nemu.Monitor.Tests.Qmp;

/// <summary>A machine plus one or more QMP monitors driven step by step on the test thread.</summary>
internal sealed class QmpTestMachine : IDisposable
{
    /// <summary>The wall clock the events are stamped with: 1795283543.180992 s.</summary>
    public const long WallClockNs = 1_795_283_543_180_992_000;

    public QmpTestMachine()
    {
        Host = new ManualHostTime(0, WallClockNs);
        Machine = new Machine(NoneMachine.Type, MachineTime.CreateManual(Host), DeviceTypeRegistry.Create());
    }

    public ManualHostTime Host { get; }

    public Machine Machine { get; }

    public (QmpMonitor Monitor, QmpTestChardev Chardev) AddMonitor(bool pretty = false)
    {
        var chardev = new QmpTestChardev(Machine.Loop);
        var monitor = new QmpMonitor(chardev, Machine, pretty);
        monitor.Start();
        return (monitor, chardev);
    }

    public void Run() => Machine.Loop.RunUntilIdle();

    public void Dispose() => Machine.Dispose();
}
