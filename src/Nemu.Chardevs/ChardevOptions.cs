// Typed access to -chardev key=value options with QEMU's errors (qemu_chardev_opts in chardev/char.c,
// qemu_opt_get_bool/number in util/qemu-option.c; deprecated bare flags: management.md §1.1).
namespace Nemu.Chardevs;

/// <summary>
/// The options of one chardev as the option parser delivered them (<c>backend</c>, <c>id</c>,
/// <c>path</c>, <c>host</c>, <c>port</c>, <c>server</c>, ...). Keys outside QEMU's chardev option list
/// are rejected with <c>Invalid parameter 'KEY'</c>; a key with an empty value is a bare flag
/// (<c>server</c> = on), and <c>nowait</c>/<c>nodelay</c>-style <c>noKEY</c> flags mean KEY=off.
/// </summary>
public sealed class ChardevOptions
{
    /// <summary>Every key QEMU's <c>-chardev</c> accepts (for any backend; unused ones are ignored as in QEMU).</summary>
    public static readonly IReadOnlySet<string> KnownKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "backend", "id", "path", "host", "port", "fd", "local", "localaddr", "localport", "to", "ipv4", "ipv6",
        "wait", "server", "delay", "nodelay", "reconnect", "reconnect-ms", "telnet", "tn3270", "tls-creds",
        "tls-authz", "websocket", "width", "height", "cols", "rows", "mux", "signal", "name", "debug", "size",
        "chardev", "append", "logfile", "logappend", "mouse", "clipboard", "abstract", "tight", "input-path",
    };

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private ChardevOptions()
    {
    }

    /// <summary>The normalised key/value pairs.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Checks and normalises <paramref name="options"/>.</summary>
    /// <exception cref="ChardevException"><c>Invalid parameter 'KEY'</c>.</exception>
    public static ChardevOptions From(IEnumerable<KeyValuePair<string, string>> options)
    {
        var result = new ChardevOptions();
        foreach (var (rawKey, value) in options)
        {
            var key = rawKey;
            var v = value;
            if (!KnownKeys.Contains(key) && key.StartsWith("no", StringComparison.Ordinal) && v.Length == 0 && KnownKeys.Contains(key[2..]))
            {
                // QemuOpts' legacy "nowait" / "nodelay" spelling of wait=off (deprecated since 6.0).
                key = key[2..];
                v = "off";
            }

            if (!KnownKeys.Contains(key))
            {
                throw new ChardevException($"Invalid parameter '{rawKey}'");
            }

            result._values[key] = v.Length == 0 && key is not ("id" or "path" or "host" or "port") ? "on" : v;
        }

        return result;
    }

    public bool Has(string key) => _values.ContainsKey(key);

    public string? Get(string key) => _values.TryGetValue(key, out var v) ? v : null;

    /// <exception cref="ChardevException"><c>Parameter 'KEY' expects 'on' or 'off'</c>.</exception>
    public bool GetBool(string key, bool defaultValue)
    {
        var v = Get(key);
        return v switch
        {
            null => defaultValue,
            "on" or "yes" or "true" or "y" => true,
            "off" or "no" or "false" or "n" => false,
            _ => throw new ChardevException($"Parameter '{key}' expects 'on' or 'off'"),
        };
    }

    /// <exception cref="ChardevException"><c>Parameter 'KEY' expects a number</c>.</exception>
    public long GetNumber(string key, long defaultValue)
    {
        var v = Get(key);
        if (v is null)
        {
            return defaultValue;
        }

        var ok = v.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(v.AsSpan(2), System.Globalization.NumberStyles.HexNumber, null, out var n)
            : long.TryParse(v, System.Globalization.NumberStyles.None, null, out n);
        return ok ? n : throw new ChardevException($"Parameter '{key}' expects a number");
    }
}
