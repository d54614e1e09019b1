// Implements: QEMU 7.2 hw/misc/armsse-mhu.c, the SSE-200 message handling unit (mprofile.md §6.4):
// CPU0INTR_STAT/SET/CLR 0x00-0x08 and CPU1INTR_STAT/SET/CLR 0x10-0x18 (4 valid bits each), PID/CID; sysbus IRQ 0
// is CPU 0's interrupt (any CPU0INTR bit), IRQ 1 CPU 1's. Word accesses only.
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.ArmSse;

/// <summary>QEMU's <c>armsse-mhu</c>.</summary>
public sealed class ArmsseMhu : SysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "armsse-mhu";
    private const uint IntrMask = 0xf;

    private static readonly byte[] Ids = [0x04, 0x00, 0x00, 0x00, 0x56, 0xb8, 0x0b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

    private static readonly AccessConstraints Access = new()
    {
        ValidMinAccessSize = 4,
        ValidMaxAccessSize = 4,
        ImplMinAccessSize = 4,
        ImplMaxAccessSize = 4,
    };

    public static readonly StateDescription<ArmsseMhuState> Vmsd =
        StateDescription<ArmsseMhuState>.Builder(TypeName, 1, 1)
            .UInt32("cpu0intr", s => ref s.Cpu0Intr)
            .UInt32("cpu1intr", s => ref s.Cpu1Intr)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new ArmsseMhu())
            .Parent(SysBusDevice.TypeName)
            .Build();

    private readonly ArmsseMhuState _s = new();
    private readonly IrqLine _cpu0Irq;
    private readonly IrqLine _cpu1Irq;

    private ArmsseMhu()
    {
        InitMmio(MemoryRegion.CreateIo(TypeName, 0x1000, this, this));
        _cpu0Irq = InitIrq();
        _cpu1Irq = InitIrq();
        InitState(Vmsd, _s);
    }

    public AccessConstraints Constraints => Access;

    public ArmsseMhuState State => _s;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        switch (offset)
        {
            case 0x00: value = _s.Cpu0Intr; break;
            case 0x10: value = _s.Cpu1Intr; break;
            case >= 0xfd0 and <= 0xffc: value = Ids[(offset - 0xfd0) / 4]; break;
            case 0x04 or 0x08 or 0x14 or 0x18:
                GuestError($"SSE MHU: read of write-only register at offset 0x{(int)offset:x}");
                value = 0;
                break;
            default:
                GuestError($"SSE MHU read: bad offset 0x{(int)offset:x}");
                value = 0;
                break;
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var v = (uint)value & IntrMask;
        switch (offset)
        {
            case 0x04: _s.Cpu0Intr |= v; break;
            case 0x08: _s.Cpu0Intr &= ~v; break;
            case 0x14: _s.Cpu1Intr |= v; break;
            case 0x18: _s.Cpu1Intr &= ~v; break;
            case 0x00 or 0x10 or (>= 0xfd0 and <= 0xffc):
                GuestError($"SSE MHU: write to read-only register at offset 0x{(int)offset:x}");
                break;
            default:
                GuestError($"SSE MHU write: bad offset 0x{(int)offset:x}");
                break;
        }

        Update();
        return MemTxResult.Ok;
    }

    protected override void OnReset() => Update();

    private static void GuestError(string message)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, message);
        }
    }

    private void Update()
    {
        _cpu0Irq.Set(_s.Cpu0Intr != 0);
        _cpu1Irq.Set(_s.Cpu1Intr != 0);
    }
}
