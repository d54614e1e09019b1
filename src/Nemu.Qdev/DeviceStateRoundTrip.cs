// Implements: a generic migration self-check in the spirit of QEMU's vmstate-static-checker and
// migration tests (management.md §4.3/§4.5): for every instantiable type of a registry, create, realize and
// reset a device, save its state, load it into a fresh instance, save again and compare bytes; then reset
// the loaded instance and check it saves like a freshly reset one. Any test project can run it over the
// full registry, so every device registered later is covered without writing a new test.
namespace Nemu.Qdev;

/// <summary>Runs the save/load/save round trip over every device type of a registry.</summary>
public static class DeviceStateRoundTrip
{
    /// <summary>
    /// Checks every non-abstract type of <paramref name="registry"/> accepted by <paramref name="include"/>.
    /// <paramref name="properties"/> supplies the properties a type needs to realize (e.g. a required size).
    /// </summary>
    public static DeviceStateRoundTripResult Check(
        DeviceTypeRegistry registry,
        Func<DeviceType, IReadOnlyList<KeyValuePair<string, string>>>? properties = null,
        Func<DeviceType, bool>? include = null,
        IChardevResolver? chardevs = null)
    {
        var checkedTypes = new List<string>();
        var stateless = new List<string>();
        var failures = new List<string>();
        foreach (var type in registry.Types)
        {
            if (type.IsAbstract || (include is not null && !include(type)))
            {
                continue;
            }

            try
            {
                var original = MakeDevice(registry, type, properties, chardevs);
                if (original.VmState is null)
                {
                    stateless.Add(type.Name);
                    continue;
                }

                checkedTypes.Add(type.Name);
                var description = original.VmState.Description;
                _ = description.DescribeJson();
                var saved = original.VmState.Save();

                var copy = MakeDevice(registry, type, properties, chardevs);
                copy.VmState!.Load(saved, description.VersionId);
                var resaved = copy.VmState.Save();
                if (!saved.AsSpan().SequenceEqual(resaved))
                {
                    failures.Add($"{type.Name}: state saved after load differs ({saved.Length} vs {resaved.Length} bytes, first difference at {FirstDifference(saved, resaved)})");
                    continue;
                }

                copy.Reset();
                var afterReset = copy.VmState.Save();
                if (!saved.AsSpan().SequenceEqual(afterReset))
                {
                    failures.Add($"{type.Name}: reset does not restore the freshly reset state (first difference at {FirstDifference(saved, afterReset)})");
                }
            }
            catch (Exception ex) when (ex is QdevException or Core.State.StateLoadException or InvalidOperationException or NotImplementedException)
            {
                failures.Add($"{type.Name}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        return new DeviceStateRoundTripResult(checkedTypes, stateless, failures);
    }

    private static Device MakeDevice(
        DeviceTypeRegistry registry,
        DeviceType type,
        Func<DeviceType, IReadOnlyList<KeyValuePair<string, string>>>? properties,
        IChardevResolver? chardevs)
    {
        var tree = new QdevTree(registry, chardevs);
        var device = tree.Create(type.Name);
        if (properties is not null)
        {
            foreach (var (name, value) in properties(type))
            {
                device.SetProperty(name, value);
            }
        }

        device.Realize();
        device.Reset();
        return device;
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return n;
    }
}
