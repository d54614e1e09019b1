// Implements: QEMU hw/core/loader.c rom_insert (kept sorted by address, stable for equal addresses),
// rom_check_and_register_reset (overlap report, 7.2 wording), rom_reset (write data, zero the tail)
// and "info roms" (x-query-roms line format). One RomSet is one address space.
// Not modelled: fw_cfg files, MemoryRegion-backed roms, freeing data of ROM blobs after the first reset.
using System.Text;
using Nemu.Core;

namespace Nemu.Loader.Rom;

/// <summary>The blobs loaded into one address space, installed by <see cref="WriteAll"/> at each reset.</summary>
public sealed class RomSet
{
    private static readonly byte[] Zeros = new byte[4096];
    private readonly List<RomBlob> _blobs = [];

    /// <param name="addressSpaceName">Shown in overlap reports (QEMU: <c>cpu-memory-0</c>).</param>
    public RomSet(string addressSpaceName = "cpu-memory-0")
    {
        AddressSpaceName = addressSpaceName;
    }

    public string AddressSpaceName { get; }

    /// <summary>The blobs in address order (insertion order among equal addresses).</summary>
    public IReadOnlyList<RomBlob> Blobs => _blobs;

    /// <summary>Adds <paramref name="blob"/> after every blob whose address is lower or equal.</summary>
    public void Add(RomBlob blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var i = _blobs.Count;
        while (i > 0 && _blobs[i - 1].Address.Value > blob.Address.Value)
        {
            i--;
        }

        _blobs.Insert(i, blob);
    }

    /// <summary>Throws <see cref="RomOverlapException"/> listing every overlapping neighbour pair, as QEMU does at startup.</summary>
    public void CheckOverlaps()
    {
        var details = new StringBuilder();
        RomBlob? last = null;
        foreach (var rom in _blobs)
        {
            if (last is not null && last.End > rom.Address.Value)
            {
                if (details.Length == 0)
                {
                    details.Append("These ROM regions might have been loaded by direct user request or by default.\n")
                        .Append("They could be BIOS/firmware images, a guest kernel, initrd or some other file loaded into guest memory.\n")
                        .Append("Check whether you intended to load all this guest code, and whether it has been built to load to the correct addresses.\n");
                }

                details.Append($"\nThe following two regions overlap (in the {AddressSpaceName} address space):\n")
                    .Append($"  {last.Name} (addresses 0x{last.Address.Value:x16} - 0x{last.End:x16})\n")
                    .Append($"  {rom.Name} (addresses 0x{rom.Address.Value:x16} - 0x{rom.End:x16})\n");
            }

            last = rom;
        }

        if (details.Length > 0)
        {
            throw new RomOverlapException("Some ROM regions are overlapping", details.ToString().TrimEnd('\n'));
        }
    }

    /// <summary>
    /// Installs every blob (data, then zeros up to its size) through <paramref name="writer"/>. Returns the first
    /// non-OK result (later blobs are still written), or <see cref="MemTxResult.Ok"/>.
    /// </summary>
    public MemTxResult WriteAll(IRomWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var result = MemTxResult.Ok;
        foreach (var rom in _blobs)
        {
            Keep(ref result, rom.Data.IsEmpty ? MemTxResult.Ok : writer.WriteRom(rom.Address, rom.Data.Span));
            var at = rom.Address.Value + (ulong)rom.Data.Length;
            var left = rom.Size - (ulong)rom.Data.Length;
            while (left > 0)
            {
                var chunk = (int)Math.Min(left, (ulong)Zeros.Length);
                Keep(ref result, writer.WriteRom(new GuestAddress(at), Zeros.AsSpan(0, chunk)));
                at += (ulong)chunk;
                left -= (ulong)chunk;
            }
        }

        return result;
    }

    /// <summary>The <c>info roms</c> lines (each with trailing newline).</summary>
    public string InfoRoms(IRomMemoryKind memoryKind)
    {
        ArgumentNullException.ThrowIfNull(memoryKind);
        var sb = new StringBuilder();
        foreach (var rom in _blobs)
        {
            var mem = memoryKind.IsRom(rom.Address) ? "rom" : "ram";
            sb.Append($"addr={rom.Address.Value:x16} size=0x{rom.Size:x6} mem={mem} name=\"{rom.Name}\"\n");
        }

        return sb.ToString();
    }

    private static void Keep(ref MemTxResult result, MemTxResult next)
    {
        if (result == MemTxResult.Ok)
        {
            result = next;
        }
    }
}
