using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Hw.ArmSse;
using Nemu.Hw.Tests.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.ArmSse;

/// <summary>mprofile.md §6.4 "secctl S block / NS block": PPC configuration lines, NSCCFG, interrupt plumbing.</summary>
public sealed class IotkitSecctlTests
{
    private readonly TestMachine _machine = new();
    private readonly IotkitSecctl _secctl;

    public IotkitSecctlTests()
    {
        _secctl = _machine.Create<IotkitSecctl>(IotkitSecctl.TypeName, ("sse-version", "200"));
    }

    private Nemu.Memory.IMemoryRegionOps SBlock => _secctl.Mmio[0].Region!.Ops!;

    private Nemu.Memory.IMemoryRegionOps NsBlock => _secctl.Mmio[1].Region!.Ops!;

    [Fact]
    public void RegionsAndIdsMatchQemu()
    {
        Assert.Equal("iotkit-secctl-s-regs", _secctl.Mmio[0].Name);
        Assert.Equal("iotkit-secctl-ns-regs", _secctl.Mmio[1].Name);
        Assert.Equal(0x52u, Read(SBlock, 0xfe0));
        Assert.Equal(0x53u, Read(NsBlock, 0xfe0));
    }

    [Fact]
    public void ApbNsPpcExpDrivesNonsecAndApFollowsTheMatchingPrivilegeRegister()
    {
        var nonsec5 = new IrqLine("n5");
        var ap5 = new IrqLine("a5");
        _secctl.ConnectGpioOut("apb_ppcexp1_nonsec", 5, nonsec5);
        _secctl.ConnectGpioOut("apb_ppcexp1_ap", 5, ap5);

        Write(SBlock, 0xc4, 1 << 5); // APBSPPPCEXP1: S unprivileged allowed.
        Assert.True(ap5.Level);
        Write(SBlock, 0x84, 1 << 5); // APBNSPPCEXP1: port 5 NS; now NSP decides.
        Assert.True(nonsec5.Level);
        Assert.False(ap5.Level);
        Write(NsBlock, 0xc4, 1 << 5); // APBNSPPPCEXP1 in the NS block.
        Assert.True(ap5.Level);
        Assert.Equal(1u << 5, Read(SBlock, 0x84));
        Assert.Equal(1u << 5, Read(NsBlock, 0xc4));
    }

    [Fact]
    public void PpcRegistersKeepOnlyThePortBits()
    {
        Write(SBlock, 0x70, 0xFFFFFFFF);
        Write(SBlock, 0x74, 0xFFFFFFFF);

        Assert.Equal(7u, Read(SBlock, 0x70));
        Assert.Equal(1u, Read(SBlock, 0x74));
    }

    [Fact]
    public void SubWordWritesAreIgnoredAndSubWordReadsExtractBytes()
    {
        Write(SBlock, 0x80, 0xFF, 1);
        Assert.Equal(0u, Read(SBlock, 0x80));
        Assert.Equal(0xb8u, Read(SBlock, 0xfe4, 1));
        Assert.Equal(0u, Read(SBlock, 0xfe1, 1));
    }

    [Fact]
    public void NscCfgIsObservableForTheIdau()
    {
        uint? seen = null;
        _secctl.NscCfgChanged += v => seen = v;
        Write(SBlock, 0x14, 0xFF);

        Assert.Equal(3u, seen);
        Assert.Equal(3u, _secctl.NscCfg);
        Assert.Equal(3u, Read(SBlock, 0x14));
    }

    [Fact]
    public void SecRespCfgDrivesItsOutput()
    {
        var line = new IrqLine("resp");
        _secctl.ConnectGpioOut("sec_resp_cfg", 0, line);
        Write(SBlock, 0x10, 3);

        Assert.True(line.Level);
        Assert.Equal(1u, Read(SBlock, 0x10));
    }

    [Fact]
    public void PpcIrqStatusSetsSecPpcIntStatAndClearPulsesIrqClear()
    {
        var enable = new IrqLine("en");
        var clear = new IrqLine("clr");
        _secctl.ConnectGpioOut("apb_ppcexp1_irq_enable", 0, enable);
        _secctl.ConnectGpioOut("apb_ppcexp1_irq_clear", 0, clear);
        _secctl.GetGpioIn("apb_ppcexp1_irq_status", 0).Set(true);

        Assert.Equal(1u << 5, Read(SBlock, 0x20));
        Write(SBlock, 0x28, 0xFFFFFFFF);
        Assert.Equal(0x00f000f3u, Read(SBlock, 0x28));
        Assert.True(enable.Level);

        _secctl.GetGpioIn("apb_ppcexp1_irq_status", 0).Set(false);
        Write(SBlock, 0x24, 1 << 5);
        Assert.Equal(0u, Read(SBlock, 0x20));
    }

    [Fact]
    public void MpcStatusInputsShowInSecMpcIntStatus()
    {
        _secctl.GetGpioIn("mpc_status", 0).Set(true);
        _secctl.GetGpioIn("mpcexp_status", 2).Set(true);

        Assert.Equal(1u | (1u << 18), Read(SBlock, 0x1c));
    }

    [Fact]
    public void ResetClearsThePpcConfiguration()
    {
        Write(SBlock, 0x84, 0xFFFF);
        _secctl.Reset();

        Assert.Equal(0u, Read(SBlock, 0x84));
    }

    [Fact]
    public void NonSecureAttributesDoNotMatterToTheBlocks()
    {
        SBlock.Write(0x14, 1, 4, new MemTxAttrs(Secure: false));

        Assert.Equal(1u, _secctl.NscCfg);
    }
}
