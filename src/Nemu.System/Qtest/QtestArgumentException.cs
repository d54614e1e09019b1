// A malformed qtest line (missing or unparsable argument). QEMU 7.2 asserts and dies there
// (qtest-probe.txt: "assertion failed: (words[1])"); Nemu answers one ERR line instead (deviation).
namespace Nemu.System.Qtest;

/// <summary>A qtest command line Nemu cannot execute; the message is the text after <c>ERR </c>.</summary>
public sealed class QtestArgumentException(string message) : Exception(message);
