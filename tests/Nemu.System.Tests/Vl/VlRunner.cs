using Nemu.Qdev;
using Nemu.System.Boards;
using Nemu.System.Vl;

namespace Nemu.System.Tests.Vl;

/// <summary>Runs the start-up sequence in-process with captured output.</summary>
internal static class VlRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var machines = new MachineTypeRegistry();
        machines.Register(NoneMachine.Type);
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new VlContext("nemu-system-arm", machines, DeviceTypeRegistry.Create(), output, error);
        var code = global::Nemu.System.Vl.Vl.Run(args, context, new QuitAfterPopulate());
        return (code, output.ToString(), error.ToString());
    }
}
