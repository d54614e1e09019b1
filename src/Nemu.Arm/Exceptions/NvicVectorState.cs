// One exception's migratable record, QEMU 7.2 hw/intc/armv7m_nvic.c vmstate_VecInfo ("armv7m_nvic_info" v1:
// prio int16, enabled, pending, active, level as u8).
using Nemu.Core.State;

namespace Nemu.Arm.Exceptions;

/// <summary>Migratable form of one <see cref="NvicVector"/>.</summary>
public sealed class NvicVectorState
{
    public static readonly StateDescription<NvicVectorState> Vmsd =
        StateDescription<NvicVectorState>.Builder("armv7m_nvic_info", 1, 1)
            .Int16("prio", s => ref s.Priority)
            .Bool("enabled", s => ref s.Enabled)
            .Bool("pending", s => ref s.Pending)
            .Bool("active", s => ref s.Active)
            .Bool("level", s => ref s.Level)
            .Build();

    public short Priority;
    public bool Enabled;
    public bool Pending;
    public bool Active;
    public bool Level;
}
