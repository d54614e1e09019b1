using Nemu.Chardevs;
using Nemu.Hw.Core;
using Nemu.Monitor;
using Nemu.Monitor.Hmp;
using Nemu.Options.CommandLine;
using Nemu.Qdev;
using Nemu.System;
using Nemu.System.Vl;

namespace Nemu.Cli;

/// <summary>The parts above the System layer that this binary plugs into start-up: monitors, device help, machine services.</summary>
public sealed class CliExtensions : IVlExtensions
{
    public IReadOnlyList<string> CpuTypes { get; } = [.. Arm.Cpu.ArmCpuModels.All.Select(m => m.Name)];

    public bool TryAnswerHelp(HelpRequest help, TextWriter output)
    {
        _ = help;
        _ = output;
        return false;
    }

    static CliExtensions()
    {
        // HMP gdbserver: start (or replace) the stub; null on success, else QEMU's error text.
        MachineHmpAdapter.GdbServerStarter = (machine, device) =>
        {
            try
            {
                Gdbstub.GdbStub.Start(machine, device);
                return null;
            }
            catch (VlException e)
            {
                return e.Message;
            }
        };
    }

    public void AttachMonitor(Machine machine, Chardev chardev) =>
        new HmpMonitor(chardev, new MachineHmpAdapter(machine)).Start();

    public void AttachQmp(Machine machine, Chardev chardev, bool pretty) =>
        new Monitor.Qmp.QmpMonitor(chardev, machine, pretty).Start();

    public void AttachGdbStub(Machine machine, string device) => Gdbstub.GdbStub.Start(machine, device);

    public void Populate(Machine machine, QemuCommandLine commandLine, VlContext context) =>
        machine.Qdev.AddService<ILoaderHost>(new MachineLoaderHost(machine));

    /// <summary>Every device type this binary knows.</summary>
    public static DeviceTypeRegistry CreateDeviceRegistry() => DeviceTypeRegistry.Create(Hw.HwModule.Register, Arm.ArmModule.Register);
}
