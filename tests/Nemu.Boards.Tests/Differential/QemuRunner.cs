// The oracle: qemu-system-arm (7.2 on the CI image) from PATH.
namespace Nemu.Boards.Tests.Differential;

/// <summary>Runs images on qemu-system-arm.</summary>
public sealed class QemuRunner : IEmulatorRunner
{
    public string Name => "qemu-system-arm";

    public ProcessResult Run(Variant variant, string elf, TimeSpan timeout) =>
        ProcessRun.Run(ProcessRun.Require("qemu-system-arm", "qemu-system-arm"), QemuCommandLine.For(variant, elf), timeout);
}
