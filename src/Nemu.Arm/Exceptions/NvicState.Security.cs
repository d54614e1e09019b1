// The "armv7m_nvic/m-security" subsection of the NVIC state (QEMU names it "nvic/m-security"; Nemu requires the
// parent section's name as prefix) for cores with the ARMv8-M Security Extension (QEMU 7.2
// hw/intc/armv7m_nvic.c vmstate_nvic_security: sec_vectors, prigroup[M_REG_S], itns; plus the Secure-bank SCB
// registers and unbanked SecExt registers QEMU keeps in the CPU's "cpu/m-security" subsection: vecbase, ccr, scr,
// cfsr, mmfar of M_REG_S, sfsr, sfar, nsacr, aircr, and the Non-secure FP control bank). Sent only when the core has
// the extension; a stream without it leaves the Secure state at its defaults.
using Nemu.Core.State;

namespace Nemu.Arm.Exceptions;

/// <summary>Security Extension part of <see cref="NvicState"/>.</summary>
public sealed partial class NvicState
{
    /// <summary>Exceptions with a Secure copy are numbered below 16 (QEMU NVIC_INTERNAL_VECTORS).</summary>
    public const int InternalVectors = 16;

    private const uint AircrSysresetreqs = 1u << 3, AircrBfhfnmins = 1u << 13, AircrPris = 1u << 14;

    // A method, not a field: NvicState.Vmsd (another file of this partial class) needs it during its own initialisation.
    private static StateDescription<NvicState> BuildSecurityVmsd() =>
        StateDescription<NvicState>.Builder("armv7m_nvic/m-security", 1, 1)
            .StructArray("sec_vectors", s => s.SecVectors, InternalVectors, NvicVectorState.Vmsd)
            .UInt32("prigroup_s", s => ref s.PriGroupS)
            .UInt8Array("itns", s => s.Itns, MaxVectors)
            .UInt32("vecbase_s", s => ref s.VtorS)
            .UInt32("ccr_s", s => ref s.CcrS)
            .UInt32("scr_s", s => ref s.ScrS)
            .UInt32("cfsr_s", s => ref s.CfsrS)
            .UInt32("mmfar_s", s => ref s.MmfarS)
            .UInt32("sfsr", s => ref s.Sfsr)
            .UInt32("sfar", s => ref s.Sfar)
            .UInt32("nsacr", s => ref s.Nsacr)
            .UInt32("aircr", s => ref s.Aircr)
            .UInt32("fpccr_ns", s => ref s.FpccrNs)
            .UInt32("fpcar_ns", s => ref s.FpcarNs)
            .UInt32("fpdscr_ns", s => ref s.FpdscrNs)
            .UInt32("cpacr_ns", s => ref s.CpacrNs)
            .Build();

    /// <summary>Whether the subsection is sent (the captured core has the Security Extension).</summary>
    public bool HasSecurity;

    public NvicVectorState[] SecVectors { get; } = CreateVectors(InternalVectors);

    /// <summary>ITNS, one byte (0/1) per exception number.</summary>
    public byte[] Itns { get; } = new byte[MaxVectors];

    public uint PriGroupS;
    public uint VtorS;
    public uint CcrS;
    public uint ScrS;
    public uint CfsrS;
    public uint MmfarS;
    public uint Sfsr;
    public uint Sfar;
    public uint Nsacr;

    /// <summary>AIRCR's Secure-only bits as QEMU stores them (PRIS, BFHFNMINS, SYSRESETREQS).</summary>
    public uint Aircr;

    public uint FpccrNs;
    public uint FpcarNs;
    public uint FpdscrNs;
    public uint CpacrNs;

    private static NvicVectorState[] CreateVectors(int count)
    {
        var vectors = new NvicVectorState[count];
        for (var i = 0; i < count; i++)
        {
            vectors[i] = new NvicVectorState();
        }

        return vectors;
    }

    private void CaptureSecurity(Nvic nvic)
    {
        HasSecurity = nvic.Cpu.HasSecurityExtension;
        for (var i = 0; i < InternalVectors; i++)
        {
            var v = HasSecurity && Nvic.IsBanked(i) ? nvic.VectorOf(i, true) : default;
            var s = SecVectors[i];
            s.Priority = v.Priority;
            s.Enabled = v.Enabled;
            s.Pending = v.Pending;
            s.Active = v.Active;
            s.Level = v.Level;
        }

        for (var i = 0; i < MaxVectors; i++)
        {
            Itns[i] = (byte)(HasSecurity && i >= ExceptionNumber.FirstExternal && i < nvic.VectorCount && nvic.TargetsNonSecureItns(i) ? 1 : 0);
        }

        PriGroupS = (uint)nvic.PriGroupOf(true);
        VtorS = nvic.VtorOf(true);
        CcrS = nvic.CcrOf(true);
        ScrS = nvic.ScrOf(true);
        CfsrS = nvic.CfsrOf(true);
        MmfarS = nvic.MmfarOf(true);
        Sfsr = nvic.Sfsr;
        Sfar = nvic.Sfar;
        Nsacr = nvic.Nsacr;
        Aircr = (nvic.Pris ? AircrPris : 0) | (nvic.Bfhfnmins ? AircrBfhfnmins : 0) | (nvic.Sysresetreqs ? AircrSysresetreqs : 0);
        FpccrNs = HasSecurity ? nvic.FpccrOf(false) : 0;
        FpcarNs = HasSecurity ? nvic.FpcarOf(false) : 0;
        FpdscrNs = HasSecurity ? nvic.FpdscrOf(false) : 0;
        CpacrNs = HasSecurity ? nvic.CpacrOf(false) : 0;
    }

    private void RestoreSecurity(Nvic nvic)
    {
        if (!nvic.Cpu.HasSecurityExtension)
        {
            return;
        }

        var hf = SecVectors[ExceptionNumber.HardFault].Priority;
        if (hf is not (-1 or -3) || PriGroupS > 7)
        {
            throw new StateLoadException($"nvic/m-security: invalid Secure HardFault priority {hf} or prigroup {PriGroupS}");
        }

        for (var i = 1; i < InternalVectors; i++)
        {
            if (!Nvic.IsBanked(i))
            {
                continue;
            }

            var s = SecVectors[i];
            ref var v = ref nvic.VectorOf(i, true);
            v.Priority = s.Priority;
            v.Enabled = s.Enabled;
            v.Pending = s.Pending;
            v.Active = s.Active;
            v.Level = s.Level;
        }

        for (var i = ExceptionNumber.FirstExternal; i < nvic.VectorCount; i++)
        {
            nvic.SetItns(i, Itns[i] != 0);
        }

        nvic.PriGroupOf(true) = (int)PriGroupS;
        nvic.VtorOf(true) = VtorS;
        nvic.CcrOf(true) = CcrS;
        nvic.ScrOf(true) = ScrS;
        nvic.CfsrOf(true) = CfsrS;
        nvic.MmfarOf(true) = MmfarS;
        nvic.Sfsr = Sfsr;
        nvic.Sfar = Sfar;
        nvic.Nsacr = Nsacr;
        nvic.RestoreAircrBits((Aircr & AircrPris) != 0, (Aircr & AircrBfhfnmins) != 0, (Aircr & AircrSysresetreqs) != 0);
        nvic.FpccrOf(false) = FpccrNs;
        nvic.FpcarOf(false) = FpcarNs;
        nvic.FpdscrOf(false) = FpdscrNs;
        nvic.CpacrOf(false) = CpacrNs;
    }
}
