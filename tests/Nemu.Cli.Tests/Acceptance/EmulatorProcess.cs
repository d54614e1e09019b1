// Issue 7 acceptance: an emulator started in the background (for gdb, QMP and fuzz clients), its output
// collected, and killed (by its own process id) when the test is done with it.
using System.Diagnostics;
using System.Text;

namespace Nemu.Cli.Tests.Acceptance;

/// <summary>A running emulator process with its merged stdout/stderr.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private EmulatorProcess(Emulator emulator, Process process)
    {
        Name = emulator.Name;
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string ExitCodeText => _process.HasExited ? "exit code " + _process.ExitCode : "running";

    /// <summary>What the emulator printed so far (stdout and stderr, interleaved by line).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static EmulatorProcess Start(Emulator emulator, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(emulator.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in emulator.Prefix.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start);
        Assert.True(process is not null, $"could not start {emulator.FileName}");
        return new EmulatorProcess(emulator, process!);
    }

    /// <summary>Waits for the emulator to end; false (and the process is killed) when it does not.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (_process.WaitForExit(timeout))
        {
            _process.WaitForExit(); // drains the asynchronous output readers
            return true;
        }

        Kill();
        return false;
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }
}
