namespace Nemu.Testing.Qtest;

/// <summary>Which emulator a <see cref="QtestClient"/> drives.</summary>
public enum QtestTarget
{
    /// <summary>The machine built by Nemu's start-up sequence inside the test process (fast; no sockets).</summary>
    NemuInProcess,

    /// <summary>nemu-system-arm as a child process, as libqtest starts QEMU.</summary>
    Nemu,

    /// <summary>qemu-system-arm from PATH (the reference).</summary>
    Qemu,
}
