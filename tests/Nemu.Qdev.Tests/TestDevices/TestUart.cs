using Nemu.Core;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev.Registers;

namespace Nemu.Qdev.Tests.TestDevices;

/// <summary>
/// A UART shaped like QEMU's cmsdk-apb-uart (same type name, properties, IRQ count, vmsd fields) so help and
/// qtree output can be compared with recorded QEMU text. Registers follow the CMSDK APB UART TRM layout.
/// </summary>
internal sealed class TestUart : SysBusDevice
{
    public static readonly StateDescription<TestUartState> Vmsd =
        StateDescription<TestUartState>.Builder("cmsdk-apb-uart", version: 1, minimumVersion: 1)
            .UInt32("state", s => ref s.State)
            .UInt32("ctrl", s => ref s.Ctrl)
            .UInt32("intstatus", s => ref s.IntStatus)
            .UInt32("bauddiv", s => ref s.BaudDiv)
            .UInt8("txbuf", s => ref s.TxBuf)
            .UInt8("rxbuf", s => ref s.RxBuf)
            .Build();

    public static readonly RegisterTable<TestUart> Registers =
        RegisterTable<TestUart>.Builder("cmsdk-apb-uart", 0x1000)
            .Register(0x000, "DATA", RegisterAccess.ReadWrite, read: (d, _) => d.PopRx(), write: (d, v, _) => d.State.TxBuf = (byte)v, width: 4, writeMask: 0xff, readHasSideEffects: true)
            .Register(0x004, "STATE", RegisterAccess.WriteOneToClear, d => ref d.State.State, writeMask: 0xc)
            .Register(0x008, "CTRL", RegisterAccess.ReadWrite, d => ref d.State.Ctrl, writeMask: 0x7f)
            .Register(0x00c, "INTSTATUS", RegisterAccess.WriteOneToClear, d => ref d.State.IntStatus, writeMask: 0xf)
            .Register(0x010, "BAUDDIV", RegisterAccess.ReadWrite, d => ref d.State.BaudDiv, writeMask: 0xfffff)
            .Register(0xfd0, "PID4", RegisterAccess.ReadOnly, reset: 0x04)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define("cmsdk-apb-uart", () => new TestUart())
            .Parent(SysBusDevice.TypeName)
            .Chardev("chardev", d => ref d._chardev)
            .UInt32("pclk-frq", d => ref d._pclkFrq)
            .Build();

    private string? _chardev;
    private uint _pclkFrq;

    public TestUart()
    {
        for (var i = 0; i < 5; i++)
        {
            InitIrq();
        }

        Ops = Registers.Bind(this);
        InitMmio(MemoryRegion.CreateIo("uart", 0x1000, Ops, this));
        InitState(Vmsd, State);
    }

    public TestUartState State { get; } = new();

    public RegisterBlock<TestUart> Ops { get; }

    public uint PclkFrq => _pclkFrq;

    public string? ChardevId => _chardev;

    /// <summary>Maps the registers at <paramref name="address"/> in a container of its own.</summary>
    public void RecordMapping(ulong address) =>
        MapMmio(0, new GuestAddress(address), MemoryRegion.CreateContainer("system", (UInt128)ulong.MaxValue + 1));

    protected override void OnRealize()
    {
        if (_pclkFrq == 0)
        {
            throw new QdevException("cmsdk-apb-uart: pclk-frq property must be set");
        }
    }

    private uint PopRx()
    {
        State.State &= ~2u;
        return State.RxBuf;
    }
}
