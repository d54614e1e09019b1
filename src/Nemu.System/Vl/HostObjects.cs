using Nemu.Memory.Backends;
using Nemu.Options.Syntax;
using Nemu.Options.Values;

namespace Nemu.System.Vl;

/// <summary>
/// The user-created objects of <c>-object</c> (QEMU's /objects container), by id: for now the host memory
/// backends <c>memory-backend-ram</c> and <c>memory-backend-memfd</c> (backends/hostmem*.c) with QEMU's
/// property names and error texts. Not modelled: prealloc, NUMA policy, host-nodes, file backends.
/// </summary>
public sealed class HostObjects : IDisposable
{
    private static readonly string[] CommonKeys = ["qom-type", "id", "size", "share", "merge", "dump", "prealloc", "prealloc-threads", "policy", "host-nodes", "reserve", "x-use-canonical-path-for-ramblock-id"];
    private static readonly string[] MemfdKeys = ["hugetlb", "hugetlbsize", "seal"];

    private readonly Dictionary<string, HostMemoryBackend> _backends = new(StringComparer.Ordinal);
    private readonly HashSet<HostMemoryBackend> _used = [];

    public IReadOnlyDictionary<string, HostMemoryBackend> MemoryBackends => _backends;

    /// <summary>Creates the object described by one <c>-object</c> argument.</summary>
    public void Create(ParsedOptions options, string location)
    {
        var type = options.Get("qom-type") ?? throw new VlException("Parameter 'qom-type' is missing", location);
        var memfd = type == "memory-backend-memfd";
        if (!memfd && type != "memory-backend-ram")
        {
            throw new VlException($"Parameter 'qom-type' does not accept value '{type}'", location);
        }

        foreach (var entry in options.Entries)
        {
            if (!CommonKeys.Contains(entry.Key) && !(memfd && MemfdKeys.Contains(entry.Key)))
            {
                throw new VlException($"Invalid parameter '{entry.Key}'", location);
            }
        }

        var id = options.Get("id") ?? throw new VlException("Parameter 'id' is missing", location);
        if (!IsIdentifier(id))
        {
            throw new VlException("Parameter 'id' expects an identifier\nIdentifiers consist of letters, digits, '-', '.', '_', starting with a letter.", location);
        }

        if (!options.Has("size"))
        {
            throw new VlException("Parameter 'size' is missing", location);
        }

        // The object's properties go through QEMU's keyval visitor, whose wording differs from QemuOpts'.
        if (QemuSize.TryParse(options.Get("size")!, 'B', out var size) != QemuSize.Status.Ok)
        {
            throw new VlException("Parameter 'size' expects a size value", location);
        }

        var share = Bool(options, "share", memfd, location);
        var hugetlb = memfd && Bool(options, "hugetlb", false, location);
        var seal = memfd && Bool(options, "seal", true, location);
        if (size == 0)
        {
            throw new VlException($"property 'size' of {type} doesn't take value '0'");
        }

        if (_backends.ContainsKey(id))
        {
            throw new VlException($"Duplicate ID '{id}' for object", location);
        }

        try
        {
            _backends[id] = memfd ? new MemfdMemoryBackend(size, share, hugetlb, seal, id) : new RamMemoryBackend(size, share, id);
        }
        catch (Exception e) when (e is IOException or OutOfMemoryException or InvalidOperationException)
        {
            throw new VlException($"unable to map backing store for guest RAM: {e.Message}");
        }
    }

    /// <summary>Takes backend <paramref name="id"/> for the machine's RAM (<c>-machine memory-backend=</c>).</summary>
    public HostMemoryBackend TakeForMachine(string id)
    {
        if (!_backends.TryGetValue(id, out var backend))
        {
            throw new VlException($"Memory backend '{id}' not found");
        }

        if (!_used.Add(backend))
        {
            throw new VlException($"memory backend {id} can't be used multiple times.");
        }

        return backend;
    }

    private static bool Bool(ParsedOptions options, string key, bool defaultValue, string location)
    {
        if (options.Get(key) is not { } text)
        {
            return defaultValue;
        }

        return QemuBool.TryParse(text, out var value) ? value : throw new VlException($"Parameter '{key}' expects 'on' or 'off'", location);
    }

    /// <summary>QEMU's id_wellformed: a letter, then letters, digits, '-', '.', '_'.</summary>
    public static bool IsIdentifier(string id)
    {
        if (id.Length == 0 || !char.IsAsciiLetter(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '.' and not '_')
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose()
    {
        foreach (var backend in _backends.Values)
        {
            backend.Dispose();
        }
    }
}
