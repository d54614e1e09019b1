// Implements: pci.md §9 items 26, 27, 35, 36 and 37 (§2.1, §2.2, §2.4) through ECAM on virt: read-only header
// fields, the Command write mask, Status write-1-to-clear, the capability list and the plain storage above 0x40.
// Values are QEMU 7.2's (qtest-main.txt, qtest-bridges.txt); the differential tests run the same script on
// qemu-system-arm. No QEMU device sets a Status W1C bit from a qtest script, so the clearing half of B27 sets the
// bits through Nemu's device model and is Nemu-only.
using Nemu.Testing.Qtest;

namespace Nemu.Pci.Tests.Conformance;

/// <summary>Config header write masks and capability lists (pci.md §9 26, 27, 35-37).</summary>
public sealed class ConfigHeaderConformanceTests
{
    private static readonly ulong Edu = VirtPci.Ecam(0, 1, 0, 0);
    private static readonly ulong Testdev = VirtPci.Ecam(0, 2, 0, 0);

    [Fact]
    public void B26_IdClassAndHeaderTypeWritesHaveNoEffect()
    {
        var s = new QtestScript();
        s.WriteL(Edu + 0x00, 0);
        var ids = s.ReadL(Edu + 0x00);
        s.WriteL(Edu + 0x08, 0xffffffff);
        var classRev = s.ReadL(Edu + 0x08);
        s.WriteB(Edu + 0x0e, 0xff);
        var headerType = s.ReadB(Edu + 0x0e);
        s.WriteL(Edu + 0x2c, 0);
        var subsystem = s.ReadL(Edu + 0x2c);
        s.WriteB(Edu + 0x3d, 0x04);
        var pin = s.ReadB(Edu + 0x3d);
        s.WriteL(Edu + 0x0c, 0xffffffff);
        var cacheLine = s.ReadL(Edu + 0x0c);
        s.WriteL(Edu + 0x3c, 0xffffffff);
        var lineAndPin = s.ReadL(Edu + 0x3c);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Equal(VirtPci.EduIds, t.Value(ids));
        Assert.Equal(0x00ff0010u, t.Value(classRev));
        Assert.Equal(0u, t.Value(headerType));
        Assert.Equal(0x11001af4u, t.Value(subsystem));
        Assert.Equal(1u, t.Value(pin));
        Assert.Equal(0xffu, t.Value(cacheLine));
        Assert.Equal(0x1ffu, t.Value(lineAndPin));
    }

    [Fact]
    public void B26_OnlyIoMemBmeSerrAndIntxDisableCommandBitsStick()
    {
        var s = new QtestScript();
        s.WriteW(Edu + 0x04, 0xffff);
        var all = s.ReadL(Edu + 0x04);
        s.WriteW(Edu + 0x04, 0);
        var none = s.ReadL(Edu + 0x04);
        s.WriteB(Edu + 0x05, 0xff);
        var highByte = s.ReadW(Edu + 0x04);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Equal(0x00100507u, t.Value(all));
        Assert.Equal(0x00100000u, t.Value(none));
        Assert.Equal(0x0500u, t.Value(highByte));
    }

    [Fact]
    public void B27_WritingOnesCannotSetStatusBits()
    {
        var s = new QtestScript();
        s.WriteW(Edu + 0x06, 0xffff);
        var status = s.ReadW(Edu + 0x06);
        s.WriteL(Testdev + 0x04, 0xffff0000);
        var testdevStatus = s.ReadW(Testdev + 0x06);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Equal(0x0010u, t.Value(status));
        Assert.Equal(0x0000u, t.Value(testdevStatus));
    }

    [Fact]
    public void B27_WritingOneToAStatusW1cBitClearsItAndZeroLeavesIt()
    {
        using var qts = QtestClient.StartInProcess(VirtPci.EduTestdev);
        var edu = Assert.IsAssignableFrom<PciDevice>(Assert.Single(qts.Machine!.Qdev.Devices, d => d.Type.Name == "edu"));
        // Signalled target abort (11), received master abort (13), detected parity error (15): W1C (pci.md §2.2).
        edu.SetWord(PciConfig.Status, (ushort)(edu.GetWord(PciConfig.Status) | 0xa800));
        Assert.Equal(0xa810, qts.ReadW(Edu + 0x06));

        qts.WriteW(Edu + 0x06, 0);
        Assert.Equal(0xa810, qts.ReadW(Edu + 0x06));

        qts.WriteW(Edu + 0x06, 0x2000);
        Assert.Equal(0x8810, qts.ReadW(Edu + 0x06));

        qts.WriteL(Edu + 0x04, 0x88100000);
        Assert.Equal(0x0010, qts.ReadW(Edu + 0x06));
    }

    [Fact]
    public void B35_CapabilityListHeadIsTheLastAddedAndEndsWithZero()
    {
        var s = new QtestScript();
        var eduStatus = s.ReadW(Edu + 0x06);
        var eduHead = s.ReadB(Edu + 0x34);
        var eduMsi = s.ReadL(Edu + 0x40);
        var testdevStatus = s.ReadW(Testdev + 0x06);
        var testdevHead = s.ReadB(Testdev + 0x34);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Equal(0x10u, t.Value(eduStatus) & 0x10);
        Assert.Equal(0x40u, t.Value(eduHead));
        Assert.Equal(0x00800005u, t.Value(eduMsi));
        Assert.Equal(0u, t.Value(testdevStatus) & 0x10);
        Assert.Equal(0u, t.Value(testdevHead));
    }

    [Fact]
    public void B35_BridgeCapabilityChainsMatchQemu()
    {
        var bridge = VirtPci.Ecam(0, 1, 0, 0);
        var port = VirtPci.Ecam(0, 2, 0, 0);
        var s = new QtestScript();
        var steps = new List<int>();
        // pci-bridge: MSI (0x4c) -> slot id (0x48) -> SHPC (0x40); root port: PCIe (0x54) -> MSI-X (0x48) -> SSVID (0x40).
        foreach (var (function, offsets) in new[] { (bridge, new[] { 0x4c, 0x48, 0x40 }), (port, new[] { 0x54, 0x48, 0x40 }) })
        {
            steps.Add(s.ReadW(function + 0x06));
            steps.Add(s.ReadB(function + 0x34));
            steps.AddRange(offsets.Select(o => s.ReadW(function + (ulong)o)));
        }

        var t = s.AssertSameAsQemu(VirtPci.Bridges);

        ulong[] expected = [0xb0, 0x4c, 0x4805, 0x4004, 0x000c, 0x10, 0x54, 0x4810, 0x4011, 0x000d];
        Assert.Equal(expected, steps.Select(t.Value));
    }

    [Fact]
    public void B36_CapabilityBytesAreReadOnlyExceptTheirWritableBits()
    {
        var port = VirtPci.Ecam(0, 3, 0, 0);
        var s = new QtestScript();
        s.WriteL(Edu + 0x40, 0xffffffff);
        var msiHeader = s.ReadL(Edu + 0x40);
        s.WriteL(Edu + 0x40, 0x00000000);
        var msiCleared = s.ReadL(Edu + 0x40);
        s.WriteL(port + 0x54, 0xffffffff);
        var express = s.ReadL(port + 0x54);
        s.WriteL(port + 0x40, 0xffffffff);
        s.WriteL(port + 0x44, 0xffffffff);
        var ssvid = s.ReadL(port + 0x40);
        var ssvidIds = s.ReadL(port + 0x44);
        s.WriteL(port + 0x48, 0xffffffff);
        var msix = s.ReadL(port + 0x48);
        s.WriteL(port + 0x4c, 0xffffffff);
        var msixTable = s.ReadL(port + 0x4c);

        var t = s.AssertSameAsQemu(VirtPci.With(VirtPci.EduTestdev, "-device", "pcie-root-port,id=rp0,chassis=1,slot=0"));

        // MSI: id/next/64-bit read-only; Enable sticks, MME is clamped to MMC (0).
        Assert.Equal(0x00810005u, t.Value(msiHeader));
        Assert.Equal(0x00800005u, t.Value(msiCleared));
        Assert.Equal(0x01424810u, t.Value(express));
        Assert.Equal(0x0000000du, t.Value(ssvid));
        Assert.Equal(0x00001b36u, t.Value(ssvidIds));
        // MSI-X: only Enable and Function Mask (bits 15:14 of Message Control) are writable.
        Assert.Equal(0xc0004011u, t.Value(msix));
        Assert.Equal(0u, t.Value(msixTable));
    }

    [Fact]
    public void B37_BytesAboveTheHeaderNotInACapabilityAreStorage()
    {
        var s = new QtestScript();
        s.WriteL(Testdev + 0x40, 0xa5a5a5a5);
        var testdevFirst = s.ReadL(Testdev + 0x40);
        s.WriteL(Testdev + 0xfc, 0x12345678);
        var testdevLast = s.ReadL(Testdev + 0xfc);
        s.WriteB(Testdev + 0x81, 0x5a);
        s.WriteW(Testdev + 0x82, 0xbeef);
        var testdevBytes = s.ReadL(Testdev + 0x80);
        s.WriteL(Edu + 0x80, 0xcafef00d);
        var eduAfterCap = s.ReadL(Edu + 0x80);

        var t = s.AssertSameAsQemu(VirtPci.EduTestdev);

        Assert.Equal(0xa5a5a5a5u, t.Value(testdevFirst));
        Assert.Equal(0x12345678u, t.Value(testdevLast));
        Assert.Equal(0xbeef5a00u, t.Value(testdevBytes));
        Assert.Equal(0xcafef00du, t.Value(eduAfterCap));
    }
}
