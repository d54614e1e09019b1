// Implements: QEMU 7.2 hw/rtc/pl031.c (Arm PrimeCell RTC PL031, DDI0224): RTCDR = seconds since the epoch from the
// host clock plus an offset (QEMU's default rtc clock=host; the offset starts at 0 so DR follows the host's UTC
// time), RTCMR (match: the interrupt latches when the count reaches it, through a host-clock timer), RTCLR
// (load: sets the count; reads the last value loaded, as in QEMU 7.2.22 with the stable fix), RTCCR (reads 1,
// writes ignored: the RTC is always enabled), RTCIMSC (bit 0), RTCRIS, RTCMIS, RTCICR (any write clears the
// interrupt), the PrimeCell IDs at 0xFE0-0xFFC (0x31 0x10 0x14 0x00 0x0d 0xf0 0x05 0xb1), the guest_errors texts
// and the migrate-tick-offset property.
// Not modelled: -rtc base=/clock= options (the count always starts from host UTC), the RTC_CHANGE QMP event.
// Migration keeps QEMU's v1 layout but, without QEMU's virtual-clock rebasing, tick_offset_vmstate carries the
// plain offset.
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Core.Time;
using Nemu.Hw.Misc;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Timer;

/// <summary>QEMU's <c>pl031</c> real-time clock.</summary>
public sealed class Pl031 : HwSysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "pl031";

    public const int DrOffset = 0x00;
    public const int MrOffset = 0x04;
    public const int LrOffset = 0x08;
    public const int CrOffset = 0x0c;
    public const int ImscOffset = 0x10;
    public const int RisOffset = 0x14;
    public const int MisOffset = 0x18;
    public const int IcrOffset = 0x1c;

    private const long NsPerSecond = 1_000_000_000;

    /// <summary>PeriphID0-3, PCellID0-3 at 0xFE0-0xFFC.</summary>
    public static readonly byte[] Ids = [0x31, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

    private static readonly StateDescription<Pl031State> TickOffsetVmsd =
        StateDescription<Pl031State>.Builder("pl031/tick-offset", 1, 1)
            .UInt32("tick_offset", s => ref s.TickOffset)
            .Build();

    public static readonly StateDescription<Pl031State> Vmsd =
        StateDescription<Pl031State>.Builder(TypeName, 1, 1)
            .UInt32("tick_offset_vmstate", s => ref s.TickOffsetVmstate)
            .UInt32("mr", s => ref s.Mr)
            .UInt32("lr", s => ref s.Lr)
            .UInt32("cr", s => ref s.Cr)
            .UInt32("im", s => ref s.Im)
            .UInt32("is", s => ref s.Is)
            .Subsection(TickOffsetVmsd, s => s.MigrateTickOffset)
            .PreSave(s => s.TickOffsetVmstate = s.TickOffset)
            .PostLoad((s, _) => s.TickOffset = s.MigrateTickOffset ? s.TickOffset : s.TickOffsetVmstate)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new Pl031())
            .Parent(SysBusDevice.TypeName)
            .Bool("migrate-tick-offset", d => ref d._migrateTickOffset, true)
            .Build();

    private readonly Pl031State _s = new();
    private readonly IrqLine _irq;
    private bool _migrateTickOffset = true;
    private ClockTimer? _alarm;

    private Pl031()
    {
        InitMmio(MemoryRegion.CreateIo(TypeName, 0x1000, this, this));
        _irq = InitIrq();
        InitState(Vmsd, _s);
    }

    public AccessConstraints Constraints => AccessConstraints.Default;

    /// <summary>The live state (read-only use in tests).</summary>
    public Pl031State State => _s;

    /// <summary>pl031_get_count: the RTC value in seconds.</summary>
    public uint Count => unchecked(_s.TickOffset + (uint)(Time.Host.NowNs / NsPerSecond));

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = offset switch
        {
            >= 0xfe0 and < 0x1000 => Ids[(offset - 0xfe0) >> 2],
            DrOffset => Count,
            MrOffset => _s.Mr,
            ImscOffset => _s.Im,
            RisOffset => _s.Is,
            LrOffset => _s.Lr,
            CrOffset => 1,
            MisOffset => _s.Is & _s.Im,
            _ => BadRead(offset),
        };
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var v = (uint)value;
        switch (offset)
        {
            case LrOffset:
                _s.Lr = v;
                _s.TickOffset = unchecked(_s.TickOffset + (v - Count));
                SetAlarm();
                break;
            case MrOffset:
                _s.Mr = v;
                SetAlarm();
                break;
            case ImscOffset:
                _s.Im = v & 1;
                Update();
                break;
            case IcrOffset:
                // DDI0224B says bit 0 clears; QEMU follows the ARM926 documents: any write clears.
                _s.Is = 0;
                Update();
                break;
            case CrOffset:
                break;
            case DrOffset or MisOffset or RisOffset:
                GuestError($"pl031: write to read-only register at offset 0x{(int)offset:x}");
                break;
            default:
                GuestError($"pl031_write: Bad offset 0x{(int)offset:x}");
                break;
        }

        return MemTxResult.Ok;
    }

    protected override void OnRealize()
    {
        _s.MigrateTickOffset = _migrateTickOffset;
        _alarm = Time.CreateTimer(ClockType.Host, "pl031", Interrupt);
    }

    protected override void OnReset()
    {
        // QEMU has no reset handler: the offset chosen at creation stays. Nemu's state reset zeroes it, which is
        // the same count for an unchanged host clock (offset 0 = host UTC).
        _s.MigrateTickOffset = _migrateTickOffset;
        _alarm?.Cancel();
        Update();
    }

    private uint BadRead(ulong offset)
    {
        GuestError(offset == IcrOffset
            ? $"pl031: read of write-only register at offset 0x{(int)offset:x}"
            : $"pl031_read: Bad offset 0x{(int)offset:x}");
        return 0;
    }

    /// <summary>pl031_set_alarm: fire now when the match equals the count, else when it will (modulo 2^32 s).</summary>
    private void SetAlarm()
    {
        var ticks = unchecked(_s.Mr - Count);
        if (ticks == 0)
        {
            _alarm?.Cancel();
            Interrupt();
        }
        else
        {
            _alarm?.Modify(Time.Host.NowNs + ((long)ticks * NsPerSecond));
        }
    }

    private void Interrupt()
    {
        _s.Is = 1;
        Update();
    }

    private void Update() => _irq.Set((_s.Is & _s.Im) != 0);

    private static void GuestError(string message)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, message);
        }
    }
}
