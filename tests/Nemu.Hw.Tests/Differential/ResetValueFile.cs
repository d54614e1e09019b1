// The recorded QEMU reset values (Data/qemu-7.2-reset-values.tsv): one register a line, tab-separated
// board, device, address, offset, register name and value, after '#' comment lines naming the QEMU version,
// how to regenerate the file and which registers were left out because reading them has side effects.
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Nemu.Hw.Tests.Differential;

/// <summary>Reads and writes the reset-value data file.</summary>
internal static class ResetValueFile
{
    public const string FileName = "qemu-7.2-reset-values.tsv";

    public static string SourcePath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here)!)!, "Data", FileName);

    public static Dictionary<(string Board, ulong Address), (ResetRegister Register, uint Value)> Load()
    {
        var result = new Dictionary<(string, ulong), (ResetRegister, uint)>();
        foreach (var line in File.ReadAllLines(SourcePath()))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            var address = Hex(f[2]);
            var offset = Hex(f[3]);
            var register = new ResetRegister(f[0], f[1], address - offset, offset, f[4]);
            result[(f[0], address)] = (register, (uint)Hex(f[5]));
        }

        return result;
    }

    public static void Write(string qemuVersion, IEnumerable<ResetDevice> devices, Func<ResetRegister, uint> value)
    {
        var text = new StringBuilder();
        text.Append("# Register reset values of ").Append(qemuVersion).Append(", read with the HMP command `xp /1xw ADDR`\n");
        text.Append("# on `qemu-system-arm -M BOARD -S -display none -monitor stdio -serial null` before the CPU ran.\n");
        text.Append("# Regenerate: NEMU_RECORD=1 dotnet test tests/Nemu.Hw.Tests --filter FullyQualifiedName~QemuResetValues\n");
        foreach (var device in devices.Where(d => d.Skipped.Length != 0))
        {
            text.Append("# not read (side effects or write-only): ").Append(device.Board).Append(' ').Append(device.Device).Append(": ")
                .Append(device.Skipped).Append('\n');
        }

        text.Append("# board\tdevice\taddress\toffset\tregister\tvalue\n");
        foreach (var register in devices.SelectMany(d => d.Rows))
        {
            text.Append(CultureInfo.InvariantCulture, $"{register.Board}\t{register.Device}\t0x{register.Address:x8}\t0x{register.Offset:x3}\t{register.Name}\t0x{value(register):x8}\n");
        }

        File.WriteAllText(SourcePath(), text.ToString());
    }

    private static ulong Hex(string text) => ulong.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
