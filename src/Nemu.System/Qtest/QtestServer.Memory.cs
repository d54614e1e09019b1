// Implements: the memory and port commands of QEMU 7.2 softmmu/qtest.c: read[bwlq]/write[bwlq] (one
// address_space_read/write of the access size, little-endian value; reply "OK 0x%016x"), in[bwl]/out[bwl]
// (the "I/O" address space, port ≤ 0xffff; reply "OK 0x%04x"), read/write (hex "0x.." data, short data
// zero-filled, "ERR invalid argument size" without the log prefix for data shorter than 3 characters),
// b64read/b64write (GLib base64) and memset (size 0 allowed).
using System.Buffers.Binary;
using Nemu.Core;

namespace Nemu.System.Qtest;

/// <summary>Memory and port I/O commands.</summary>
public sealed partial class QtestServer
{
    private void WriteValue(QtestWords w, uint size)
    {
        var address = w.U64(1, "ADDR");
        var value = w.U64(2, "VALUE");
        Span<byte> data = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(data, value);
        CpuSpace.WriteBuffer(new GuestAddress(address), data[..(int)size], MemTxAttrs.UnspecifiedAttrs);
        Reply("OK\n");
    }

    private void ReadValue(QtestWords w, uint size)
    {
        var address = w.U64(1, "ADDR");
        Span<byte> data = stackalloc byte[8];
        data.Clear();
        CpuSpace.ReadBuffer(new GuestAddress(address), data[..(int)size], MemTxAttrs.UnspecifiedAttrs);
        Reply($"OK 0x{BinaryPrimitives.ReadUInt64LittleEndian(data):x16}\n");
    }

    private void Out(QtestWords w, uint size)
    {
        var port = Port(w);
        var value = w.U64(2, "VALUE");
        Span<byte> data = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(data, (uint)value);
        _machine.AddressSpaceIo.WriteBuffer(new GuestAddress(port), data[..(int)size], MemTxAttrs.UnspecifiedAttrs);
        Reply("OK\n");
    }

    private void In(QtestWords w, uint size)
    {
        var port = Port(w);
        Span<byte> data = stackalloc byte[4];
        data.Clear();
        _machine.AddressSpaceIo.ReadBuffer(new GuestAddress(port), data[..(int)size], MemTxAttrs.UnspecifiedAttrs);
        Reply($"OK 0x{BinaryPrimitives.ReadUInt32LittleEndian(data):x4}\n");
    }

    private void ReadHex(QtestWords w)
    {
        var address = w.U64(1, "ADDR");
        var data = new byte[Length(w, allowZero: false)];
        CpuSpace.ReadBuffer(new GuestAddress(address), data, MemTxAttrs.UnspecifiedAttrs);
        Reply("OK 0x" + Convert.ToHexStringLower(data) + "\n");
    }

    private void ReadBase64(QtestWords w)
    {
        var address = w.U64(1, "ADDR");
        var data = new byte[Length(w, allowZero: true)];
        CpuSpace.ReadBuffer(new GuestAddress(address), data, MemTxAttrs.UnspecifiedAttrs);
        Reply("OK " + Convert.ToBase64String(data) + "\n");
    }

    private void WriteHex(QtestWords w)
    {
        var address = w.U64(1, "ADDR");
        var length = Length(w, allowZero: true);
        var text = w.Word(3, "DATA");
        if (text.Length < 3)
        {
            _send("ERR invalid argument size\n");
            return;
        }

        // QEMU skips the first two characters ("0x") unchecked and zero-fills past the end of the data.
        var data = new byte[length];
        for (var i = 0; i < data.Length && (i * 2) + 4 <= text.Length; i++)
        {
            data[i] = (byte)((HexNibble(text[(i * 2) + 2]) << 4) | HexNibble(text[(i * 2) + 3]));
        }

        CpuSpace.WriteBuffer(new GuestAddress(address), data, MemTxAttrs.UnspecifiedAttrs);
        Reply("OK\n");
    }

    private void WriteBase64(QtestWords w)
    {
        var address = w.U64(1, "ADDR");
        var length = Length(w, allowZero: true);
        var text = w.Word(3, "B64_DATA");
        if (text.Length < 3)
        {
            _send("ERR invalid argument size\n");
            return;
        }

        var decoded = GlibBase64.Decode(text);
        if ((ulong)decoded.Length != (ulong)length && _opened)
        {
            _log?.Sent($"b64write: data length mismatch (told {length}, found {decoded.Length})\n");
        }

        // QEMU writes SIZE bytes whatever was decoded; Nemu zero-fills a short decode instead of reading past it.
        var data = new byte[length];
        decoded.AsSpan(0, Math.Min(decoded.Length, data.Length)).CopyTo(data);
        CpuSpace.WriteBuffer(new GuestAddress(address), data, MemTxAttrs.UnspecifiedAttrs);
        Reply("OK\n");
    }

    private void Memset(QtestWords w)
    {
        var address = w.U64(1, "ADDR");
        var length = Length(w, allowZero: true);
        var pattern = w.U64(3, "VALUE");
        if (length > 0)
        {
            var data = new byte[length];
            Array.Fill(data, (byte)pattern);
            CpuSpace.WriteBuffer(new GuestAddress(address), data, MemTxAttrs.UnspecifiedAttrs);
        }

        Reply("OK\n");
    }

    private static ulong Port(QtestWords w)
    {
        var port = w.U64(1, "ADDR");
        return port <= 0xffff ? port : throw new QtestArgumentException($"{w.Command}: port 0x{port:x} is above 0xffff");
    }

    private static int Length(QtestWords w, bool allowZero)
    {
        var length = w.U64(2, "SIZE");
        if (length == 0 && !allowZero)
        {
            throw new QtestArgumentException($"{w.Command}: SIZE must not be 0");
        }

        return length <= MaxTransferSize ? (int)length : throw new QtestArgumentException($"{w.Command}: SIZE {length} is larger than {MaxTransferSize}");
    }

    /// <summary>QEMU's hex2nib: -1 for a non-hex character, which then sets every bit it is or-ed into.</summary>
    private static int HexNibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
