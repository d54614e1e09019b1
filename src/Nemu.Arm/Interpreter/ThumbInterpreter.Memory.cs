// Loads and stores (A7.7 LDR*/STR* immediate, literal, register, unprivileged; LDRD/STRD; LDM/STM/PUSH/POP;
// exclusives with the local monitor; PLD/PLI as no-ops). Base writeback happens after all accesses succeeded,
// so a faulting instruction leaves the registers as they were (the Armv7-M ARM allows either for LDM).
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Interpreter;

internal static partial class ThumbInterpreter
{
    private static bool LoadStore(ArmCpu cpu, in DecodedInsn x, uint pc)
    {
        switch (x.Op)
        {
            case ThumbOp.Preload:
                return true;
            case ThumbOp.Ldm or ThumbOp.Ldmdb:
                return LoadMultiple(cpu, in x);
            case ThumbOp.Stm or ThumbOp.Stmdb:
                return StoreMultiple(cpu, in x, pc);
            case ThumbOp.Ldrex or ThumbOp.Ldrexb or ThumbOp.Ldrexh:
                {
                    var size = x.Op == ThumbOp.Ldrex ? 4u : x.Op == ThumbOp.Ldrexh ? 2u : 1u;
                    var address = cpu.R[x.Rn] + x.Imm;
                    if (!cpu.Load(address, size, out var value, forceAligned: true))
                    {
                        return false;
                    }

                    cpu.ExclusiveValid = true;
                    cpu.ExclusiveAddress = address;
                    cpu.R[x.Rt] = value;
                    return true;
                }

            case ThumbOp.Strex or ThumbOp.Strexb or ThumbOp.Strexh:
                {
                    var size = x.Op == ThumbOp.Strex ? 4u : x.Op == ThumbOp.Strexh ? 2u : 1u;
                    var address = cpu.R[x.Rn] + x.Imm;
                    if ((address & (size - 1)) != 0)
                    {
                        return cpu.Store(address, size, 0, forceAligned: true);
                    }

                    if (!cpu.ExclusiveValid || cpu.ExclusiveAddress != address)
                    {
                        cpu.ExclusiveValid = false;
                        cpu.R[x.Rd] = 1;
                        return true;
                    }

                    if (!cpu.Store(address, size, cpu.R[x.Rt], forceAligned: true))
                    {
                        return false;
                    }

                    cpu.ExclusiveValid = false;
                    cpu.R[x.Rd] = 0;
                    return true;
                }

            case ThumbOp.Clrex:
                cpu.ExclusiveValid = false;
                return true;
            case ThumbOp.Ldrd or ThumbOp.Strd:
                return Dual(cpu, in x, pc);
            default:
                return Single(cpu, in x, pc);
        }
    }

    private static uint OffsetAddress(ArmCpu cpu, in DecodedInsn x, uint pc, out uint writeback)
    {
        var rn = x.Rn == 15 ? (pc + 4) & ~3u : cpu.R[x.Rn];
        var offset = x.Has(InsnFlags.RegisterOperand) ? cpu.R[x.Rm] << x.ShiftAmount : x.Imm;
        var offsetAddress = x.Has(InsnFlags.Add) ? rn + offset : rn - offset;
        writeback = offsetAddress;
        return x.Has(InsnFlags.Index) ? offsetAddress : rn;
    }

    private static bool Single(ArmCpu cpu, in DecodedInsn x, uint pc)
    {
        var address = OffsetAddress(cpu, in x, pc, out var writeback);
        var unprivileged = x.Has(InsnFlags.Unprivileged);
        var size = x.Op switch
        {
            ThumbOp.Ldr or ThumbOp.Str => 4u,
            ThumbOp.Ldrh or ThumbOp.Ldrsh or ThumbOp.Strh => 2u,
            _ => 1u,
        };
        if (x.Op is ThumbOp.Str or ThumbOp.Strh or ThumbOp.Strb)
        {
            if (!cpu.Store(address, size, Reg(cpu, x.Rt, pc), unprivileged: unprivileged))
            {
                return false;
            }

            if (x.Has(InsnFlags.WriteBack))
            {
                cpu.R[x.Rn] = writeback;
            }

            return true;
        }

        if (!cpu.Load(address, size, out var value, unprivileged: unprivileged))
        {
            return false;
        }

        value = x.Op switch
        {
            ThumbOp.Ldrsb => (uint)(sbyte)value,
            ThumbOp.Ldrsh => (uint)(short)value,
            _ => value,
        };
        if (x.Has(InsnFlags.WriteBack))
        {
            cpu.R[x.Rn] = writeback;
        }

        if (x.Rt == 15)
        {
            if (x.Op != ThumbOp.Ldr)
            {
                return true;
            }

            BxWritePc(cpu, value);
        }
        else
        {
            cpu.R[x.Rt] = value;
        }

        return true;
    }

    private static bool Dual(ArmCpu cpu, in DecodedInsn x, uint pc)
    {
        var address = OffsetAddress(cpu, in x, pc, out var writeback);
        if (x.Op == ThumbOp.Strd)
        {
            if (!cpu.Store(address, 4, cpu.R[x.Rt], forceAligned: true) || !cpu.Store(address + 4, 4, cpu.R[x.Ra], forceAligned: true))
            {
                return false;
            }
        }
        else
        {
            if (!cpu.Load(address, 4, out var v1, forceAligned: true) || !cpu.Load(address + 4, 4, out var v2, forceAligned: true))
            {
                return false;
            }

            cpu.R[x.Rt] = v1;
            cpu.R[x.Ra] = v2;
        }

        if (x.Has(InsnFlags.WriteBack))
        {
            cpu.R[x.Rn] = writeback;
        }

        return true;
    }

    private static bool LoadMultiple(ArmCpu cpu, in DecodedInsn x)
    {
        var list = x.RegList;
        var count = (uint)System.Numerics.BitOperations.PopCount(list);
        var start = x.Op == ThumbOp.Ldm ? cpu.R[x.Rn] : cpu.R[x.Rn] - (4 * count);
        Span<uint> values = stackalloc uint[16];
        var address = start;
        for (var i = 0; i < 16; i++)
        {
            if ((list & (1 << i)) != 0)
            {
                if (!cpu.Load(address, 4, out values[i], forceAligned: true))
                {
                    return false;
                }

                address += 4;
            }
        }

        if (x.Has(InsnFlags.WriteBack) && (list & (1 << x.Rn)) == 0)
        {
            cpu.R[x.Rn] = x.Op == ThumbOp.Ldm ? start + (4 * count) : start;
        }

        for (var i = 0; i < 15; i++)
        {
            if ((list & (1 << i)) != 0)
            {
                cpu.R[i] = values[i];
            }
        }

        if ((list & 0x8000) != 0)
        {
            BxWritePc(cpu, values[15]);
        }

        return true;
    }

    private static bool StoreMultiple(ArmCpu cpu, in DecodedInsn x, uint pc)
    {
        var list = x.RegList;
        var count = (uint)System.Numerics.BitOperations.PopCount(list);
        var start = x.Op == ThumbOp.Stm ? cpu.R[x.Rn] : cpu.R[x.Rn] - (4 * count);
        var address = start;
        for (var i = 0; i < 16; i++)
        {
            if ((list & (1 << i)) != 0)
            {
                if (!cpu.Store(address, 4, Reg(cpu, i, pc), forceAligned: true))
                {
                    return false;
                }

                address += 4;
            }
        }

        if (x.Has(InsnFlags.WriteBack))
        {
            cpu.R[x.Rn] = x.Op == ThumbOp.Stm ? start + (4 * count) : start;
        }

        return true;
    }
}
