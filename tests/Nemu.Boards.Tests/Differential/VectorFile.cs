// Recorded differential vectors: the result lines QEMU printed, one gzip'd text file per variant
// (Data/vectors/<variant>.txt.gz). Header lines start with '#'; the first says which generator version,
// seeds and case count the file covers. Each data line is "<seed> case <n>: <fields>" as the harness prints it.
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Nemu.Boards.Tests.Differential;

/// <summary>Reads and writes the recorded vectors of one variant.</summary>
public sealed class VectorFile
{
    /// <summary>Images per variant and cases per image of the recording: 40 × 500 = 20,000 cases.</summary>
    public const int Seeds = 40;
    public const int CasesPerSeed = 500;

    private readonly Dictionary<(int Seed, int Index), CaseLine> _lines = [];

    public VectorFile(Variant variant, int generatorVersion)
    {
        Variant = variant;
        GeneratorVersion = generatorVersion;
    }

    public Variant Variant { get; }
    public int GeneratorVersion { get; }
    public int Count => _lines.Count;

    public static string PathFor(string directory, Variant variant) => Path.Combine(directory, variant.Name + ".txt.gz");

    public void Add(int seed, CaseLine line) => _lines[(seed, line.Index)] = line;

    public CaseLine? Find(int seed, int index) => _lines.TryGetValue((seed, index), out var line) ? line : null;

    public IEnumerable<int> SeedsPresent => _lines.Keys.Select(k => k.Seed).Distinct().Order();

    public int CasesFor(int seed) => _lines.Keys.Count(k => k.Seed == seed);

    public static VectorFile Read(string directory, Variant variant)
    {
        var path = PathFor(directory, variant);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"recorded vectors {path} are missing: re-record them (tests/firmware/README.md)", path);
        }

        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var header = reader.ReadLine() ?? string.Empty;
        const string Marker = "generator v";
        var at = header.IndexOf(Marker, StringComparison.Ordinal);
        var version = at < 0 ? -1 : int.Parse(header.AsSpan(at + Marker.Length).ToString().Split(',', ' ')[0], CultureInfo.InvariantCulture);
        var file = new VectorFile(variant, version);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            file.Add(int.Parse(line.AsSpan(0, space), CultureInfo.InvariantCulture), CaseLine.Parse(line[(space + 1)..]));
        }

        return file;
    }

    /// <summary>Writes the file deterministically (fixed order, no timestamps in the gzip header).</summary>
    public void Write(string directory, string emulatorVersion)
    {
        Directory.CreateDirectory(directory);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# nemu differential vectors: variant {Variant.Name} ({Variant.Architecture}), generator v{GeneratorVersion}, ");
        text.Append(CultureInfo.InvariantCulture, $"seeds {string.Join(',', SeedsPresent)}, {Count} cases, -M {Variant.Board} -cpu {Variant.Cpu}\n");
        text.Append("# recorded with ").Append(emulatorVersion).Append('\n');
        foreach (var ((seed, _), line) in _lines.OrderBy(p => p.Key.Seed).ThenBy(p => p.Key.Index))
        {
            text.Append(seed.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(line.Text).Append('\n');
        }

        using var stream = new GZipStream(File.Create(PathFor(directory, Variant)), CompressionLevel.SmallestSize);
        stream.Write(Encoding.ASCII.GetBytes(text.ToString()));
    }
}
