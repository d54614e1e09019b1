namespace Nemu.Boards.Tests;

/// <summary>
/// Splits QEMU-format <c>info mtree</c>, <c>info mtree -f</c> and <c>info qtree</c> text into comparable pieces:
/// per address space (FlatView numbers and AS order differ between runs, pci.md §1.8), per alias-target region,
/// and per sysbus device.
/// </summary>
internal static class VirtMonitorText
{
    /// <summary><c>info mtree -f</c>: for each AS name, the root line and the rendered ranges of its FlatView.</summary>
    public static Dictionary<string, List<string>> FlatViewsByAddressSpace(string text)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var block in Blocks(text))
        {
            var names = new List<string>();
            var body = new List<string>();
            foreach (var line in block)
            {
                if (line.StartsWith(" AS \"", StringComparison.Ordinal))
                {
                    names.Add(line[5..line.IndexOf('"', 5)]);
                }
                else if (!line.StartsWith("FlatView #", StringComparison.Ordinal))
                {
                    body.Add(line);
                }
            }

            foreach (var name in names)
            {
                result[name] = body;
            }
        }

        return result;
    }

    /// <summary><c>info mtree</c>: "as:NAME" for each address space and "mr:NAME" for each alias-target section.</summary>
    public static Dictionary<string, List<string>> TreeSections(string text)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var block in Blocks(text))
        {
            var keys = new List<string>();
            var body = new List<string>();
            foreach (var line in block)
            {
                if (line.StartsWith("address-space: ", StringComparison.Ordinal))
                {
                    keys.Add("as:" + line["address-space: ".Length..]);
                }
                else if (line.StartsWith("memory-region: ", StringComparison.Ordinal))
                {
                    keys.Add("mr:" + line["memory-region: ".Length..]);
                }
                else
                {
                    body.Add(line);
                }
            }

            foreach (var key in keys)
            {
                result[key] = body;
            }
        }

        return result;
    }

    /// <summary><c>info qtree</c>: the main-system-bus devices in printed order (newest first), each with its lines.</summary>
    public static List<(string Type, List<string> Lines)> SysbusDevices(string text)
    {
        var devices = new List<(string, List<string>)>();
        foreach (var line in Lines(text))
        {
            if (line.StartsWith("  dev: ", StringComparison.Ordinal))
            {
                devices.Add((line[7..line.IndexOf(',', StringComparison.Ordinal)], [line]));
            }
            else if (devices.Count > 0)
            {
                devices[^1].Item2.Add(line);
            }
        }

        return devices;
    }

    private static IEnumerable<List<string>> Blocks(string text)
    {
        var block = new List<string>();
        foreach (var line in Lines(text))
        {
            if (line.Length == 0)
            {
                if (block.Count > 0)
                {
                    yield return block;
                }

                block = [];
            }
            else
            {
                block.Add(line);
            }
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
