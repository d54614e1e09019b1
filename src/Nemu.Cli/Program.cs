using Nemu.System;
using Nemu.System.Boards;
using Nemu.System.Vl;

namespace Nemu.Cli;

/// <summary>Entry point of <c>nemu-system-arm</c>: composes the boards, devices and monitors, then runs vl.</summary>
public static class Program
{
    public const string ProgramName = "nemu-system-arm";

    public static int Main(string[] args)
    {
        var machines = new MachineTypeRegistry();
        machines.Register(NoneMachine.Type);
        var context = new VlContext(ProgramName, machines, CliExtensions.CreateDeviceRegistry(), Console.Out, Console.Error);
        return Vl.Run(args, context, new CliExtensions());
    }
}
