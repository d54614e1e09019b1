// Implements: management.md §1.2 (-device loader); QEMU 7.2 hw/core/generic-loader.c
// generic_loader_realize/generic_loader_reset as a pure function, with its exact error texts (including
// "greater then"). Behaviours kept from 7.2 (observed): PC-only mode needs addr != 0; data-be with
// data-len < 8 stores the first bytes of the 64-bit big-endian value (so 0x12345678,data-len=4 writes
// zeros); a file is tried as ELF (any machine) and else loaded raw at addr up to the RAM size, and an
// ELF load sets addr (hence the PC) to its entry.
// Not modelled: U-Boot uImage and Intel HEX formats (such files load raw), the perror detail line.
using System.Buffers.Binary;
using Nemu.Core;
using Nemu.Loader.Elf;
using Nemu.Loader.Rom;

namespace Nemu.Loader.Generic;

/// <summary>Validates a <see cref="GenericLoaderRequest"/> and performs its loads.</summary>
public static class GenericLoader
{
    /// <summary>
    /// Checks <paramref name="request"/> like QEMU's realize and loads its file into <paramref name="roms"/>.
    /// Throws <see cref="LoaderException"/> with QEMU's message (the System layer prefixes <c>-device loader,...: </c>).
    /// </summary>
    /// <param name="cpuCount">Number of CPUs of the machine (for "Specified boot CPU#N is nonexistent").</param>
    /// <param name="ramSize">The machine's RAM size, the limit of a raw load.</param>
    /// <param name="readFile">Reads a file (tests); null reads from disk.</param>
    public static GenericLoaderPlan Plan(GenericLoaderRequest request, RomSet roms, int cpuCount, ulong ramSize,
        Func<string, byte[]?>? readFile = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(roms);
        var r = request;
        var setPc = false;
        var dataMode = r.Data != 0 || r.DataLength != 0 || r.DataBigEndian;
        if (dataMode)
        {
            if (r.File is not null)
            {
                throw new LoaderException("Specifying a file is not supported when loading memory values");
            }

            if (r.ForceRaw)
            {
                throw new LoaderException("Specifying force-raw is not supported when loading memory values");
            }

            if (r.DataLength == 0)
            {
                throw new LoaderException("Both data and data-len must be specified");
            }

            if (r.DataLength > 8)
            {
                throw new LoaderException("data-len cannot be greater then 8 bytes");
            }
        }
        else if (r.File is not null || r.ForceRaw)
        {
            setPc = r.CpuNumber is not null;
        }
        else if (r.Address != 0)
        {
            if (r.CpuNumber is null)
            {
                throw new LoaderException("cpu_num must be specified when setting a program counter");
            }

            setPc = true;
        }
        else
        {
            throw new LoaderException("please include valid arguments");
        }

        if (r.CpuNumber is { } n && n >= (uint)cpuCount)
        {
            throw new LoaderException($"Specified boot CPU#{(int)n} is nonexistent");
        }

        var address = r.Address;
        var blobs = new List<RomBlob>();
        if (r.File is not null)
        {
            address = LoadFile(r, roms, ramSize, readFile, blobs);
        }

        byte[]? data = null;
        if (r.DataLength != 0)
        {
            var value = new byte[8];
            if (r.DataBigEndian)
            {
                BinaryPrimitives.WriteUInt64BigEndian(value, r.Data);
            }
            else
            {
                BinaryPrimitives.WriteUInt64LittleEndian(value, r.Data);
            }

            data = value[..(int)r.DataLength];
        }

        return new GenericLoaderPlan((int)(r.CpuNumber ?? 0), setPc ? address : null, new GuestAddress(r.Address), data, blobs);
    }

    private static ulong LoadFile(GenericLoaderRequest r, RomSet roms, ulong ramSize, Func<string, byte[]?>? readFile, List<RomBlob> blobs)
    {
        var file = r.File!;
        var message = $"Cannot load specified image {file}";
        var image = readFile is not null
            ? readFile(file) ?? throw new LoaderException(message, $"{file}: No such file or directory")
            : ImageFile.Read(file, Math.Max(ramSize, ElfFile.DefaultMaxLoadSize), message) ?? throw new LoaderException(message);
        if (!r.ForceRaw)
        {
            try
            {
                var elf = ElfLoader.Load(file, image, roms);
                blobs.AddRange(elf.Blobs);
                return elf.Entry;
            }
            catch (ElfFormatException)
            {
                // Not a loadable ELF: QEMU tries uImage, then Intel HEX, then raw.
            }
        }

        if (!RawImageLoader.TryLoad(file, image, new GuestAddress(r.Address), ramSize, roms, out var blob))
        {
            throw new LoaderException(message);
        }

        if (blob is not null)
        {
            blobs.Add(blob);
        }

        return r.Address;
    }
}
