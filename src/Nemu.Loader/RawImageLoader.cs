// Implements: QEMU hw/core/loader.c load_image_targphys_as: a whole file as one blob named after the file,
// at a fixed address, refused (size -1) when larger than the limit; an empty file adds nothing.
using Nemu.Core;
using Nemu.Loader.Rom;

namespace Nemu.Loader;

/// <summary>Loads raw binary images.</summary>
public static class RawImageLoader
{
    /// <summary>Adds <paramref name="image"/> at <paramref name="address"/>; returns false (adds nothing) when it exceeds <paramref name="maxSize"/>.</summary>
    public static bool TryLoad(string name, ReadOnlyMemory<byte> image, GuestAddress address, ulong maxSize, RomSet roms, out RomBlob? blob)
    {
        ArgumentNullException.ThrowIfNull(roms);
        blob = null;
        if ((ulong)image.Length > maxSize)
        {
            return false;
        }

        if (image.Length > 0)
        {
            blob = new RomBlob(name, address, image, (ulong)image.Length, name);
            roms.Add(blob);
        }

        return true;
    }
}
