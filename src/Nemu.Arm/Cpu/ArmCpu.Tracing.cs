// The CPU side of the log items (management.md §8.1): the per-instruction hook behind one flag (_tracing, re-read at
// each slice so HMP "log" changes apply), the block tracer for in_asm/exec/cpu, the semihosting wrapper of the BKPT
// hook ("Taking exception 16 [Semihosting call]") and the bookkeeping that tells an interrupt entry ("Taking
// exception 5 [IRQ]") from one whose cause was already logged when it was raised. A semihosting call ends the slice.
using System.Globalization;
using Nemu.Arm.Exceptions;
using Nemu.Core.Logging;

namespace Nemu.Arm.Cpu;

/// <summary>Tracing and -d int bookkeeping.</summary>
public sealed partial class ArmCpu
{
    private const LogItem BlockItems = LogItem.InAsm | LogItem.Exec | LogItem.Cpu;

    private bool _tracing;
    private Action<ArmCpu, uint>? _traceHook;
    private BlockTracer? _blockTracer;
    private bool _entryCauseLogged;
    private bool _endSlice;
    private uint _faultAddress;
    private Func<ArmCpu, uint, bool>? _breakpointHook;
    private Func<ArmCpu, uint, bool>? _loggedBreakpointHook;

    /// <summary>Called with the PC of every instruction before it executes (debuggers, tests).</summary>
    public Action<ArmCpu, uint>? TraceHook
    {
        get => _traceHook;
        set
        {
            _traceHook = value;
            UpdateTracing();
            _stopSlice |= _slowStep;
        }
    }

    /// <summary>BKPT hook (semihosting): return true when the breakpoint was handled (then execution continues).</summary>
    public Func<ArmCpu, uint, bool>? BreakpointHook
    {
        get => _loggedBreakpointHook;
        set
        {
            _breakpointHook = value;
            _loggedBreakpointHook = value is null ? null : LoggedBreakpoint;
        }
    }

    /// <summary>
    /// QEMU resets each CPU once when it is created, before any image is in memory, so "-d int" starts with
    /// "Loaded reset SP 0x0 PC 0x0 from vector table"; Nemu's CPU is reset only with the machine, so the line of that
    /// creation-time reset is written here from what memory holds now.
    /// </summary>
    private void LogCreationReset()
    {
        if (ExceptionLog.Enabled)
        {
            var vtor = HasSecurityExtension ? InitSvtor & ~0x7Fu : 0;
            _ = ReadVector(vtor, out var sp);
            _ = ReadVector(vtor + 4, out var pc);
            ExceptionLog.Write(string.Create(CultureInfo.InvariantCulture, $"Loaded reset SP 0x{sp:x} PC 0x{pc:x} from vector table"));
        }
    }

    /// <summary>Re-reads whether the per-instruction hook is needed (start of each slice).</summary>
    private void UpdateTracing()
    {
        var blocks = Log.IsEnabled(BlockItems);
        if (blocks && _blockTracer is null)
        {
            _blockTracer = new BlockTracer(this);
        }

        _tracing = TraceHook is not null || blocks;
        UpdateSlowStep();
    }

    /// <summary>The per-instruction hook, reached only when <see cref="_tracing"/> is set.</summary>
    private void OnTrace(uint pc)
    {
        TraceHook?.Invoke(this, pc);
        if (_blockTracer is { } tracer && Log.IsEnabled(BlockItems))
        {
            tracer.BeforeInstruction(pc);
        }
    }

    /// <summary>A fault is being raised: log it as QEMU does and remember that the coming entry is explained.</summary>
    private void OnFaultRaised(int exception, uint cfsrBits)
    {
        _entryCauseLogged = true;

        if (ExceptionLog.Enabled)
        {
            ExceptionLog.FaultRaised(this, exception, cfsrBits, _faultAddress != 0 ? _faultAddress : R[15]);
        }

        _faultAddress = 0;
    }

    /// <summary>An exception entry starts: an asynchronous one (or SVC) is logged here, as QEMU logs it when taken.</summary>
    private void OnExceptionEntry()
    {
        if (_entryCauseLogged)
        {
            _entryCauseLogged = false;
            return;
        }

        if (ExceptionLog.Enabled)
        {
            ExceptionLog.Taking(Nvic.VectPending == ExceptionNumber.SvCall ? ExceptionLog.ExcpSwi : ExceptionLog.ExcpIrq);
        }
    }

    private bool LoggedBreakpoint(ArmCpu cpu, uint imm)
    {
        var r0 = R[0];
        if (_breakpointHook is not { } hook)
        {
            return false;
        }

        if (imm == 0xAB && ExceptionLog.Enabled)
        {
            // QEMU logs before the call runs; the call's own output goes elsewhere, so logging first is safe only when
            // the hook will handle it, which it decides. Log first and accept a spurious pair for a refused BKPT #0xAB.
            ExceptionLog.Taking(ExceptionLog.ExcpSemihost);
            Log.Write(LogItem.Int, string.Create(CultureInfo.InvariantCulture, $"...handling as semihosting call 0x{r0:x}"));
        }

        if (!hook(cpu, imm))
        {
            return false;
        }

        // A semihosting call leaves QEMU's CPU loop (it is an exception); ending the slice lets an exit request
        // take effect before the guest runs on.
        _endSlice = true;
        _stopSlice = true;
        return true;
    }
}
