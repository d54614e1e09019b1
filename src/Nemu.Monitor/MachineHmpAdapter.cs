using Nemu.Core;
using Nemu.Monitor.Hmp;
using Nemu.Pci.Info;
using Nemu.System;

namespace Nemu.Monitor;

/// <summary>Presents a System <see cref="Machine"/> to the human monitor.</summary>
public sealed class MachineHmpAdapter(Machine machine) : IHmpMachine
{
    public string StatusText => RunStateNames.StatusText(machine.State);

    public int TargetBits => 32;

    public bool HasCpu => false;

    public IRegisterReader? Registers => null;

    public void Stop() => machine.Stop();

    public void Cont() => machine.Start();

    public void SystemReset() => machine.Reset();

    public void Quit() => machine.RequestQuit(0);

    public string MemoryTree(bool flat, bool dispatchTree, bool owner, bool disabled) =>
        machine.Memory.FormatMtree(flat, owner, disabled);

    public string PciInfo() => PciInfoPrinter.Print(machine.Qdev);

    public string DeviceTree() => machine.Qdev.PrintQtree();

    public bool ReadPhysical(ulong address, Span<byte> buffer) =>
        machine.AddressSpaceMemory.ReadBuffer(new GuestAddress(address), buffer, MemTxAttrs.UnspecifiedAttrs) == MemTxResult.Ok;

    public bool ReadVirtual(ulong address, Span<byte> buffer) =>
        address <= uint.MaxValue && ReadPhysical(address, buffer);
}
