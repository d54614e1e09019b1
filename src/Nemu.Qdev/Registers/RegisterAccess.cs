// Implements: register access kinds as device manuals name them (and Renode's register DSL / QEMU's
// register API: ro, w1c, wo masks in hw/core/register.c).
namespace Nemu.Qdev.Registers;

/// <summary>How guest writes and reads affect a register.</summary>
public enum RegisterAccess : byte
{
    /// <summary>Reads return the value; writes store the writable bits.</summary>
    ReadWrite,

    /// <summary>Reads return the value; writes are ignored and logged as guest errors.</summary>
    ReadOnly,

    /// <summary>Writing 1 to a writable bit clears it; writing 0 leaves it (interrupt status registers).</summary>
    WriteOneToClear,

    /// <summary>Writes store the writable bits; reads return 0 and are logged as guest errors.</summary>
    WriteOnly,
}
