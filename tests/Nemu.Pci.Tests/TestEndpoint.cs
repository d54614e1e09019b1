using Nemu.Core;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Pci.Tests;

/// <summary>
/// An edu-like conventional function for the tests: 1234:11e8 class 00ff rev 0x10, INTA, BAR0 = 1 MiB memory
/// reading 0x010000ed at offset 0 (edu's id register), optional BAR1 = 256-byte I/O and optional ROM.
/// </summary>
internal sealed class TestEndpoint : PciDevice, IMemoryRegionOps
{
    public new const string TypeName = "test-endpoint";

    public static readonly DeviceType TypeInfo = DefinePci(TypeName, () => new TestEndpoint())
        .UserCreatable()
        .Bool("io", d => ref d._io)
        .Bool("rom", d => ref d._rom)
        .Bool("bar64", d => ref d._bar64)
        .Build();

    private bool _io;
    private bool _rom;
    private bool _bar64;

    public TestEndpoint()
    {
        SetIdentity(0x1234, 0x11e8, 0x00ff, 0x10);
        Config[PciConfig.InterruptPin] = 1;

        // The header of edu's MSI capability (64-bit, 1 vector) so the header reads like QEMU's edu.
        AddCapability(PciConfig.CapIdMsi, 0x40, 14, out _);
        Config[0x42] = 0x80;
        InitState(PciDeviceState.For(this), PciState);
    }

    public AccessConstraints Constraints => AccessConstraints.Default;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = offset == 0 ? 0x010000edu : 0;
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs) => MemTxResult.Ok;

    protected override void OnRealize()
    {
        base.OnRealize();
        RegisterBar(0, _bar64 ? PciBarType.Memory64 : PciBarType.Memory32, MemoryRegion.CreateIo("test-mmio", 0x10_0000, this, this));
        if (_io)
        {
            RegisterBar(_bar64 ? 2 : 1, PciBarType.Io, MemoryRegion.CreateIo("test-portio", 0x100, this, this));
        }

        if (_rom)
        {
            RegisterBar(RomSlot, PciBarType.Memory32, MemoryRegion.CreateIo("test-rom", 0x1_0000, this, this));
        }
    }
}
