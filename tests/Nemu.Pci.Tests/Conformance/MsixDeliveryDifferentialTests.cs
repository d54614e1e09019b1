// The MSI-X delivery differential that QEMU 7.2 allows (issue 6 acceptance: "an MSI-X message pends the same GIC
// SPI in both"): QEMU's pcie-root-port sends its MSI-X vector 0 on a native hot-plug event (Slot Control 0x6c =
// ABPE|PDCE|HPIE, then HMP device_add on its bus); Nemu models neither hot-plug events nor device_add, so the same
// table entry (GICv2m doorbell, INTID 80) is fired by Nemu's edu,msix-vectors=1. Both leave the same GIC state:
// with INTID 80 edge-configured (GICD_ICFGR5 = 0x2) GICD_ISPENDR2 reads bit 16 and ISACTIVER2 stays 0
// (issue6-ref/qtest-gic-pending.txt).
using Nemu.Testing.Qtest;
using static Nemu.Pci.Tests.Conformance.MsiQtestRig;

namespace Nemu.Pci.Tests.Conformance;

public sealed class MsixDeliveryDifferentialTests
{
    private const ulong IcfgrIntid80 = 0x08000c14;
    private const ulong IspendrIntid64 = 0x08000208;
    private const ulong IsactiverIntid64 = 0x08000308;

    [Fact]
    public void MsixMessagePendsTheSameSpiAsQemusRootPortHotPlugInterrupt()
    {
        uint qemuPending, qemuActive;
        using (var qemu = StartQemu("pcie-root-port,id=rp0,chassis=1,slot=0"))
        {
            // Root port 00:01.0: BAR0 (table at 0, PBA at 0x800), entry 0 unmasked, MSI-X enabled.
            qemu.WriteL(0x3f008010, 0x10000000);
            qemu.WriteW(0x3f008004, 0x0006);
            qemu.WriteQ(0x10000000, Doorbell);
            qemu.WriteL(0x10000008, FirstMsiIntid);
            qemu.WriteL(0x1000000c, 0);
            qemu.WriteW(0x3f00804a, 0x8000);
            qemu.WriteL(IcfgrIntid80, 0x2);
            qemu.WriteW(0x3f00806c, 0x0029); // Slot Control: Attention Button, Presence Detect Changed, Hot-Plug Interrupt
            Assert.Equal(0u, qemu.ReadL(IspendrIntid64));
            Assert.Equal(string.Empty, qemu.Hmp("device_add edu,bus=rp0,id=hp1").Trim());
            Assert.Equal(0x0008, qemu.ReadW(0x3f00806e) & 0x0008); // Presence Detect Changed
            qemuPending = qemu.ReadL(IspendrIntid64);
            qemuActive = qemu.ReadL(IsactiverIntid64);
        }

        using var nemu = StartNemu("edu,msix-vectors=1");
        var edu = QPciDevice.Find(QPciBus.Virt(nemu), Slot1)!;
        edu.Enable();
        var bar0 = edu.IoMap(0);
        edu.MsixEnable();
        edu.MsixSetEntry(0, Doorbell, FirstMsiIntid);
        edu.MsixSetMasked(0, false);
        nemu.WriteL(IcfgrIntid80, 0x2);
        Assert.Equal(0u, nemu.ReadL(IspendrIntid64));
        edu.WriteL(bar0, 0x60, 1);

        Assert.Equal(1u << 16, qemuPending);
        Assert.Equal(qemuPending, nemu.ReadL(IspendrIntid64));
        Assert.Equal(qemuActive, nemu.ReadL(IsactiverIntid64));
    }
}
