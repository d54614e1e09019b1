// Implements: management.md §7.2 SYS_OPEN mode table (QEMU's gdb_open_modeflags and host_open). Mode i is the
// fopen() string ModeStrings[i]; QEMU converts it to open(2) flags and creates files 0644. QEMU 7.2's host_open
// copies RDONLY/WRONLY/RDWR, CREAT, TRUNC and EXCL but drops APPEND, so "a" modes write at offset 0
// [7.2 observed: "++\n" over "Hello, FILE!\n" gives "++\nlo, FILE!\n"]; we keep that (Append is informational).
namespace Nemu.Semihosting;

/// <summary>One SYS_OPEN mode (0..11): its fopen() spelling and the open(2) flags QEMU uses for it.</summary>
public readonly record struct SemihostingOpenMode(string Fopen, bool Read, bool Write, bool Create, bool Truncate, bool Append)
{
    /// <summary>The twelve modes, indexed by the SYS_OPEN mode word.</summary>
    public static IReadOnlyList<SemihostingOpenMode> All { get; } =
    [
        new("r", true, false, false, false, false),
        new("rb", true, false, false, false, false),
        new("r+", true, true, false, false, false),
        new("r+b", true, true, false, false, false),
        new("w", false, true, true, true, false),
        new("wb", false, true, true, true, false),
        new("w+", true, true, true, true, false),
        new("w+b", true, true, true, true, false),
        new("a", false, true, true, false, true),
        new("ab", false, true, true, false, true),
        new("a+", true, true, true, false, true),
        new("a+b", true, true, true, false, true),
    ];

    /// <summary>Linux open(2) flags as QEMU 7.2 host_open passes them (no O_APPEND, see the file header).</summary>
    public int HostFlags
    {
        get
        {
            var flags = Read && Write ? 2 : Write ? 1 : 0; // O_RDWR, O_WRONLY, O_RDONLY
            if (Create)
            {
                flags |= 0x40; // O_CREAT
            }

            if (Truncate)
            {
                flags |= 0x200; // O_TRUNC
            }

            return flags;
        }
    }

    /// <summary>The permission bits QEMU creates files with.</summary>
    public const int CreateMode = 0x1a4; // 0644
}
