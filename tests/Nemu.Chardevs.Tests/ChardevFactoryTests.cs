// -chardev options and legacy -serial strings to backends, with QEMU's error texts (management.md
// §1.1, §1.2, §6.1; texts observed with qemu-system-arm 7.2 and read from char-socket.c 10.0).
using Nemu.Chardevs.Backends;
using Nemu.Chardevs.Mux;
using Nemu.Chardevs.Socket;
using Nemu.Chardevs.Tests.TestSupport;

namespace Nemu.Chardevs.Tests;

public sealed class ChardevFactoryTests : IDisposable
{
    private readonly TestMainLoop _loop = new();
    private readonly ChardevRegistry _registry = new();
    private readonly TestPaths _paths = new();
    private readonly ChardevFactory _factory;

    public ChardevFactoryTests()
    {
        _factory = new ChardevFactory(_loop, _registry, new SynchronizedWriter());
    }

    [Theory]
    [InlineData("backend=foo,id=x", "'foo' is not a valid char driver name")]
    [InlineData("backend=socket,id=x,port=1,bogus=1", "Invalid parameter 'bogus'")]
    [InlineData("backend=null", "chardev: no id specified")]
    [InlineData("backend=file,id=f", "chardev: file: no filename given")]
    [InlineData("backend=pipe,id=p", "chardev: pipe: no device path given")]
    [InlineData("backend=socket,id=s,host=127.0.0.1", "chardev: socket: no port given")]
    [InlineData("backend=socket,id=s,host=127.0.0.1,port=1,server=maybe", "Parameter 'server' expects 'on' or 'off'")]
    [InlineData("backend=stdio,id=s,signal=maybe", "Parameter 'signal' expects 'on' or 'off'")]
    [InlineData("backend=socket,id=s,host=127.0.0.1,port=1,reconnect=1,reconnect-ms=500", "'reconnect' and 'reconnect-ms' are mutually exclusive")]
    [InlineData("backend=socket,id=s,host=127.0.0.1,port=1,server=on,wait=off,reconnect=1", "'reconnect' option is incompatible with socket in server listen mode")]
    [InlineData("backend=socket,id=s,host=127.0.0.1,port=1,wait=off", "'wait' option is incompatible with socket in client connect mode")]
    [InlineData("backend=socket,id=s,path=/tmp/x,host=h,port=1", "None or one of 'path', 'fd' or 'host' option required.")]
    [InlineData("backend=mux,id=m", "chardev: mux: no chardev given")]
    [InlineData("backend=mux,id=m,chardev=nope", "mux: base chardev nope not found")]
    [InlineData("backend=pty,id=p", "chardev backend 'pty' is not supported by Nemu")]
    [InlineData("backend=vc,id=v,width=abc", "Parameter 'width' expects a number")]
    public void BadOptionsGiveQemuErrors(string options, string message)
    {
        var e = Assert.Throws<ChardevException>(() => _factory.Create(Options(options)));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void DuplicateIdIsRejected()
    {
        _factory.Create(Options("backend=null,id=a"));
        var e = Assert.Throws<ChardevException>(() => _factory.Create(Options("backend=null,id=a")));
        Assert.Equal("Duplicate ID 'a' for chardev", e.Message);
    }

    [Fact]
    public void SocketOptionsWithDeprecatedBareFlags()
    {
        var path = _paths.New(".sock");
        var options = new Dictionary<string, string> { ["backend"] = "socket", ["id"] = "q", ["path"] = path, ["server"] = "", ["nowait"] = "" };
        var chardev = Assert.IsType<SocketChardev>(_factory.Create(options));
        Assert.Equal($"disconnected:unix:{path},server=on", chardev.Filename);
        Assert.Same(chardev, _registry.Find("q"));
    }

    [Fact]
    public void MuxOnRegistersBaseAndMux()
    {
        var mux = Assert.IsType<MuxChardev>(_factory.Create(Options("backend=null,id=c,mux=on")));
        Assert.Equal("c", mux.Id);
        Assert.Equal("null", _registry.Find("c-base")!.Filename);
        Assert.Same(_registry.Find("c-base"), mux.Base);
    }

    [Fact]
    public void LegacyMonStringCreatesMuxNamedAfterLabel()
    {
        var chardev = _factory.CreateFromLegacy("serial0", "mon:null");
        Assert.Equal(["serial0-base", "serial0"], _registry.All.Select(c => c.Id));
        Assert.Equal("mux", chardev!.Filename);
    }

    [Fact]
    public void LegacyChardevReferenceResolvesThroughRegistry()
    {
        var existing = _factory.Create(Options("backend=null,id=con"));
        Assert.Same(existing, _factory.CreateFromLegacy("serial0", "chardev:con"));
        var e = Assert.Throws<ChardevException>(() => _factory.CreateFromLegacy("serial1", "chardev:zz"));
        Assert.Equal("Chardev 'zz' not found", e.Message);
    }

    [Fact]
    public void VcSwallowsOutputIsOpenAndNamedVc()
    {
        var vc = Assert.IsType<VcChardev>(_factory.CreateFromLegacy("serial0", "vc:80Cx24C"));
        Assert.Equal("vc", vc.Filename);
        Assert.Equal(5, vc.Write("hello"u8));
        var frontend = new RecordingFrontend();
        _loop.Invoke(() => vc.Attach(frontend));
        frontend.WaitForEvent(ChardevEvent.Opened);
        Assert.Empty(frontend.Received);
        Assert.True(vc.FrontendOpen);
    }

    [Fact]
    public void VcAcceptsCharacterAndPixelSizes()
    {
        Assert.IsType<VcChardev>(_factory.Create(Options("backend=vc,id=v0,cols=100,rows=30")));
        Assert.IsType<VcChardev>(_factory.Create(Options("backend=vc,id=v1,width=640,height=480")));
        Assert.Equal("vc", _registry.Find("v1")!.Filename);
    }

    [Fact]
    public void LegacyNoneIsNoChardev() => Assert.Null(_factory.CreateFromLegacy("serial0", "none"));

    [Fact]
    public void LegacyTcpServerShowsBoundAddress()
    {
        var chardev = _factory.CreateFromLegacy("serial0", "tcp:127.0.0.1:0,server=on,wait=off")!;
        Assert.Matches(@"^disconnected:tcp:127\.0\.0\.1:\d+,server=on$", chardev.Filename);
    }

    [Fact]
    public void LegacyTelnetWithDeprecatedFlags()
    {
        var chardev = Assert.IsType<SocketChardev>(_factory.CreateFromLegacy("serial0", "telnet:localhost:0,server,nowait"));
        Assert.True(chardev.Options.Telnet);
        Assert.Matches(@"^disconnected:telnet:127\.0\.0\.1:\d+,server=on$", chardev.Filename);
    }

    [Fact]
    public void HelpListsBackends()
    {
        Assert.StartsWith("Available chardev backend types: \n  stdio\n  vc\n", ChardevFactory.HelpText, StringComparison.Ordinal);
        Assert.Contains("  socket\n", ChardevFactory.HelpText, StringComparison.Ordinal);
        Assert.Contains("  mux\n", ChardevFactory.HelpText, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _registry.Dispose();
        _loop.Dispose();
        _paths.Dispose();
    }

    private static Dictionary<string, string> Options(string text) =>
        text.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
}
