// Implements: one row of a device's register table: offset, the manual's name, width, reset value,
// access kind, writable-bit mask, optional storage in the device's plain-data state and hooks.
namespace Nemu.Qdev.Registers;

/// <summary>A declared register of a <see cref="RegisterTable{TOwner}"/>.</summary>
public sealed class RegisterDefinition<TOwner>
{
    internal RegisterDefinition(
        ulong offset,
        string name,
        int width,
        RegisterAccess access,
        uint reset,
        uint writeMask,
        RegisterRef<TOwner>? storage,
        RegisterReadHook<TOwner>? readHook,
        RegisterWriteHook<TOwner>? writeHook,
        bool readHasSideEffects)
    {
        Offset = offset;
        Name = name;
        Width = width;
        Access = access;
        Reset = reset;
        WriteMask = writeMask;
        Storage = storage;
        ReadHook = readHook;
        WriteHook = writeHook;
        ReadHasSideEffects = readHasSideEffects;
    }

    /// <summary>Byte offset in the device's region.</summary>
    public ulong Offset { get; }

    /// <summary>The register's name in the device manual (e.g. <c>INTSTATUS</c>).</summary>
    public string Name { get; }

    /// <summary>Width in bytes: 1, 2 or 4.</summary>
    public int Width { get; }

    public RegisterAccess Access { get; }

    public uint Reset { get; }

    /// <summary>The bits a write may change (or clear, for W1C).</summary>
    public uint WriteMask { get; }

    /// <summary>Where the value lives in the device state; null for hook-only or constant registers.</summary>
    public RegisterRef<TOwner>? Storage { get; }

    public RegisterReadHook<TOwner>? ReadHook { get; }

    public RegisterWriteHook<TOwner>? WriteHook { get; }

    /// <summary>True when the read hook changes state (pops a FIFO…); debugger peeks skip it.</summary>
    public bool ReadHasSideEffects { get; }
}
