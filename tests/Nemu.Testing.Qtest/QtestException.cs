// A qtest reply the client did not expect (FAIL/ERR where OK was needed, or an unparsable OK).
namespace Nemu.Testing.Qtest;

/// <summary>The emulator answered a qtest command with something other than the expected <c>OK</c> form.</summary>
public sealed class QtestException(string message) : Exception(message);
