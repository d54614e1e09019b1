using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Hw.Tests.Misc;
using Nemu.Hw.Tz;
using Nemu.Memory;

namespace Nemu.Hw.Tests.Tz;

/// <summary>mprofile.md §6.4 "TZ MPC regs": the LUT deciding which security passes, INT_INFO, NS register view.</summary>
public sealed class TzMpcTests
{
    private static readonly MemTxAttrs Secure = new(Secure: true);
    private static readonly MemTxAttrs NonSecure = new(Secure: false);

    private readonly TestMachine _machine = new();
    private readonly MemorySystem _memory = new();
    private readonly MemoryRegion _ram = MemoryRegion.CreateRam("ssram", 0x10000);
    private readonly TzMpc _mpc;
    private readonly AddressSpace _bus;
    private readonly IrqLine _irq = new("mpc-irq");

    public TzMpcTests()
    {
        _machine.Tree.AddService(_memory);
        _mpc = _machine.Tree.Create<TzMpc>(TzMpc.TypeName);
        _mpc.SetDownstream(_ram);
        _mpc.Realize();
        _mpc.Reset();
        _mpc.ConnectGpioOut("irq", 0, _irq);
        var root = MemoryRegion.CreateContainer("root", 0x100000);
        root.AddSubregion(0, _mpc.Upstream);
        root.AddSubregion(0x80000, _mpc.Registers);
        _bus = new AddressSpace(_memory, "bus", root);
    }

    [Fact]
    public void ResetValuesMatchQemu()
    {
        Assert.Equal(0x100u, Reg(0x00));
        Assert.Equal(1u, Reg(0x10)); // 64 KiB / 1 KiB = 64 blocks = 2 LUT words: BLK_MAX = 1.
        Assert.Equal(5u, Reg(0x14));
        Assert.Equal(1u, Reg(0x28));
        Assert.Equal(0x60u, Reg(0xfe0));
        Assert.Equal(0xb1u, Reg(0xffc));
        Assert.Equal("tz-mpc-upstream", _mpc.Upstream.Name);
        Assert.Equal("tz-mpc-regs", _mpc.Registers.Name);
        Assert.Contains(_memory.AddressSpaces, a => a.Name == "tz-mpc-downstream");
        Assert.Contains(_memory.AddressSpaces, a => a.Name == "tz-mpc-blocked-io");
    }

    [Fact]
    public void AtResetSecurePassesAndNonSecureIsBlockedRazWi()
    {
        Assert.Equal(MemTxResult.Ok, _bus.Write(new GuestAddress(0x400), 0xCAFEF00D, 4, Secure));
        _bus.Read(new GuestAddress(0x400), 4, Secure, out var s);
        Assert.Equal(0xCAFEF00Dul, s);

        Assert.Equal(MemTxResult.Ok, _bus.Read(new GuestAddress(0x400), 4, NonSecure, out var ns));
        Assert.Equal(0ul, ns);
        _bus.Write(new GuestAddress(0x400), 0x12345678, 4, NonSecure);
        _bus.Read(new GuestAddress(0x400), 4, Secure, out var after);
        Assert.Equal(0xCAFEF00Dul, after);
    }

    [Fact]
    public void LutBitMakesTheBlockNonSecureOnly()
    {
        SetReg(0x18, 0);
        SetReg(0x1c, 0b10); // block 1 = 0x400-0x7FF is NS.
        _bus.Write(new GuestAddress(0x400), 0xAA, 1, NonSecure);

        _bus.Read(new GuestAddress(0x400), 1, NonSecure, out var ns);
        _bus.Read(new GuestAddress(0x400), 1, Secure, out var s);
        _bus.Read(new GuestAddress(0x000), 1, Secure, out _);

        Assert.Equal(0xAAul, ns);
        Assert.Equal(0ul, s);
    }

    [Fact]
    public void FirstBlockedAccessRecordsIntInfoAndRaisesTheInterrupt()
    {
        _bus.Read(new GuestAddress(0x804), 4, NonSecure, out _);
        _bus.Read(new GuestAddress(0xC00), 4, NonSecure, out _);

        Assert.Equal(1u, Reg(0x20));
        Assert.Equal(0x804u, Reg(0x2c));
        Assert.Equal(1u << 16, Reg(0x30)); // HNONSEC, CFG_NS=0.
        Assert.True(_irq.Level);

        SetReg(0x24, 1);
        Assert.Equal(0u, Reg(0x20));
        Assert.False(_irq.Level);
    }

    [Fact]
    public void SecRespMakesABlockedAccessABusError()
    {
        SetReg(0x00, TzMpc.CtrlSecResp);

        Assert.Equal(MemTxResult.Error, _bus.Read(new GuestAddress(0), 4, NonSecure, out _));
        Assert.Equal(MemTxResult.Error, _bus.Write(new GuestAddress(0), 0, 4, NonSecure));
    }

    [Fact]
    public void BlkLutAutoIncrementsOnWordAccessesAndWraps()
    {
        SetReg(0x1c, 0xFFFFFFFF);
        SetReg(0x1c, 0x0000000F);

        Assert.Equal(0u, Reg(0x18));
        Assert.Equal(0xFFFFFFFFu, Reg(0x1c));
        Assert.Equal(0x0000000Fu, Reg(0x1c));
    }

    [Fact]
    public void NonSecureAccessToTheRegistersIsRazWiButSeesTheIds()
    {
        using var log = Log.Capture(LogItem.GuestErrors);
        _bus.Write(new GuestAddress(0x80000), 0, 4, NonSecure);
        _bus.Read(new GuestAddress(0x80000), 4, NonSecure, out var ctrl);
        _bus.Read(new GuestAddress(0x80FE0), 4, NonSecure, out var pid0);

        Assert.Equal(0ul, ctrl);
        Assert.Equal(0x60ul, pid0);
        Assert.Equal(0x100u, Reg(0x00));
        Assert.Contains("TZ MPC register read: NS access to offset 0x0", log.Lines);
    }

    [Fact]
    public void LockdownMakesCtrlLutAndIntEnReadOnly()
    {
        SetReg(0x00, TzMpc.CtrlLockdown);
        SetReg(0x1c, 1);
        SetReg(0x28, 0);
        SetReg(0x00, 0);

        Assert.Equal(TzMpc.CtrlLockdown, Reg(0x00));
        Assert.Equal(0u, _mpc.State.BlkLut[0]);
        Assert.Equal(1u, Reg(0x28));
    }

    [Fact]
    public void LutWriteNotifiesTheChangedBlocksOnly()
    {
        var changes = new List<(ulong Offset, ulong Length)>();
        _mpc.Upstream.IommuChanged += (offset, length) => changes.Add((offset, length));
        SetReg(0x18, 1);
        SetReg(0x1c, 0b101);

        Assert.Equal([(0x8000ul, 0x400ul), (0x8800ul, 0x400ul)], changes);
    }

    [Fact]
    public void UnspecifiedAttributesAlwaysPass()
    {
        SetReg(0x1c, 1);
        Assert.Equal(MemTxResult.Ok, _bus.Write(new GuestAddress(0), 0x77, 1, MemTxAttrs.UnspecifiedAttrs));
        _bus.Read(new GuestAddress(0), 1, MemTxAttrs.UnspecifiedAttrs, out var v);

        Assert.Equal(0x77ul, v);
        Assert.Equal(0u, Reg(0x20));
    }

    [Fact]
    public void StateRoundTripsWithTheLut()
    {
        SetReg(0x1c, 0x12345678);
        var saved = _mpc.VmState!.Save();
        var other = _machine.Tree.Create<TzMpc>(TzMpc.TypeName);
        other.SetDownstream(MemoryRegion.CreateRam("ssram2", 0x10000));
        other.Realize();
        other.Reset();
        other.VmState!.Load(saved, 1);

        Assert.Equal(0x12345678u, other.State.BlkLut[0]);
        Assert.Equal(saved, other.VmState.Save());
    }

    private uint Reg(ulong offset)
    {
        _bus.Read(new GuestAddress(0x80000 + offset), 4, Secure, out var v);
        return (uint)v;
    }

    private void SetReg(ulong offset, uint value) => _bus.Write(new GuestAddress(0x80000 + offset), value, 4, Secure);
}
