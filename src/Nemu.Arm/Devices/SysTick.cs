// SysTick (Armv7-M ARM B3.3; QEMU hw/timer/armv7m_systick.c; mprofile.md §4.6): CSR/RVR/CVR/CALIB on a Ptimer with
// QEMU's policy (wrap after one period, no counter round-down, no immediate reload, trigger only on decrement: the
// first interrupt after enabling with CVR=0 comes RVR+1 ticks later, checked against qemu-system-arm). Reaching 0
// sets COUNTFLAG and, with TICKINT, pends the SysTick exception; RVR=0 stops it after expiry. CLKSOURCE=0 selects
// the board's reference clock (forced to 1 when there is none); CALIB reports TENMS from it or NOREF.
// Word accesses only; unprivileged accesses are bus errors. With the v8-M Security Extension each security state
// has its own instance pending its own bank's SysTick exception (QEMU's systick[M_REG_NS/M_REG_S] and the
// "systick-trigger" inputs); SysTickRouter picks the instance by the access's security.
using Nemu.Arm.Exceptions;
using Nemu.Core;
using Nemu.Core.Time;
using Nemu.Memory;
using Nemu.Qdev.Registers;

namespace Nemu.Arm.Devices;

/// <summary>The SysTick timer of one CPU.</summary>
public sealed class SysTick : IMemoryRegionOps
{
    private const uint Enable = 1, TickInt = 2, ClkSource = 4, CountFlag = 1 << 16;

    private static readonly RegisterTable<SysTick> Table = RegisterTable<SysTick>.Builder("v7m_systick", 0xE0)
        .Register(0x0, "CSR", RegisterAccess.ReadWrite, read: static (s, _) => s.ReadCsr(), write: static (s, v, _) => s.WriteCsr(v), readHasSideEffects: true)
        .Register(0x4, "RVR", RegisterAccess.ReadWrite, read: static (s, _) => s.Rvr, write: static (s, v, _) => s.WriteRvr(v))
        .Register(0x8, "CVR", RegisterAccess.ReadWrite, read: static (s, _) => s.ReadCvr(), write: static (s, _, _) => s.WriteCvr())
        .Register(0xC, "CALIB", RegisterAccess.ReadOnly, read: static (s, _) => s.Calib)
        .Build();

    private readonly Nvic _nvic;
    private readonly bool _secure;
    private readonly Ptimer _timer;
    private readonly RegisterBlock<SysTick> _registers;
    private uint _csr;

    public SysTick(Nvic nvic, MachineTime time, uint cpuClockHz, uint refClockHz)
        : this(nvic, time, cpuClockHz, refClockHz, secure: false)
    {
    }

    /// <summary>A SysTick that pends the <paramref name="secure"/> bank's SysTick exception (v8-M Security Extension).</summary>
    public SysTick(Nvic nvic, MachineTime time, uint cpuClockHz, uint refClockHz, bool secure)
    {
        ArgumentNullException.ThrowIfNull(nvic);
        _nvic = nvic;
        _secure = secure;
        CpuClockHz = cpuClockHz;
        RefClockHz = refClockHz;
        _timer = new Ptimer(time, "v7m_systick", Expired, PtimerPolicy.WrapAfterOnePeriod | PtimerPolicy.NoCounterRoundDown
            | PtimerPolicy.NoImmediateReload | PtimerPolicy.TriggerOnlyOnDecrement);
        _registers = Table.Bind(this);
        Reset();
    }

    /// <summary>True for the Secure instance (it pends the Secure SysTick exception).</summary>
    public bool Secure => _secure;

    public uint CpuClockHz { get; }

    public uint RefClockHz { get; }

    public uint Rvr { get; private set; }

    /// <summary>CALIB: NOREF without a reference clock, else TENMS = ticks in 10 ms - 1 (SKEW if inexact).</summary>
    public uint Calib => RefClockHz == 0 ? 1u << 31 : ((RefClockHz / 100) - 1) | (RefClockHz % 100 != 0 ? 1u << 30 : 0);

    public AccessConstraints Constraints { get; } = new()
    {
        ValidMinAccessSize = 4,
        ValidMaxAccessSize = 4,
        ImplMinAccessSize = 4,
        ImplMaxAccessSize = 4,
    };

    public void Reset()
    {
        _timer.BeginTransaction();
        _timer.Stop();
        _csr = RefClockHz == 0 ? ClkSource : 0;
        Rvr = 0;
        _timer.SetCount(0);
        _timer.SetLimit(0, reload: false);
        ApplyClock();
        _timer.CommitTransaction();
    }

    /// <summary>Captures CSR, RVR and the ptimer into <paramref name="s"/>.</summary>
    public void SaveState(SysTickState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.Control = _csr;
        s.Reload = Rvr;
        s.Timer.CopyFrom(_timer.SaveState());
    }

    /// <summary>Writes <paramref name="s"/> into the live SysTick (re-arming its timer as saved).</summary>
    public void LoadState(SysTickState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Reload > 0xFFFFFF || (s.Control & ~(Enable | TickInt | ClkSource | CountFlag)) != 0)
        {
            throw new Nemu.Core.State.StateLoadException($"armv7m_systick: invalid control 0x{s.Control:x} or reload 0x{s.Reload:x}");
        }

        _csr = s.Control;
        Rvr = s.Reload;
        _timer.LoadState(s.Timer.ToPtimerState());
    }

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        if (attrs.User)
        {
            value = 0;
            return MemTxResult.Error;
        }

        return _registers.Read(offset, size, attrs, out value);
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs) =>
        attrs.User ? MemTxResult.Error : _registers.Write(offset, value, size, attrs);

    private uint ReadCsr()
    {
        var value = _csr;
        _csr &= ~CountFlag;
        return value;
    }

    private void WriteCsr(uint value)
    {
        var old = _csr;
        _csr = (_csr & CountFlag) | (value & (Enable | TickInt | ClkSource));
        if (RefClockHz == 0)
        {
            _csr |= ClkSource;
        }

        _timer.BeginTransaction();
        if (((old ^ _csr) & ClkSource) != 0)
        {
            ApplyClock();
        }

        if (((old ^ _csr) & Enable) != 0)
        {
            if ((_csr & Enable) != 0)
            {
                _timer.Run(oneshot: false);
            }
            else
            {
                _timer.Stop();
            }
        }

        _timer.CommitTransaction();
    }

    private void WriteRvr(uint value)
    {
        Rvr = value & 0xFFFFFF;
        _timer.BeginTransaction();
        _timer.SetLimit(Rvr, reload: false);
        _timer.CommitTransaction();
    }

    private uint ReadCvr() => (uint)_timer.GetCount();

    private void WriteCvr()
    {
        _timer.BeginTransaction();
        if (Rvr == 0)
        {
            _timer.Stop();
        }

        _timer.SetCount(0);
        _csr &= ~CountFlag;
        _timer.CommitTransaction();
    }

    private void ApplyClock()
    {
        var hz = (_csr & ClkSource) != 0 ? CpuClockHz : RefClockHz;
        if (hz != 0)
        {
            _timer.SetFrequency(hz);
        }
    }

    // Runs inside the ptimer's transaction.
    private void Expired()
    {
        _csr |= CountFlag;
        if ((_csr & TickInt) != 0)
        {
            _nvic.SetPending(ExceptionNumber.SysTick, _secure);
        }

        if (Rvr == 0)
        {
            _timer.Stop();
        }
    }
}
