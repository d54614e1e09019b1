// Implements: QEMU 7.2's educational PCI device `edu` (hw/misc/edu.c, docs/specs/edu.txt; pci.md §2-§3;
// issue6-plan §3.7): 1234:11e8 rev 0x10, class 0x00ff, subsystem 1af4:1100 (the PCI core's QEMU default),
// INTx pin A, BAR0 "edu-mmio" (1 MiB, 32-bit memory), an MSI capability (64-bit, 1 vector, no per-vector
// mask) at the first free offset 0x40; the factorial unit, the raise/ack interrupt registers and the 4 KiB
// DMA engine driven by a 100 ms virtual-time timer. Property `dma_mask` as QEMU (QOM uint64, default 2^28-1).
// Nemu decisions and deviations (docs/deviations.md):
// - The factorial completes inside the write to 0x08 (QEMU computes on a host thread), so status bit 0 is
//   never seen set and the 0x1 interrupt (status bit 7) is raised by that write. The result is QEMU's
//   32-bit wrapping product; operands >= 34 give 0 (34! has 32 factors of two) without looping.
// - DMA outside the buffer window [0x40000, 0x41000) is logged under guest_errors with QEMU's text and the
//   transfer is skipped; the command still completes (run bit clears, interrupt 0x100 if asked). QEMU 7.2
//   aborts with hw_error. DMA to unmapped guest addresses is dropped (the bus result is ignored), as QEMU.
// - A device reset clears the registers (QEMU's edu has no reset handler, so they survive system_reset).
// - If MSI cannot be initialised (msi_init's -ENOTSUP: the machine has no MSI controller) edu runs with INTx
//   only, as QEMU (which then also skips its DMA timer and thread; Nemu keeps them).
// Nemu extensions (QOM-style: in `-device edu,help`, not in `info qtree`, so the default device is QEMU's):
// - `msi-vectors` (default 1, power of two 1-32): MSI Multiple Message Capable.
// - `msix-vectors` (default 0): when > 0, an MSI-X capability in an exclusive BAR 1 ("edu-msix", table at 0,
//   PBA at 0x800), every vector in use. The register map is QEMU's: 0x60 raise signals MSI-X (when enabled,
//   else MSI, else INTx) on vector = index of the lowest set bit of the written value if that vector exists,
//   else vector 0; the same rule picks the MSI vector when more than one is enabled.
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Core.Time;
using Nemu.Memory;
using Nemu.Pci;
using Nemu.Qdev;
using Nemu.Qdev.Properties;

namespace Nemu.Hw.Pci;

/// <summary>QEMU's <c>edu</c> PCI device (with Nemu's opt-in multi-vector MSI and MSI-X).</summary>
public sealed partial class Edu : PciDevice
{
    public new const string TypeName = "edu";

    public const ushort VendorIdQemu = 0x1234;
    public const ushort DeviceIdEdu = 0x11e8;
    public const byte Revision = 0x10;
    public const ushort ClassOthers = 0x00ff;
    public const ushort SubsystemVendorRedHatQumranet = 0x1af4;
    public const ushort SubsystemQemu = 0x1100;

    /// <summary>BAR0 size (1 MiB).</summary>
    public const ulong MmioSize = 1 << 20;

    /// <summary>The DMA buffer's address in the device's DMA view (QEMU's DMA_START).</summary>
    public const ulong DmaStart = 0x40000;

    /// <summary>The DMA buffer's size (QEMU's DMA_SIZE).</summary>
    public const int DmaSize = 4096;

    /// <summary>QEMU's default dma_mask: 28 address bits.</summary>
    public const ulong DefaultDmaMask = (1UL << 28) - 1;

    /// <summary>The DMA timer's delay after a run command (ms of virtual time).</summary>
    public const long DmaDelayMs = 100;

    public const int MsixBarIndex = 1;
    public const int MaxMsixVectors = 2048;

    public static readonly StateDescription<EduState> Vmsd =
        StateDescription<EduState>.Builder(TypeName, 1, 1)
            .UInt32("addr4", s => ref s.Addr4)
            .UInt32("fact", s => ref s.Fact)
            .UInt32("status", s => ref s.Status)
            .UInt32("irq_status", s => ref s.IrqStatus)
            .UInt64("dma.src", s => ref s.DmaSrc)
            .UInt64("dma.dst", s => ref s.DmaDst)
            .UInt64("dma.cnt", s => ref s.DmaCnt)
            .UInt64("dma.cmd", s => ref s.DmaCmd)
            .Timer("dma_timer", s => s.DmaTimerExpire, (s, v) => s.DmaTimerExpire = v)
            .Buffer("dma_buf", s => s.DmaBuffer, DmaSize)
            .Build();

    public static readonly DeviceType TypeInfo =
        DefinePci(TypeName, () => new Edu())
            .Category(DeviceCategories.Misc)
            .UserCreatable()
            .Property(new CodecProperty<Edu, ulong>("dma_mask", null, EduQomCodec.UInt64, d => d._dmaMask, (d, v) => d._dmaMask = v, DefaultDmaMask, hasDefault: false))
            .Property(new CodecProperty<Edu, ulong>("msi-vectors", "Nemu: MSI vectors (power of two, 1-32)", EduQomCodec.UInt32, d => d._msiVectors, (d, v) => d._msiVectors = (uint)v, 1, hasDefault: true))
            .Property(new CodecProperty<Edu, ulong>("msix-vectors", "Nemu: MSI-X vectors in BAR 1 (0: none, as QEMU)", EduQomCodec.UInt32, d => d._msixVectors, (d, v) => d._msixVectors = (uint)v, 0, hasDefault: true))
            .Build();

    private readonly EduState _s = new();
    private readonly MemoryRegion _mmio;
    private ulong _dmaMask = DefaultDmaMask;
    private uint _msiVectors = 1;
    private uint _msixVectors;
    private MachineTime? _time;

    public Edu()
    {
        SetWord(PciConfig.VendorId, VendorIdQemu);
        SetWord(PciConfig.DeviceId, DeviceIdEdu);
        Config[PciConfig.RevisionId] = Revision;
        SetWord(PciConfig.ClassDevice, ClassOthers);
        SetWord(PciConfig.SubsystemVendorId, SubsystemVendorRedHatQumranet);
        SetWord(PciConfig.SubsystemId, SubsystemQemu);
        Config[PciConfig.InterruptPin] = 1;
        _mmio = MemoryRegion.CreateIo("edu-mmio", MmioSize, this, this);
        InitState(Vmsd, _s);
    }

    /// <summary>BAR0's region ("edu-mmio").</summary>
    public MemoryRegion Mmio => _mmio;

    public EduState State => _s;

    /// <summary>The DMA address mask (QEMU's dma_mask property).</summary>
    public ulong DmaMask => _dmaMask;

    /// <summary>True when realize added an MSI capability.</summary>
    public bool HasMsi { get; private set; }

    /// <summary>The number of MSI-X vectors (0: no MSI-X, QEMU's layout).</summary>
    public int MsixVectors => (int)_msixVectors;

    private MachineTime Time => _time ??= ResolveTime();

    protected override void OnRealize()
    {
        if (_msiVectors is 0 or > 32 || (_msiVectors & (_msiVectors - 1)) != 0)
        {
            throw new QdevException($"edu: msi-vectors must be a power of two from 1 to 32, not {_msiVectors}");
        }

        if (_msixVectors > MaxMsixVectors)
        {
            throw new QdevException($"edu: msix-vectors must be at most {MaxMsixVectors}, not {_msixVectors}");
        }

        // pci_qdev_realize: take the slot on the bus (devfn, bus-master address space) before the device's realize.
        base.OnRealize();
        RegisterBar(0, PciBarType.Memory32, _mmio);
        HasMsi = Msi.Init(this, 0, (int)_msiVectors, is64Bit: true, perVectorMask: false, out var msiError) >= 0;
        if (!HasMsi && Log.IsEnabled(LogItem.Unimp))
        {
            Log.Write(LogItem.Unimp, $"edu: no MSI ({msiError}); using INTx only");
        }

        if (_msixVectors > 0)
        {
            if (!Msix.InitExclusiveBar(this, (int)_msixVectors, MsixBarIndex, out var msixError))
            {
                throw new QdevException($"edu: {msixError}");
            }

            for (var v = 0; v < (int)_msixVectors; v++)
            {
                Msix.VectorUse(this, v);
            }
        }

        _s.DmaTimer ??= Time.CreateTimer(ClockType.Virtual, "edu-dma", DmaTimerExpired);
    }

    protected override void OnUnrealize()
    {
        _s.DmaTimer?.Cancel();
        _s.DmaTimer = null;
        if (_msixVectors > 0)
        {
            Msix.Uninit(this);
        }

        if (HasMsi)
        {
            Msi.Uninit(this);
        }

        base.OnUnrealize();
    }

    /// <summary>QEMU's edu_raise_irq: sets status bits, then signals MSI-X, MSI or asserts INTx.</summary>
    private void RaiseIrq(uint bits)
    {
        _s.IrqStatus |= bits;
        if (_s.IrqStatus == 0)
        {
            return;
        }

        if (_msixVectors > 0 && Msix.IsEnabled(this))
        {
            Msix.Notify(this, VectorFor(bits, (int)_msixVectors));
        }
        else if (HasMsi && Msi.IsEnabled(this))
        {
            Msi.Notify(this, VectorFor(bits, EnabledMsiVectors()));
        }
        else
        {
            SetIrq(true);
        }
    }

    /// <summary>QEMU's edu_lower_irq: clears status bits; INTx deasserts when none is left.</summary>
    private void LowerIrq(uint bits)
    {
        _s.IrqStatus &= ~bits;
        if (_s.IrqStatus == 0 && !MessagesEnabled())
        {
            SetIrq(false);
        }
    }

    private bool MessagesEnabled() =>
        (HasMsi && Msi.IsEnabled(this)) || (_msixVectors > 0 && Msix.IsEnabled(this));

    /// <summary>Vectors software enabled: 1 &lt;&lt; Multiple Message Enable (Message Control bits 6:4).</summary>
    private int EnabledMsiVectors()
    {
        if (MsiState is not { } msi)
        {
            return 1;
        }

        return 1 << ((GetWord(msi.CapOffset + 2) >> 4) & 7);
    }

    /// <summary>The vector for a raise of <paramref name="bits"/>: its lowest set bit when in range, else 0.</summary>
    private static int VectorFor(uint bits, int vectors)
    {
        var v = bits == 0 ? 0 : System.Numerics.BitOperations.TrailingZeroCount(bits);
        return v < vectors ? v : 0;
    }

    private MachineTime ResolveTime()
    {
        try
        {
            return GetService<MachineTime>();
        }
        catch (QdevException)
        {
            // Made outside a machine (qdev tooling, the state round trip): a stopped clock, as under qtest.
            return MachineTime.CreateManual();
        }
    }
}
