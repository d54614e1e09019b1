// Implements: the Nemu-only hook of pci.md §8(d) / seed 004 for Msi and Msix: an Enable transition is reported
// to the machine's IPciInterruptObserver, which lives on the root bus; a function behind bridges reaches it by
// walking up through each bridge's bus.
namespace Nemu.Pci;

/// <summary>Finds the interrupt observer responsible for a function and reports Enable transitions to it.</summary>
internal static class MsiObserverLookup
{
    /// <summary>The nearest observer on the way from the function's bus to the root, or null.</summary>
    public static IPciInterruptObserver? Find(PciDevice device)
    {
        for (var bus = device.Bus; bus is not null; bus = bus.ParentBridge?.Bus)
        {
            if (bus.InterruptObserver is { } observer)
            {
                return observer;
            }
        }

        return null;
    }

    /// <summary>Reports an enable (<paramref name="vectors"/> &gt; 0) or disable (0); true unless the observer refused.</summary>
    public static bool Report(PciDevice device, MsiKind kind, int vectors) =>
        Find(device)?.MsiEnableChanged(device, kind, vectors) ?? true;
}
