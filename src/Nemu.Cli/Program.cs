using Nemu.Boards;
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
        var context = new VlContext(ProgramName, CreateMachineRegistry(), CliExtensions.CreateDeviceRegistry(), Console.Out, Console.Error);
        try
        {
            return Vl.Run(args, context, new CliExtensions());
        }
        catch (Exception e)
        {
            // A bug, not a user error: say so plainly instead of dumping a stack trace at the user.
            Console.Error.WriteLine($"{ProgramName}: internal error: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    /// <summary>Every board this binary knows.</summary>
    public static MachineTypeRegistry CreateMachineRegistry()
    {
        var machines = new MachineTypeRegistry();
        machines.Register(NoneMachine.Type);
        machines.Register(Mps2Board.An385);
        machines.Register(Mps2Board.An386);
        machines.Register(Mps2Board.An500);
        machines.Register(Mps2TzBoard.An505);
        machines.Register(Mps2TzBoard.An521);
        machines.Register(StellarisBoard.Lm3s6965evb);
        machines.Register(MicrobitBoard.Type);
        machines.Register(VirtBoard.Type);
        return machines;
    }
}
