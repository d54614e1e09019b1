// Implements: QEMU 7.2 hw/gpio/pl061.c (Arm PrimeCell GPIO PL061, DDI0190; `pl061` with the Arm IDs and
// `pl061_luminary` with the Stellaris IDs and extra registers): GPIODATA through the address mask (bits 9:2 of the
// offset select the bits read or written; writes only reach output pins), GPIODIR, IS, IBE, IEV, IE, RIS, MIS,
// IC, AFSEL (writable bits gated by the commit register), the Luminary-only registers 0x500-0x528 (a bad offset on
// the Arm variant), the IDs at 0xFD0-0xFFC; eight gpio inputs (input pins follow them) and eight gpio outputs
// (output pins driven from DATA, input pins from the pull-ups/pull-downs given by the "pullups"/"pulldowns"
// properties, floating pins keep their level), the combined interrupt GPIOINTR as sysbus IRQ 0 with QEMU's edge and
// level detection (pl061_update), reset as QEMU's enter/hold phases, and the guest_errors texts.
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Gpio;

/// <summary>QEMU's <c>pl061</c> and <c>pl061_luminary</c> GPIO controllers.</summary>
public sealed class Pl061 : SysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "pl061";
    public const string LuminaryTypeName = "pl061_luminary";
    public const int GpioCount = 8;

    /// <summary>IDs at 0xFD0-0xFFC.</summary>
    public static readonly byte[] ArmIds = [0x00, 0x00, 0x00, 0x00, 0x61, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1];
    public static readonly byte[] LuminaryIds = [0x00, 0x00, 0x00, 0x00, 0x61, 0x00, 0x18, 0x01, 0x0d, 0xf0, 0x05, 0xb1];

    public static readonly StateDescription<Pl061State> Vmsd =
        StateDescription<Pl061State>.Builder(TypeName, 4, 4)
            .UInt32("locked", s => ref s.Locked, 1)
            .UInt32("data", s => ref s.Data)
            .UInt32("old_out_data", s => ref s.OldOutData)
            .UInt32("old_in_data", s => ref s.OldInData)
            .UInt32("dir", s => ref s.Dir)
            .UInt32("isense", s => ref s.Isense)
            .UInt32("ibe", s => ref s.Ibe)
            .UInt32("iev", s => ref s.Iev)
            .UInt32("im", s => ref s.Im)
            .UInt32("istate", s => ref s.Istate)
            .UInt32("afsel", s => ref s.Afsel)
            .UInt32("dr2r", s => ref s.Dr2r, 0xff)
            .UInt32("dr4r", s => ref s.Dr4r)
            .UInt32("dr8r", s => ref s.Dr8r)
            .UInt32("odr", s => ref s.Odr)
            .UInt32("pur", s => ref s.Pur)
            .UInt32("pdr", s => ref s.Pdr)
            .UInt32("slr", s => ref s.Slr)
            .UInt32("den", s => ref s.Den)
            .UInt32("cr", s => ref s.Cr, 0xff)
            .UInt32("amsel", s => ref s.Amsel)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new Pl061(ArmIds))
            .Parent(SysBusDevice.TypeName)
            .UInt32("pullups", d => ref d._pullups, 0xff)
            .UInt32("pulldowns", d => ref d._pulldowns)
            .Build();

    public static readonly DeviceType LuminaryTypeInfo =
        DeviceType.Define(LuminaryTypeName, () => new Pl061(LuminaryIds))
            .Parent(TypeName)
            .Build();

    private readonly Pl061State _s = new();
    private readonly byte[] _ids;
    private readonly IrqLine _irq;
    private readonly IrqLine[] _out;
    private uint _pullups = 0xff;
    private uint _pulldowns;

    private Pl061(byte[] ids)
    {
        _ids = ids;
        InitMmio(MemoryRegion.CreateIo(TypeName, 0x1000, this, this));
        _irq = InitIrq();
        InitGpioIn(null, GpioCount, SetInput);
        _out = InitGpioOut(null, GpioCount);
        InitState(Vmsd, _s);
    }

    public AccessConstraints Constraints => AccessConstraints.Default;

    /// <summary>The live state (read-only use in tests).</summary>
    public Pl061State State => _s;

    private bool IsLuminary => ReferenceEquals(_ids, LuminaryIds);

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = offset switch
        {
            < 0x400 => _s.Data & (uint)(offset >> 2),
            0x400 => _s.Dir,
            0x404 => _s.Isense,
            0x408 => _s.Ibe,
            0x40c => _s.Iev,
            0x410 => _s.Im,
            0x414 => _s.Istate,
            0x418 => _s.Istate & _s.Im,
            0x420 => _s.Afsel,
            >= 0x500 and <= 0x528 when IsLuminary && (offset & 3) == 0 => LuminaryRegister(offset),
            >= 0xfd0 and <= 0xfff => _ids[(offset - 0xfd0) >> 2],
            _ => BadOffset("pl061_read", offset),
        };
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var v = (uint)value;
        switch (offset)
        {
            case < 0x400:
                var mask = (uint)(offset >> 2) & _s.Dir & 0xff;
                _s.Data = (_s.Data & ~mask) | (v & mask);
                break;
            case 0x400: _s.Dir = v & 0xff; break;
            case 0x404: _s.Isense = v & 0xff; break;
            case 0x408: _s.Ibe = v & 0xff; break;
            case 0x40c: _s.Iev = v & 0xff; break;
            case 0x410: _s.Im = v & 0xff; break;
            case 0x41c: _s.Istate &= ~v; break;
            case 0x420: _s.Afsel = (_s.Afsel & ~_s.Cr) | (v & _s.Cr); break;
            case 0x500 when IsLuminary: _s.Dr2r = v & 0xff; break;
            case 0x504 when IsLuminary: _s.Dr4r = v & 0xff; break;
            case 0x508 when IsLuminary: _s.Dr8r = v & 0xff; break;
            case 0x50c when IsLuminary: _s.Odr = v & 0xff; break;
            case 0x510 when IsLuminary: _s.Pur = v & 0xff; break;
            case 0x514 when IsLuminary: _s.Pdr = v & 0xff; break;
            case 0x518 when IsLuminary: _s.Slr = v & 0xff; break;
            case 0x51c when IsLuminary: _s.Den = v & 0xff; break;
            case 0x520 when IsLuminary: _s.Locked = v != 0xacce551 ? 1u : 0u; break;
            case 0x524 when IsLuminary:
                if (_s.Locked == 0)
                {
                    _s.Cr = v & 0xff;
                }

                break;
            case 0x528 when IsLuminary: _s.Amsel = v & 0xff; break;
            default:
                BadOffset("pl061_write", offset);
                return MemTxResult.Ok;
        }

        Update();
        return MemTxResult.Ok;
    }

    protected override void OnRealize()
    {
        if (_pullups > 0xff)
        {
            throw new QdevException("pullups property must be between 0 and 0xff");
        }

        if (_pulldowns > 0xff)
        {
            throw new QdevException("pulldowns property must be between 0 and 0xff");
        }

        if ((_pullups & _pulldowns) != 0)
        {
            throw new QdevException("no bit may be set both in pullups and pulldowns");
        }
    }

    /// <summary>pl061_hold_reset: drive every non-floating pin to its pull level.</summary>
    protected override void OnReset()
    {
        var floating = Floating;
        var pullups = Pullups;
        for (var i = 0; i < GpioCount; i++)
        {
            if ((floating & (1u << i)) == 0)
            {
                _out[i].Set((pullups & (1u << i)) != 0);
            }
        }

        _s.OldOutData = pullups;
        _irq.Set(false);
    }

    /// <summary>Input pins configured as inputs and neither pulled up nor down.</summary>
    private uint Floating => ~(IsLuminary ? _s.Pur | _s.Pdr : _pullups | _pulldowns) & ~_s.Dir & 0xff;

    private uint Pullups => (IsLuminary ? _s.Pur : _pullups) & ~_s.Dir & 0xff;

    private uint LuminaryRegister(ulong offset) => offset switch
    {
        0x500 => _s.Dr2r,
        0x504 => _s.Dr4r,
        0x508 => _s.Dr8r,
        0x50c => _s.Odr,
        0x510 => _s.Pur,
        0x514 => _s.Pdr,
        0x518 => _s.Slr,
        0x51c => _s.Den,
        0x520 => _s.Locked,
        0x524 => _s.Cr,
        _ => _s.Amsel,
    };

    private void SetInput(int line, bool level)
    {
        var mask = 1u << line;
        if ((_s.Dir & mask) == 0)
        {
            _s.Data = level ? _s.Data | mask : _s.Data & ~mask;
            Update();
        }
    }

    /// <summary>pl061_update: output pins, edge detection on input changes, level detection, GPIOINTR.</summary>
    private void Update()
    {
        var output = (_s.Data & _s.Dir) | Pullups | (_s.OldOutData & Floating);
        var changed = (_s.OldOutData ^ output) & 0xff;
        if (changed != 0)
        {
            _s.OldOutData = output;
            for (var i = 0; i < GpioCount; i++)
            {
                if ((changed & (1u << i)) != 0)
                {
                    _out[i].Set((output & (1u << i)) != 0);
                }
            }
        }

        changed = (_s.OldInData ^ _s.Data) & ~_s.Dir & 0xff;
        if (changed != 0)
        {
            _s.OldInData = _s.Data;
            for (var i = 0; i < GpioCount; i++)
            {
                var mask = 1u << i;
                if ((changed & mask) != 0 && (_s.Isense & mask) == 0)
                {
                    // Edge interrupt: any edge with IBE, otherwise the edge IEV selects.
                    _s.Istate |= (_s.Ibe & mask) != 0 ? mask : ~(_s.Data ^ _s.Iev) & mask;
                }
            }
        }

        _s.Istate |= ~(_s.Data ^ _s.Iev) & _s.Isense;
        _irq.Set((_s.Istate & _s.Im) != 0);
    }

    private static uint BadOffset(string function, ulong offset)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"{function}: Bad offset {(int)offset:x}");
        }

        return 0;
    }
}
