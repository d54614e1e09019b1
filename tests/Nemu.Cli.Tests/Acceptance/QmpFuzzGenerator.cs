// Issue 7 acceptance (issue item 4, plan §3.6): a seeded, deterministic generator of malformed QMP input:
// truncated JSON, wrong argument types, random bytes, deep nesting, long strings, unknown commands. It never
// produces a well-formed command with side effects (quit, reset, powerdown, cont, HMP command lines), so the
// machine's state stays what the liveness probes expect.
using System.Text;

namespace Nemu.Cli.Tests.Acceptance;

/// <summary>Malformed QMP messages from a seed.</summary>
internal sealed class QmpFuzzGenerator(int seed)
{
    private static readonly string[] Valid =
    [
        """{"execute": "query-status"}""", """{"execute": "query-version", "id": 7}""", """{"execute": "query-name"}""",
        """{"execute": "query-cpus-fast", "id": [1, {"x": null}]}""", """{"execute": "query-chardev"}""", """{"execute": "query-target"}""",
        """{"execute": "qom-list", "arguments": {"path": "/machine"}}""", """{"execute": "qom-get", "arguments": {"path": "/machine", "property": "type"}}""",
        """{"execute": "query-commands"}""", """{"execute": "qmp_capabilities"}""",
    ];

    private static readonly string[] WrongTypes =
    [
        """{"execute": "qom-list", "arguments": {"path": 5}}""", """{"execute": "qom-get", "arguments": {"path": [], "property": {}}}""",
        """{"execute": "memsave", "arguments": {"val": "x", "size": -1, "filename": 3}}""", """{"execute": "human-monitor-command", "arguments": {"command-line": 5}}""",
        """{"execute": "pmemsave", "arguments": {"val": 1.5, "size": true, "filename": null}}""", """{"execute": "query-status", "arguments": {"bogus": 1}}""",
        """{"execute": "device_add", "arguments": {"driver": 5}}""", """{"execute": "device_del", "arguments": {}}""", """{"execute": 5}""",
        """{"execute": "query-status", "arguments": []}""", """{"exec-oob": "query-status"}""", """{"execute": null, "id": {}}""",
        """{"execute": "qom-set", "arguments": {"path": "/machine", "property": "kernel", "value": [1]}}""", "[]", "123", "\"s\"", "null", "{}",
    ];

    private readonly Random _random = new(seed);

    public byte[] Next()
    {
        return _random.Next(9) switch
        {
            0 => Truncated(),
            1 => Encoding.UTF8.GetBytes(Pick(WrongTypes)),
            2 => RandomBytes(1 + _random.Next(200)),
            3 => DeepNesting(),
            4 => LongString(),
            5 => Encoding.UTF8.GetBytes($$"""{"execute": "no-such-{{_random.Next()}}", "id": {{_random.Next()}}}"""),
            6 => Mutated(),
            7 => Encoding.UTF8.GetBytes("{'execute': 'query-status', 'id': '\\u" + _random.Next(0x10000).ToString("x4", global::System.Globalization.CultureInfo.InvariantCulture) + "'}"),
            _ => Encoding.UTF8.GetBytes(Pick(Valid)),
        };
    }

    /// <summary>A byte that QEMU's JSON lexer rejects in every state (never valid UTF-8): the parser resets.</summary>
    public static byte[] Resync => [0xff, (byte)'\n'];

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private byte[] Truncated()
    {
        var text = Pick(Valid);
        return Encoding.UTF8.GetBytes(text[..(1 + _random.Next(text.Length - 1))]);
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private byte[] DeepNesting()
    {
        var depth = 1 + _random.Next(2000);
        var open = _random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var builder = new StringBuilder().Insert(0, open, depth);
        if (_random.Next(2) == 0)
        {
            builder.Append('1').Insert(builder.Length, close, depth);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private byte[] LongString()
    {
        var length = _random.Next(3) == 0 ? 256 * 1024 : 1 + _random.Next(8192);
        var terminated = _random.Next(2) == 0;
        return Encoding.UTF8.GetBytes("{\"execute\": \"" + new string((char)('a' + _random.Next(26)), length) + (terminated ? "\"}" : string.Empty));
    }

    private byte[] Mutated()
    {
        var bytes = Encoding.UTF8.GetBytes(Pick(Valid));
        for (var i = 1 + _random.Next(3); i > 0; i--)
        {
            bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
        }

        return bytes;
    }
}
