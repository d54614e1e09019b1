namespace Nemu.System;

/// <summary>
/// A board, as data (QEMU's MachineClass): its name and description for <c>-M help</c>, RAM defaults,
/// and the function that composes its parts into a <see cref="Machine"/>. Boards are compositions, not
/// subclasses of Machine.
/// </summary>
public sealed record MachineType(string Name, string Description, Action<Machine> Init)
{
    /// <summary>RAM size when <c>-m</c> is not given (0: no RAM unless asked for).</summary>
    public ulong DefaultRamSize { get; init; }

    /// <summary>The id of the RAM backend QEMU creates for <c>-m</c> (<c>ram</c>, or e.g. <c>mps.ram</c>).</summary>
    public string DefaultRamId { get; init; } = "ram";

    /// <summary>Marked "(default)" in <c>-M help</c> and used when no -M is given.</summary>
    public bool IsDefault { get; init; }

    /// <summary>The CPU model used without <c>-cpu</c>; null for machines without CPUs.</summary>
    public string? DefaultCpuType { get; init; }

    /// <summary>The board has no serial port, so no default serial backend is created (QEMU's no_serial).</summary>
    public bool NoSerial { get; init; }

    /// <summary>The board has no parallel port, so no default parallel backend is created (QEMU's no_parallel).</summary>
    public bool NoParallel { get; init; }

    /// <summary>Board-specific <c>-machine</c> properties (e.g. virt's <c>highmem</c>), accepted besides the common ones.</summary>
    public IReadOnlyList<string> Properties { get; init; } = [];

    /// <summary>Alternative names accepted by <c>-M</c>.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
