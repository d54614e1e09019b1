// Implements (stub): QEMU 7.2 hw/block/pflash_cfi01.c `cfi.pflash01` as the virt board uses it without a -drive:
// a ROM device region named by the "name" property, num-blocks × sector-length bytes, in romd mode (reads come
// straight from the zero-filled array, as QEMU's read-array mode over an empty flash), with QEMU's properties for
// `info qtree` (drive, num-blocks, sector-length, width, device-width, max-device-width, big-endian, secure,
// id0-id3, name, old-multiple-chip-handling) and realize checks.
// Not modelled (kept small on purpose until firmware needs it): the Intel/Sharp command set (read ID 0x90, CFI
// query 0x98, read status 0x70, program, block erase, lock): writes are dropped and logged under -d unimp, so the
// flash always reads back as array data; block backends (a non-empty "drive" is refused).
using Nemu.Core;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Block;

/// <summary>QEMU's <c>cfi.pflash01</c> parallel NOR flash, read-array only.</summary>
public sealed class PflashCfi01 : SysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "cfi.pflash01";

    public static readonly StateDescription<PflashCfi01State> Vmsd =
        StateDescription<PflashCfi01State>.Builder("pflash_cfi01", 1, 1)
            .UInt8("wcycle", s => ref s.Wcycle)
            .UInt8("cmd", s => ref s.Cmd)
            .UInt8("status", s => ref s.Status, 0x80)
            .UInt64("counter", s => ref s.Counter)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new PflashCfi01())
            .Parent(SysBusDevice.TypeName)
            .String("drive", d => ref d._drive, string.Empty)
            .UInt32("num-blocks", d => ref d._numBlocks)
            .UInt64("sector-length", d => ref d._sectorLength)
            .UInt8("width", d => ref d._width)
            .UInt8("device-width", d => ref d._deviceWidth)
            .UInt8("max-device-width", d => ref d._maxDeviceWidth)
            .Bool("big-endian", d => ref d._bigEndian)
            .Bool("secure", d => ref d._secure)
            .UInt16("id0", d => ref d._id0)
            .UInt16("id1", d => ref d._id1)
            .UInt16("id2", d => ref d._id2)
            .UInt16("id3", d => ref d._id3)
            .String("name", d => ref d._name)
            .Bool("old-multiple-chip-handling", d => ref d._oldMultipleChipHandling)
            .Build();

    private readonly PflashCfi01State _s = new();
    private string? _drive = string.Empty;
    private uint _numBlocks;
    private ulong _sectorLength;
    private byte _width;
    private byte _deviceWidth;
    private byte _maxDeviceWidth;
    private bool _bigEndian;
    private bool _secure;
    private ushort _id0;
    private ushort _id1;
    private ushort _id2;
    private ushort _id3;
    private string? _name;
    private bool _oldMultipleChipHandling;

    private PflashCfi01()
    {
        InitState(Vmsd, _s);
    }

    public AccessConstraints Constraints => AccessConstraints.Default;

    /// <summary>The flash array region (made at realize).</summary>
    public MemoryRegion? Region { get; private set; }

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        // Only reached outside romd mode, which this stub never leaves.
        value = 0;
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        if (Log.IsEnabled(LogItem.Unimp))
        {
            Log.Write(LogItem.Unimp, $"{TypeName}: flash command 0x{value:x} at offset 0x{offset:x} not modelled (read-array only)");
        }

        return MemTxResult.Ok;
    }

    protected override void OnRealize()
    {
        if (_numBlocks == 0)
        {
            throw new QdevException("attribute \"num-blocks\" not specified or zero.");
        }

        if (_sectorLength == 0)
        {
            throw new QdevException("attribute \"sector-length\" not specified or zero.");
        }

        if (!string.IsNullOrEmpty(_drive))
        {
            throw new QdevException($"{TypeName}: block backends are not supported by Nemu yet (drive '{_drive}')");
        }

        Region = MemoryRegion.CreateRomDevice(_name ?? TypeName, _numBlocks * _sectorLength, this, this);
        InitMmio(Region);
    }
}
