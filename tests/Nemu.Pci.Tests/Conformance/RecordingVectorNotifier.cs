// Test support for pci.md §9 64-68: an IMsixVectorNotifier (seed 003's backend contract, §4.4) that records
// every call in order, as "use V 0xADDRESS 0xDATA", "release V" and "poll START END".
namespace Nemu.Pci.Tests.Conformance;

/// <summary>Records use/release/poll calls; an optional poll action lets a test act as a backend refreshing pending bits.</summary>
internal sealed class RecordingVectorNotifier(Action<int, int>? onPoll = null) : IMsixVectorNotifier
{
    public List<string> Calls { get; } = [];

    public bool Use(int vector, MsiMessage message)
    {
        Calls.Add($"use {vector} 0x{message.Address:x} 0x{message.Data:x}");
        return true;
    }

    public void Release(int vector) => Calls.Add($"release {vector}");

    public void Poll(int start, int end)
    {
        Calls.Add($"poll {start} {end}");
        onPoll?.Invoke(start, end);
    }
}
