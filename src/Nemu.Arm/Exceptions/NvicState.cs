// The migratable NVIC and SCB state, modelled on QEMU 7.2 hw/intc/armv7m_nvic.c vmstate_nvic ("armv7m_nvic":
// vectors[NVIC_MAX_VECTORS] of VecInfo, prigroup) plus the SCB registers QEMU keeps in the CPU's "cpu/m"
// subsection (vecbase = VTOR, ccr, cfsr, hfsr, dfsr, mmfar, bfar) and SCR; version 2 adds CSSELR (QEMU's
// "cpu/m/csselr" subsection). After a load the pending/priority
// caches are rebuilt (QEMU's nvic_post_load calls nvic_recompute_state). The banked registers here are the
// Non-secure (bank 0) copies; cores with the Security Extension add the "armv7m_nvic/m-security" subsection
// (NvicState.Security.cs). Not modelled: MPU registers (the CPU's state).
using Nemu.Core.State;

namespace Nemu.Arm.Exceptions;

/// <summary>Migratable form of an <see cref="Nvic"/>; <see cref="Capture"/>/<see cref="Restore"/> copy it.</summary>
public sealed partial class NvicState
{
    /// <summary>NVIC_MAX_VECTORS: the array is always this long on the wire, as in QEMU.</summary>
    public const int MaxVectors = 512;

    public static readonly StateDescription<NvicState> Vmsd =
        StateDescription<NvicState>.Builder("armv7m_nvic", 2, 1)
            .StructArray("vectors", s => s.Vectors, MaxVectors, NvicVectorState.Vmsd)
            .UInt32("prigroup", s => ref s.PriGroup)
            .UInt32("vecbase", s => ref s.Vtor)
            .UInt32("ccr", s => ref s.Ccr)
            .UInt32("scr", s => ref s.Scr)
            .UInt32("cfsr", s => ref s.Cfsr)
            .UInt32("hfsr", s => ref s.Hfsr)
            .UInt32("dfsr", s => ref s.Dfsr)
            .UInt32("mmfar", s => ref s.Mmfar)
            .UInt32("bfar", s => ref s.Bfar)
            .UInt32("csselr", s => ref s.Csselr, sinceVersion: 2)
            .Subsection(BuildSecurityVmsd(), s => s.HasSecurity)
            .Build();

    public NvicState()
    {
        for (var i = 0; i < MaxVectors; i++)
        {
            Vectors[i] = new NvicVectorState();
        }
    }

    public NvicVectorState[] Vectors { get; } = new NvicVectorState[MaxVectors];

    public uint PriGroup;
    public uint Vtor;
    public uint Ccr;
    public uint Scr;
    public uint Csselr;
    public uint Cfsr;
    public uint Hfsr;
    public uint Dfsr;
    public uint Mmfar;
    public uint Bfar;

    /// <summary>Copies the live NVIC into this object (vectors past the implemented ones are zero).</summary>
    public void Capture(Nvic nvic)
    {
        ArgumentNullException.ThrowIfNull(nvic);
        for (var i = 0; i < MaxVectors; i++)
        {
            var v = i < nvic.VectorCount ? nvic.Vector(i) : default;
            var s = Vectors[i];
            s.Priority = v.Priority;
            s.Enabled = v.Enabled;
            s.Pending = v.Pending;
            s.Active = v.Active;
            s.Level = v.Level;
        }

        PriGroup = (uint)nvic.PriGroupOf(false);
        Vtor = nvic.VtorOf(false);
        Ccr = nvic.CcrOf(false);
        Scr = nvic.ScrOf(false);
        Csselr = nvic.Csselr;
        Cfsr = nvic.CfsrOf(false);
        Hfsr = nvic.Hfsr;
        Dfsr = nvic.Dfsr;
        Mmfar = nvic.MmfarOf(false);
        Bfar = nvic.Bfar;
        CaptureSecurity(nvic);
    }

    /// <summary>Writes this object into the live NVIC and recomputes its caches; rejects state for absent vectors.</summary>
    public void Restore(Nvic nvic)
    {
        ArgumentNullException.ThrowIfNull(nvic);
        if (PriGroup > 7)
        {
            throw new StateLoadException($"armv7m_nvic: invalid prigroup {PriGroup}");
        }

        for (var i = nvic.VectorCount; i < MaxVectors; i++)
        {
            var s = Vectors[i];
            if (s.Enabled || s.Pending || s.Active || s.Level || s.Priority != 0)
            {
                throw new StateLoadException($"armv7m_nvic: state for exception {i}, but this NVIC has only {nvic.VectorCount} vectors");
            }
        }

        for (var i = 0; i < nvic.VectorCount; i++)
        {
            var s = Vectors[i];
            ref var v = ref nvic.Vector(i);
            v.Priority = s.Priority;
            v.Enabled = s.Enabled;
            v.Pending = s.Pending;
            v.Active = s.Active;
            v.Level = s.Level;
        }

        nvic.PriGroupOf(false) = (int)PriGroup;
        nvic.VtorOf(false) = Vtor;
        nvic.CcrOf(false) = Ccr;
        nvic.ScrOf(false) = Scr;
        nvic.Csselr = Csselr;
        nvic.CfsrOf(false) = Cfsr;
        nvic.Hfsr = Hfsr;
        nvic.Dfsr = Dfsr;
        nvic.MmfarOf(false) = Mmfar;
        nvic.Bfar = Bfar;
        RestoreSecurity(nvic);
        nvic.Recompute();
    }
}
