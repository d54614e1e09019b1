// Implements: QEMU 7.2 hw/nvram/fw_cfg.c `fw_cfg_mem` (docs/specs/fw_cfg.txt), the MMIO variant the Arm virt
// board maps at 0x09020000: "fwcfg.ctl" (2 bytes, big-endian 16-bit selector writes only), "fwcfg.data" (data_width
// bytes, reads of 1..data_width bytes at offset 0 return the next bytes of the selected item in memory order, 0
// past its end; writes are ignored as in QEMU >= 2.4), "fwcfg.dma" (8 bytes, reads return the "QEMU CFG"
// signature big-endian; a 64-bit write or the low 32-bit half starts a DMA transfer of the FWCfgDmaAccess at that
// address: select/read/skip, write is refused with the error bit as no item is writable). Items: signature
// "QEMU" (key 0), ID 3 (traditional + DMA), UUID (16 zero bytes), nographic 0, boot menu 0, nb_cpus (key 5,
// given by the board), and the file directory (key 0x19, big-endian count then 64-byte entries sorted by name).
// Properties data_width / dma_enabled / x-file-slots / acpi-mr-restore as QEMU's; reset selects the signature.
// Not modelled: ACPI and SMBIOS files (QEMU's virt also lists etc/acpi/rsdp, etc/acpi/tables, etc/table-loader,
// etc/smbios/*, etc/tpm/log: a guest finds no ACPI tables here), -fw_cfg user files, the I/O-port variant, the
// boot device list (bootorder and bios-geometry are empty, as with no bootindex).
using System.Buffers.Binary;
using System.Text;
using Nemu.Core;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Nvram;

/// <summary>QEMU's <c>fw_cfg_mem</c> firmware configuration device.</summary>
public sealed class FwCfgMem : SysBusDevice
{
    public new const string TypeName = "fw_cfg_mem";
    public const string AbstractTypeName = "fw_cfg";

    public const ushort KeySignature = 0x00;
    public const ushort KeyId = 0x01;
    public const ushort KeyUuid = 0x02;
    public const ushort KeyNographic = 0x04;
    public const ushort KeyNbCpus = 0x05;
    public const ushort KeyBootMenu = 0x0e;
    public const ushort KeyFileDir = 0x19;
    public const ushort KeyFileFirst = 0x20;
    public const ushort Invalid = 0xffff;

    /// <summary>FW_CFG_DMA_SIGNATURE: "QEMU CFG" read big-endian from the DMA register.</summary>
    public const ulong DmaSignature = 0x51454d5520434647UL;

    private const ushort EntryMask = 0x3fff;
    private const uint DmaCtlError = 0x01;
    private const uint DmaCtlRead = 0x02;
    private const uint DmaCtlSkip = 0x04;
    private const uint DmaCtlSelect = 0x08;
    private const uint DmaCtlWrite = 0x10;
    private const int FileEntrySize = 64;

    private static readonly StateDescription<FwCfgState> DmaVmsd =
        StateDescription<FwCfgState>.Builder("fw_cfg/dma", 0, 0)
            .UInt64("dma_addr", s => ref s.DmaAddr)
            .Build();

    public static readonly StateDescription<FwCfgState> Vmsd =
        StateDescription<FwCfgState>.Builder(AbstractTypeName, 2, 1)
            .UInt16("cur_entry", s => ref s.CurEntry)
            .UInt32("cur_offset", s => ref s.CurOffset)
            .Subsection(DmaVmsd, s => s.DmaEnabled)
            .Build();

    public static readonly DeviceType AbstractTypeInfo =
        DeviceType.Define<FwCfgMem>(AbstractTypeName, null)
            .Parent(SysBusDevice.TypeName)
            .Bool("acpi-mr-restore", d => ref d._acpiMrRestore, true)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new FwCfgMem())
            .Parent(AbstractTypeName)
            .UInt32("data_width", d => ref d._dataWidth, uint.MaxValue)
            .Bool("dma_enabled", d => ref d._dmaEnabled, true)
            .UInt16("x-file-slots", d => ref d._fileSlots, 0x20)
            .Build();

    private readonly FwCfgState _s = new();
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly byte[] _dmaDescriptor = new byte[16];
    private readonly byte[] _dmaControl = new byte[4];
    private byte[]?[] _entries = [];
    private uint _dataWidth = uint.MaxValue;
    private bool _dmaEnabled = true;
    private ushort _fileSlots = 0x20;
    private bool _acpiMrRestore = true;

    private FwCfgMem()
    {
        InitState(Vmsd, _s);
    }

    /// <summary>Where DMA descriptors and buffers live (QEMU's dma_as); the board sets it before realize.</summary>
    public AddressSpace? DmaAddressSpace { get; set; }

    /// <summary>The CPU count advertised under key 5 (FW_CFG_NB_CPUS); the board sets it before realize.</summary>
    public ushort CpuCount { get; set; } = 1;

    /// <summary>The live state (read-only use in tests).</summary>
    public FwCfgState State => _s;

    /// <summary>The bytes of item <paramref name="key"/>, or null.</summary>
    public byte[]? Item(ushort key) => (key & EntryMask) < _entries.Length ? _entries[key & EntryMask] : null;

    /// <summary>fw_cfg_select: chooses the item the data register streams, from its start.</summary>
    public void Select(ushort key)
    {
        _s.CurOffset = 0;
        _s.CurEntry = (key & EntryMask) >= _entries.Length ? Invalid : key;
    }

    protected override void OnRealize()
    {
        if (_fileSlots < 0x10)
        {
            throw new QdevException("\"file_slots\" must be at least 0x10");
        }

        if (_fileSlots > EntryMask - KeyFileFirst + 1)
        {
            throw new QdevException($"\"file_slots\" must not exceed 0x{EntryMask - KeyFileFirst + 1:x}");
        }

        var width = Math.Min(_dataWidth, 8u);
        _entries = new byte[KeyFileFirst + _fileSlots][];
        _s.DmaEnabled = _dmaEnabled;
        InitMmio(MemoryRegion.CreateIo("fwcfg.ctl", 2, new FwCfgCtlOps(this), this));
        InitMmio(MemoryRegion.CreateIo("fwcfg.data", width, new FwCfgDataOps(this, width), this));
        if (_dmaEnabled)
        {
            InitMmio(MemoryRegion.CreateIo("fwcfg.dma", 8, new FwCfgDmaOps(this), this));
        }

        _entries[KeySignature] = "QEMU"u8.ToArray();
        _entries[KeyUuid] = new byte[16];
        _entries[KeyNographic] = new byte[2];
        _entries[KeyBootMenu] = new byte[2];
        _files["etc/boot-fail-wait"] = [0xff, 0xff, 0xff, 0xff];
        _entries[KeyId] = [(byte)(_dmaEnabled ? 3 : 1), 0, 0, 0];
        var cpus = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(cpus, CpuCount);
        _entries[KeyNbCpus] = cpus;
        _files["bootorder"] = [];
        _files["bios-geometry"] = [];
        BuildFileDirectory();
    }

    protected override void OnReset()
    {
        _s.DmaEnabled = _dmaEnabled;
        Select(KeySignature);
    }

    /// <summary>fw_cfg_data_read: the next <paramref name="size"/> bytes as a big-endian number, zero-padded.</summary>
    internal ulong ReadData(uint size)
    {
        ulong value = 0;
        var data = _s.CurEntry == Invalid ? null : Item(_s.CurEntry);
        if (data is not null && _s.CurOffset < data.Length)
        {
            var remaining = size;
            do
            {
                value = (value << 8) | data[_s.CurOffset++];
            }
            while (--remaining > 0 && _s.CurOffset < data.Length);
            value = remaining >= 8 ? 0 : value << (int)(8 * remaining);
        }

        return value;
    }

    /// <summary>fw_cfg_dma_mem_write: 64-bit write, or high then low 32-bit halves of the descriptor address.</summary>
    internal void WriteDma(ulong offset, ulong value, uint size)
    {
        if (size == 4 && offset == 0)
        {
            _s.DmaAddr = value << 32;
        }
        else if (size == 4 && offset == 4)
        {
            _s.DmaAddr |= value;
            DmaTransfer();
        }
        else if (size == 8 && offset == 0)
        {
            _s.DmaAddr = value;
            DmaTransfer();
        }
    }

    private void BuildFileDirectory()
    {
        var directory = new byte[4 + (FileEntrySize * _fileSlots)];
        BinaryPrimitives.WriteUInt32BigEndian(directory, (uint)_files.Count);
        var index = 0;
        foreach (var (name, data) in _files)
        {
            var entry = directory.AsSpan(4 + (FileEntrySize * index), FileEntrySize);
            BinaryPrimitives.WriteUInt32BigEndian(entry, (uint)data.Length);
            BinaryPrimitives.WriteUInt16BigEndian(entry[4..], (ushort)(KeyFileFirst + index));
            Encoding.ASCII.GetBytes(name, entry[8..]);
            _entries[KeyFileFirst + index] = data;
            index++;
        }

        _entries[KeyFileDir] = directory;
    }

    /// <summary>fw_cfg_dma_transfer: runs the FWCfgDmaAccess {be32 control, be32 length, be64 address} at DmaAddr.</summary>
    private void DmaTransfer()
    {
        var descriptorAddress = _s.DmaAddr;
        _s.DmaAddr = 0;
        if (DmaAddressSpace is not { } space)
        {
            return;
        }

        if (space.ReadBuffer(new GuestAddress(descriptorAddress), _dmaDescriptor, MemTxAttrs.UnspecifiedAttrs) != MemTxResult.Ok)
        {
            WriteDmaControl(space, descriptorAddress, DmaCtlError);
            return;
        }

        var control = BinaryPrimitives.ReadUInt32BigEndian(_dmaDescriptor);
        var length = BinaryPrimitives.ReadUInt32BigEndian(_dmaDescriptor.AsSpan(4));
        var address = BinaryPrimitives.ReadUInt64BigEndian(_dmaDescriptor.AsSpan(8));
        if ((control & DmaCtlSelect) != 0)
        {
            Select((ushort)(control >> 16));
        }

        bool read = (control & DmaCtlRead) != 0, write = !read && (control & DmaCtlWrite) != 0;
        if (!read && !write && (control & DmaCtlSkip) == 0)
        {
            length = 0;
        }

        uint status = 0;
        var data = _s.CurEntry == Invalid ? null : Item(_s.CurEntry);
        while (length > 0 && (status & DmaCtlError) == 0)
        {
            uint chunk;
            if (data is null || _s.CurOffset >= data.Length)
            {
                // Past the item: reads give zeros, writes fail.
                chunk = length;
                if (read && !Fill(space, address, chunk))
                {
                    status |= DmaCtlError;
                }

                if (write)
                {
                    status |= DmaCtlError;
                }
            }
            else
            {
                chunk = Math.Min(length, (uint)data.Length - _s.CurOffset);
                if (read && space.WriteBuffer(new GuestAddress(address), data.AsSpan((int)_s.CurOffset, (int)chunk), MemTxAttrs.UnspecifiedAttrs) != MemTxResult.Ok)
                {
                    status |= DmaCtlError;
                }

                // No item is writable (QEMU only allows writes to items added as writable, none on virt).
                if (write)
                {
                    status |= DmaCtlError;
                }

                _s.CurOffset += chunk;
            }

            address += chunk;
            length -= chunk;
        }

        WriteDmaControl(space, descriptorAddress, status);
    }

    private static bool Fill(AddressSpace space, ulong address, uint length)
    {
        Span<byte> zeros = stackalloc byte[256];
        zeros.Clear();
        while (length > 0)
        {
            var n = (int)Math.Min(length, (uint)zeros.Length);
            if (space.WriteBuffer(new GuestAddress(address), zeros[..n], MemTxAttrs.UnspecifiedAttrs) != MemTxResult.Ok)
            {
                return false;
            }

            address += (ulong)n;
            length -= (uint)n;
        }

        return true;
    }

    private void WriteDmaControl(AddressSpace space, ulong descriptorAddress, uint control)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_dmaControl, control);
        space.WriteBuffer(new GuestAddress(descriptorAddress), _dmaControl, MemTxAttrs.UnspecifiedAttrs);
    }
}
