// The seam between the differential tests and the emulator under test: QEMU now (the oracle), Nemu once
// its M-profile boards exist. Both are driven with the same QEMU command line.
namespace Nemu.Boards.Tests.Differential;

/// <summary>Runs a firmware image on an emulator and returns what it printed.</summary>
public interface IEmulatorRunner
{
    string Name { get; }

    ProcessResult Run(Variant variant, string elf, TimeSpan timeout);
}
