// Packet-level behaviour of the stub against an in-process machine; expected texts are QEMU's (management.md §5.2,
// raw-client recordings of 7.2 and 10.0).
using Nemu.System;

namespace Nemu.Gdbstub.Tests;

public sealed class GdbSessionTests
{
    private const string Supported = "qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+;fork-events+;vfork-events+;exec-events+;vContSupported+;QThreadEvents+;no-resumed+;xmlRegisters=arm";

    [Fact]
    public void QSupportedAnswersAsQemu()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        Assert.Equal("PacketSize=1000;qXfer:features:read+;vContSupported+;multiprocess+", h.Packet(Supported));
        Assert.Equal("PacketSize=1000;qXfer:features:read+;vContSupported+", h.Packet("qSupported"));
    }

    [Fact]
    public void ThreadQueriesUseMultiprocessIds()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        h.Packet(Supported);
        Assert.Equal("T05thread:p01.01;", h.Packet("?"));
        Assert.Equal("1", h.Packet("qAttached:1"));
        Assert.Equal("QCp01.01", h.Packet("qC"));
        Assert.Equal("mp01.01", h.Packet("qfThreadInfo"));
        Assert.Equal("l", h.Packet("qsThreadInfo"));
        Assert.Equal("4350552330205b72756e6e696e675d", h.Packet("qThreadExtraInfo,p1.1"));
        Assert.Equal("OK", h.Packet("Hgp0.0"));
        Assert.Equal("OK", h.Packet("Hc-1"));
        Assert.Equal("OK", h.Packet("Tp1.1"));
        Assert.Equal("E22", h.Packet("Tp1.2"));
        Assert.Equal("vCont;c;C;s;S", h.Packet("vCont?"));
    }

    [Fact]
    public void UnsupportedPacketsGetEmptyReply()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        foreach (var packet in (string[])["vMustReplyEmpty", "qOffsets", "qTStatus", "qSymbol::", "QStartNoAckMode", "X20000000,0:", "!", "qL1200000000000000000"])
        {
            Assert.Equal(string.Empty, h.Packet(packet));
        }
    }

    [Fact]
    public void BadChecksumGetsMinusAndNoReply()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        Assert.Equal("-", h.SendRaw("$m0,4#fe"));
    }

    [Fact]
    public void MinusRetransmitsLastReply()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        var raw = h.SendRaw(GdbHarness.Frame("qAttached"));
        Assert.Equal(raw[1..], h.SendRaw("-"));
    }

    [Fact]
    public void RegistersReadAndWrite()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        h.Packet("qXfer:features:read:target.xml:0,ffb");
        Assert.Equal(17 * 8, h.Packet("g").Length);
        Assert.Equal("OK", h.Packet("P0=78563412"));
        Assert.Equal("78563412", h.Packet("p0"));
        Assert.Equal("E14", h.Packet("p10"));
        Assert.Equal("E14", h.Packet("p20"));
        Assert.Equal("OK", h.Packet("P1a=78563412"));
        Assert.Equal("00000000", h.Packet("p1a"));
        Assert.Equal("OK", h.Packet("G" + new string('0', 8 * 16) + "00000041"));
        Assert.Equal("00000000", h.Packet("p0"));
    }

    [Fact]
    public void SystemRegistersFollowTheCpu()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        h.Packet("P0=00000000");
        var cpu = GdbStub.Cpus(h.Machine)[0];
        cpu.Msp = 0x20008000;
        Assert.Equal("00800020", h.Packet("p1a"));
        Assert.Equal("00000000", h.Packet("p1b"));
    }

    [Fact]
    public void MemoryReadWriteAndErrors()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        Assert.Equal("OK", h.Packet("M20000200,4:01020304"));
        Assert.Equal("01020304", h.Packet("m20000200,4"));
        Assert.Equal("E14", h.Packet("mfffffff0,20"));
        Assert.Equal("E14", h.Packet("m100000000,4"));
        Assert.Equal("E22", h.Packet("m00000"));
        Assert.Equal(string.Empty, h.Packet("m0,$"));
        Assert.Equal("E22", h.Packet("m0,801"));
        Assert.Equal("E14", h.Packet("M20000200,8:0102"));
    }

    [Fact]
    public void BreakAndWatchpointsAreAccepted()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        Assert.Equal("OK", h.Packet("Z0,58,2"));
        Assert.Equal("OK", h.Packet("z0,58,2"));
        Assert.Equal("OK", h.Packet("Z1,4c,2"));
        Assert.Equal("OK", h.Packet("Z2,20000004,4"));
        Assert.Equal(string.Empty, h.Packet("Z5,0,4"));
        Assert.Equal("E22", h.Packet("Z0,58"));
    }

    [Fact]
    public void TargetXmlChunksAndUnknownAnnex()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        var whole = h.Packet("qXfer:features:read:target.xml:0,ffb");
        Assert.StartsWith("l<?xml version=\"1.0\"?><!DOCTYPE target SYSTEM \"gdb-target.dtd\"><target><architecture>arm</architecture><xi:include href=\"arm-m-profile.xml\"/>", whole, StringComparison.Ordinal);
        var text = whole[1..];
        Assert.Equal("m" + text[..0x10], h.Packet("qXfer:features:read:target.xml:0,10"));
        Assert.Equal("l" + text[0x10..], h.Packet($"qXfer:features:read:target.xml:10,{text.Length:x}"));
        Assert.Equal("l", h.Packet($"qXfer:features:read:target.xml:{text.Length:x},10"));
        Assert.Equal("E00", h.Packet($"qXfer:features:read:target.xml:{text.Length + 1:x},10"));
        Assert.Equal("E00", h.Packet("qXfer:features:read:nosuch.xml:0,ffb"));
        Assert.Equal(
            "l<?xml version=\"1.0\"?><!DOCTYPE feature SYSTEM \"gdb-target.dtd\"><feature name=\"org.gnu.gdb.arm.m-system\"><reg name=\"msp\" bitsize=\"32\" regnum=\"26\" type=\"int\"/><reg name=\"psp\" bitsize=\"32\" regnum=\"27\" type=\"int\"/><reg name=\"primask\" bitsize=\"32\" regnum=\"28\" type=\"int\"/><reg name=\"control\" bitsize=\"32\" regnum=\"29\" type=\"int\"/><reg name=\"basepri\" bitsize=\"32\" regnum=\"30\" type=\"int\"/><reg name=\"faultmask\" bitsize=\"32\" regnum=\"31\" type=\"int\"/></feature>",
            h.Packet("qXfer:features:read:arm-m-system.xml:0,ffb"));
    }

    [Fact]
    public void SecureCoreServesBankedSystemRegisters()
    {
        using var h = new GdbHarness("-M", "mps2-an521");
        var cpu = GdbStub.Cpus(h.Machine)[0];
        Assert.True(cpu.Secure);
        cpu.Msp = 0x20001000;
        Assert.Equal("00100020", h.Packet("p1a"));
        Assert.Equal("00000000", h.Packet("p22"));
        Assert.Equal("00100020", h.Packet("p23"));
        Assert.Equal("00000000", h.Packet("p31"));
        Assert.Equal("E14", h.Packet("p32"));
    }

    [Fact]
    public void FpuBoardNumbersSystemRegistersAfterVfp()
    {
        using var h = new GdbHarness("-M", "mps2-an386");
        Assert.Contains("<xi:include href=\"arm-vfp.xml\"/><xi:include href=\"system-registers.xml\"/>", h.Packet("qXfer:features:read:target.xml:0,ffb"), StringComparison.Ordinal);
        Assert.Contains("<reg name=\"msp\" bitsize=\"32\" regnum=\"43\" type=\"int\"/>", h.Packet("qXfer:features:read:arm-m-system.xml:0,ffb"), StringComparison.Ordinal);
        Assert.Equal(16, h.Packet("p1a").Length);
    }

    [Fact]
    public void An521CoresAreSeparateProcesses()
    {
        using var h = new GdbHarness("-M", "mps2-an521");
        h.Packet(Supported);
        Assert.Equal("mp01.01", h.Packet("qfThreadInfo"));
        Assert.Equal("l", h.Packet("qsThreadInfo"));
        Assert.Equal("E22", h.Packet("Hgp2.2"));
        Assert.Equal("T05thread:p02.02;", h.Packet("vAttach;2"));
        Assert.Equal("mp01.01", h.Packet("qfThreadInfo"));
        Assert.Equal("mp02.02", h.Packet("qsThreadInfo"));
        Assert.Equal("OK", h.Packet("Hgp2.2"));
        Assert.Equal("E22", h.Packet("D"));
        Assert.Equal("OK", h.Packet("D;2"));
        Assert.Equal("E22", h.Packet("Hgp2.2"));
    }

    [Fact]
    public void StepAndStepFlags()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        h.Packet(Supported);
        Assert.Equal("ENABLE=1,NOIRQ=2,NOTIMER=4", h.Packet("qqemu.sstepbits"));
        Assert.Equal("0x7", h.Packet("qqemu.sstep"));
        Assert.Equal("OK", h.Packet("Qqemu.sstep=0x1"));
        Assert.Equal("0x1", h.Packet("qqemu.sstep"));
        Assert.Equal("E22", h.Packet("Qqemu.sstep=0x100"));
        Assert.Equal(string.Empty, h.Packet("Qqemu.sstep=zz"));
        Assert.Equal("sstepbits;sstep;PhyMemMode", h.Packet("qqemu.Supported"));
        Assert.Equal("T05thread:p01.01;", h.Packet("s"));
        Assert.Equal("T05thread:p01.01;", h.Packet("vCont;s:p1.1"));
        Assert.Equal(RunState.Debug, h.Machine.State);
    }

    [Fact]
    public void ContinueThenInterruptStopsWithT02()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        h.Packet(Supported);
        Assert.Equal("+", h.SendRaw("+" + GdbHarness.Frame("vCont;c:p1.-1")));
        Assert.Equal(RunState.Running, h.Machine.State);
        Assert.Equal("T02thread:p01.01;", GdbHarness.Unframe(h.SendRaw("\u0003")));
        Assert.Equal(RunState.Paused, h.Machine.State);
    }

    [Fact]
    public void StopFromAnotherMonitorReportsT02()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        h.Packet(Supported);
        h.SendRaw("+" + GdbHarness.Frame("c"));
        h.SendRaw("+");
        h.Machine.Stop();
        Assert.Equal("T02thread:p01.01;", GdbHarness.Unframe(h.SendRaw(string.Empty, keepPrevious: true)));
    }

    [Fact]
    public void MonitorCommandAnswersWithOPacketsThenOk()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        h.SendRaw("+" + GdbHarness.Frame("c"));
        h.SendRaw("+\u0003");
        var raw = h.SendRaw("+" + GdbHarness.Frame("qRcmd,696e666f20737461747573"));
        Assert.Equal("+" + GdbHarness.Frame("O564d207374617475733a207061757365640d0a") + GdbHarness.Frame("OK"), raw);
    }

    [Fact]
    public void DetachOfLastProcessResumes()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        h.Packet(Supported);
        Assert.Equal("OK", h.Packet("D;1"));
        Assert.Equal(RunState.Running, h.Machine.State);
    }
}
