// Migration of the NVIC's Security Extension state (the "armv7m_nvic/m-security" subsection, NvicState.Security.cs): the
// Secure copies, ITNS, AIRCR bits and Secure-bank SCB registers survive a save/load round trip; cores without the
// extension do not send the subsection.
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Exceptions;

public sealed class NvicStateSecurityTests
{
    [Fact]
    public void SecureStateSurvivesARoundTrip()
    {
        using var m = new Armv7mMachine("cortex-m33");
        m.Armv7m.Reset();
        var nvic = m.Armv7m.Nvic!;
        nvic.WriteSecureAircrBits(pris: true, bfhfnmins: true, sysresetreqs: false);
        nvic.SetItns(ExceptionNumber.FirstExternal + 7, nonSecure: true);
        nvic.SetPriority(ExceptionNumber.SvCall, true, 0x60);
        nvic.SetPending(ExceptionNumber.PendSv, true);
        nvic.VtorOf(true) = 0x10000000;
        nvic.VtorOf(false) = 0x00200000;
        nvic.CfsrOf(true) = 0x00100000;
        nvic.Sfsr = 0x48;
        nvic.FpccrOf(false) = Nvic.FpccrAspen;
        var saved = m.Armv7m.VmState!.Save();

        using var copy = new Armv7mMachine("cortex-m33");
        copy.Armv7m.Reset();
        copy.Armv7m.VmState!.Load(saved, Nemu.Arm.Devices.Armv7mState.Vmsd.VersionId);
        var n = copy.Armv7m.Nvic!;
        Assert.True(n.Pris && n.Bfhfnmins && !n.Sysresetreqs);
        Assert.True(n.TargetsNonSecureItns(ExceptionNumber.FirstExternal + 7));
        Assert.Equal(0x60, n.VectorOf(ExceptionNumber.SvCall, true).Priority);
        Assert.Equal(-3, n.VectorOf(ExceptionNumber.HardFault, true).Priority);
        Assert.True(n.VectorOf(ExceptionNumber.PendSv, true).Pending);
        Assert.Equal(ExceptionNumber.PendSv, n.VectPending);
        Assert.True(n.VectPendingSecure);
        Assert.Equal(0x10000000u, n.VtorOf(true));
        Assert.Equal(0x00200000u, n.VtorOf(false));
        Assert.Equal(0x00100000u, n.CfsrOf(true));
        Assert.Equal(0x48u, n.Sfsr);
    }

    [Fact]
    public void CoresWithoutTheExtensionDoNotSendTheSubsection()
    {
        var state = new NvicState();
        using var m = new Armv7mMachine("cortex-m3");
        state.Capture(m.Armv7m.Nvic!);
        Assert.False(state.HasSecurity);
    }
}
