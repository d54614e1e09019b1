// A stand-in CPU for semihosting tests: sixteen registers and one block of guest RAM; every other address faults.
using System.Buffers.Binary;
using System.Text;

namespace Nemu.Semihosting.Tests;

internal sealed class FakeTarget : ISemihostingTarget
{
    public const uint RamBase = 0x2000_0000;
    public const uint BadAddress = 0x3000_0000;

    private readonly uint[] _registers = new uint[16];
    private uint _next = RamBase + 0x100;

    public byte[] Ram { get; } = new byte[0x10000];

    public bool IsPrivileged { get; set; } = true;

    public uint GetRegister(int n) => _registers[n];

    public void SetRegister(int n, uint value) => _registers[n] = value;

    public bool ReadMemory(uint address, Span<byte> destination)
    {
        if (address < RamBase || (ulong)address + (ulong)destination.Length > RamBase + (ulong)Ram.Length)
        {
            return false;
        }

        Ram.AsSpan((int)(address - RamBase), destination.Length).CopyTo(destination);
        return true;
    }

    public bool WriteMemory(uint address, ReadOnlySpan<byte> source)
    {
        if (address < RamBase || (ulong)address + (ulong)source.Length > RamBase + (ulong)Ram.Length)
        {
            return false;
        }

        source.CopyTo(Ram.AsSpan((int)(address - RamBase)));
        return true;
    }

    public string DumpState() => "R00=00000099 R01=00000000 R02=00000000 R03=00000000\n";

    /// <summary>Copies <paramref name="bytes"/> into fresh RAM and returns its address.</summary>
    public uint Place(ReadOnlySpan<byte> bytes)
    {
        var address = _next;
        WriteMemory(address, bytes);
        _next += (uint)((bytes.Length + 8) & ~3);
        return address;
    }

    /// <summary>A NUL-terminated string in RAM.</summary>
    public uint PlaceString(string text) => Place(Encoding.UTF8.GetBytes(text + "\0"));

    /// <summary>A parameter block of 32-bit words in RAM.</summary>
    public uint PlaceWords(params uint[] words)
    {
        var bytes = new byte[words.Length * 4];
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), words[i]);
        }

        return Place(bytes);
    }

    public uint Word(uint address)
    {
        Span<byte> w = stackalloc byte[4];
        Assert.True(ReadMemory(address, w));
        return BinaryPrimitives.ReadUInt32LittleEndian(w);
    }

    public byte[] Bytes(uint address, int length)
    {
        var bytes = new byte[length];
        Assert.True(ReadMemory(address, bytes));
        return bytes;
    }
}
