// Implements: QEMU 7.2 hw/misc/iotkit-secctl.c, the IoTKit / SSE-200 security controller (mprofile.md §6.4).
// Secure block "iotkit-secctl-s-regs" (sysbus MMIO 0): SECRESPCFG 0x10, NSCCFG 0x14, SECMPCINTSTATUS 0x1C,
// SECPPCINTSTAT/CLR/EN 0x20-0x28 (valid bits 0x00F000F3), SECMSCINTSTAT/CLR/EN 0x30-0x38, BRGINTSTAT/CLR/EN
// 0x40-0x48, AHBNSPPC0 0x50 and AHBSPPPC0 0x90 (RAZ), AHBNSPPCEXP0-3 0x60, APBNSPPC0/1 0x70, APBNSPPCEXP0-3
// 0x80, AHBSPPPCEXP0-3 0xA0, APBSPPPC0/1 0xB0, APBSPPPCEXP0-3 0xC0, NSMSCEXP 0xD0, PID/CID. Non-secure block
// "iotkit-secctl-ns-regs" (MMIO 1): AHBNSPPPC0 0x90 (RAZ), AHBNSPPPCEXP0-3 0xA0, APBNSPPPC0/1 0xB0,
// APBNSPPPCEXP0-3 0xC0, PID/CID. Byte and halfword writes are ignored; sub-word reads extract bytes. Outputs:
// per PPC <name>_nonsec/_ap/_irq_enable/_irq_clear, sec_resp_cfg, nsc_cfg (its value also as NscCfg and
// NscCfgChanged for the IDAU), mscexp_clear/mscexp_ns, msc_irq; inputs <name>_irq_status, mpc_status[4],
// mpcexp_status[16], mscexp_status[16]. The combined PPC interrupt is the board's OR of the PPC irq lines
// (as armsse.c does).
// Not modelled: the SSE-300/310 ID values (sse-version 300 is accepted with the SSE-200 layout).
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.ArmSse;

/// <summary>QEMU's <c>iotkit-secctl</c>.</summary>
public sealed class IotkitSecctl : SysBusDevice
{
    public new const string TypeName = "iotkit-secctl";
    private const uint PpcIntMask = 0x00f000f3;

    private static readonly byte[] SIds = [0x04, 0x00, 0x00, 0x00, 0x52, 0xb8, 0x0b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];
    private static readonly byte[] NsIds = [0x04, 0x00, 0x00, 0x00, 0x53, 0xb8, 0x0b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

    private static readonly AccessConstraints RegAccess = new()
    {
        ValidMinAccessSize = 1,
        ValidMaxAccessSize = 4,
        ImplMinAccessSize = 1,
        ImplMaxAccessSize = 4,
    };

    private static readonly StateDescription<IotkitSecctlPpcState> PpcVmsd =
        StateDescription<IotkitSecctlPpcState>.Builder("iotkit-secctl-ppc", 1, 1)
            .UInt32("ns", s => ref s.Ns)
            .UInt32("sp", s => ref s.Sp)
            .UInt32("nsp", s => ref s.Nsp)
            .Build();

    public static readonly StateDescription<IotkitSecctlState> Vmsd =
        StateDescription<IotkitSecctlState>.Builder(TypeName, 1, 1)
            .UInt32("secppcintstat", s => ref s.SecPpcIntStat)
            .UInt32("secppcinten", s => ref s.SecPpcIntEn)
            .UInt32("secrespcfg", s => ref s.SecRespCfg)
            .UInt32("nsccfg", s => ref s.NscCfg)
            .UInt32("brginten", s => ref s.BrgIntEn)
            .StructArray("apb", s => s.Apb, 2, PpcVmsd)
            .StructArray("apbexp", s => s.ApbExp, 4, PpcVmsd)
            .StructArray("ahbexp", s => s.AhbExp, 4, PpcVmsd)
            .Subsection(
                StateDescription<IotkitSecctlState>.Builder("iotkit-secctl/mpcintstatus", 1, 1)
                    .UInt32("mpcintstatus", s => ref s.MpcIntStatus)
                    .Build(),
                _ => true)
            .Subsection(
                StateDescription<IotkitSecctlState>.Builder("iotkit-secctl/msc", 1, 1)
                    .UInt32("secmscintstat", s => ref s.SecMscIntStat)
                    .UInt32("secmscinten", s => ref s.SecMscIntEn)
                    .UInt32("nsmscexp", s => ref s.NsMscExp)
                    .Build(),
                _ => true)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new IotkitSecctl())
            .Parent(SysBusDevice.TypeName)
            .UInt32("sse-version", d => ref d._sseVersion)
            .Build();

    private readonly IotkitSecctlState _s = new();
    private readonly IotkitSecctlPpc[] _apb = new IotkitSecctlPpc[2];
    private readonly IotkitSecctlPpc[] _apbExp = new IotkitSecctlPpc[4];
    private readonly IotkitSecctlPpc[] _ahbExp = new IotkitSecctlPpc[4];
    private readonly IrqLine _secRespCfg;
    private readonly IrqLine _nscCfg;
    private readonly IrqLine[] _mscExpClear;
    private readonly IrqLine[] _mscExpNs;
    private readonly IrqLine _mscIrq;
    private uint _sseVersion;

    private IotkitSecctl()
    {
        _apb[0] = InitPpc("apb_ppc0", 3, 0, _s.Apb[0]);
        _apb[1] = InitPpc("apb_ppc1", 1, 1, _s.Apb[1]);
        for (var i = 0; i < 4; i++)
        {
            _apbExp[i] = InitPpc($"apb_ppcexp{i}", 16, 4 + i, _s.ApbExp[i]);
        }

        for (var i = 0; i < 4; i++)
        {
            _ahbExp[i] = InitPpc($"ahb_ppcexp{i}", 16, 20 + i, _s.AhbExp[i]);
        }

        _secRespCfg = InitGpioOut("sec_resp_cfg", 1)[0];
        _nscCfg = InitGpioOut("nsc_cfg", 1)[0];
        InitGpioIn("mpc_status", 4, (n, level) => _s.MpcIntStatus = SetBit(_s.MpcIntStatus, n, level));
        InitGpioIn("mpcexp_status", 16, (n, level) => _s.MpcIntStatus = SetBit(_s.MpcIntStatus, n + 16, level));
        InitGpioIn("mscexp_status", 16, (n, level) =>
        {
            _s.SecMscIntStat = SetBit(_s.SecMscIntStat, n + 16, level);
            UpdateMscIrq();
        });
        _mscExpClear = InitGpioOut("mscexp_clear", 16);
        _mscExpNs = InitGpioOut("mscexp_ns", 16);
        _mscIrq = InitGpioOut("msc_irq", 1)[0];
        InitMmio(MemoryRegion.CreateIo("iotkit-secctl-s-regs", 0x1000, new SecureBlock(this), this));
        InitMmio(MemoryRegion.CreateIo("iotkit-secctl-ns-regs", 0x1000, new NonSecureBlock(this), this));
        InitState(Vmsd, _s);
    }

    /// <summary>Raised with the new NSCCFG value (CODENSC b0, RAMNSC b1) on every NSCCFG write.</summary>
    public event Action<uint>? NscCfgChanged;

    public IotkitSecctlState State => _s;

    /// <summary>NSCCFG (0x14): CODENSC b0, RAMNSC b1, which the IDAU reads.</summary>
    public uint NscCfg => _s.NscCfg;

    /// <summary>The two APB PPCs of the SSE (apb_ppc0 with 3 ports, apb_ppc1 with 1).</summary>
    public IReadOnlyList<IotkitSecctlPpc> ApbPpc => _apb;

    /// <summary>The four APB expansion PPCs (apb_ppcexp0-3).</summary>
    public IReadOnlyList<IotkitSecctlPpc> ApbExpPpc => _apbExp;

    /// <summary>The four AHB expansion PPCs (ahb_ppcexp0-3).</summary>
    public IReadOnlyList<IotkitSecctlPpc> AhbExpPpc => _ahbExp;

    protected override void OnRealize()
    {
        if (_sseVersion is not (0 or 200 or 300))
        {
            throw new QdevException($"invalid sse-version value {_sseVersion}");
        }
    }

    private static uint SetBit(uint value, int bit, bool level) => level ? value | (1u << bit) : value & ~(1u << bit);

    private static void GuestError(string message)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, message);
        }
    }

    private static uint Extract(uint r, ulong addr, uint size) =>
        size == 4 ? r : (uint)((r >> (int)((addr & 3) * 8)) & ((1ul << (int)(size * 8)) - 1));

    private IotkitSecctlPpc InitPpc(string name, int numPorts, int irqBit, IotkitSecctlPpcState state)
    {
        var nonsec = InitGpioOut($"{name}_nonsec", numPorts);
        var ap = InitGpioOut($"{name}_ap", numPorts);
        var irqEnable = InitGpioOut($"{name}_irq_enable", 1)[0];
        var irqClear = InitGpioOut($"{name}_irq_clear", 1)[0];
        InitGpioIn($"{name}_irq_status", 1, (_, level) => _s.SecPpcIntStat = SetBit(_s.SecPpcIntStat, irqBit, level));
        return new IotkitSecctlPpc(name, numPorts, irqBit, state, nonsec, ap, irqEnable, irqClear);
    }

    private IEnumerable<IotkitSecctlPpc> AllPpcs() => _apb.Concat(_apbExp).Concat(_ahbExp);

    private void UpdateMscIrq() => _mscIrq.Set((_s.SecMscIntStat & _s.SecMscIntEn) != 0);

    private uint ReadSecure(uint offset)
    {
        var idx = (int)((offset >> 2) & 3);
        switch (offset)
        {
            case 0x50 or 0x90: return 0;
            case 0x10: return _s.SecRespCfg;
            case 0x14: return _s.NscCfg;
            case 0x1c: return _s.MpcIntStatus;
            case 0x20: return _s.SecPpcIntStat;
            case 0x28: return _s.SecPpcIntEn;
            case 0x40: return 0; // QEMU's bus fabric never reports bridge errors.
            case 0x48: return _s.BrgIntEn;
            case >= 0x60 and <= 0x6c: return _s.AhbExp[idx].Ns;
            case 0x70 or 0x74: return _s.Apb[idx].Ns;
            case >= 0x80 and <= 0x8c: return _s.ApbExp[idx].Ns;
            case >= 0xa0 and <= 0xac: return _s.AhbExp[idx].Sp;
            case 0xb0 or 0xb4: return _s.Apb[idx].Sp;
            case >= 0xc0 and <= 0xcc: return _s.ApbExp[idx].Sp;
            case 0x30: return _s.SecMscIntStat;
            case 0x38: return _s.SecMscIntEn;
            case 0xd0: return _s.NsMscExp;
            case >= 0xfd0 and <= 0xffc: return SIds[(offset - 0xfd0) / 4];
            case 0x24 or 0x34 or 0x44:
                GuestError($"IotKit SecCtl S block read: write-only offset 0x{offset:x}");
                return 0;
            default:
                GuestError($"IotKit SecCtl S block read: bad offset 0x{offset:x}");
                return 0;
        }
    }

    private void WriteSecure(uint offset, uint value)
    {
        var idx = (int)((offset >> 2) & 3);
        switch (offset)
        {
            case 0x14:
                _s.NscCfg = value & 3;
                _nscCfg.Set(_s.NscCfg != 0);
                NscCfgChanged?.Invoke(_s.NscCfg);
                break;
            case 0x10:
                _s.SecRespCfg = value & 1;
                _secRespCfg.Set(_s.SecRespCfg != 0);
                break;
            case 0x24:
                _s.SecPpcIntStat &= ~(value & PpcIntMask);
                foreach (var ppc in AllPpcs())
                {
                    ppc.IrqClear.Set(((_s.SecPpcIntStat >> ppc.IrqBit) & 1) != 0);
                }

                break;
            case 0x28:
                _s.SecPpcIntEn = value & PpcIntMask;
                foreach (var ppc in AllPpcs())
                {
                    ppc.IrqEnable.Set(((_s.SecPpcIntEn >> ppc.IrqBit) & 1) != 0);
                }

                break;
            case 0x44:
                break;
            case 0x48:
                _s.BrgIntEn = value & 0xffff0000;
                break;
            case >= 0x60 and <= 0x6c: _ahbExp[idx].WriteNs(value); break;
            case 0x70 or 0x74: _apb[idx].WriteNs(value); break;
            case >= 0x80 and <= 0x8c: _apbExp[idx].WriteNs(value); break;
            case >= 0xa0 and <= 0xac: _ahbExp[idx].WriteSp(value); break;
            case 0xb0 or 0xb4: _apb[idx].WriteSp(value); break;
            case >= 0xc0 and <= 0xcc: _apbExp[idx].WriteSp(value); break;
            case 0x34:
                for (var i = 0; i < 16; i++)
                {
                    _mscExpClear[i].Set(((value >> (i + 16)) & 1) != 0);
                }

                break;
            case 0x38:
                _s.SecMscIntEn = value;
                UpdateMscIrq();
                break;
            case 0xd0:
                _s.NsMscExp = value;
                for (var i = 0; i < 16; i++)
                {
                    _mscExpNs[i].Set(((value >> (i + 16)) & 1) != 0);
                }

                break;
            case 0x1c or 0x20 or 0x30 or 0x40 or 0x50 or 0x90 or (>= 0xfd0 and <= 0xffc):
                GuestError($"IoTKit SecCtl S block write: read-only offset 0x{offset:x}");
                break;
            default:
                GuestError($"IotKit SecCtl S block write: bad offset 0x{offset:x}");
                break;
        }
    }

    private uint ReadNonSecure(uint offset)
    {
        var idx = (int)((offset >> 2) & 3);
        switch (offset)
        {
            case 0x90: return 0;
            case >= 0xa0 and <= 0xac: return _s.AhbExp[idx].Nsp;
            case 0xb0 or 0xb4: return _s.Apb[idx].Nsp;
            case >= 0xc0 and <= 0xcc: return _s.ApbExp[idx].Nsp;
            case >= 0xfd0 and <= 0xffc: return NsIds[(offset - 0xfd0) / 4];
            default:
                // QEMU's text says "write" for this read error.
                GuestError($"IotKit SecCtl NS block write: bad offset 0x{offset:x}");
                return 0;
        }
    }

    private void WriteNonSecure(uint offset, uint value)
    {
        var idx = (int)((offset >> 2) & 3);
        switch (offset)
        {
            case >= 0xa0 and <= 0xac: _ahbExp[idx].WriteNsp(value); break;
            case 0xb0 or 0xb4: _apb[idx].WriteNsp(value); break;
            case >= 0xc0 and <= 0xcc: _apbExp[idx].WriteNsp(value); break;
            case 0x90 or (>= 0xfd0 and <= 0xffc):
                GuestError($"IoTKit SecCtl NS block write: read-only offset 0x{offset:x}");
                break;
            default:
                GuestError($"IotKit SecCtl NS block write: bad offset 0x{offset:x}");
                break;
        }
    }

    private sealed class SecureBlock(IotkitSecctl secctl) : IMemoryRegionOps
    {
        public AccessConstraints Constraints => RegAccess;

        public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
        {
            value = Extract(secctl.ReadSecure((uint)offset & ~3u), offset, size);
            return MemTxResult.Ok;
        }

        public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
        {
            if (size != 4)
            {
                GuestError("IotKit SecCtl S block write: bad size, ignored");
                return MemTxResult.Ok;
            }

            secctl.WriteSecure((uint)offset, (uint)value);
            return MemTxResult.Ok;
        }
    }

    private sealed class NonSecureBlock(IotkitSecctl secctl) : IMemoryRegionOps
    {
        public AccessConstraints Constraints => RegAccess;

        public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
        {
            value = Extract(secctl.ReadNonSecure((uint)offset & ~3u), offset, size);
            return MemTxResult.Ok;
        }

        public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
        {
            if (size != 4)
            {
                GuestError("IotKit SecCtl NS block write: bad size, ignored");
                return MemTxResult.Ok;
            }

            secctl.WriteNonSecure((uint)offset, (uint)value);
            return MemTxResult.Ok;
        }
    }
}
