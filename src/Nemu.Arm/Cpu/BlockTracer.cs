// "-d in_asm", "-d exec" and "-d cpu" for an interpreter (management.md §8.1): QEMU logs per translation block, so
// the tracer emulates QEMU's blocks. At an instruction that does not continue the current block sequentially it
// starts a block: it scans forward from the PC to QEMU's block end (BlockBoundary), prints the block with in_asm the
// first time that (pc, flags, cs_base) key is "translated" or after its code bytes changed (QEMU invalidates the TB
// on a write to its code), then prints the "Trace" line (exec) and the register dump (cpu), both filtered by
// -dfilter. A block whose first fetch fails is never translated by QEMU and prints nothing; the scan reads RAM only.
// Deviations: the host pointer in "Trace" is a stable fake (0x7f0000000100 + 0x40 per translation; tests mask it);
// every block start is logged as if -d nochain were given (QEMU without nochain omits chained blocks); an interrupt
// is taken between any two instructions where QEMU takes it between blocks; a block in Arm state (EPSR.T clear)
// shows its word with "<unknown>" where QEMU disassembles Arm code.
using System.Globalization;
using System.Text;
using Nemu.Arm.Decoding;
using Nemu.Core;
using Nemu.Core.Logging;

namespace Nemu.Arm.Cpu;

/// <summary>Emulates QEMU's translation blocks of one CPU for the block-level log items.</summary>
internal sealed class BlockTracer
{
    private const ulong FakeHostBase = 0x7f0000000100;

    private readonly ArmCpu _cpu;
    private readonly Dictionary<(uint Pc, uint Flags, uint CsBase), Block> _blocks = [];
    private Block? _current;
    private int _index;
    private ulong _translations;

    public BlockTracer(ArmCpu cpu) => _cpu = cpu;

    /// <summary>The CPU is about to execute the instruction at <paramref name="pc"/>.</summary>
    public void BeforeInstruction(uint pc)
    {
        if (_current is { } block && _index + 1 < block.Addresses.Length && block.Addresses[_index + 1] == pc)
        {
            _index++;
            return;
        }

        _current = null;
        _index = 0;
        var flags = TbFlags.Flags(_cpu);
        var csBase = TbFlags.CsBase(_cpu);
        var key = (pc, flags, csBase);
        if (!_blocks.TryGetValue(key, out var existing) || !existing.StillMatches(_cpu))
        {
            existing = Translate(pc);
            if (existing is null)
            {
                _blocks.Remove(key);
                return;
            }

            _blocks[key] = existing;
            if (Log.IsEnabled(LogItem.InAsm) && LogAddressFilter.Contains(pc))
            {
                Log.Write(LogItem.InAsm, existing.Disassembly);
            }
        }

        _current = existing;
        if (!LogAddressFilter.Contains(pc))
        {
            return;
        }

        if (Log.IsEnabled(LogItem.Exec))
        {
            Log.Write(LogItem.Exec, string.Create(CultureInfo.InvariantCulture,
                $"Trace 0: 0x{existing.HostPointer:x} [{csBase:x8}/{pc:x8}/{flags:x8}/{existing.CFlags:x8}] {LogSymbols.Lookup(pc)}"));
        }

        if (Log.IsEnabled(LogItem.Cpu))
        {
            Log.Write(LogItem.Cpu, CpuStateDump.Format(_cpu));
        }
    }

    /// <summary>Forgets all blocks (reset).</summary>
    public void Clear()
    {
        _blocks.Clear();
        _current = null;
    }

    private Block? Translate(uint pc)
    {
        var addresses = new List<uint>();
        var halfwords = new List<ushort>();
        var text = new StringBuilder();
        text.Append("----------------\nIN: ").Append(LogSymbols.Lookup(pc)).Append('\n');
        var pageStart = pc & ~(BlockBoundary.PageSize - 1);
        var address = pc;
        byte itState = 0;
        if (!_cpu.Thumb)
        {
            // QEMU translates one Arm-state "instruction" that raises INVSTATE.
            if (!TryRead(_cpu, address, out var lo) || !TryRead(_cpu, address + 2, out var hi))
            {
                return null;
            }

            addresses.Add(address);
            halfwords.Add(lo);
            halfwords.Add(hi);
            text.Append(CultureInfo.InvariantCulture, $"0x{address:x8}:  {((uint)hi << 16) | lo:x8}  <unknown>\n");
            return NewBlock(addresses, halfwords, text);
        }

        while (addresses.Count < BlockBoundary.MaxInsns)
        {
            if (!TryRead(_cpu, address, out var hw1))
            {
                break;
            }

            ushort hw2 = 0;
            var is32 = ThumbDecoder.Is32BitPrefix(hw1);
            if (is32 && ((address + 2 - pageStart >= BlockBoundary.PageSize && addresses.Count > 0) || !TryRead(_cpu, address + 2, out hw2)))
            {
                break;
            }

            ThumbDecoder.Decode(hw1, hw2, _cpu.Features, out var insn);
            addresses.Add(address);
            halfwords.Add(hw1);
            if (is32)
            {
                halfwords.Add(hw2);
            }

            var cond = itState != 0 ? itState >> 4 : -1;
            var hex = is32 ? $"{hw1:x4} {hw2:x4}" : $"{hw1:x4}     ";
            text.Append(CultureInfo.InvariantCulture, $"0x{address:x8}:  {hex}  {ThumbDisassembler.FormatCapstone(in insn, address, cond)}\n");
            itState = insn.Op == ThumbOp.It ? (byte)((insn.Cond << 4) | insn.Extra) : AdvanceIt(itState);
            address += insn.Length;
            if (BlockBoundary.EndsBlock(in insn) || address - pageStart >= BlockBoundary.PageSize)
            {
                break;
            }
        }

        return addresses.Count == 0 ? null : NewBlock(addresses, halfwords, text);
    }

    private Block NewBlock(List<uint> addresses, List<ushort> halfwords, StringBuilder text)
    {
        var pointer = FakeHostBase + (0x40 * _translations++);
        return new Block([.. addresses], [.. halfwords], text.ToString(), pointer, TbFlags.CFlags());
    }

    private static byte AdvanceIt(byte it) => (it & 0x7) == 0 ? (byte)0 : (byte)((it & 0xE0) | ((it << 1) & 0x1F));

    /// <summary>
    /// Reads code for the scan from RAM only: reading I/O could have side effects and would log a second
    /// "Invalid read" for unmapped code (the CPU's own fetch logs the first, as QEMU's translator does). Code outside
    /// RAM therefore forms no block, as QEMU forms none for an address whose fetch faults.
    /// </summary>
    private static bool TryRead(ArmCpu cpu, uint address, out ushort value)
    {
        value = 0;
        if (address >= 0xE0000000 || !cpu.Memory.TryGetRamBlock(new GuestAddress(address), out var block, out _) || block is null)
        {
            return false;
        }

        var r = cpu.Memory.Read(new GuestAddress(address), 2, default, out var v);
        value = (ushort)v;
        return r == MemTxResult.Ok;
    }

    /// <summary>One emulated translation block.</summary>
    private sealed record Block(uint[] Addresses, ushort[] Halfwords, string Disassembly, ulong HostPointer, uint CFlags)
    {
        /// <summary>False once the guest changed the code (QEMU's TB invalidation on a code write).</summary>
        public bool StillMatches(ArmCpu cpu)
        {
            var address = Addresses[0];
            foreach (var expected in Halfwords)
            {
                if (!TryRead(cpu, address, out var v) || v != expected)
                {
                    return false;
                }

                address += 2;
            }

            return true;
        }
    }
}
