// Implements: QEMU 7.2 hw/misc/iotkit-sysctl.c, the IoTKit / SSE-200 system control registers
// (mprofile.md §6.4) for sse-version 0 (IoTKit) and 200: SECDBGSTAT/SET/CLR, SCSECCTRL, FCLK_DIV, SYSCLK_DIV,
// CLOCK_FORCE (SSE-200), RESET_SYNDROME (reset 1), RESET_MASK, SWRESET (bit 9 SWRESETREQ → SystemResetRequested),
// GRETREG, INITSVTOR0/1 0x110/0x114 (a write sets that CPU's init-svtor for its next reset: InitSvtorChanged),
// CPUWAIT 0x118 (clearing bit n of a set bit powers CPU n on and resets it: CpuPowerOnRequested), NMI_ENABLE
// (BUSWAIT on IoTKit: RAZ, RO), WICCTRL, EWCTRL, PDCM_PD_*_SENSE (SSE-200), PID/CID. The remaining registers
// read as written, with QEMU's LOG_UNIMP lines. Reset values from the CPUWAIT_RST, INITSVTOR0_RST and
// INITSVTOR1_RST properties.
// Not modelled: SSE-300 register layout; reset causes other than a full system reset.
using Nemu.Core;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.ArmSse;

/// <summary>QEMU's <c>iotkit-sysctl</c>.</summary>
public sealed class IotkitSysctl : SysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "iotkit-sysctl";
    public const uint SwResetReq = 1 << 9;

    private static readonly byte[] IotkitIds = [0x04, 0x00, 0x00, 0x00, 0x54, 0xb8, 0x0b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];
    private static readonly byte[] Sse200Ids = [0x04, 0x00, 0x00, 0x00, 0x54, 0xb8, 0x1b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

    private static readonly AccessConstraints Access = new()
    {
        ValidMinAccessSize = 1,
        ValidMaxAccessSize = 4,
        ImplMinAccessSize = 4,
        ImplMaxAccessSize = 4,
    };

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new IotkitSysctl())
            .Parent(SysBusDevice.TypeName)
            .UInt32("sse-version", d => ref d._sseVersion)
            .UInt32("CPUWAIT_RST", d => ref d._cpuWaitRst)
            .UInt32("INITSVTOR0_RST", d => ref d._initSvtor0Rst, 0x10000000)
            .UInt32("INITSVTOR1_RST", d => ref d._initSvtor1Rst, 0x10000000)
            .Build();

    private readonly IotkitSysctlState _s = new();
    private uint _sseVersion;
    private uint _cpuWaitRst;
    private uint _initSvtor0Rst = 0x10000000;
    private uint _initSvtor1Rst = 0x10000000;

    private IotkitSysctl()
    {
        InitMmio(MemoryRegion.CreateIo(TypeName, 0x1000, this, this));
    }

    /// <summary>arm_set_cpu_on_and_reset(n): CPUWAIT bit n went from 1 to 0.</summary>
    public event Action<int>? CpuPowerOnRequested;

    /// <summary>INITSVTORn was written: CPU n's init-svtor for its next reset (QEMU's set_init_vtor).</summary>
    public event Action<int, uint>? InitSvtorChanged;

    /// <summary>SWRESET.SWRESETREQ: qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET).</summary>
    public event Action? SystemResetRequested;

    public AccessConstraints Constraints => Access;

    public IotkitSysctlState State => _s;

    private bool IsSse200 => _sseVersion == 200;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = offset switch
        {
            0x000 => _s.SecureDebug,
            0x00c when IsSse200 => _s.ScSecCtrl,
            0x010 when IsSse200 => _s.FclkDiv,
            0x014 when IsSse200 => _s.SysclkDiv,
            0x018 when IsSse200 => _s.ClockForce,
            0x100 => _s.ResetSyndrome,
            0x104 => _s.ResetMask,
            0x10c => _s.Gretreg,
            0x110 => _s.InitSvtor0,
            0x114 when IsSse200 => _s.InitSvtor1,
            0x118 => _s.CpuWait,
            0x11c => IsSse200 ? _s.NmiEnable : 0,
            0x120 => _s.WicCtrl,
            0x124 when IsSse200 => _s.EwCtrl,
            0x200 when IsSse200 => _s.PdcmPdSysSense,
            0x20c when IsSse200 => _s.PdcmPdSram0Sense,
            0x210 when IsSse200 => _s.PdcmPdSram1Sense,
            0x214 when IsSse200 => _s.PdcmPdSram2Sense,
            0x218 when IsSse200 => _s.PdcmPdSram3Sense,
            >= 0xfd0 and <= 0xffc => (IsSse200 ? Sse200Ids : IotkitIds)[(offset - 0xfd0) / 4],
            0x004 or 0x008 or 0x108 => GuestError($"IoTKit SysCtl read: read of WO offset {(int)offset:x}"),
            _ => GuestError($"IoTKit SysCtl read: bad offset {(int)offset:x}"),
        };
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var v = (uint)value;
        switch (offset)
        {
            case 0x100:
                Unimp("RESET_SYNDROME");
                _s.ResetSyndrome = v;
                break;
            case 0x104:
                Unimp("RESET_MASK");
                _s.ResetMask = v;
                break;
            case 0x10c:
                _s.Gretreg = v;
                break;
            case 0x110:
                _s.InitSvtor0 = v;
                InitSvtorChanged?.Invoke(0, v);
                break;
            case 0x118:
                WriteCpuWait(v);
                break;
            case 0x120:
                Unimp("WICCTRL");
                _s.WicCtrl = v;
                break;
            case 0x004:
                Unimp("SECDBGSET");
                _s.SecureDebug |= v;
                break;
            case 0x008:
                _s.SecureDebug &= ~v;
                break;
            case 0x108:
                if ((v & SwResetReq) != 0)
                {
                    SystemResetRequested?.Invoke();
                }

                break;
            case 0x00c when IsSse200:
                Unimp("SCSECCTRL");
                _s.ScSecCtrl = v;
                break;
            case 0x010 when IsSse200:
                Unimp("FCLK_DIV");
                _s.FclkDiv = v;
                break;
            case 0x014 when IsSse200:
                Unimp("SYSCLK_DIV");
                _s.SysclkDiv = v;
                break;
            case 0x018 when IsSse200:
                Unimp("CLOCK_FORCE");
                _s.ClockForce = v;
                break;
            case 0x114 when IsSse200:
                _s.InitSvtor1 = v;
                InitSvtorChanged?.Invoke(1, v);
                break;
            case 0x124 when IsSse200:
                Unimp("EWCTRL");
                _s.EwCtrl = v;
                break;
            case 0x200 when IsSse200:
                Unimp("PDCM_PD_SYS_SENSE");
                _s.PdcmPdSysSense = v;
                break;
            case 0x20c when IsSse200:
                Unimp("PDCM_PD_SRAM0_SENSE");
                _s.PdcmPdSram0Sense = v;
                break;
            case 0x210 when IsSse200:
                Unimp("PDCM_PD_SRAM1_SENSE");
                _s.PdcmPdSram1Sense = v;
                break;
            case 0x214 when IsSse200:
                Unimp("PDCM_PD_SRAM2_SENSE");
                _s.PdcmPdSram2Sense = v;
                break;
            case 0x218 when IsSse200:
                Unimp("PDCM_PD_SRAM3_SENSE");
                _s.PdcmPdSram3Sense = v;
                break;
            case 0x11c when IsSse200:
                Unimp("NMI_ENABLE");
                _s.NmiEnable = v;
                break;
            case 0x11c or 0x000 or (>= 0xfd0 and <= 0xffc):
                GuestError($"IoTKit SysCtl write: write of RO offset {(int)offset:x}");
                break;
            default:
                GuestError($"IoTKit SysCtl write: bad offset {(int)offset:x}");
                break;
        }

        return MemTxResult.Ok;
    }

    protected override void OnRealize()
    {
        if (_sseVersion is not (0 or 200))
        {
            throw new QdevException($"invalid sse-version value {_sseVersion}");
        }

        InitState(
            StateDescription<IotkitSysctlState>.Builder(TypeName, 1, 1)
                .UInt32("secure_debug", s => ref s.SecureDebug)
                .UInt32("reset_syndrome", s => ref s.ResetSyndrome, 1)
                .UInt32("reset_mask", s => ref s.ResetMask)
                .UInt32("gretreg", s => ref s.Gretreg)
                .UInt32("initsvtor0", s => ref s.InitSvtor0, _initSvtor0Rst)
                .UInt32("cpuwait", s => ref s.CpuWait, _cpuWaitRst)
                .UInt32("wicctrl", s => ref s.WicCtrl)
                .Subsection(
                    StateDescription<IotkitSysctlState>.Builder("iotkit-sysctl/sse-200", 1, 1)
                        .UInt32("scsecctrl", s => ref s.ScSecCtrl)
                        .UInt32("fclk_div", s => ref s.FclkDiv)
                        .UInt32("sysclk_div", s => ref s.SysclkDiv)
                        .UInt32("clock_force", s => ref s.ClockForce)
                        .UInt32("initsvtor1", s => ref s.InitSvtor1, _initSvtor1Rst)
                        .UInt32("nmi_enable", s => ref s.NmiEnable)
                        .UInt32("ewctrl", s => ref s.EwCtrl)
                        .UInt32("pdcm_pd_sys_sense", s => ref s.PdcmPdSysSense, IsSse200 ? 0x7fu : 0u)
                        .UInt32("pdcm_pd_sram0_sense", s => ref s.PdcmPdSram0Sense)
                        .UInt32("pdcm_pd_sram1_sense", s => ref s.PdcmPdSram1Sense)
                        .UInt32("pdcm_pd_sram2_sense", s => ref s.PdcmPdSram2Sense)
                        .UInt32("pdcm_pd_sram3_sense", s => ref s.PdcmPdSram3Sense)
                        .Build(),
                    _ => IsSse200)
                .Build(),
            _s);
    }

    private static uint GuestError(string message)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, message);
        }

        return 0;
    }

    private static void Unimp(string register)
    {
        if (Log.IsEnabled(LogItem.Unimp))
        {
            Log.Write(LogItem.Unimp, $"IoTKit SysCtl {register} unimplemented");
        }
    }

    /// <summary>cpuwait_write: each CPU whose wait bit goes from 1 to 0 is powered on and reset.</summary>
    private void WriteCpuWait(uint value)
    {
        var old = _s.CpuWait;
        _s.CpuWait = value;
        for (var i = 0; i < 2; i++)
        {
            var mask = 1u << i;
            if ((old & mask) != 0 && (value & mask) == 0)
            {
                CpuPowerOnRequested?.Invoke(i);
            }
        }
    }
}
