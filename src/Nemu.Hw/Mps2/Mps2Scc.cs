// Implements: QEMU 7.2 hw/misc/mps2-scc.c (mprofile.md §6.8; Arm MPS2 TRM 100112 "Serial Communication
// Controller"): CFG0 (bit 0 drives the "remap" GPIO output), CFG1 (LEDs), CFG2 (AN524/AN547 only), CFG3
// (reads 0 where present), CFG4 (property), CFGDATA_RTN/OUT, CFGCTRL (START performs a SYS_CFG access at once:
// only function 1 = OSCCLK with device < len-oscclk is valid, else CFGSTAT.ERROR), CFGSTAT, DLL (bits 31:24
// writable; reset 0xFFFF0001), AID, ID. Properties scc-cfg0 (CFG0 reset), scc-cfg4, scc-aid, scc-id and
// the oscclk array (len-oscclk; values through SetOscclk because Nemu has no array properties).
// Not modelled: the LED objects ("SCC LEDn"), CPU_WAIT, AN536's CFG5-7.
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Mps2;

/// <summary>QEMU's <c>mps2-scc</c>.</summary>
public sealed class Mps2Scc : SysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "mps2-scc";
    public const uint CfgCtrlStart = 1u << 31;
    public const uint CfgCtrlWrite = 1u << 30;
    public const uint CfgStatDone = 1 << 0;
    public const uint CfgStatError = 1 << 1;
    private const uint CfgCtrlReserved = (0xffu << 12) | (0xfu << 26);

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new Mps2Scc())
            .Parent(SysBusDevice.TypeName)
            .UInt32("scc-cfg4", d => ref d._cfg4)
            .UInt32("scc-aid", d => ref d._aid)
            .UInt32("scc-id", d => ref d._id)
            .UInt32("scc-cfg0", d => ref d._cfg0Reset)
            .UInt32("len-oscclk", d => ref d._numOscclk)
            .Build();

    private readonly Mps2SccState _s = new();
    private readonly IrqLine _remap;
    private uint _cfg4;
    private uint _aid;
    private uint _id;
    private uint _cfg0Reset;
    private uint _numOscclk;
    private uint[] _oscclkReset = [];

    public Mps2Scc()
    {
        InitMmio(MemoryRegion.CreateIo(TypeName, 0x1000, this, this));
        _remap = InitGpioOut("remap", 1)[0];
    }

    public AccessConstraints Constraints => AccessConstraints.Default;

    public Mps2SccState State => _s;

    /// <summary>The reset values of the OSCCLK SYS_CFG registers (QEMU's oscclk[] array property); sets len-oscclk.</summary>
    public void SetOscclk(params uint[] resetValues)
    {
        if (IsRealized)
        {
            throw new QdevException($"Attempt to set property 'oscclk' on anonymous device (type '{TypeName}') after it was realized");
        }

        _oscclkReset = [.. resetValues];
        _numOscclk = (uint)resetValues.Length;
    }

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        switch (offset)
        {
            case 0x00: value = _s.Cfg0; break;
            case 0x04: value = _s.Cfg1; break;
            case 0x08 when HaveCfg2: value = _s.Cfg2; break;
            case 0x0c when !HaveCfg2: value = 0; break;
            case 0x10: value = _cfg4; break;
            case 0xa0: value = _s.CfgDataRtn; break;
            case 0xa4: value = _s.CfgDataOut; break;
            case 0xa8: value = _s.CfgCtrl; break;
            case 0xac: value = _s.CfgStat; break;
            case 0x100: value = _s.Dll; break;
            case 0xff8: value = _aid; break;
            case 0xffc: value = _id; break;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"MPS2 SCC read: bad offset {(int)offset:x}");
                }

                value = 0;
                break;
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var v = (uint)value;
        switch (offset)
        {
            case 0x00:
                _s.Cfg0 = v;
                _remap.Set((v & 1) != 0);
                break;
            case 0x04:
                _s.Cfg1 = v;
                break;
            case 0x08 when HaveCfg2:
                _s.Cfg2 = v;
                break;
            case 0xa4:
                _s.CfgDataOut = v;
                break;
            case 0xa8:
                WriteCfgCtrl(v);
                break;
            case 0x100:
                _s.Dll = (_s.Dll & 0x00ffffff) | (v & 0xff000000);
                break;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"MPS2 SCC write: bad offset 0x{(int)offset:x}");
                }

                break;
        }

        return MemTxResult.Ok;
    }

    protected override void OnRealize()
    {
        if (_oscclkReset.Length != _numOscclk)
        {
            Array.Resize(ref _oscclkReset, (int)_numOscclk);
        }

        _s.Oscclk = new uint[_numOscclk];
        var oscclk = (int)_numOscclk;
        InitState(
            StateDescription<Mps2SccState>.Builder(TypeName, 3, 3)
                .UInt32("cfg0", s => ref s.Cfg0)
                .UInt32("cfg1", s => ref s.Cfg1)
                .UInt32("cfg2", s => ref s.Cfg2)
                .UInt32("cfg5", s => ref s.Cfg5)
                .UInt32("cfg6", s => ref s.Cfg6)
                .UInt32("cfgdata_rtn", s => ref s.CfgDataRtn)
                .UInt32("cfgdata_out", s => ref s.CfgDataOut)
                .UInt32("cfgctrl", s => ref s.CfgCtrl, 0x100000)
                .UInt32("cfgstat", s => ref s.CfgStat)
                .UInt32("dll", s => ref s.Dll, 0xffff0001)
                .UInt32Array("oscclk", s => s.Oscclk, oscclk)
                .Build(),
            _s);
    }

    protected override void OnReset()
    {
        _s.Cfg0 = _cfg0Reset;
        _oscclkReset.AsSpan().CopyTo(_s.Oscclk);
    }

    /// <summary>The SCC part number, ID[15:4] (0x385, 0x505, 0x524...).</summary>
    private uint PartNo => (_id >> 4) & 0xfff;

    private bool HaveCfg2 => PartNo is 0x524 or 0x547;

    private void WriteCfgCtrl(uint v)
    {
        _s.CfgStat = 0;
        _s.CfgCtrl = v & ~(CfgCtrlReserved | CfgCtrlStart);
        if ((v & CfgCtrlStart) == 0)
        {
            return;
        }

        var device = _s.CfgCtrl & 0xfff;
        var function = (_s.CfgCtrl >> 20) & 0x3f;
        _s.CfgStat = CfgStatDone;
        var valid = function == 1 && device < _numOscclk;
        if ((_s.CfgCtrl & CfgCtrlWrite) != 0)
        {
            if (!valid)
            {
                LogBadCfg("write", function, device);
                _s.CfgStat |= CfgStatError;
                return;
            }

            _s.Oscclk[device] = _s.CfgDataOut;
        }
        else
        {
            if (!valid)
            {
                LogBadCfg("read", function, device);
                _s.CfgStat |= CfgStatError;
                return;
            }

            _s.CfgDataRtn = _s.Oscclk[device];
        }
    }

    private static void LogBadCfg(string kind, uint function, uint device)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"MPS2 SCC config {kind}: bad function {function} device {device}");
        }
    }
}
