using System.Buffers.Binary;
using System.Text;

namespace Nemu.Loader.Tests.Elf;

/// <summary>A small test-side ELF writer: little-endian ELF32/ELF64 with PT_LOAD segments and an optional symtab.</summary>
internal sealed class ElfBuilder
{
    private readonly List<(uint Type, uint Flags, ulong VAddr, ulong PAddr, byte[] Data, ulong MemSize)> _segments = [];
    private readonly List<(string Name, ulong Value, ulong Size, byte Info)> _symbols = [];

    public ElfBuilder(bool is64, ushort machine = 40, ulong entry = 0x101)
    {
        Is64 = is64;
        Machine = machine;
        Entry = entry;
    }

    public bool Is64 { get; }

    public ushort Machine { get; }

    public ulong Entry { get; }

    public ElfBuilder Segment(ulong paddr, byte[] data, ulong memSize, uint flags = 5, ulong? vaddr = null, uint type = 1)
    {
        _segments.Add((type, flags, vaddr ?? paddr, paddr, data, memSize));
        return this;
    }

    public ElfBuilder Function(string name, ulong value, ulong size)
    {
        _symbols.Add((name, value, size, 0x12)); // STB_GLOBAL, STT_FUNC
        return this;
    }

    public ElfBuilder Object(string name, ulong value, ulong size)
    {
        _symbols.Add((name, value, size, 0x11));
        return this;
    }

    public byte[] Build()
    {
        var ehSize = Is64 ? 64 : 52;
        var phSize = Is64 ? 56 : 32;
        var shSize = Is64 ? 64 : 40;
        var symSize = Is64 ? 24 : 16;
        var body = new List<byte>(new byte[ehSize + (phSize * _segments.Count)]);
        var offsets = new List<int>();
        foreach (var s in _segments)
        {
            offsets.Add(body.Count);
            body.AddRange(s.Data);
        }

        int symOff = 0, symLen = 0, strOff = 0, strLen = 0, shOff = 0;
        if (_symbols.Count > 0)
        {
            var strtab = new List<byte> { 0 };
            var names = new List<int>();
            foreach (var sym in _symbols)
            {
                names.Add(strtab.Count);
                strtab.AddRange(Encoding.UTF8.GetBytes(sym.Name));
                strtab.Add(0);
            }

            strOff = body.Count;
            strLen = strtab.Count;
            body.AddRange(strtab);
            symOff = body.Count;
            var table = new byte[symSize * (_symbols.Count + 1)];
            for (var i = 0; i < _symbols.Count; i++)
            {
                var t = table.AsSpan(symSize * (i + 1));
                BinaryPrimitives.WriteUInt32LittleEndian(t, (uint)names[i]);
                if (Is64)
                {
                    t[4] = _symbols[i].Info;
                    BinaryPrimitives.WriteUInt16LittleEndian(t[6..], 1);
                    BinaryPrimitives.WriteUInt64LittleEndian(t[8..], _symbols[i].Value);
                    BinaryPrimitives.WriteUInt64LittleEndian(t[16..], _symbols[i].Size);
                }
                else
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(t[4..], (uint)_symbols[i].Value);
                    BinaryPrimitives.WriteUInt32LittleEndian(t[8..], (uint)_symbols[i].Size);
                    t[12] = _symbols[i].Info;
                    BinaryPrimitives.WriteUInt16LittleEndian(t[14..], 1);
                }
            }

            symLen = table.Length;
            body.AddRange(table);
            shOff = body.Count;

            // Sections: null, .symtab (link 2), .strtab.
            var sh = new byte[shSize * 3];
            WriteSection(sh.AsSpan(shSize), type: 2, symOff, symLen, link: 2);
            WriteSection(sh.AsSpan(shSize * 2), type: 3, strOff, strLen, link: 0);
            body.AddRange(sh);
        }

        var file = body.ToArray();
        var h = file.AsSpan();
        h[0] = 0x7f;
        h[1] = (byte)'E';
        h[2] = (byte)'L';
        h[3] = (byte)'F';
        h[4] = (byte)(Is64 ? 2 : 1);
        h[5] = 1;
        h[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(h[16..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(h[18..], Machine);
        BinaryPrimitives.WriteUInt32LittleEndian(h[20..], 1);
        if (Is64)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(h[24..], Entry);
            BinaryPrimitives.WriteUInt64LittleEndian(h[32..], (ulong)ehSize);
            BinaryPrimitives.WriteUInt64LittleEndian(h[40..], (ulong)shOff);
            BinaryPrimitives.WriteUInt16LittleEndian(h[52..], (ushort)ehSize);
            BinaryPrimitives.WriteUInt16LittleEndian(h[54..], (ushort)phSize);
            BinaryPrimitives.WriteUInt16LittleEndian(h[56..], (ushort)_segments.Count);
            BinaryPrimitives.WriteUInt16LittleEndian(h[58..], (ushort)shSize);
            BinaryPrimitives.WriteUInt16LittleEndian(h[60..], (ushort)(_symbols.Count > 0 ? 3 : 0));
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)Entry);
            BinaryPrimitives.WriteUInt32LittleEndian(h[28..], (uint)ehSize);
            BinaryPrimitives.WriteUInt32LittleEndian(h[32..], (uint)shOff);
            BinaryPrimitives.WriteUInt16LittleEndian(h[40..], (ushort)ehSize);
            BinaryPrimitives.WriteUInt16LittleEndian(h[42..], (ushort)phSize);
            BinaryPrimitives.WriteUInt16LittleEndian(h[44..], (ushort)_segments.Count);
            BinaryPrimitives.WriteUInt16LittleEndian(h[46..], (ushort)shSize);
            BinaryPrimitives.WriteUInt16LittleEndian(h[48..], (ushort)(_symbols.Count > 0 ? 3 : 0));
        }

        for (var i = 0; i < _segments.Count; i++)
        {
            var s = _segments[i];
            var p = h.Slice(ehSize + (i * phSize));
            if (Is64)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(p, s.Type);
                BinaryPrimitives.WriteUInt32LittleEndian(p[4..], s.Flags);
                BinaryPrimitives.WriteUInt64LittleEndian(p[8..], (ulong)offsets[i]);
                BinaryPrimitives.WriteUInt64LittleEndian(p[16..], s.VAddr);
                BinaryPrimitives.WriteUInt64LittleEndian(p[24..], s.PAddr);
                BinaryPrimitives.WriteUInt64LittleEndian(p[32..], (ulong)s.Data.Length);
                BinaryPrimitives.WriteUInt64LittleEndian(p[40..], s.MemSize);
                BinaryPrimitives.WriteUInt64LittleEndian(p[48..], 4);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(p, s.Type);
                BinaryPrimitives.WriteUInt32LittleEndian(p[4..], (uint)offsets[i]);
                BinaryPrimitives.WriteUInt32LittleEndian(p[8..], (uint)s.VAddr);
                BinaryPrimitives.WriteUInt32LittleEndian(p[12..], (uint)s.PAddr);
                BinaryPrimitives.WriteUInt32LittleEndian(p[16..], (uint)s.Data.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(p[20..], (uint)s.MemSize);
                BinaryPrimitives.WriteUInt32LittleEndian(p[24..], s.Flags);
                BinaryPrimitives.WriteUInt32LittleEndian(p[28..], 4);
            }
        }

        return file;
    }

    /// <summary>Offset of program header <paramref name="index"/>.</summary>
    public int PhdrOffset(int index) => (Is64 ? 64 : 52) + ((Is64 ? 56 : 32) * index);

    private void WriteSection(Span<byte> sh, uint type, int offset, int size, uint link)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(sh[4..], type);
        if (Is64)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(sh[24..], (ulong)offset);
            BinaryPrimitives.WriteUInt64LittleEndian(sh[32..], (ulong)size);
            BinaryPrimitives.WriteUInt32LittleEndian(sh[40..], link);
            BinaryPrimitives.WriteUInt64LittleEndian(sh[56..], type == 2 ? 24UL : 0);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(sh[16..], (uint)offset);
            BinaryPrimitives.WriteUInt32LittleEndian(sh[20..], (uint)size);
            BinaryPrimitives.WriteUInt32LittleEndian(sh[24..], link);
            BinaryPrimitives.WriteUInt32LittleEndian(sh[36..], type == 2 ? 16U : 0);
        }
    }

    public static byte[] Sample(bool is64) => new ElfBuilder(is64, is64 ? (ushort)183 : (ushort)40)
        .Segment(0, [0, 0x10, 0, 0x20, 0x41, 0, 0, 0], 8, flags: 4)
        .Segment(0x100, [0xfe, 0xe7, 0, 0], 4, flags: 5)
        .Segment(0x20000000, [0x78, 0x56, 0x34, 0x12], 0x44, flags: 6)
        .Function("reset_handler", 0x101, 4)
        .Object("counter", 0x20000000, 4)
        .Build();
}
