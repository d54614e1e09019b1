namespace Nemu.Core;

/// <summary>
/// Outcome of a bus transaction (QEMU's MEMTX_*). A CPU turns a non-OK result into a bus fault;
/// it is a value, never an exception, so guest faults do not unwind the host stack.
/// </summary>
public enum MemTxResult : byte
{
    /// <summary>The access completed.</summary>
    Ok = 0,

    /// <summary>The slave reported an error (e.g. a blocked re-entrant access, a security violation).</summary>
    Error = 1,

    /// <summary>Nothing decodes the address, or the region rejected the access size/alignment.</summary>
    DecodeError = 2,

    /// <summary>The access was refused (e.g. re-entrant I/O into the same device).</summary>
    AccessError = 3,
}
