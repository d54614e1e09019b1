// Implements: QEMU 7.2's stellaris-sys (hw/arm/stellaris.c "System controller"; mprofile.md §6.9; TI LM3S6965
// data sheet "System Control"): DID0/DID1/DC0-4/USER0/1 from properties, PBORCTL, LDOPCTL, SRCR0-2 (RAZ,
// writes logged unimplemented), RIS/IMC/MISC (PLL-lock interrupt bit 6 on clearing PWRDN), RESC, RCC, PLLCFG
// (table by crystal and device class), RCC2 (ignored on Sandstorm-class parts), RCGC/SCGC/DCGC0-2, CLKVCLR,
// LDOARST; the SYSCLK output clock, period 5 ns * (SYSDIV + 1) from RCC or (USERCC2) RCC2.
// Not modelled: QEMU keeps the registers its reset does not name across a reset; here every register
// takes its reset value. An unknown DID0 class aborts QEMU; here it reads as Sandstorm.
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Hw.Misc;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Stellaris;

/// <summary>QEMU's <c>stellaris-sys</c>: the LM3S system control block and the source of SYSCLK.</summary>
public sealed class StellarisSys : SysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "stellaris-sys";

    private static readonly ushort[] PllCfgSandstorm =
        [0x31c0, 0x1ae0, 0x18c0, 0xd573, 0x37a6, 0x1ae2, 0x0c40, 0x98bc, 0x935b, 0x09c0, 0x4dee, 0x0c41, 0x75db, 0x1ae6, 0x0600, 0x585b];

    private static readonly ushort[] PllCfgFury =
        [0x3200, 0x1b20, 0x1900, 0xf42b, 0x37e3, 0x1b21, 0x0c80, 0x98ee, 0xd5b4, 0x0a00, 0x4e27, 0x1902, 0xec1c, 0x1b23, 0x0640, 0xb11c];

    public static readonly StateDescription<StellarisSysState> Vmsd =
        StateDescription<StellarisSysState>.Builder("stellaris_sys", 2, 1)
            .UInt32("pborctl", s => ref s.PborCtl, 0x7ffd)
            .UInt32("ldopctl", s => ref s.LdoPCtl)
            .UInt32("int_mask", s => ref s.IntMask)
            .UInt32("int_status", s => ref s.IntStatus)
            .UInt32("resc", s => ref s.Resc)
            .UInt32("rcc", s => ref s.Rcc, 0x078e3ac0)
            .UInt32("rcc2", s => ref s.Rcc2, sinceVersion: 2)
            .UInt32Array("rcgc", s => s.Rcgc, 3)
            .UInt32Array("scgc", s => s.Scgc, 3)
            .UInt32Array("dcgc", s => s.Dcgc, 3)
            .UInt32("clkvclr", s => ref s.ClkVClr)
            .UInt32("ldoarst", s => ref s.LdoArst)
            .PostLoad((s, _) => s.Loaded?.Invoke())
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new StellarisSys())
            .Parent(SysBusDevice.TypeName)
            .UInt32("user0", d => ref d._user0)
            .UInt32("user1", d => ref d._user1)
            .UInt32("did0", d => ref d._did0)
            .UInt32("did1", d => ref d._did1)
            .UInt32("dc0", d => ref d._dc0)
            .UInt32("dc1", d => ref d._dc1)
            .UInt32("dc2", d => ref d._dc2)
            .UInt32("dc3", d => ref d._dc3)
            .UInt32("dc4", d => ref d._dc4)
            .Build();

    private readonly StellarisSysState _s = new();
    private readonly IrqLine _irq;
    private uint _user0, _user1, _did0, _did1, _dc0, _dc1, _dc2, _dc3, _dc4;

    public StellarisSys()
    {
        InitMmio(MemoryRegion.CreateIo("ssys", 0x1000, this, this));
        _irq = InitIrq();
        _s.Loaded = CalculateSystemClock;
        InitState(Vmsd, _s);
    }

    /// <summary>The SYSCLK output; connect GPTM/UART/SysTick clock inputs to it.</summary>
    public DeviceClock Sysclk { get; } = new("SYSCLK");

    public AccessConstraints Constraints => AccessConstraints.Default;

    public StellarisSysState State => _s;

    private bool IsFury => (_did0 & 0x70000000) == 0x10000000 && (_did0 & 0x00ff0000) == 0x00010000;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = offset switch
        {
            0x000 => _did0,
            0x004 => _did1,
            0x008 => _dc0,
            0x010 => _dc1,
            0x014 => _dc2,
            0x018 => _dc3,
            0x01c => _dc4,
            0x030 => _s.PborCtl,
            0x034 => _s.LdoPCtl,
            0x040 or 0x044 or 0x048 => 0,
            0x050 => _s.IntStatus,
            0x054 => _s.IntMask,
            0x058 => _s.IntStatus & _s.IntMask,
            0x05c => _s.Resc,
            0x060 => _s.Rcc,
            0x064 => (IsFury ? PllCfgFury : PllCfgSandstorm)[(_s.Rcc >> 6) & 0xf],
            0x070 => _s.Rcc2,
            0x100 or 0x104 or 0x108 => _s.Rcgc[(offset - 0x100) / 4],
            0x110 or 0x114 or 0x118 => _s.Scgc[(offset - 0x110) / 4],
            0x120 or 0x124 or 0x128 => _s.Dcgc[(offset - 0x120) / 4],
            0x150 => _s.ClkVClr,
            0x160 => _s.LdoArst,
            0x1e0 => _user0,
            0x1e4 => _user1,
            _ => BadRead(offset),
        };
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var v = (uint)value;
        switch (offset)
        {
            case 0x030: _s.PborCtl = v & 0xffff; break;
            case 0x034: _s.LdoPCtl = v & 0x1f; break;
            case 0x040 or 0x044 or 0x048:
                if (Log.IsEnabled(LogItem.Unimp))
                {
                    Log.Write(LogItem.Unimp, "Peripheral reset not implemented");
                }

                break;
            case 0x054: _s.IntMask = v & 0x7f; break;
            case 0x058: _s.IntStatus &= ~v; break;
            case 0x05c: _s.Resc = v & 0x3f; break;
            case 0x060:
                if ((_s.Rcc & (1 << 13)) != 0 && (v & (1 << 13)) == 0)
                {
                    // Clearing PWRDN starts the PLL; QEMU reports it locked at once.
                    _s.IntStatus |= 1 << 6;
                }

                _s.Rcc = v;
                CalculateSystemClock();
                break;
            case 0x070:
                if (!IsFury)
                {
                    break;
                }

                if ((_s.Rcc2 & (1 << 13)) != 0 && (v & (1 << 13)) == 0)
                {
                    _s.IntStatus |= 1 << 6;
                }

                _s.Rcc2 = v;
                CalculateSystemClock();
                break;
            case 0x100 or 0x104 or 0x108: _s.Rcgc[(offset - 0x100) / 4] = v; break;
            case 0x110 or 0x114 or 0x118: _s.Scgc[(offset - 0x110) / 4] = v; break;
            case 0x120 or 0x124 or 0x128: _s.Dcgc[(offset - 0x120) / 4] = v; break;
            case 0x150: _s.ClkVClr = v; break;
            case 0x160: _s.LdoArst = v; break;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"SSYS: write at bad offset 0x{(int)offset:x}");
                }

                break;
        }

        Update();
        return MemTxResult.Ok;
    }

    protected override void OnReset()
    {
        _s.Rcc2 = IsFury ? 0x07802810u : 0;
        _s.Rcgc[0] = 1;
        _s.Scgc[0] = 1;
        _s.Dcgc[0] = 1;
        CalculateSystemClock();
        Update();
    }

    private static uint BadRead(ulong offset)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"SSYS: read at bad offset 0x{(int)offset:x}");
        }

        return 0;
    }

    /// <summary>SYSDIV divides the 200 MHz PLL output: the period is 5 ns times (SYSDIV + 1).</summary>
    private void CalculateSystemClock()
    {
        var periodNs = (_s.Rcc2 >> 31) != 0
            ? 5 * (((_s.Rcc2 >> 23) & 0x3f) + 1)
            : 5 * (((_s.Rcc >> 23) & 0xf) + 1);
        Sysclk.SetNs(periodNs);
    }

    private void Update() => _irq.Set((_s.IntStatus & _s.IntMask) != 0);
}
