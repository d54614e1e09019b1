// How a stack access made by the exception machinery reports a failure (Armv7-M ARM B1.5.6 PushStack,
// B1.5.7 lazy FP stacking; QEMU's StackingMode of v7m_stack_write, mprofile.md §2.2, seed 000).
namespace Nemu.Arm.Cpu;

/// <summary>What a failed stack write does.</summary>
public enum StackMode
{
    /// <summary>Sets MSTKERR/STKERR and pends the fault as a derived exception.</summary>
    Normal,

    /// <summary>An earlier write of this frame already failed: the fault is neither recorded nor pended again.</summary>
    IgnoreFaults,

    /// <summary>Lazy FP state preservation: sets MLSPERR/LSPERR and pends through the lazy-FP rules.</summary>
    LazyFp,
}
