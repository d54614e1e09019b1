// The registers and features gdb sees for one M-profile CPU, in QEMU 10.0's order and numbering (target/arm/gdbstub.c
// arm_cpu_register_gdb_regs_for_features, gdb-xml/arm-m-profile.xml and arm-vfp.xml; management.md §5.3, recorded in
// issue7-ref/gdb-hello-10.log and gdb-an521-10.log):
//   r0-r12 sp lr pc = 0-15, xpsr = 25 (16-24 are the legacy FPA gap, absent from 'g'); then, numbered on from 26,
//   d0-d15 + fpscr with an FPU, an empty system-registers.xml, m-system (msp psp primask control; basepri faultmask
//   with the Main Extension; msplim psplim on v8-M) and secext (each m-system register as _ns then _s) with the
//   Security Extension. QEMU 7.2 had no m-system/secext; Nemu serves the 10.0 superset.
using Nemu.Arm.Cpu;

namespace Nemu.Gdbstub;

/// <summary>The register map and features of one CPU model.</summary>
public sealed class GdbRegisterMap
{
    /// <summary>The core registers 'g' and 'G' carry, in order (r0-r15, xpsr).</summary>
    public const int GRegisterCount = 17;

    private readonly Dictionary<int, GdbRegister> _byRegnum = [];

    private GdbRegisterMap(IReadOnlyList<GdbFeature> features)
    {
        Features = features;
        foreach (var feature in features)
        {
            foreach (var register in feature.Registers)
            {
                _byRegnum[register.Regnum] = register;
            }
        }
    }

    /// <summary>The features in target.xml order.</summary>
    public IReadOnlyList<GdbFeature> Features { get; }

    /// <summary>The map for <paramref name="cpu"/>'s model.</summary>
    public static GdbRegisterMap For(ArmCpu cpu) =>
        Create(hasFp: cpu.HasFp, hasMain: !cpu.Model.IsV6M, isV8: cpu.IsV8, hasSecurityExtension: cpu.HasSecurityExtension);

    /// <summary>The map for a core with the given features.</summary>
    public static GdbRegisterMap Create(bool hasFp, bool hasMain, bool isV8, bool hasSecurityExtension)
    {
        var features = new List<GdbFeature>();
        var core = new List<GdbRegister>();
        for (var i = 0; i <= 12; i++)
        {
            core.Add(new($"r{i}", i, 32, null, true));
        }

        core.Add(new("sp", 13, 32, "data_ptr", true));
        core.Add(new("lr", 14, 32, null, true));
        core.Add(new("pc", 15, 32, "code_ptr", true));
        core.Add(new("xpsr", 25, 32, null, true));
        features.Add(new("arm-m-profile.xml", "org.gnu.gdb.arm.m-profile", core, Dynamic: false));

        var next = 26;
        if (hasFp)
        {
            var vfp = new List<GdbRegister>();
            for (var i = 0; i < 16; i++)
            {
                vfp.Add(new($"d{i}", next++, 64, "float", true));
            }

            vfp.Add(new("fpscr", next++, 32, "int", true));
            features.Add(new("arm-vfp.xml", "org.gnu.gdb.arm.vfp", vfp, Dynamic: false));
        }

        features.Add(new("system-registers.xml", "org.qemu.gdb.arm.sys.regs", [], Dynamic: true));

        // m_sysreg_def order: msp psp primask control basepri faultmask msplim psplim.
        var systemNames = new List<string> { "msp", "psp", "primask", "control" };
        if (hasMain)
        {
            systemNames.AddRange(["basepri", "faultmask"]);
        }

        if (isV8)
        {
            systemNames.AddRange(["msplim", "psplim"]);
        }

        var system = systemNames.Select(name => new GdbRegister(name, next++, 32, "int", false)).ToList();
        features.Add(new("arm-m-system.xml", "org.gnu.gdb.arm.m-system", system, Dynamic: true));
        if (hasSecurityExtension)
        {
            var secext = new List<GdbRegister>();
            foreach (var name in systemNames)
            {
                secext.Add(new($"{name}_ns", next++, 32, "int", false));
                secext.Add(new($"{name}_s", next++, 32, "int", false));
            }

            features.Add(new("arm-m-secext.xml", "org.gnu.gdb.arm.secext", secext, Dynamic: true));
        }

        return new GdbRegisterMap(features);
    }

    /// <summary>The register numbered <paramref name="regnum"/>, or null.</summary>
    public GdbRegister? Find(ulong regnum) => regnum <= int.MaxValue && _byRegnum.TryGetValue((int)regnum, out var r) ? r : null;

    /// <summary>The 'g' registers: r0-r15 then xpsr.</summary>
    public IEnumerable<GdbRegister> GRegisters => Features[0].Registers;
}
