using Nemu.Testing.Qtest;

namespace Nemu.Cli.Tests.Virt;

/// <summary>
/// The installed qemu-system-arm 7.2 and nemu-system-arm run now with the same command line and the same qtest
/// writes (BARs, bridge window, MSI as in qtest-mapped.txt): <c>info pci</c> is equal line for line and
/// <c>info mtree -f</c> per address space. Complements the recorded comparisons of VirtMonitorParityTests.
/// </summary>
public sealed class VirtLiveDifferentialTests
{
    [Theory]
    [InlineData("edu-testdev")]
    [InlineData("mapped")]
    public void InfoPciAndFlatViewsMatchARunningQemu(string configuration)
    {
        var args = VirtRecording.Arguments(configuration);
        var (qemuPci, qemuMtree) = Run(QtestClient.StartQemu(args), configuration);
        var (nemuPci, nemuMtree) = Run(QtestClient.StartNemu(args), configuration);

        Assert.Equal(MonitorSections.Lines(qemuPci), MonitorSections.Lines(nemuPci));
        MonitorSections.AssertSame(MonitorSections.FlatViews(qemuMtree), MonitorSections.FlatViews(nemuMtree), $"info mtree -f ({configuration})");
    }

    private static (string Pci, string Mtree) Run(QtestClient emulator, string configuration)
    {
        using (emulator)
        {
            foreach (var line in VirtRecording.Setup(configuration))
            {
                Assert.Equal("OK", emulator.Raw(line));
            }

            return (emulator.Hmp("info pci"), emulator.Hmp("info mtree -f"));
        }
    }
}
