using Nemu.Core;
using Nemu.Loader.Rom;

namespace Nemu.Loader.Tests.Rom;

/// <summary>A sparse byte store that records ROM writes and can refuse an address range.</summary>
internal sealed class RecordingRomWriter : IRomWriter, IRomMemoryKind
{
    public Dictionary<ulong, byte> Bytes { get; } = [];

    public int Calls { get; private set; }

    public ulong RomBelow { get; init; }

    public ulong FailAt { get; init; } = ulong.MaxValue;

    public MemTxResult WriteRom(GuestAddress address, ReadOnlySpan<byte> data)
    {
        Calls++;
        if (address.Value == FailAt)
        {
            return MemTxResult.DecodeError;
        }

        for (var i = 0; i < data.Length; i++)
        {
            Bytes[address.Value + (ulong)i] = data[i];
        }

        return MemTxResult.Ok;
    }

    public bool IsRom(GuestAddress address) => address.Value < RomBelow;
}
