// Implements: QEMU 7.2 softmmu/qtest.c irq_intercept_in / irq_intercept_out / set_irq_in and qtest_irq_handler:
// the device is found by QOM path (absolute, or a unique partial path such as an id), "FAIL Unknown device"
// otherwise; only the unnamed GPIO list is intercepted; a second intercept of the same device is "OK", of another
// "FAIL IRQ intercept already enabled". Each intercepted line forwards to its original handler, then reports
// "IRQ raise N" / "IRQ lower N" when its level differs from the last one reported (one level table per
// connection, indexed by line number only, as QEMU's irq_levels[]).
// Deviation: set_irq_in on a line the device does not have answers ERR (QEMU asserts).
using Nemu.Qdev;

namespace Nemu.System.Qtest;

/// <summary>IRQ interception and injection commands.</summary>
public sealed partial class QtestServer
{
    private bool[] _irqLevels = new bool[256];
    private Device? _interceptDevice;

    /// <summary>The device whose lines are intercepted, if any.</summary>
    public Device? InterceptedDevice => _interceptDevice;

    private void InterceptIrqs(QtestWords w, bool outputs)
    {
        var device = Resolve(w.Word(1, "QOM-PATH"));
        if (device is null)
        {
            Reply("FAIL Unknown device\n");
            return;
        }

        if (_interceptDevice is not null)
        {
            Reply(ReferenceEquals(_interceptDevice, device) ? "OK\n" : "FAIL IRQ intercept already enabled\n");
            return;
        }

        foreach (var list in device.Gpios)
        {
            // QEMU: "We don't support intercept of named GPIOs yet".
            if (list.Name is not null)
            {
                continue;
            }

            var count = outputs ? list.Outputs.Count : list.Inputs.Count;
            if (count > _irqLevels.Length)
            {
                Array.Resize(ref _irqLevels, count);
            }

            if (outputs)
            {
                list.InterceptOutputs(OnInterceptedIrq);
            }
            else
            {
                list.InterceptInputs(OnInterceptedIrq);
            }
        }

        _interceptDevice = device;
        Reply("OK\n");
    }

    private void SetIrqIn(QtestWords w)
    {
        var path = w.Word(1, "QOM-PATH");
        var name = w.Word(2, "NAME");
        var number = w.I32(3, "NUM");
        var level = w.I32(4, "LEVEL");
        var device = Resolve(path);
        if (device is null)
        {
            Reply("FAIL Unknown device\n");
            return;
        }

        var listName = name == "unnamed-gpio-in" ? null : name;
        NamedGpioList? list = null;
        foreach (var candidate in device.Gpios)
        {
            if (candidate.Name == listName)
            {
                list = candidate;
            }
        }

        if (list is null || number < 0 || number >= list.Inputs.Count)
        {
            throw new QtestArgumentException($"set_irq_in: {path} has no gpio-in \"{name}\" {number}");
        }

        list.Inputs[number].Set(level != 0);
        Reply("OK\n");
    }

    private void OnInterceptedIrq(int n, bool level)
    {
        if (_irqLevels[n] == level)
        {
            return;
        }

        _irqLevels[n] = level;
        Reply(level ? $"IRQ raise {n}\n" : $"IRQ lower {n}\n");
    }

    /// <summary>QEMU's object_resolve_path for devices: an absolute QOM path, or a partial path matching one device.</summary>
    private Device? Resolve(string path)
    {
        var tree = _machine.Qdev;
        if (path.StartsWith('/'))
        {
            return tree.FindByPath(path);
        }

        if (path.Length == 0)
        {
            return null;
        }

        Device? found = null;
        foreach (var device in tree.Devices)
        {
            if (device.Path is { } p && p.EndsWith("/" + path, StringComparison.Ordinal))
            {
                if (found is not null)
                {
                    return null;
                }

                found = device;
            }
        }

        return found ?? tree.FindById(path);
    }
}
