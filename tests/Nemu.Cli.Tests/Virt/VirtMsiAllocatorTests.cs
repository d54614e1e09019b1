using Nemu.Hw.Pci;
using Nemu.Pci;
using Nemu.System;
using Nemu.Testing.Qtest;

namespace Nemu.Cli.Tests.Virt;

/// <summary>
/// Seed 004 on the virt machine: gpex-pcihost's root bus has an MSI allocator over the GICv2m SPIs (INTIDs 80-143,
/// doorbell 0x08020040). A guest (here qtest config writes) enabling MSI gets numbers, disabling frees them, the map
/// survives a save/load of every device's state, and a refused enable leaves config space as QEMU has it.
/// </summary>
public sealed class VirtMsiAllocatorTests
{
    private const int EduDevfn = 1 << 3;
    private const int SecondEduDevfn = 2 << 3;
    private const ushort MsiControlEnable = 0x0001;

    [Fact]
    public void TheAllocatorCoversTheGicV2mSpisAndItsDoorbell()
    {
        using var qts = Start();
        var allocator = Allocator(qts.Machine!);

        Assert.Equal(80u, allocator.First);
        Assert.Equal(64, allocator.Count);
        Assert.Equal(0x08020040UL, allocator.Doorbell);
        Assert.Empty(allocator.Allocations);
    }

    [Fact]
    public void EnablingMsiOnEduAllocatesAndDisablingFrees()
    {
        using var qts = Start();
        var allocator = Allocator(qts.Machine!);
        var edu = Edu(qts, EduDevfn);

        edu.MsiEnable(0x08020040, 0x50);
        var allocation = Assert.Single(allocator.Allocations).Value;
        Assert.Equal(MsiKind.Msi, allocation.Kind);
        Assert.Equal(80u, allocation.First);
        Assert.Equal(1u, allocation.Count);
        Assert.Equal((ushort)EduDevfn, allocation.Bdf);

        edu.MsiDisable();
        Assert.Empty(allocator.Allocations);
        Assert.Equal(64, allocator.FreeCount);

        // Driver reload: the freed number is reused.
        edu.MsiEnable(0x08020040, 0x50);
        Assert.Equal(80u, Assert.Single(allocator.Allocations).Value.First);
    }

    [Fact]
    public void SystemResetFreesEveryAllocation()
    {
        using var qts = Start();
        var allocator = Allocator(qts.Machine!);
        Edu(qts, EduDevfn).MsiEnable(0x08020040, 0x50);

        qts.Machine!.Reset();

        Assert.Empty(allocator.Allocations);
        Assert.Equal(0, Edu(qts, EduDevfn).ConfigReadW(0x42) & MsiControlEnable);
    }

    [Fact]
    public void SavingAndLoadingEveryDeviceKeepsTheAllocationMap()
    {
        using var source = Start();
        Edu(source, SecondEduDevfn).MsiEnable(0x08020040, 0x51);
        Edu(source, EduDevfn).MsiEnable(0x08020040, 0x50);
        var expected = Allocator(source.Machine!).Allocations.ToArray();
        Assert.Equal(2, expected.Length);
        var saved = SaveAll(source.Machine!);

        using var target = Start();
        LoadAll(target.Machine!, saved);

        Assert.Equal(expected, Allocator(target.Machine!).Allocations.ToArray());
        Assert.Equal(62, Allocator(target.Machine!).FreeCount);
        Assert.Equal(saved.Select(s => s.Value), SaveAll(target.Machine!).Select(s => s.Value));

        // After the load the map still works: disabling frees, as on the source.
        Edu(target, EduDevfn).MsiDisable();
        Assert.Equal((ushort)SecondEduDevfn, Assert.Single(Allocator(target.Machine!).Allocations).Key);
    }

    [Fact]
    public void AStreamWithoutAllocationsLoadsAsAnEmptyMap()
    {
        using var source = Start();
        var saved = SaveAll(source.Machine!);

        using var target = Start();
        Edu(target, EduDevfn).MsiEnable(0x08020040, 0x50);
        LoadAll(target.Machine!, saved);

        Assert.Empty(Allocator(target.Machine!).Allocations);
    }

    [Fact]
    public void AnEnableRefusedForAnExhaustedPoolKeepsQemusConfigSpace()
    {
        // 32-vector MSI blocks are aligned to 32: INTIDs 96-127 is the only one in 80-143, so the second is refused.
        using var qts = Start("-device", "edu,msi-vectors=32", "-device", "edu,msi-vectors=32");
        var allocator = Allocator(qts.Machine!);
        var first = Edu(qts, EduDevfn);
        var second = Edu(qts, SecondEduDevfn);

        EnableAllVectors(first);
        EnableAllVectors(second);

        var allocation = Assert.Single(allocator.Allocations).Value;
        Assert.Equal((96u, 32u), (allocation.First, allocation.Count));
        Assert.Equal(ConfigSpace(first), ConfigSpace(second));
        Assert.Equal(0xdb, second.ConfigReadW(0x42));
    }

    [Fact]
    public void MsixEnableRefusedWhileMsiIsBoundKeepsQemusConfigSpace()
    {
        using var qts = Start("-device", "edu,msix-vectors=2");
        var allocator = Allocator(qts.Machine!);
        var edu = Edu(qts, EduDevfn);
        var msix = edu.FindCapability(0x11);

        edu.MsiEnable(0x08020040, 0x50);
        edu.ConfigWriteW(msix + 2, 0x8000);

        Assert.Equal(MsiKind.Msi, Assert.Single(allocator.Allocations).Value.Kind);
        Assert.Equal(0x8001, edu.ConfigReadW(msix + 2));
        Assert.Equal(0x0081, edu.ConfigReadW(0x42));

        // Once MSI is off, a new MSI-X enable is granted its two numbers.
        edu.MsiDisable();
        edu.ConfigWriteW(msix + 2, 0x0000);
        edu.ConfigWriteW(msix + 2, 0x8000);
        var allocation = Assert.Single(allocator.Allocations).Value;
        Assert.Equal((MsiKind.Msix, 80u, 2u), (allocation.Kind, allocation.First, allocation.Count));
    }

    private static QtestClient Start(params string[] devices) =>
        QtestClient.StartInProcess(["-M", "virt,highmem=off", "-nodefaults", .. devices.Length == 0 ? ["-device", "edu", "-device", "edu"] : devices]);

    private static MsiAllocator Allocator(Machine machine) =>
        machine.Qdev.Devices.OfType<GpexHost>().Single().MsiAllocator ?? throw new InvalidOperationException("virt has no MSI allocator");

    private static QPciDevice Edu(QtestClient qts, int devfn)
    {
        var device = QPciDevice.Find(QPciBus.Virt(qts), devfn) ?? throw new InvalidOperationException($"no function at devfn {devfn}");
        Assert.Equal(0x11e8, device.DeviceId);
        return device;
    }

    // MSI control of edu (cap 0x40): Multiple Message Enable = Multiple Message Capable, then Enable.
    private static void EnableAllVectors(QPciDevice edu)
    {
        var control = edu.ConfigReadW(0x42);
        var capable = (control >> 1) & 7;
        edu.ConfigWriteL(0x44, 0x08020040);
        edu.ConfigWriteW(0x4c, 0x60);
        edu.ConfigWriteW(0x42, (ushort)(control | (capable << 4) | MsiControlEnable));
    }

    private static uint[] ConfigSpace(QPciDevice device) =>
        [.. Enumerable.Range(0, 64).Select(i => device.ConfigReadL(i * 4))];

    private static List<KeyValuePair<string, byte[]>> SaveAll(Machine machine) =>
        [.. machine.Qdev.Devices.Where(d => d.VmState is not null).Select(d => KeyValuePair.Create(d.Path ?? d.Type.Name, d.VmState!.Save()))];

    private static void LoadAll(Machine machine, List<KeyValuePair<string, byte[]>> saved)
    {
        var devices = machine.Qdev.Devices.Where(d => d.VmState is not null).ToList();
        Assert.Equal(saved.Select(s => s.Key), devices.Select(d => d.Path ?? d.Type.Name));
        for (var i = 0; i < devices.Count; i++)
        {
            devices[i].VmState!.Load(saved[i].Value, devices[i].VmState!.Description.VersionId);
        }
    }
}
