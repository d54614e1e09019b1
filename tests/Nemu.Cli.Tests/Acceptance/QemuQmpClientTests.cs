// Issue 7 acceptance: "the qemu.qmp Python client from Debian's qemu source package (apt-get source qemu, its
// python/ folder) connects, negotiates and runs query-status against Nemu". The library comes only from
// artifacts/qemu-python (scripts/setup-qemu-python.sh); the script runs against QEMU 7.2 first to prove itself.
using System.Diagnostics;

namespace Nemu.Cli.Tests.Acceptance;

/// <summary>qemu.qmp's asyncio QMPClient drives Nemu as it drives QEMU.</summary>
public sealed class QemuQmpClientTests
{
    // connect (greeting + qmp_capabilities negotiation), query-status, an error, cont with its RESUME event, quit.
    private const string Script = """
        import asyncio, json, sys
        from qemu.qmp import QMPClient, ExecuteError

        async def main(path):
            qmp = QMPClient('nemu-acceptance')
            await asyncio.wait_for(qmp.connect(path), 30)
            print('greeting capabilities', qmp.greeting.QMP.capabilities)
            print('query-status', json.dumps(await qmp.execute('query-status'), sort_keys=True))
            try:
                await qmp.execute('no-such-command')
            except ExecuteError as err:
                print('error', err.error_class, str(err))
            with qmp.listener('RESUME') as listener:
                print('cont', json.dumps(await qmp.execute('cont')))
                event = await asyncio.wait_for(listener.get(), 30)
                print('event', event['event'])
            print('query-status', json.dumps(await qmp.execute('query-status'), sort_keys=True))
            try:
                await qmp.execute('quit')
            except Exception as err:  # the server may close before or after the return
                print('quit closed', type(err).__name__)
            try:
                await qmp.disconnect()
            except EOFError:  # the reader saw the server close after quit before disconnect() ran
                pass
            print('done')

        asyncio.run(main(sys.argv[1]))
        """;

    [Fact]
    public void QmpClientScriptRunsAgainstQemu()
    {
        var output = RunClient(Emulator.Qemu72);
        AssertExpectedOutput(output);
    }

    [Fact]
    public void QmpClientConnectsNegotiatesAndQueriesNemu()
    {
        var qemu = RunClient(Emulator.Qemu72);
        var nemu = RunClient(Emulator.Nemu);
        AssertExpectedOutput(nemu);
        Assert.Equal(qemu, nemu);
    }

    private static void AssertExpectedOutput(string output)
    {
        Assert.Contains("greeting capabilities ['oob']\n", output, StringComparison.Ordinal);
        Assert.Contains("query-status {\"running\": false, \"singlestep\": false, \"status\": \"prelaunch\"}\n", output, StringComparison.Ordinal);
        Assert.Contains("error CommandNotFound The command no-such-command has not been found\n", output, StringComparison.Ordinal);
        Assert.Contains("event RESUME\n", output, StringComparison.Ordinal);
        Assert.Contains("query-status {\"running\": true, \"singlestep\": false, \"status\": \"running\"}\n", output, StringComparison.Ordinal);
        Assert.EndsWith("done\n", output, StringComparison.Ordinal);
    }

    private static string RunClient(Emulator emulator)
    {
        var pythonPath = AcceptanceTools.QemuPythonPath;
        var python = AcceptanceTools.Python3;
        var dir = AcceptanceTools.TempDirectory("qemuqmp");
        var socket = Path.Combine(dir, "qmp.sock");
        var script = Path.Combine(dir, "client.py");
        File.WriteAllText(script, Script);
        using var emu = EmulatorProcess.Start(emulator,
            ["-M", "mps2-an385", "-kernel", GdbFirmware.Spin, "-display", "none", "-S", "-qmp", $"unix:{socket},server=on,wait=off"]);
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(socket))
        {
            Assert.False(emu.HasExited, $"{emulator.Name} exited ({emu.ExitCodeText}): {emu.Output}");
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"{emulator.Name} did not create {socket} within 30 s: {emu.Output}");
            Thread.Sleep(20);
        }

        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(socket);
        start.Environment["PYTHONPATH"] = pythonPath;
        using var client = Process.Start(start)!;
        var stdout = client.StandardOutput.ReadToEndAsync();
        var stderr = client.StandardError.ReadToEndAsync();
        if (!client.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            client.Kill(entireProcessTree: true);
            Assert.Fail($"the qemu.qmp client against {emulator.Name} did not finish within 60 s: {stdout.Result}{stderr.Result}; emulator: {emu.Output}");
        }

        Assert.True(client.ExitCode == 0, $"the qemu.qmp client against {emulator.Name} failed ({client.ExitCode}):\n{stdout.Result}\n{stderr.Result}\nemulator: {emu.Output}");
        Assert.True(emu.WaitForExit(TimeSpan.FromSeconds(30)), $"{emulator.Name} did not exit after quit: {emu.Output}");
        return stdout.Result;
    }
}
