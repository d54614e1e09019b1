using Nemu.Loader;
using Nemu.Options.CommandLine;
using Nemu.Qdev;

namespace Nemu.System.Vl;

/// <summary>
/// Creates the <c>-device</c> devices in command-line order after the board (QEMU's qemu_create_cli_devices);
/// a failure names the option as typed: <c>-device loader,bogus=1: Property 'loader.bogus' not found</c>.
/// </summary>
public static class DeviceSetup
{
    public static void Create(Machine machine, QemuCommandLine commandLine)
    {
        var locations = Vl.LocationsOf(commandLine, "device");
        for (var i = 0; i < commandLine.Devices.Count; i++)
        {
            var options = new List<KeyValuePair<string, string>>();
            foreach (var entry in commandLine.Devices[i].Entries)
            {
                options.Add(new KeyValuePair<string, string>(entry.Key, entry.Value));
            }

            try
            {
                machine.Qdev.AddDevice(options);
            }
            catch (QdevException e)
            {
                throw new VlException(e.Message, locations[i]);
            }
            catch (LoaderException e)
            {
                throw new VlException(e.Message, locations[i]);
            }
        }
    }
}
