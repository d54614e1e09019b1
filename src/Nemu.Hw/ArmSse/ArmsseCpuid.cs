// Implements: QEMU 7.2 hw/misc/armsse-cpuid.c, the SSE-200 CPU_IDENTITY block (mprofile.md §6.4): CPUID 0x0
// from the CPUID property (the index of the CPU whose private region holds it), PID/CID; read-only.
using Nemu.Core;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.ArmSse;

/// <summary>QEMU's <c>armsse-cpuid</c>.</summary>
public sealed class ArmsseCpuid : SysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "armsse-cpuid";

    private static readonly byte[] Ids = [0x04, 0x00, 0x00, 0x00, 0x58, 0xb8, 0x0b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

    private static readonly AccessConstraints Access = new()
    {
        ValidMinAccessSize = 1,
        ValidMaxAccessSize = 4,
        ImplMinAccessSize = 4,
        ImplMaxAccessSize = 4,
    };

    public static readonly StateDescription<IdOnlyState> Vmsd =
        StateDescription<IdOnlyState>.Builder(TypeName, 1, 1).Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new ArmsseCpuid())
            .Parent(SysBusDevice.TypeName)
            .UInt32("CPUID", d => ref d._cpuid)
            .Build();

    private uint _cpuid;

    private ArmsseCpuid()
    {
        InitMmio(MemoryRegion.CreateIo(TypeName, 0x1000, this, this));
        InitState(Vmsd, new IdOnlyState());
    }

    public AccessConstraints Constraints => Access;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        switch (offset)
        {
            case 0x0: value = _cpuid; break;
            case >= 0xfd0 and <= 0xffc: value = Ids[(offset - 0xfd0) / 4]; break;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"SSE CPU_IDENTITY read: bad offset 0x{(int)offset:x}");
                }

                value = 0;
                break;
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"SSE CPU_IDENTITY: write to RO offset 0x{(int)offset:x}");
        }

        return MemTxResult.Ok;
    }
}
