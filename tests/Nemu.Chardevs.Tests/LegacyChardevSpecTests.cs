// Legacy -serial/-monitor/-qmp/-gdb strings (management.md §1.2, §6.1; QEMU's qemu_chr_parse_compat).
namespace Nemu.Chardevs.Tests;

public sealed class LegacyChardevSpecTests
{
    [Theory]
    [InlineData("stdio", "backend=stdio")]
    [InlineData("null", "backend=null")]
    [InlineData("mon:stdio", "mux=on;backend=stdio")]
    [InlineData("file:/tmp/out.txt", "backend=file;path=/tmp/out.txt")]
    [InlineData("pipe:/tmp/p", "backend=pipe;path=/tmp/p")]
    [InlineData("tcp:127.0.0.1:4444,server=on,wait=off", "backend=socket;host=127.0.0.1;port=4444;server=on;wait=off")]
    [InlineData("tcp::1234", "backend=socket;host=;port=1234")]
    [InlineData("telnet:localhost:4444,server=on", "backend=socket;host=localhost;port=4444;telnet=on;server=on")]
    [InlineData("unix:/tmp/q.sock,server,nowait", "backend=socket;path=/tmp/q.sock;server=on;wait=off")]
    [InlineData("tcp:[::1]:4444", "backend=socket;host=::1;port=4444")]
    [InlineData("vc", "backend=vc")]
    [InlineData("vc:80Cx24C", "backend=vc;cols=80;rows=24")]
    [InlineData("vc:640x480", "backend=vc;width=640;height=480")]
    [InlineData("vc:80Cx24", "backend=vc;cols=80;rows=24")]
    [InlineData("vc:640x480junk", "backend=vc;width=640;height=480")]
    [InlineData("vcanything", "backend=vc")]
    [InlineData("mon:vc", "mux=on;backend=vc")]
    public void LegacyStringMapsToChardevOptions(string spec, string expected)
    {
        var options = LegacyChardevSpec.Parse(spec)!;
        var wanted = expected.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(wanted.OrderBy(p => p.Key), options.OrderBy(p => p.Key));
    }

    [Fact]
    public void NoneMeansNoDevice() => Assert.Null(LegacyChardevSpec.Parse("none"));

    [Theory]
    [InlineData("foo:bar")]
    [InlineData("pty")]
    [InlineData("tcp:nocolon")]
    [InlineData("vc:80")]
    [InlineData("vc:x24")]
    [InlineData("vc:12345678x1")]
    public void UnknownLegacyStringIsNotAValidCharDriver(string spec)
    {
        var e = Assert.Throws<ChardevException>(() => LegacyChardevSpec.Parse(spec));
        Assert.Equal($"'{spec}' is not a valid char driver", e.Message);
    }

    [Fact]
    public void UnknownLegacyOptionIsInvalidParameter()
    {
        var e = Assert.Throws<ChardevException>(() => LegacyChardevSpec.Parse("tcp:h:1,bogus=1"));
        Assert.Equal("Invalid parameter 'bogus'", e.Message);
    }
}
