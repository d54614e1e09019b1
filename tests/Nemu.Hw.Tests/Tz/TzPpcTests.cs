using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Hw.Tests.Misc;
using Nemu.Hw.Tz;
using Nemu.Memory;

namespace Nemu.Hw.Tests.Tz;

/// <summary>mprofile.md §6.4 "TZ PPC behaviour": the block rule, RAZ/WI vs bus error, the interrupt lines.</summary>
public sealed class TzPpcTests
{
    private static readonly MemTxAttrs Secure = new(Secure: true);
    private static readonly MemTxAttrs NonSecure = new(Secure: false);
    private static readonly MemTxAttrs NonSecureUser = new(Secure: false, User: true);

    private readonly TestMachine _machine = new();
    private readonly MemorySystem _memory = new();
    private readonly MemoryRegion _ram = MemoryRegion.CreateRam("periph", 0x1000);
    private readonly TzPpc _ppc;
    private readonly AddressSpace _bus;
    private readonly IrqLine _irq = new("ppc-irq");

    public TzPpcTests()
    {
        _machine.Tree.AddService(_memory);
        _ppc = _machine.Tree.Create<TzPpc>(TzPpc.TypeName);
        _ppc.SetPort(2, _ram);
        _ppc.Realize();
        _ppc.Reset();
        _ppc.ConnectGpioOut("irq", 0, _irq);
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        root.AddSubregion(0x2000, _ppc.PortRegion(2));
        _bus = new AddressSpace(_memory, "bus", root);
        _ram.RamBlock!.AsSpan(0, 1)[0] = 0x5A;
    }

    [Fact]
    public void PortsBelowTheHighestUsedGetDummyRegionsSoMmioNumbersArePortNumbers()
    {
        Assert.Equal(3, _ppc.Mmio.Count);
        Assert.Equal("tz-ppc-dummy-port[0]", _ppc.Mmio[0].Name);
        Assert.Equal("tz-ppc-port[2]", _ppc.PortRegion(2).Name);
        Assert.Equal("tz-ppc-port[2]", _ppc.DownstreamSpaces[2]!.Name);
    }

    [Fact]
    public void AtResetSecurePrivilegedPassesAndNonSecureIsRazWi()
    {
        Assert.Equal(MemTxResult.Ok, _bus.Read(new GuestAddress(0x2000), 1, Secure, out var s));
        Assert.Equal(0x5Aul, s);

        Assert.Equal(MemTxResult.Ok, _bus.Read(new GuestAddress(0x2000), 1, NonSecure, out var ns));
        Assert.Equal(0ul, ns);
        Assert.Equal(MemTxResult.Ok, _bus.Write(new GuestAddress(0x2000), 0x11, 1, NonSecure));
        Assert.Equal(0x5A, _ram.RamBlock!.AsSpan(0, 1)[0]);
    }

    [Fact]
    public void CfgNonsecLetsNonSecureThroughAndBlocksSecure()
    {
        _ppc.GetGpioIn("cfg_nonsec", 2).Set(true);

        Assert.Equal(MemTxResult.Ok, _bus.Read(new GuestAddress(0x2000), 1, NonSecure, out var ns));
        Assert.Equal(0x5Aul, ns);
        _bus.Read(new GuestAddress(0x2000), 1, Secure, out var s);
        Assert.Equal(0ul, s);
    }

    [Fact]
    public void UnprivilegedIsBlockedUntilCfgAp()
    {
        _ppc.GetGpioIn("cfg_nonsec", 2).Set(true);
        _bus.Read(new GuestAddress(0x2000), 1, NonSecureUser, out var before);
        _ppc.GetGpioIn("cfg_ap", 2).Set(true);
        _bus.Read(new GuestAddress(0x2000), 1, NonSecureUser, out var after);

        Assert.Equal(0ul, before);
        Assert.Equal(0x5Aul, after);
    }

    [Fact]
    public void SecRespTurnsABlockedAccessIntoABusError()
    {
        _ppc.GetGpioIn("cfg_sec_resp", 0).Set(true);

        Assert.Equal(MemTxResult.Error, _bus.Read(new GuestAddress(0x2000), 4, NonSecure, out _));
        Assert.Equal(MemTxResult.Error, _bus.Write(new GuestAddress(0x2000), 1, 4, NonSecure));
    }

    [Fact]
    public void BlockedAccessRaisesIrqWhenEnabledAndIrqClearHoldsItLow()
    {
        _bus.Read(new GuestAddress(0x2000), 4, NonSecure, out _);
        Assert.True(_ppc.State.IrqStatus);
        Assert.False(_irq.Level);

        _ppc.GetGpioIn("irq_enable", 0).Set(true);
        Assert.True(_irq.Level);

        _ppc.GetGpioIn("irq_clear", 0).Set(true);
        Assert.False(_irq.Level);
        _bus.Read(new GuestAddress(0x2000), 4, NonSecure, out _);
        Assert.False(_ppc.State.IrqStatus);
    }

    [Fact]
    public void ResetClearsTheConfigurationInputs()
    {
        _ppc.GetGpioIn("cfg_nonsec", 2).Set(true);
        _ppc.GetGpioIn("cfg_sec_resp", 0).Set(true);
        _ppc.Reset();

        Assert.Equal(0, _ppc.State.CfgNonsec[2]);
        Assert.False(_ppc.State.CfgSecResp);
    }
}
