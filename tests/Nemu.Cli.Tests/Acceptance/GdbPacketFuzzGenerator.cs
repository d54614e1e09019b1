// Issue 7 acceptance (issue item 4, plan §3.6): a seeded, deterministic generator of malformed gdb remote
// packets: bad checksums, oversized packets (> QEMU's 4096-byte buffer), unknown letters, bad hex, random
// binary. Well-formed packets that would resume, reset, kill or detach the target (c C s S v k D R r i I F b B t
// ! ? qRcmd) and register/memory writes are never produced, and 0x03 (interrupt) is never sent, so the
// `?` liveness probe's stop replies are the only stop replies on the connection.
using System.Text;

namespace Nemu.Cli.Tests.Acceptance;

/// <summary>Malformed gdb remote-protocol input from a seed.</summary>
internal sealed class GdbPacketFuzzGenerator(int seed)
{
    private const string Unsafe = "cCsSvkDRriIFbBt!?MXGP";
    private static readonly string[] Commands =
    [
        "g", "m0,4", "m20000000,40", "mffffffff,10", "m0,fffffff", "p0", "p19", "p1a", "p100", "pzz", "H", "Hg0", "Hgp1.1", "Hc-1", "Hgzz",
        "qSupported", "qSupported:multiprocess+;xmlRegisters=i386", "qAttached", "qAttached:1", "qC", "qfThreadInfo", "qsThreadInfo",
        "qThreadExtraInfo,p1.1", "qThreadExtraInfo,zz", "qXfer:features:read:target.xml:0,ffb", "qXfer:features:read:nosuch.xml:0,10",
        "qXfer:features:read:target.xml:zz,zz", "qXfer:features:read:target.xml:ffffffff,ffffffff", "qOffsets", "qTStatus", "qSymbol::",
        "Z0,100,2", "z0,100,2", "Z1,zz,2", "Z2,20000000,4", "z2,20000000,4", "Z3,0,0", "Z4,ffffffff,100", "Z9,0,0", "T1", "Tp1.1", "Tzz",
        "Qqemu.sstep=zz", "qqemu.sstepbits", "qqemu.sstep", "QStartNoAckMode", "vMustReplyEmpty", "A", "Y", "e", "j", "@", "~", "",
    ];

    private readonly Random _random = new(seed);

    /// <summary>A sequence that returns QEMU's packet reader to idle from any state (see MonitorFuzzTests).</summary>
    public static byte[] Resync => "#00#00"u8.ToArray();

    public byte[] Next()
    {
        return _random.Next(7) switch
        {
            0 => Packet(Pick(Commands), badChecksum: true),
            1 => Packet(Safe(Hex(4096 + _random.Next(4096))), badChecksum: _random.Next(2) == 0),
            2 => Packet(Safe(((char)(' ' + _random.Next(95))).ToString() + Hex(_random.Next(40)))),
            3 => Packet(Safe(Pick(Commands)) + ":" + "zz,g-" + Hex(_random.Next(8))),
            4 => RandomBinary(),
            5 => Packet(Safe(Pick(Commands)) + (_random.Next(2) == 0 ? "}" + (char)_random.Next(32, 127) : "*" + (char)_random.Next(29, 127))),
            _ => Packet(Safe(Pick(Commands))),
        };
    }

    private static string Safe(string payload) =>
        payload.Length > 0 && (Unsafe.Contains(payload[0], StringComparison.Ordinal) || payload.StartsWith("qRcmd", StringComparison.Ordinal))
            ? "Y" + payload[1..]
            : payload;

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private string Hex(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = "0123456789abcdefxyz"[_random.Next(19)];
        }

        return new string(chars);
    }

    private byte[] Packet(string payload, bool badChecksum = false)
    {
        var sum = 0;
        foreach (var b in Encoding.Latin1.GetBytes(payload))
        {
            sum += b;
        }

        var checksum = (byte)(badChecksum ? sum + 1 + _random.Next(255) : sum);
        return Encoding.Latin1.GetBytes("$" + payload + "#" + checksum.ToString("x2", global::System.Globalization.CultureInfo.InvariantCulture));
    }

    private byte[] RandomBinary()
    {
        var bytes = new byte[1 + _random.Next(300)];
        _random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0x03)
            {
                bytes[i] = 0x04;
            }
        }

        return bytes;
    }
}
