// An in-process machine built by the real start-up sequence (Vl.Build with nemu-system-arm's composition) with a
// GdbSession whose output is collected, so packets can be exchanged without sockets.
using System.Text;
using Nemu.Cli;
using Nemu.Options.CommandLine;
using Nemu.System;
using Nemu.System.Vl;

namespace Nemu.Gdbstub.Tests;

internal sealed class GdbHarness : IDisposable
{
    private readonly HostObjects _objects = new();
    private readonly List<byte> _output = [];

    public GdbHarness(params string[] args)
    {
        var context = new VlContext(Program.ProgramName, Program.CreateMachineRegistry(), CliExtensions.CreateDeviceRegistry(), new StringWriter(), new StringWriter());
        Machine = global::Nemu.System.Vl.Vl.Build(CommandLineParser.Parse([.. args, "-S"]), context, new CliExtensions(), _objects);
        Machine.Reset();
        var cpus = GdbStub.Cpus(Machine);
        Session = new GdbSession(Machine, cpus, cpus.Count > 1, data => _output.AddRange(data.ToArray()));
        Session.OnConnected();
    }

    public Machine Machine { get; }

    public GdbSession Session { get; }

    public static string Frame(string payload)
    {
        var sum = Encoding.Latin1.GetBytes(payload).Sum(b => b) & 0xFF;
        return $"${payload}#{sum:x2}";
    }

    /// <summary>Sends raw bytes and returns everything the stub wrote in answer.</summary>
    public string SendRaw(string bytes, bool keepPrevious = false)
    {
        if (!keepPrevious)
        {
            _output.Clear();
        }

        Session.Receive(Encoding.Latin1.GetBytes(bytes));
        return Encoding.Latin1.GetString([.. _output]);
    }

    /// <summary>Sends a framed packet (after acking the previous reply) and returns the reply's payload.</summary>
    public string Packet(string payload)
    {
        var raw = SendRaw("+" + Frame(payload));
        Assert.StartsWith("+$", raw, StringComparison.Ordinal);
        return Unframe(raw[1..]);
    }

    public static string Unframe(string raw)
    {
        Assert.StartsWith("$", raw, StringComparison.Ordinal);
        var hash = raw.LastIndexOf('#');
        var payload = raw[1..hash];
        Assert.Equal(Frame(payload), raw);
        return payload;
    }

    public void Dispose()
    {
        Machine.Dispose();
        _objects.Dispose();
    }
}
