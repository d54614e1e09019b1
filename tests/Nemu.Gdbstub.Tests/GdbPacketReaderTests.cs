using System.Text;

namespace Nemu.Gdbstub.Tests;

public sealed class GdbPacketReaderTests
{
    [Fact]
    public void GoodChecksumYieldsPayload() => Assert.Equal(["m0,4"], Packets("$m0,4#fd"));

    [Fact]
    public void BadChecksumIsReported()
    {
        var reader = new GdbPacketReader();
        var results = Encoding.Latin1.GetBytes("$m0,4#fe").Select(b => reader.Feed(b, out _)).ToList();
        Assert.Equal(GdbReadResult.BadChecksum, results[^1]);
    }

    [Fact]
    public void BraceEscapesNextByteXor20() => Assert.Equal(["a$b"], Packets("$a}\u0004b#" + Sum("a}\u0004b")));

    [Fact]
    public void RunLengthRepeatsPreviousByte() => Assert.Equal(["m00000"], Packets("$m0*!#" + Sum("m0*!")));

    [Fact]
    public void BytesOutsidePacketAreIgnored() => Assert.Equal(["?"], Packets("xyz\u0003$?#3f"));

    [Fact]
    public void OversizePacketIsDroppedSilentlyAndNextPacketParses()
    {
        var huge = "$" + new string('m', 5000) + "#00";
        Assert.Equal(["?"], Packets(huge + "$?#3f"));
    }

    private static string Sum(string payload) => (Encoding.Latin1.GetBytes(payload).Sum(b => b) & 0xFF).ToString("x2", global::System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Packets(string input)
    {
        var reader = new GdbPacketReader();
        var packets = new List<string>();
        foreach (var b in Encoding.Latin1.GetBytes(input))
        {
            if (reader.Feed(b, out var payload) == GdbReadResult.Packet)
            {
                packets.Add(Encoding.Latin1.GetString(payload));
            }
        }

        return packets;
    }
}
