// Loads and stores on the scratch buffer (ARMv7-M ARM A7.7 LDR*/STR*/LDRD/STRD/LDM/STM/LDREX/STREX;
// ARMv6-M ARM A6.7 for the 16-bit forms). A memory case reserves a base and an index register (no other
// instruction of the case writes them) and tracks the base through writeback, so every access stays inside
// the 64-byte buffer. Alignment: v6-M accesses, LDRD/STRD, LDM/STM and exclusives are naturally aligned
// (unaligned ones fault); v7-M single loads/stores may be unaligned (CCR.UNALIGN_TRP is clear at reset).
// Excluded: base written back and also transferred (UNPREDICTABLE), T2 LDM/STM with fewer than two
// registers (UNPREDICTABLE), STREX to an address other than the open LDREX's (IMPLEMENTATION DEFINED success).
namespace Nemu.Boards.Tests.Differential;

/// <summary>Generates a memory case: base/index set-up and 1-4 accesses with every addressing mode.</summary>
public sealed class MemoryForms
{
    private const int BufferBytes = CaseState.ScratchWords * 4;
    private static readonly (string Load, string Store, int Size)[] Singles =
        [("ldr", "str", 4), ("ldrh", "strh", 2), ("ldrsh", "strh", 2), ("ldrb", "strb", 1), ("ldrsb", "strb", 1)];

    private readonly FormContext _c;
    private readonly int _base;
    private readonly int _index;
    private int _offset;

    public MemoryForms(FormContext c)
    {
        _c = c;
        var limit = c.Variant.IsV7 ? 13 : 8;
        _base = c.Rng.Below(limit);
        do
        {
            _index = c.Rng.Below(limit);
        }
        while (_index == _base);
        c.Reserved.Add(_base);
        c.Reserved.Add(_index);
        _offset = 4 * c.Rng.Between(2, 12);
        c.State.R[_base] = CaseState.ScratchAddress + (uint)_offset;
        c.State.R[_index] = c.Variant.IsV7 ? (uint)c.Rng.Below(12) : 4u * (uint)c.Rng.Below(3) + (uint)(c.Rng.Chance(30) ? c.Rng.Below(4) : 0);
    }

    private string Base => FormContext.R(_base);

    private string Index => FormContext.R(_index);

    private int IndexValue => (int)_c.State.R[_index];

    /// <summary>One access; tries forms until one fits the tracked base.</summary>
    public string Next()
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var form = _c.Variant.IsV7 ? NextV7() : NextV6();
            if (form is not null)
            {
                return form;
            }
        }

        throw new InvalidOperationException($"no memory form fits base offset {_offset} and index {IndexValue}");
    }

    private static bool Fits(int address, int size, bool aligned) => Fits(address, size, aligned ? size : 1);

    private static bool Fits(int address, int size, int alignment) =>
        address >= 0 && address + size <= BufferBytes && address % alignment == 0;

    private int Target(int size, bool aligned) => aligned ? size * _c.Rng.Below(BufferBytes / size) : _c.Rng.Below(BufferBytes - size + 1);

    private string? NextV6()
    {
        var rng = _c.Rng;
        var (load, store, size) = rng.Pick(Singles);
        var isLoad = rng.Chance(60);
        var rt = isLoad ? _c.LowDst() : _c.LowSrc();
        switch (rng.Below(4))
        {
            case 0:
            case 1:
                // Immediate offset: imm5 scaled by the size, no sign-extending forms.
                var off = Target(size, true) - _offset;
                if (off < 0 || off > 31 * size || (isLoad && load.StartsWith("ldrs", StringComparison.Ordinal)))
                {
                    return null;
                }

                return $"{(isLoad ? load : store)} {rt}, [{Base}, {FormContext.Dec(off)}]";
            case 2:
                return Fits(_offset + IndexValue, size, true) ? $"{(isLoad ? load : store)} {rt}, [{Base}, {Index}]" : null;
            default:
                // LDM/STM T1 with writeback (base not in the list), ascending only.
                var count = rng.Between(1, 3);
                // Writeback only moves the base up; keep 16 bytes above it so an immediate form still fits.
                if (!Fits(_offset, count * 4, 4) || _offset + count * 4 > BufferBytes - 16)
                {
                    return null;
                }

                var list = RegisterList(count, 8);
                _offset += count * 4;
                return $"{(isLoad ? "ldm" : "stm")} {Base}!, {{{list}}}";
        }
    }

    private string? NextV7()
    {
        var rng = _c.Rng;
        var (load, store, size) = rng.Pick(Singles);
        var isLoad = rng.Chance(55);
        var op = _c.Op(isLoad ? load : store);
        var rt = isLoad ? _c.Dst() : _c.Src();
        var rtNotBase = isLoad ? rt : SrcExcept(_base);
        switch (rng.Below(8))
        {
            case 0:
            case 1:
                var off = Target(size, rng.Chance(75)) - _offset;
                return $"{op} {rt}, [{Base}, {FormContext.Dec(off)}]";
            case 2:
                var pre = Target(size, rng.Chance(75)) - _offset;
                _offset += pre;
                return $"{op} {rtNotBase}, [{Base}, {FormContext.Dec(pre)}]!";
            case 3:
                var post = rng.Between(-_offset, BufferBytes - _offset);
                if (!Fits(_offset, size, false) || post is < -255 or > 255)
                {
                    return null;
                }

                _offset += post;
                return $"{op} {rtNotBase}, [{Base}], {FormContext.Dec(post)}";
            case 4:
                var shift = rng.Below(4);
                var address = _offset + (IndexValue << shift);
                return Fits(address, size, false) ? $"{op} {rt}, [{Base}, {Index}, lsl {FormContext.Dec(shift)}]" : null;
            case 5:
                return Doubleword(isLoad);
            default:
                return Multiple(isLoad);
        }
    }

    private string? Doubleword(bool isLoad)
    {
        var rng = _c.Rng;
        var target = 4 * rng.Below((BufferBytes - 4) / 4);
        var delta = target - _offset;
        var (rt, rt2) = isLoad ? _c.DstPair() : (SrcExcept(_base), SrcExcept(_base));
        var mode = rng.Below(3);
        if (mode < 2 ? delta % 4 != 0 : !Fits(_offset, 8, 4))
        {
            return null;
        }

        var op = _c.Op(isLoad ? "ldrd" : "strd");
        switch (mode)
        {
            case 0:
                return $"{op} {rt}, {rt2}, [{Base}, {FormContext.Dec(delta)}]";
            case 1:
                _offset = target;
                return $"{op} {rt}, {rt2}, [{Base}, {FormContext.Dec(delta)}]!";
            default:
                var post = 4 * rng.Between(-_offset / 4, (BufferBytes - _offset) / 4);
                _offset += post;
                return $"{op} {rt}, {rt2}, [{Base}], {FormContext.Dec(post)}";
        }
    }

    private string? Multiple(bool isLoad)
    {
        var rng = _c.Rng;
        var count = rng.Between(2, 5);
        var decrement = rng.Chance(50);
        var writeback = rng.Chance(60);
        var start = decrement ? _offset - 4 * count : _offset;
        if (!Fits(start, 4 * count, 4))
        {
            return null;
        }

        var list = RegisterList(count, 13);
        if (writeback)
        {
            _offset = decrement ? start : start + 4 * count;
        }

        var op = _c.Op((isLoad ? "ldm" : "stm") + (decrement ? "db" : "ia"));
        return $"{op} {Base}{(writeback ? "!" : string.Empty)}, {{{list}}}";
    }

    /// <summary>count distinct registers below limit, none reserved (so neither base nor index is transferred).</summary>
    private string RegisterList(int count, int limit)
    {
        var chosen = new SortedSet<int>();
        while (chosen.Count < count)
        {
            chosen.Add(_c.DstIndex(limit));
        }

        return string.Join(", ", chosen.Select(FormContext.R));
    }

    private string SrcExcept(int register)
    {
        while (true)
        {
            var r = _c.Rng.Below(13);
            if (r != register)
            {
                return FormContext.R(r);
            }
        }
    }

    /// <summary>An exclusive-access sequence (v7-M): always 1-3 instructions on one address and size.</summary>
    public IEnumerable<string> Exclusive()
    {
        var rng = _c.Rng;
        var (suffix, size) = rng.Pick<(string, int)>([(string.Empty, 4), ("h", 2), ("b", 1)]);
        var target = Target(size, true);
        var delta = target - _offset;
        string address;
        if (size == 4 && delta >= 0)
        {
            address = $"[{Base}, {FormContext.Dec(delta)}]";
        }
        else
        {
            // LDREXB/H and STREXB/H have no offset: move the base first (ADDW/SUBW keep the flags).
            yield return delta >= 0 ? $"addw {Base}, {Base}, {FormContext.Dec(delta)}" : $"subw {Base}, {Base}, {FormContext.Dec(-delta)}";
            _offset = target;
            address = $"[{Base}]";
        }

        var status = FormContext.R(_c.DstIndex(13));
        var value = SrcExcept(_base);
        while (value == status)
        {
            value = SrcExcept(_base);
        }

        var pattern = rng.Below(4);
        if (pattern != 1)
        {
            yield return $"ldrex{suffix} {_c.Dst()}, {address}";
        }

        if (pattern == 2)
        {
            yield return "clrex";
        }

        if (pattern != 3)
        {
            yield return $"strex{suffix} {status}, {value}, {address}";
        }
    }
}
