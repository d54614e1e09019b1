// Test support for pci.md §9 59-69: Nemu's edu with MSI-X (edu,msix-vectors=N) on virt, driven through qtest as a
// guest driver would: BAR0 (registers; 0x60 raises vector = lowest set bit) and BAR1 (table, PBA) mapped, MSI-X
// enabled with every entry still masked, entry v programmed to the GICv2m doorbell with INTID 80 + v, and the
// GIC's inputs intercepted, so a delivered vector v shows as "IRQ raise 48+v".
using Nemu.Hw.Pci;
using Nemu.Testing.Qtest;
using static Nemu.Pci.Tests.Conformance.MsiQtestRig;

namespace Nemu.Pci.Tests.Conformance;

/// <summary>An in-process virt machine with an MSI-X edu at 00:01.0, programmed and enabled.</summary>
internal sealed class MsixEduRig : IDisposable
{
    public MsixEduRig(int vectors = 4)
    {
        Qts = StartNemu($"edu,msix-vectors={vectors}");
        Pci = QPciDevice.Find(QPciBus.Virt(Qts), Slot1)!;
        Pci.Enable();
        Bar0 = Pci.IoMap(0);
        Pci.MsixEnable();
        for (var v = 0; v < vectors; v++)
        {
            Pci.MsixSetEntry(v, Doorbell, FirstMsiIntid + (uint)v);
        }

        InterceptGic(Qts);
        Edu = Device<Edu>(Qts);
        Cap = Pci.FindCapability(0x11);
    }

    public QtestClient Qts { get; }

    public QPciDevice Pci { get; }

    public QPciBar Bar0 { get; }

    /// <summary>The in-process device, for device-side calls (msix_notify, vector use) and notifiers.</summary>
    public Edu Edu { get; }

    /// <summary>The MSI-X capability offset.</summary>
    public int Cap { get; }

    /// <summary>The GIC input of vector <paramref name="v"/>'s message.</summary>
    public static int SpiOf(int v) => Spi(FirstMsiIntid + (uint)v);

    /// <summary>Writes edu's raise register for vector <paramref name="v"/> and returns the GIC inputs raised.</summary>
    public List<int> Raise(int v) => Raised(Qts, () => Pci.WriteL(Bar0, 0x60, 1u << v));

    /// <summary>The first PBA dword as the guest reads it.</summary>
    public uint Pba() => Pci.ReadL(Pci.MsixPbaBar, Pci.MsixPbaOffset);

    /// <summary>Writes Message Control (Enable = bit 15, Function Mask = bit 14) and returns the GIC inputs raised.</summary>
    public List<int> WriteControl(ushort control) => Raised(Qts, () => Pci.ConfigWriteW(Cap + 2, control));

    /// <summary>Writes entry <paramref name="v"/>'s Mask bit and returns the GIC inputs raised.</summary>
    public List<int> SetMasked(int v, bool masked) => Raised(Qts, () => Pci.MsixSetMasked(v, masked));

    public void Dispose() => Qts.Dispose();
}
