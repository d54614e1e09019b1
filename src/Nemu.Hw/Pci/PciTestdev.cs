// Implements: QEMU 7.2's `pci-testdev` (hw/misc/pci-testdev.c; kvm-unit-tests lib/pci-testdev.c drives it):
// 1b36:0005 rev 0, class 0x00ff, subsystem 1af4:1100, no interrupt pin; BAR0 "pci-testdev-mmio" (4 KiB memory),
// BAR1 "pci-testdev-portio" (256 B I/O), and with `membar` > 0 a 64-bit prefetchable BAR2 "pci-testdev-membar"
// (an empty container: reads are unassigned). Six ioeventfd tests, mmio-/portio- × no-eventfd, wildcard-eventfd,
// datamatch-eventfd. A byte written at offset 0 of a BAR selects test (BAR type × 3 + value) and zeroes its count
// (a value ≥ 3 deselects); reads of either BAR return the selected test's header byte by byte:
//   +0 test, +1 width (1), +4 offset (u32: 2048 + i for memory tests, 128 + i for I/O tests), +8 data (0xfa
//   when the test matches data, 0xce for the wildcard), +12 count (u32), +16 name, NUL-terminated;
// a read at or past the header's last byte, or with no test selected, returns 0 (so the recorded reads are 0).
// A byte write at the selected test's offset (with the test's data when it matches data) increments count.
// Deviation (docs/deviations.md): Nemu has no ioeventfd, so the eventfd tests count every matching write the way
// "no-eventfd" does; QEMU (TCG) signals the eventfd instead and the count stays 0. kvm-unit-tests accepts both.
// membar must be a power of two (QEMU asserts in pci_register_bar; Nemu refuses with an error).
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Pci;
using Nemu.Qdev;

namespace Nemu.Hw.Pci;

/// <summary>QEMU's <c>pci-testdev</c>, the ioeventfd test device.</summary>
public sealed class PciTestdev : PciDevice
{
    public new const string TypeName = "pci-testdev";

    public const ushort VendorIdRedHat = 0x1b36;
    public const ushort DeviceIdRedHatTest = 0x0005;

    /// <summary>Two test types (memory, I/O) × three tests.</summary>
    public const int TestCount = 6;

    /// <summary>Tests per type: no-eventfd, wildcard-eventfd, datamatch-eventfd.</summary>
    public const int TestsPerType = 3;

    public const int MemorySize = 2048;
    public const int IoSize = 128;
    public const byte DataMatch = 0xfa;
    public const byte NoMatch = 0xce;

    public static readonly StateDescription<PciTestdevState> Vmsd =
        StateDescription<PciTestdevState>.Builder(TypeName, 1, 1)
            .Int32("current", s => ref s.Current, -1)
            .UInt32Array("count", s => s.Counts, TestCount)
            .Build();

    public static readonly DeviceType TypeInfo =
        DefinePci(TypeName, () => new PciTestdev())
            .Description("PCI Test Device")
            .Category(DeviceCategories.Misc)
            .UserCreatable()
            .Size("membar", d => ref d._membarSize)
            .Build();

    private static readonly string[] TestNames = ["no-eventfd", "wildcard-eventfd", "datamatch-eventfd"];
    private static readonly string[] TypeNames = ["mmio", "portio"];
    private static readonly byte[][] Headers = BuildHeaders();

    private readonly PciTestdevState _s = new();
    private readonly MemoryRegion _mmio;
    private readonly MemoryRegion _portio;
    private ulong _membarSize;
    private MemoryRegion? _membar;

    public PciTestdev()
    {
        SetWord(PciConfig.VendorId, VendorIdRedHat);
        SetWord(PciConfig.DeviceId, DeviceIdRedHatTest);
        SetWord(PciConfig.ClassDevice, Edu.ClassOthers);
        SetWord(PciConfig.SubsystemVendorId, Edu.SubsystemVendorRedHatQumranet);
        SetWord(PciConfig.SubsystemId, Edu.SubsystemQemu);
        _mmio = MemoryRegion.CreateIo("pci-testdev-mmio", MemorySize * 2, new PciTestdevBarOps(this, 0), this);
        _portio = MemoryRegion.CreateIo("pci-testdev-portio", IoSize * 2, new PciTestdevBarOps(this, 1), this);
        InitState(Vmsd, _s);
    }

    /// <summary>BAR0's region ("pci-testdev-mmio", 4 KiB).</summary>
    public MemoryRegion Mmio => _mmio;

    /// <summary>BAR1's region ("pci-testdev-portio", 256 bytes).</summary>
    public MemoryRegion Portio => _portio;

    /// <summary>BAR2's region when <c>membar</c> is set.</summary>
    public MemoryRegion? Membar => _membar;

    public PciTestdevState State => _s;

    /// <summary>The header of test <paramref name="test"/> as the device shows it, with count 0.</summary>
    public static ReadOnlySpan<byte> Header(int test) => Headers[test];

    /// <summary>Where test <paramref name="test"/> counts writes, in its BAR.</summary>
    public static int TestOffset(int test) => (test < TestsPerType ? MemorySize : IoSize) + test;

    protected override void OnRealize()
    {
        if (_membarSize != 0 && (_membarSize & (_membarSize - 1)) != 0)
        {
            throw new QdevException($"pci-testdev: membar size 0x{_membarSize:x} is not a power of two");
        }

        base.OnRealize();

        // QEMU clears the pin explicitly: the test device has no interrupt.
        Config[PciConfig.InterruptPin] = 0;
        RegisterBar(0, PciBarType.Memory32, _mmio);
        RegisterBar(1, PciBarType.Io, _portio);
        if (_membarSize != 0)
        {
            _membar = MemoryRegion.CreateContainer("pci-testdev-membar", _membarSize, this);
            RegisterBar(2, PciBarType.Memory64 | PciBarType.Prefetch, _membar);
        }
    }

    internal ulong ReadByte(ulong offset, uint size)
    {
        if (_s.Current < 0)
        {
            return 0;
        }

        var header = Headers[_s.Current];
        if (offset + size >= (ulong)header.Length)
        {
            return 0;
        }

        var o = (int)offset;
        return o is >= 12 and < 16 ? (byte)(_s.Counts[_s.Current] >> (8 * (o - 12))) : header[o];
    }

    internal void WriteByte(ulong offset, ulong value, uint size, int type)
    {
        if (offset == 0)
        {
            _s.Current = -1;
            if (value >= TestsPerType)
            {
                return;
            }

            var t = (type * TestsPerType) + (int)value;
            _s.Counts[t] = 0;
            _s.Current = t;
            return;
        }

        var current = _s.Current;
        if (current < 0 || offset != (ulong)TestOffset(current))
        {
            return;
        }

        var matchData = current % TestsPerType != 1;
        if (matchData && (size != 1 || value != DataMatch))
        {
            return;
        }

        _s.Counts[current]++;
    }

    private static byte[][] BuildHeaders()
    {
        var headers = new byte[TestCount][];
        for (var i = 0; i < TestCount; i++)
        {
            var name = $"{TypeNames[i / TestsPerType]}-{TestNames[i % TestsPerType]}";
            var h = new byte[16 + name.Length + 1];
            h[0] = (byte)i;
            h[1] = 1;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(4), (uint)TestOffset(i));
            h[8] = i % TestsPerType == 1 ? NoMatch : DataMatch;
            System.Text.Encoding.ASCII.GetBytes(name, h.AsSpan(16));
            headers[i] = h;
        }

        return headers;
    }
}
