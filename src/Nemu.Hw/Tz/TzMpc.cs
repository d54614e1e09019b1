// Implements: QEMU 7.2 hw/misc/tz-mpc.c, the Arm AHB5 TrustZone memory protection controller (mprofile.md §6.4).
// The upstream end "tz-mpc-upstream" is an IOMMU region over the downstream region: each block (1 KiB, the
// M-profile target page, so BLK_CFG reads 5) translates to the "tz-mpc-downstream" address space when the
// LUT bit equals the access's security (1 = NS passes, 0 = S passes), else to "tz-mpc-blocked-io", which
// reads zero and ignores writes (bus error with CTRL.SEC_RESP) and, on the first blocked access, records
// INT_INFO1 (address) / INT_INFO2 (HMASTER, HNONSEC, CFG_NS) and raises INT_STAT. Config registers
// "tz-mpc-regs": CTRL (reset 0x100: SEC_RESP b4, AUTOINC b8, LOCKDOWN b31), BLK_MAX, BLK_CFG, BLK_IDX,
// BLK_LUT (word accesses auto-increment BLK_IDX with AUTOINC), INT_STAT/CLEAR/EN (reset 1)/INFO1/INFO2/SET,
// PID/CID; Non-secure accesses below the ID registers are RAZ/WI; LOCKDOWN makes CTRL, BLK_LUT, INT_EN
// read-only until reset. LUT writes notify the IOMMU region for every changed block.
// Deviation (coordinator's design, docs/deviations.md): accesses with unspecified attributes (loaders, the
// monitor, the gdbstub) use a third IOMMU index that always passes; QEMU treats them as Secure.
// Not modelled: data gating, configurable block size, trace points.
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Tz;

/// <summary>QEMU's <c>tz-mpc</c>.</summary>
public sealed class TzMpc : TzSysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "tz-mpc";
    public const uint CtrlSecResp = 1 << 4;
    public const uint CtrlAutoinc = 1 << 8;
    public const uint CtrlLockdown = 1u << 31;

    /// <summary>The block size: QEMU uses the target page size, 1 KiB on M-profile.</summary>
    public const uint BlockSize = 1024;

    /// <summary>IOMMU index of Secure accesses (QEMU IOMMU_IDX_S).</summary>
    public const int IommuIndexSecure = 0;

    /// <summary>IOMMU index of Non-secure accesses (QEMU IOMMU_IDX_NS).</summary>
    public const int IommuIndexNonSecure = 1;

    /// <summary>IOMMU index of accesses with unspecified attributes, which always pass.</summary>
    public const int IommuIndexUnspecified = 2;

    private static readonly byte[] IdRegs = [0x04, 0x00, 0x00, 0x00, 0x60, 0xb8, 0x1b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

    private static readonly AccessConstraints RegAccess = new()
    {
        ValidMinAccessSize = 1,
        ValidMaxAccessSize = 4,
        ImplMinAccessSize = 1,
        ImplMaxAccessSize = 4,
    };

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new TzMpc())
            .Parent(SysBusDevice.TypeName)
            .Build();

    private readonly TzMpcState _s = new();
    private readonly IrqLine _irq;
    private MemoryRegion? _downstream;
    private MemoryRegion? _upstream;
    private AddressSpace? _downstreamSpace;
    private AddressSpace? _blockedSpace;
    private uint _blkMax;

    private TzMpc()
    {
        _irq = InitGpioOut("irq", 1)[0];
    }

    public AccessConstraints Constraints => RegAccess;

    public TzMpcState State => _s;

    /// <summary>The config registers "tz-mpc-regs" (sysbus MMIO 0), after realize.</summary>
    public MemoryRegion Registers => Mmio[0].Region!;

    /// <summary>The IOMMU region "tz-mpc-upstream" (sysbus MMIO 1) the board maps where the memory sits.</summary>
    public MemoryRegion Upstream => _upstream ?? throw new InvalidOperationException($"{TypeName} is not realized");

    /// <summary>QEMU's "downstream" link: the RAM behind the MPC; set before realize.</summary>
    public void SetDownstream(MemoryRegion downstream)
    {
        if (IsRealized)
        {
            throw new QdevException($"Attempt to set property 'downstream' on anonymous device (type '{TypeName}') after it was realized");
        }

        _downstream = downstream;
    }

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        var reg = (uint)offset & ~3u;
        if (!attrs.Secure && reg < 0xfd0)
        {
            GuestError($"TZ MPC register read: NS access to offset 0x{reg:x}");
            value = 0;
            return MemTxResult.Ok;
        }

        uint r;
        switch (reg)
        {
            case 0x00: r = _s.Ctrl; break;
            case 0x10: r = _blkMax - 1; break;
            case 0x14: r = 5; break;
            case 0x18: r = _s.BlkIdx; break;
            case 0x1c:
                r = _s.BlkLut[_s.BlkIdx];
                AutoIncrement(size);
                break;
            case 0x20: r = _s.IntStat; break;
            case 0x28: r = _s.IntEn; break;
            case 0x2c: r = _s.IntInfo1; break;
            case 0x30: r = _s.IntInfo2; break;
            case >= 0xfd0 and <= 0xffc: r = IdRegs[(reg - 0xfd0) / 4]; break;
            case 0x24 or 0x34:
                GuestError($"TZ MPC register read: write-only offset 0x{reg:x}");
                r = 0;
                break;
            default:
                GuestError($"TZ MPC register read: bad offset 0x{reg:x}");
                r = 0;
                break;
        }

        if (size != 4)
        {
            r = (uint)((r >> (int)((offset & 3) * 8)) & ((1ul << (int)(size * 8)) - 1));
        }

        value = r;
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var reg = (uint)offset & ~3u;
        if (!attrs.Secure && reg < 0xfd0)
        {
            GuestError($"TZ MPC register write: NS access to offset 0x{reg:x}");
            return MemTxResult.Ok;
        }

        var v = (uint)value;
        if (size != 4)
        {
            // Sub-word writes merge into the old value only for CTRL, BLK_IDX and BLK_LUT; elsewhere with zeroes.
            var old = reg switch
            {
                0x00 => _s.Ctrl,
                0x18 => _s.BlkIdx,
                0x1c => _s.BlkLut[_s.BlkIdx],
                _ => 0u,
            };
            var shift = (int)((offset & 3) * 8);
            var mask = (uint)(((1ul << (int)(size * 8)) - 1) << shift);
            v = (old & ~mask) | ((v << shift) & mask);
        }

        if ((_s.Ctrl & CtrlLockdown) != 0 && reg is 0x00 or 0x1c or 0x28)
        {
            GuestError($"TZ MPC register write to offset 0x{reg:x} while MPC is in lockdown mode");
            return MemTxResult.Ok;
        }

        switch (reg)
        {
            case 0x00:
                _s.Ctrl = v & (CtrlSecResp | CtrlAutoinc | CtrlLockdown);
                break;
            case 0x18:
                _s.BlkIdx = v % _blkMax;
                break;
            case 0x1c:
                var old = _s.BlkLut[_s.BlkIdx];
                _s.BlkLut[_s.BlkIdx] = v;
                NotifyChanged(_s.BlkIdx, old, v);
                AutoIncrement(size);
                break;
            case 0x24:
                if ((v & 1) != 0)
                {
                    _s.IntStat = 0;
                    UpdateIrq();
                }

                break;
            case 0x28:
                _s.IntEn = v & 1;
                UpdateIrq();
                break;
            case 0x34:
                if ((v & 1) != 0)
                {
                    _s.IntStat = 1;
                    UpdateIrq();
                }

                break;
            case >= 0xfd0 and <= 0xffc:
                GuestError($"TZ MPC register write: read-only offset 0x{reg:x}");
                break;
            default:
                GuestError($"TZ MPC register write: bad offset 0x{reg:x}");
                break;
        }

        return MemTxResult.Ok;
    }

    protected override void OnRealize()
    {
        if (_downstream is not { } downstream)
        {
            throw new QdevException("MPC 'downstream' link not set");
        }

        var size = (ulong)downstream.Size;
        if (size % BlockSize != 0)
        {
            throw new QdevException($"MPC 'downstream' size {size} is not a multiple of {BlockSize:x} bytes");
        }

        _blkMax = (uint)((size / BlockSize) + 31) / 32;
        _s.BlkLut = new uint[_blkMax];
        InitMmio(MemoryRegion.CreateIo("tz-mpc-regs", 0x1000, this, this));
        _upstream = MemoryRegion.CreateIommu("tz-mpc-upstream", size, new Iommu(this), this);
        InitMmio(_upstream);
        var memory = ResolveMemory();
        var blocked = MemoryRegion.CreateIo("tz-mpc-blocked-io", size, new BlockedIo(this), this);
        _downstreamSpace = new AddressSpace(memory, "tz-mpc-downstream", downstream);
        _blockedSpace = new AddressSpace(memory, "tz-mpc-blocked-io", blocked);
        var blkMax = (int)_blkMax;
        InitState(
            StateDescription<TzMpcState>.Builder(TypeName, 1, 1)
                .UInt32("ctrl", s => ref s.Ctrl, 0x100)
                .UInt32("blk_idx", s => ref s.BlkIdx)
                .UInt32("int_stat", s => ref s.IntStat)
                .UInt32("int_en", s => ref s.IntEn, 1)
                .UInt32("int_info1", s => ref s.IntInfo1)
                .UInt32("int_info2", s => ref s.IntInfo2)
                .UInt32Array("blk_lut", s => s.BlkLut, blkMax)
                .PostLoad((s, _) =>
                {
                    if (s.BlkIdx >= _blkMax)
                    {
                        throw new StateLoadException($"{TypeName}: blk_idx {s.BlkIdx} out of range");
                    }

                    Upstream.NotifyIommu(0, size);
                })
                .Build(),
            _s);
    }

    protected override void OnReset()
    {
        // The LUT returns to all-Secure: every cached translation through the upstream region is stale.
        _upstream?.NotifyIommu(0, (ulong)_upstream.Size);
        UpdateIrq();
    }

    private static void GuestError(string message)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, message);
        }
    }

    /// <summary>tz_mpc_cfg_ns: the LUT bit of the block holding <paramref name="addr"/>.</summary>
    private bool CfgNs(ulong addr)
    {
        var block = addr / BlockSize;
        return (_s.BlkLut[block / 32] & (1u << (int)(block % 32))) != 0;
    }

    private void AutoIncrement(uint size)
    {
        if (size == 4 && (_s.Ctrl & CtrlAutoinc) != 0)
        {
            _s.BlkIdx = (_s.BlkIdx + 1) % _blkMax;
        }
    }

    private void UpdateIrq() => _irq.Set(_s.IntStat != 0 && _s.IntEn != 0);

    /// <summary>tz_mpc_iommu_notify: the translation of each block whose bit changed is stale.</summary>
    private void NotifyChanged(uint lutIndex, uint oldLut, uint newLut)
    {
        var changed = oldLut ^ newLut;
        var addr = (ulong)lutIndex * BlockSize * 32;
        for (var i = 0; i < 32; i++, addr += BlockSize)
        {
            if ((changed & (1u << i)) != 0)
            {
                Upstream.NotifyIommu(addr, BlockSize);
            }
        }
    }

    /// <summary>tz_mpc_handle_block: the first blocked access records INT_INFO and raises INT_STAT.</summary>
    private MemTxResult HandleBlock(ulong addr, MemTxAttrs attrs)
    {
        if (_s.IntStat == 0)
        {
            _s.IntInfo1 = (uint)addr;
            _s.IntInfo2 = attrs.RequesterId
                | (attrs.Secure ? 0u : 1u << 16)
                | (CfgNs(addr) ? 1u << 17 : 0u);
            _s.IntStat = 1;
            UpdateIrq();
        }

        return (_s.Ctrl & CtrlSecResp) != 0 ? MemTxResult.Error : MemTxResult.Ok;
    }

    /// <summary>tz_mpc_translate / tz_mpc_attrs_to_index.</summary>
    private sealed class Iommu(TzMpc mpc) : IIommuOps
    {
        public int NumIndexes => 3;

        public int AttrsToIndex(MemTxAttrs attrs) =>
            attrs.Unspecified ? IommuIndexUnspecified : attrs.Secure ? IommuIndexSecure : IommuIndexNonSecure;

        public IommuTlbEntry Translate(ulong offset, IommuAccess access, int iommuIndex)
        {
            var block = offset & ~(ulong)(BlockSize - 1);
            var ok = iommuIndex == IommuIndexUnspecified || mpc.CfgNs(offset) == (iommuIndex == IommuIndexNonSecure);
            return new IommuTlbEntry(ok ? mpc._downstreamSpace : mpc._blockedSpace, block, block, BlockSize - 1, IommuAccess.ReadWrite);
        }
    }

    /// <summary>The "tz-mpc-blocked-io" region a blocked block translates to.</summary>
    private sealed class BlockedIo(TzMpc mpc) : IMemoryRegionOps
    {
        private static readonly AccessConstraints BlockedAccess = new()
        {
            ValidMinAccessSize = 1,
            ValidMaxAccessSize = 8,
            ImplMinAccessSize = 1,
            ImplMaxAccessSize = 8,
        };

        public AccessConstraints Constraints => BlockedAccess;

        public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
        {
            value = 0;
            return mpc.HandleBlock(offset, attrs);
        }

        public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs) => mpc.HandleBlock(offset, attrs);
    }
}
