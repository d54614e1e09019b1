// Implements: management.md §7 and mprofile.md §6.2 — Arm semihosting as QEMU's semihosting/arm-compat-semi.c
// serves it for an AArch32 M-profile CPU with target=native; behaviour as QEMU 7.2 shows it [7.2 observed,
// recorded in tests/Nemu.Semihosting.Tests/Recordings]. Called by the CPU on BKPT #0xAB when
// SemihostingSettings.AppliesTo(privileged); r0 = operation, r1 = parameter block or value, result in r0.
// QEMU 7.2 behaviours kept: SYS_READ/SYS_WRITE never update SYS_ERRNO (common_semi_rw_cb ignores the error);
// writes of results to guest memory never fail (7.2's softmmu put_user/lock_user(VERIFY_WRITE) ignore bad
// addresses), while reads of parameter blocks, names and buffers fault with -1/EFAULT; errno is only changed by
// a failing call; SYS_WRITEC/SYS_WRITE0 return 0xdeadbeef.
// Deviations (documented in docs/deviations.md by the integrator): an unsupported operation prints QEMU's
// "qemu: Unsupported SemiHosting SWI 0xNN" and register dump, then requests exit status 1 instead of abort()
// (status 134); SYS_ELAPSED and SYS_CLOCK count the machine's virtual clock from construction (QEMU: host
// monotonic time and process CPU time), so -icount runs are reproducible; SYS_READC without chardev= reads the
// host stdin (QEMU 7.2 waits forever) and does not store the byte below SP as QEMU 10 does.
// Not modelled: target=gdb (served natively), A64 forms (64-bit blocks, SYS_SYNCCACHE).
using System.Buffers.Binary;
using System.Text;

namespace Nemu.Semihosting;

/// <summary>
/// The Arm-compatible semihosting service of one machine: a guest fd table, the debug console and the errno
/// the guest reads back. Loop thread only.
/// </summary>
public sealed partial class ArmSemihosting : IDisposable
{
    /// <summary>SYS_TICKFREQ: QEMU counts in nanoseconds.</summary>
    public const uint TickFrequency = 1_000_000_000;

    private static readonly byte[] FeatureFile = [(byte)'S', (byte)'H', (byte)'F', (byte)'B', 0x03];

    private readonly SemihostingEnvironment _env;
    private readonly GuestFdTable _fds = new();
    private readonly long _startNs;
    private ISemihostingTarget _target = null!;
    private uint _args;
    private bool _exitRequested;

    public ArmSemihosting(SemihostingSettings settings, SemihostingEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        Settings = settings;
        _env = environment;
        _startNs = environment.Clock.NowNs;
        Console = new SemihostingConsole(environment.ConsoleChardev, environment.Stdio);
    }

    /// <summary>Raised (on the main loop) when console input arrives: a CPU that got <see cref="SemihostingOutcome.WaitForInput"/> re-executes its BKPT.</summary>
    public event Action? InputAvailable
    {
        add => Console.InputAvailable += value;
        remove => Console.InputAvailable -= value;
    }

    public SemihostingSettings Settings { get; }

    /// <summary>The debug console (SYS_WRITEC, SYS_WRITE0, SYS_READC).</summary>
    public SemihostingConsole Console { get; }

    /// <summary>The guest's file descriptors.</summary>
    public GuestFdTable Files => _fds;

    /// <summary>What SYS_ERRNO returns: the errno of the last failing call (0 before any).</summary>
    public int LastErrno { get; private set; }

    /// <summary>Whether a BKPT #0xAB at this privilege is a semihosting call (otherwise it is a normal breakpoint).</summary>
    public bool AppliesTo(bool privileged) => Settings.AppliesTo(privileged);

    /// <summary>
    /// Serves the call in r0/r1 of <paramref name="target"/> and puts the result in r0. After an exit request every
    /// call returns <see cref="SemihostingOutcome.Stopped"/> and does nothing, as nothing runs after QEMU's exit().
    /// </summary>
    public SemihostingOutcome Handle(ISemihostingTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_exitRequested)
        {
            // QEMU's exit() ends the process inside the exiting call; a CPU that runs on until the main loop
            // quits must not make a second call (libgloss's _kill_shared follows SYS_EXIT_EXTENDED with SYS_EXIT,
            // whose r1 would then be read as a parameter block and turn exit status 3 into 1).
            return SemihostingOutcome.Stopped;
        }

        _target = target;
        var op = target.GetRegister(0);
        _args = target.GetRegister(1);
        switch (op)
        {
            case SemihostingOperation.SysOpen: Open(); break;
            case SemihostingOperation.SysClose: Close(); break;
            case SemihostingOperation.SysWriteC: WriteC(); break;
            case SemihostingOperation.SysWrite0: Write0(); break;
            case SemihostingOperation.SysWrite: Write(); break;
            case SemihostingOperation.SysRead: Read(); break;
            case SemihostingOperation.SysReadC: return ReadC();
            case SemihostingOperation.SysIsError: IsError(); break;
            case SemihostingOperation.SysIsTty: IsTty(); break;
            case SemihostingOperation.SysSeek: Seek(); break;
            case SemihostingOperation.SysFlen: Flen(); break;
            case SemihostingOperation.SysTmpNam: TmpNam(); break;
            case SemihostingOperation.SysRemove: Remove(); break;
            case SemihostingOperation.SysRename: Rename(); break;
            case SemihostingOperation.SysClock: SetResult((uint)(ElapsedNs() / 10_000_000)); break;
            case SemihostingOperation.SysTime: SetResult((uint)(_env.HostTime.WallClockNs / 1_000_000_000)); break;
            case SemihostingOperation.SysSystem: RunSystem(); break;
            case SemihostingOperation.SysErrno: SetResult((uint)LastErrno); break;
            case SemihostingOperation.SysGetCmdline: GetCmdline(); break;
            case SemihostingOperation.SysHeapInfo: HeapInfo(); break;
            case SemihostingOperation.SysExit: return Exit(_args == SemihostingOperation.AdpStoppedApplicationExit ? 0 : 1);
            case SemihostingOperation.SysExitExtended: return ExitExtended();
            case SemihostingOperation.SysElapsed: Elapsed(); break;
            case SemihostingOperation.SysTickFreq: SetResult(TickFrequency); break;
            default: return Unsupported(op);
        }

        return SemihostingOutcome.Completed;
    }

    public void Dispose()
    {
        foreach (var fd in _fds.Open)
        {
            fd.Handle?.Dispose();
        }

        if (_env.ConsoleChardev is { } chardev)
        {
            chardev.Detach(Console);
        }
    }

    private long ElapsedNs() => _env.Clock.NowNs - _startNs;

    private void SetResult(uint value) => _target.SetRegister(0, value);

    /// <summary>common_semi_cb: the result, and errno when the call failed.</summary>
    private void Complete(long value, int errno)
    {
        if (errno != 0)
        {
            LastErrno = errno;
        }

        SetResult((uint)value);
    }

    private void Fail(int errno) => Complete(-1, errno);

    private void WriteC()
    {
        Span<byte> c = stackalloc byte[1];
        if (_target.ReadMemory(_args, c))
        {
            Console.Write(c);
        }

        SetResult(SemihostingOperation.NoResult);
    }

    private void Write0()
    {
        if (TryReadCString(_args, out var text))
        {
            Console.Write(text);
        }

        SetResult(SemihostingOperation.NoResult);
    }

    private SemihostingOutcome ReadC()
    {
        if (!Console.TryRead(out var value))
        {
            return SemihostingOutcome.WaitForInput;
        }

        SetResult((uint)value);
        return SemihostingOutcome.Completed;
    }

    private void IsError()
    {
        if (!TryArg(0, out var value))
        {
            Fail(SemihostingErrno.EFault);
            return;
        }

        SetResult((int)value < 0 ? 1u : 0u);
    }

    private void GetCmdline()
    {
        if (!TryArg(0, out var buffer) || !TryArg(1, out var size))
        {
            Fail(SemihostingErrno.EFault);
            return;
        }

        var text = Encoding.UTF8.GetBytes(Settings.CommandLine ?? string.Empty);
        if ((ulong)text.Length + 1 > size)
        {
            Fail(SemihostingErrno.E2Big);
            return;
        }

        PutWord(_args + 4, (uint)text.Length);
        var output = new byte[text.Length + 1];
        text.CopyTo(output, 0);
        _target.WriteMemory(buffer, output);
        Complete(0, 0);
    }

    private void HeapInfo()
    {
        if (!TryArg(0, out var block))
        {
            Fail(SemihostingErrno.EFault);
            return;
        }

        var layout = _env.MemoryLayout is { } m ? HeapLayout.Compute(m.GetWritableRamRanges(), m.GetRomBlobs()) : default;
        PutWord(block, (uint)layout.HeapBase);
        PutWord(block + 4, (uint)layout.HeapLimit);
        PutWord(block + 8, (uint)layout.StackBase);
        PutWord(block + 12, (uint)layout.StackLimit);
        SetResult(0);
    }

    private void Elapsed()
    {
        var ns = ElapsedNs();
        PutWord(_args, (uint)ns);
        PutWord(_args + 4, (uint)(ns >> 32));
        SetResult(0);
    }

    private SemihostingOutcome ExitExtended()
    {
        if (!TryArg(0, out var reason) || !TryArg(1, out var code))
        {
            Fail(SemihostingErrno.EFault);
            return SemihostingOutcome.Completed;
        }

        return Exit(reason == SemihostingOperation.AdpStoppedApplicationExit ? (int)code : 1);
    }

    private SemihostingOutcome Exit(int status)
    {
        _exitRequested = true;
        _env.RequestExit(status);
        return SemihostingOutcome.Stopped;
    }

    private SemihostingOutcome Unsupported(uint op)
    {
        var message = $"qemu: Unsupported SemiHosting SWI 0x{op:x2}\n" + _target.DumpState();
        _env.Stdio.Error.Write(Encoding.UTF8.GetBytes(message));
        _env.Stdio.Error.Flush();
        return Exit(1);
    }

    /// <summary>GET_ARG(n): word n of the parameter block.</summary>
    private bool TryArg(int n, out uint value)
    {
        Span<byte> word = stackalloc byte[4];
        if (!_target.ReadMemory(_args + (uint)(n * 4), word))
        {
            value = 0;
            return false;
        }

        value = BinaryPrimitives.ReadUInt32LittleEndian(word);
        return true;
    }

    /// <summary>put_user_u32 as in QEMU 7.2: a write that fails is ignored.</summary>
    private void PutWord(uint address, uint value)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(word, value);
        _target.WriteMemory(address, word);
    }

    /// <summary>target_strlen + copy: the bytes before the NUL at <paramref name="address"/>; false if unreadable.</summary>
    private bool TryReadCString(uint address, out byte[] text)
    {
        var bytes = new List<byte>();
        Span<byte> c = stackalloc byte[1];
        while (true)
        {
            if (!_target.ReadMemory(address + (uint)bytes.Count, c))
            {
                text = [];
                return false;
            }

            if (c[0] == 0)
            {
                text = [.. bytes];
                return true;
            }

            bytes.Add(c[0]);
        }
    }
}
