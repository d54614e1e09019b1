// The SCS as a Cortex-M33 with the Security Extension sees it (mprofile.md §4.4-§4.6, §9 #50, #56, #57): reset
// values and write probes recorded from qemu-system-arm 7.2 in /work/notes/issue5-ref/regdump-mps2-an505.txt (Secure
// view at 0xE000E000, Non-secure view through the 0xE002E000 alias), the ITNS-masked Non-secure views, the alias
// rules for Non-secure callers and the banked SysTick.
using Nemu.Arm.Tests.Support;
using Nemu.Core;

namespace Nemu.Arm.Tests.Devices;

public sealed class ScsRegistersSecurityTests
{
    private const uint Scs = 0xE000E000, ScsNs = 0xE002E000;
    private static readonly MemTxAttrs S = new(Secure: true);
    private static readonly MemTxAttrs Ns = new(Secure: false);
    private static readonly MemTxAttrs NsUser = new(Secure: false, User: true);

    private static Armv7mMachine Create()
    {
        var m = new Armv7mMachine("cortex-m33", refClockHz: 0);
        m.Armv7m.Reset();
        return m;
    }

    private static uint Read(Armv7mMachine m, uint address, MemTxAttrs attrs)
    {
        Assert.Equal(MemTxResult.Ok, m.Armv7m.CpuAddressSpace!.Read(new GuestAddress(address), 4, attrs, out var v));
        return (uint)v;
    }

    private static void Write(Armv7mMachine m, uint address, uint value, MemTxAttrs attrs) =>
        Assert.Equal(MemTxResult.Ok, m.Armv7m.CpuAddressSpace!.Write(new GuestAddress(address), value, 4, attrs));

    [Theory]
    [InlineData(0xD04u, 0x800u, 0x800u)]
    [InlineData(0xD0Cu, 0xFA050000u, 0xFA050000u)]
    [InlineData(0xD14u, 0x201u, 0x201u)]
    [InlineData(0xD7Cu, 0x8000C000u, 0x8000C000u)]
    [InlineData(0xD8Cu, 0u, 0u)]
    [InlineData(0xF34u, 0xC0000004u, 0xC0000000u)]
    [InlineData(0xF40u, 0x10110021u, 0x10110021u)]
    public void ResetValuesMatchQemuInBothViews(uint offset, uint secure, uint nonSecure)
    {
        using var m = Create();
        Assert.Equal(secure, Read(m, Scs + offset, S));
        Assert.Equal(nonSecure, Read(m, ScsNs + offset, S));
        Assert.Equal(nonSecure, Read(m, Scs + offset, Ns));
    }

    [Fact]
    public void SecureAircrWriteSetsTheSecureOnlyBitsAndNonSecureSeesBfhfnmins()
    {
        using var m = Create();
        Write(m, Scs + 0xD0C, 0x05FA6700, S);
        Assert.Equal(0xFA056700u, Read(m, Scs + 0xD0C, S));
        Assert.Equal(0xFA052000u, Read(m, ScsNs + 0xD0C, S));
        Assert.True(m.Armv7m.Nvic!.Pris);
        Assert.Equal(7, m.Armv7m.Nvic.PriGroupOf(true));
        Assert.Equal(0, m.Armv7m.Nvic.PriGroupOf(false));
    }

    [Fact]
    public void ShcsrViewsAreBankedWithBusFaultVisibleToNonSecureUnderBfhfnmins()
    {
        using var m = Create();
        Write(m, Scs + 0xD0C, 0x05FA6700, S);
        Write(m, Scs + 0xD24, 0x000F0000, S);
        Assert.Equal(0x000F0000u, Read(m, Scs + 0xD24, S));
        Assert.Equal(0x00020000u, Read(m, ScsNs + 0xD24, S));
    }

    [Fact]
    public void ShcsrHidesBusFaultFromNonSecureWithoutBfhfnmins()
    {
        using var m = Create();
        Write(m, Scs + 0xD24, 0x000F0000, S);
        Assert.Equal(0u, Read(m, ScsNs + 0xD24, S));
        Write(m, ScsNs + 0xD24, 0x00070000, S);
        Assert.Equal(0x00050000u, Read(m, ScsNs + 0xD24, S));
        Assert.Equal(0x000F0000u, Read(m, Scs + 0xD24, S));
    }

    [Fact]
    public void FpccrAllOnesFromSecureMatchesQemu()
    {
        using var m = Create();
        Write(m, Scs + 0xD0C, 0x05FA6700, S);
        Write(m, Scs + 0xF34, 0xFFFFFFFF, S);
        Assert.Equal(0xFC0007FFu, Read(m, Scs + 0xF34, S));
        Assert.Equal(0xD0000150u, Read(m, ScsNs + 0xF34, S));
    }

    [Fact]
    public void CcrKeepsBfhfnmignInTheNonSecureCopyAndReadsRes1Bits()
    {
        using var m = Create();
        Write(m, Scs + 0xD14, 0xFFFFFFFF, S);
        Assert.Equal(0x31Bu, Read(m, Scs + 0xD14, S));

        // Stored in the Non-secure copy, but RAZ from the Non-secure view while AIRCR.BFHFNMINS is 0 (QEMU 7.2 regdump).
        Assert.Equal(0x100u, m.Armv7m.Nvic!.CcrOf(false) & 0x100);
        Assert.Equal(0x201u, Read(m, ScsNs + 0xD14, S));
        Write(m, Scs + 0xD14, 0, S);
        Assert.Equal(0x201u, Read(m, Scs + 0xD14, S));
    }

    [Fact]
    public void NsacrKeepsOnlyCp10AndCp11AndIsSecureOnly()
    {
        using var m = Create();
        Write(m, Scs + 0xD8C, 0xFFFFFFFF, S);
        Assert.Equal(0xC00u, Read(m, Scs + 0xD8C, S));
        Assert.Equal(0u, Read(m, ScsNs + 0xD8C, S));
    }

    [Fact]
    public void NonSecureViewShowsAndChangesOnlyItnsInterrupts()
    {
        using var m = Create();
        Write(m, Scs + 0x100, 0x18, S);
        Write(m, Scs + 0x380, 0x10, S);
        Assert.Equal(0x10u, Read(m, Scs + 0x380, S));
        Assert.Equal(0u, Read(m, ScsNs + 0x380, S));
        Assert.Equal(0x10u, Read(m, ScsNs + 0x100, S));
        Assert.Equal(0x18u, Read(m, Scs + 0x100, S));

        Write(m, Scs + 0x180, 0x18, Ns);
        Assert.Equal(0x08u, Read(m, Scs + 0x100, S));
        Write(m, Scs + 0x200, 0x0C, Ns);
        Assert.Equal(0u, Read(m, Scs + 0x200, S));
        Write(m, Scs + 0x380, 0, Ns);
        Assert.Equal(0x10u, Read(m, Scs + 0x380, S));
    }

    [Fact]
    public void NonSecurePriorityOfASecureInterruptIsRazWi()
    {
        using var m = Create();
        Write(m, Scs + 0x400, 0x80, S);
        Assert.Equal(0u, Read(m, Scs + 0x400, Ns));
        Write(m, Scs + 0x400, 0x40, Ns);
        Assert.Equal(0x80u, Read(m, Scs + 0x400, S));
    }

    [Fact]
    public void NonSecureAccessToTheAliasIsRazWiWhenPrivilegedAndABusErrorWhenNot()
    {
        using var m = Create();
        Assert.Equal(0u, Read(m, ScsNs + 0xD00, Ns));
        Write(m, ScsNs + 0xD08, 0x1000, Ns);
        Assert.Equal(0u, Read(m, Scs + 0xD08, Ns));
        var space = m.Armv7m.CpuAddressSpace!;
        Assert.Equal(MemTxResult.Error, space.Read(new GuestAddress(ScsNs + 0xD00), 4, NsUser, out _));
        Assert.Equal(MemTxResult.Error, space.Write(new GuestAddress(ScsNs + 0xD08), 0, 4, NsUser));
    }

    [Fact]
    public void SecureWriteThroughTheAliasChangesTheNonSecureBank()
    {
        using var m = Create();
        Write(m, ScsNs + 0xD08, 0x00200000, S);
        Assert.Equal(0x00200000u, Read(m, Scs + 0xD08, Ns));
        Assert.Equal(0x00200000u, m.Armv7m.Nvic!.VtorOf(false));
        Assert.Equal(0u, m.Armv7m.Nvic.VtorOf(true));
    }

    [Fact]
    public void SecureAndNonSecureSysTicksAreSeparateInstances()
    {
        using var m = Create();
        Write(m, Scs + 0x014, 0x1234, S);
        Write(m, ScsNs + 0x014, 0x5678, S);
        Assert.Equal(0x1234u, Read(m, Scs + 0x014, S));
        Assert.Equal(0x5678u, Read(m, Scs + 0x014, Ns));
        Assert.Equal(0x5678u, Read(m, ScsNs + 0x014, S));
        Assert.Equal(0x80000000u, Read(m, Scs + 0x01C, S));
        Assert.Equal(4u, Read(m, Scs + 0x010, S));
        Assert.True(m.Armv7m.SecureSysTick!.Secure);
    }

    [Fact]
    public void IcsrPendsTheAccessingStatesPendSv()
    {
        using var m = Create();
        Write(m, ScsNs + 0xD04, 1u << 28, S);
        var nvic = m.Armv7m.Nvic!;
        Assert.True(nvic.VectorOf(14, false).Pending);
        Assert.False(nvic.VectorOf(14, true).Pending);
        Assert.Equal(0u, Read(m, Scs + 0xD04, S) & (1u << 28));
        Assert.NotEqual(0u, Read(m, ScsNs + 0xD04, S) & (1u << 28));
    }

    [Fact]
    public void CfsrIsBankedWithASharedBusFaultByte()
    {
        using var m = Create();
        var nvic = m.Armv7m.Nvic!;
        nvic.CfsrOf(true) = 0x00010001;
        nvic.CfsrOf(false) = 0x00020200;
        Assert.Equal(0x00010201u, Read(m, Scs + 0xD28, S));
        Assert.Equal(0x00020200u, Read(m, ScsNs + 0xD28, S));
        Write(m, Scs + 0xD28, 0xFFFFFFFF, S);
        Assert.Equal(0u, nvic.CfsrOf(true));
        Assert.Equal(0x00020000u, nvic.CfsrOf(false));
    }
}
