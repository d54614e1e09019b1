// The connection a QtestClient talks through: a real emulator process over unix sockets, or an in-process
// machine driven directly (same protocol text, no sockets).
namespace Nemu.Testing.Qtest;

/// <summary>Carries qtest lines and HMP commands to one emulator.</summary>
internal interface IQtestTransport : IDisposable
{
    /// <summary>Sends one command line (without newline).</summary>
    void SendLine(string line);

    /// <summary>The next line the server sent (without newline).</summary>
    string ReadLine();

    /// <summary>Runs an HMP command and returns its output (LF line ends, no echo, no prompt).</summary>
    string Hmp(string command);
}
