// Creates chardevs from -chardev options and legacy -serial/-monitor strings (QEMU's
// qemu_chr_new_from_opts, qemu_chr_new, and each backend's parse function; management.md §6.1).
// Nemu has the null, stdio, vc (without a display), file, pipe, socket and mux backends; QEMU's others are
// rejected clearly.
using Nemu.Chardevs.Backends;
using Nemu.Chardevs.Mux;
using Nemu.Chardevs.Socket;
using Nemu.Core.Threading;

namespace Nemu.Chardevs;

/// <summary>
/// Builds chardevs and registers them in a <see cref="ChardevRegistry"/>. Messages that are not
/// errors (<c>info: Nemu waiting for connection on: ...</c>, reconnect failures) go to <see cref="Messages"/>.
/// </summary>
public sealed class ChardevFactory(IMainLoop loop, ChardevRegistry registry, TextWriter? messages = null)
{
    /// <summary>The backends Nemu implements, in <c>-chardev help</c> order.</summary>
    public static readonly IReadOnlyList<string> BackendNames = ["stdio", "vc", "pipe", "null", "socket", "file", "mux"];

    private static readonly HashSet<string> QemuOnlyBackends = new(StringComparer.Ordinal)
    {
        "serial", "tty", "pty", "testdev", "ringbuf", "memory", "wctablet", "qemu-vdagent", "msmouse",
        "udp", "parallel", "parport", "hub", "braille", "spicevmc", "spiceport", "dbus",
    };

    /// <summary>The <c>-chardev help</c> text (QEMU prints a trailing space after the colon).</summary>
    public static string HelpText => "Available chardev backend types: \n" + string.Concat(BackendNames.Select(n => $"  {n}\n"));

    /// <summary>Where informational lines go; stderr by default.</summary>
    public TextWriter Messages { get; } = messages ?? Console.Error;

    /// <summary>What <c>C-a x</c> on a mux runs (the system's quit).</summary>
    public Action? Terminate { get; init; }

    /// <summary>What <c>C-a s</c> on a mux runs (commit -snapshot disks).</summary>
    public Action? CommitDisks { get; init; }

    public ChardevRegistry Registry => registry;

    /// <summary>
    /// Creates and registers the chardev described by <c>-chardev</c> options (<c>backend</c> and
    /// <c>id</c> required). With <c>mux=on</c> the backend is registered as <c>ID-base</c> and the
    /// returned <see cref="MuxChardev"/> as <c>ID</c>.
    /// </summary>
    /// <exception cref="ChardevException">QEMU's one-line error texts.</exception>
    public Chardev Create(IReadOnlyDictionary<string, string> options)
    {
        var opts = ChardevOptions.From(options);
        var backend = opts.Get("backend") ?? throw new ChardevException("Parameter 'backend' is missing");
        var id = opts.Get("id");
        if (string.IsNullOrEmpty(id))
        {
            throw new ChardevException("chardev: no id specified");
        }

        return CreateNamed(id, backend, opts);
    }

    /// <summary>
    /// The chardev for a legacy <c>-serial</c>/<c>-monitor</c>/<c>-qmp</c>/<c>-gdb</c> string, created
    /// with id <paramref name="label"/> (e.g. <c>serial0</c>), or the existing one for <c>chardev:ID</c>;
    /// null for <c>none</c>.
    /// </summary>
    /// <exception cref="ChardevException"><c>'SPEC' is not a valid char driver</c>, <c>Chardev 'ID' not found</c>, ...</exception>
    public Chardev? CreateFromLegacy(string label, string spec)
    {
        if (spec.StartsWith("chardev:", StringComparison.Ordinal))
        {
            var id = spec[8..];
            return registry.Find(id) ?? throw new ChardevException($"Chardev '{id}' not found");
        }

        var options = LegacyChardevSpec.Parse(spec);
        if (options is null)
        {
            return null;
        }

        return CreateNamed(label, options["backend"], ChardevOptions.From(options));
    }

    private Chardev CreateNamed(string id, string backend, ChardevOptions opts)
    {
        registry.ThrowIfTaken(id);
        if (backend != "mux" && opts.GetBool("mux", false))
        {
            var baseId = id + "-base";
            registry.ThrowIfTaken(baseId);
            var baseChardev = CreateBackend(baseId, backend, opts);
            registry.Add(baseChardev);
            var mux = new MuxChardev(id, loop, baseChardev, Terminate, CommitDisks);
            registry.Add(mux);
            return mux;
        }

        var chardev = CreateBackend(id, backend, opts);
        registry.Add(chardev);
        return chardev;
    }

    private Chardev CreateBackend(string id, string backend, ChardevOptions opts)
    {
        if (opts.Has("logfile"))
        {
            throw new ChardevException("chardev: logfile= is not supported by Nemu");
        }

        switch (backend)
        {
            case "null":
                return new NullChardev(id, loop);
            case "stdio":
                return StdioChardev.Open(id, loop, opts.GetBool("signal", true));
            case "vc":
                // qemu_chr_parse_vc: the sizes must be numbers; a console without a display ignores them.
                foreach (var key in (string[])["width", "height", "cols", "rows"])
                {
                    opts.GetNumber(key, 0);
                }

                return new VcChardev(id, loop);
            case "file":
                return FileChardev.Open(
                    id,
                    loop,
                    opts.Get("path") ?? throw new ChardevException("chardev: file: no filename given"),
                    opts.Get("input-path"),
                    opts.GetBool("append", false));
            case "pipe":
                return PipeChardev.Open(id, loop, opts.Get("path") ?? throw new ChardevException("chardev: pipe: no device path given"));
            case "socket":
                return SocketChardev.Open(id, loop, ParseSocket(opts), Messages);
            case "mux":
                var baseId = opts.Get("chardev") ?? throw new ChardevException("chardev: mux: no chardev given");
                var baseChardev = registry.Find(baseId) ?? throw new ChardevException($"mux: base chardev {baseId} not found");
                return new MuxChardev(id, loop, baseChardev, Terminate, CommitDisks);
            default:
                throw new ChardevException(QemuOnlyBackends.Contains(backend)
                    ? $"chardev backend '{backend}' is not supported by Nemu"
                    : $"'{backend}' is not a valid char driver name");
        }
    }

    /// <summary>qemu_chr_parse_socket + qmp_chardev_validate_socket.</summary>
    internal static SocketChardevOptions ParseSocket(ChardevOptions opts)
    {
        var path = opts.Get("path");
        var host = opts.Get("host");
        var port = opts.Get("port");
        if ((path is not null ? 1 : 0) + (opts.Has("fd") ? 1 : 0) + (host is not null ? 1 : 0) > 1)
        {
            throw new ChardevException("None or one of 'path', 'fd' or 'host' option required.");
        }

        if (opts.Has("fd"))
        {
            throw new ChardevException("chardev: socket: fd= is not supported by Nemu");
        }

        if (host is not null && port is null)
        {
            throw new ChardevException("chardev: socket: no port given");
        }

        if (path is null && host is null)
        {
            throw new ChardevException("chardev: socket: no host or path given");
        }

        foreach (var flag in (string[])["websocket", "tn3270"])
        {
            if (opts.GetBool(flag, false))
            {
                throw new ChardevException($"chardev: socket: {flag}=on is not supported by Nemu");
            }
        }

        foreach (var key in (string[])["tls-creds", "tls-authz"])
        {
            if (opts.Has(key))
            {
                throw new ChardevException($"chardev: socket: {key}= is not supported by Nemu");
            }
        }

        if (opts.Has("delay") && opts.Has("nodelay"))
        {
            throw new ChardevException("'delay' and 'nodelay' are mutually exclusive");
        }

        var server = opts.GetBool("server", false);
        var noDelay = !opts.GetBool("delay", true) || opts.GetBool("nodelay", false);
        var telnet = opts.GetBool("telnet", false);
        var wait = opts.GetBool("wait", true);
        var hasReconnect = opts.Has("reconnect");
        var hasReconnectMs = opts.Has("reconnect-ms");
        var reconnect = opts.GetNumber("reconnect", 0);
        var reconnectMs = opts.GetNumber("reconnect-ms", 0);
        if (server)
        {
            if (hasReconnect || hasReconnectMs)
            {
                throw new ChardevException($"'{(hasReconnect ? "reconnect" : "reconnect-ms")}' option is incompatible with socket in server listen mode");
            }
        }
        else if (opts.Has("wait"))
        {
            throw new ChardevException("'wait' option is incompatible with socket in client connect mode");
        }

        if (hasReconnect && hasReconnectMs)
        {
            throw new ChardevException("'reconnect' and 'reconnect-ms' are mutually exclusive");
        }

        return new SocketChardevOptions
        {
            Path = path,
            Host = host ?? "",
            Port = port ?? "",
            Server = server,
            Wait = server && wait,
            Telnet = telnet,
            NoDelay = noDelay,
            ReconnectMs = hasReconnect ? reconnect * 1000 : reconnectMs,
        };
    }
}
