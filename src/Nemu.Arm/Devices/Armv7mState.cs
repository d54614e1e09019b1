// The armv7m device's migratable state (management.md §4; QEMU 7.2 migrates the same pieces as separate sections:
// "cpu" from target/arm/machine.c, "armv7m_nvic" from hw/intc/armv7m_nvic.c and "armv7m_systick" from
// hw/timer/armv7m_systick.c; here they are one section of the container device that owns them). PreSave captures
// the live CPU, NVIC and SysTick; PostLoad writes them back in dependency order (CPU, then NVIC whose recompute
// reads the CPU's masks and wakes it, then SysTick) and rebuilds the derived caches.
// Version 2: the CPU part carries the FP extension state; version 3: the MPU (ArmCpuState version 3); version 4: the
// Security Extension's attribution state (SAU, both PMSAv8 banks) and the Secure SysTick of v8-M cores (the NVIC's
// Secure state is the armv7m_nvic/m-security subsection). Not modelled: the bitband and PPB-default regions
// (stateless).
using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Core.State;

namespace Nemu.Arm.Devices;

/// <summary>Migratable state of one <see cref="Armv7m"/>: its CPU, NVIC/SCB and SysTick.</summary>
public sealed class Armv7mState
{
    public static readonly StateDescription<Armv7mState> Vmsd =
        StateDescription<Armv7mState>.Builder(Armv7m.TypeName, 4, 1)
            .Struct("cpu", s => s.Cpu, ArmCpuState.Vmsd)
            .Struct("nvic", s => s.Nvic, NvicState.Vmsd)
            .Struct("systick", s => s.SysTick, SysTickState.Vmsd)
            .Struct("attribution", s => s.Attribution, ArmCpuAttributionState.Vmsd, sinceVersion: 4)
            .Struct("systick_s", s => s.SecureSysTick, SysTickState.Vmsd, sinceVersion: 4)
            .PreSave(s => s.Capture())
            .PostLoad((s, _) => s.Restore())
            .Build();

    public ArmCpuState Cpu { get; } = new();

    public NvicState Nvic { get; } = new();

    public SysTickState SysTick { get; } = new();

    /// <summary>SAU and PMSAv8 state (zero on cores without them).</summary>
    public ArmCpuAttributionState Attribution { get; } = new();

    /// <summary>The Secure SysTick of a core with the Security Extension (defaults elsewhere).</summary>
    public SysTickState SecureSysTick { get; } = new();

    /// <summary>The realized device whose parts are saved and loaded; null before realize (defaults are saved).</summary>
    internal Armv7m? Owner { get; set; }

    private void Capture()
    {
        if (Owner is { Cpu: { } cpu, Nvic: { } nvic, SysTick: { } systick })
        {
            cpu.SaveState(Cpu);
            cpu.SaveAttributionState(Attribution);
            Nvic.Capture(nvic);
            systick.SaveState(SysTick);
            Owner.SecureSysTick?.SaveState(SecureSysTick);
        }
    }

    private void Restore()
    {
        if (Owner is { Cpu: { } cpu, Nvic: { } nvic, SysTick: { } systick })
        {
            cpu.LoadState(Cpu);
            cpu.LoadAttributionState(Attribution);
            Nvic.Restore(nvic);
            systick.LoadState(SysTick);
            Owner.SecureSysTick?.LoadState(SecureSysTick);

            // The MPU context depends on the NVIC's HardFault/NMI active bits, restored after the CPU.
            cpu.OnMmuIndexChanged();
        }
    }
}
