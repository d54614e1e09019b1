namespace Nemu.Core.Debug;

/// <summary>QEMU's SSTEP_* flags (gdbstub qqemu.sstepbits): what a single step suppresses.</summary>
[Flags]
public enum StepFlags
{
    None = 0,

    /// <summary>SSTEP_NOIRQ: no interrupt or exception entry is taken for a pending interrupt during the step.</summary>
    NoIrq = 2,

    /// <summary>SSTEP_NOTIMER: virtual time does not advance, so no timer fires during the step.</summary>
    NoTimer = 4,

    /// <summary>QEMU's default (SSTEP_ENABLE|SSTEP_NOIRQ|SSTEP_NOTIMER without the enable bit).</summary>
    Default = NoIrq | NoTimer,
}
