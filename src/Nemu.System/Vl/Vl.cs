using Nemu.Core.Logging;
using Nemu.Core.Time;
using Nemu.Options;
using Nemu.Options.CommandLine;
using Nemu.Qdev;

namespace Nemu.System.Vl;

/// <summary>
/// The start-up sequence of <c>nemu-system-*</c> (QEMU's system/vl.c): parse the command line, answer help,
/// set up logging and time, build the machine from its board and the options, reset it, start it unless
/// <c>-S</c>, then run the main loop until something asks to quit. Every user error becomes one
/// <c>PROGRAM: [LOCATION: ]MESSAGE</c> line on stderr and exit status 1.
/// </summary>
public static class Vl
{
    public static int Run(IReadOnlyList<string> args, VlContext context, IVlExtensions extensions)
    {
        QemuCommandLine commandLine;
        try
        {
            commandLine = CommandLineParser.Parse(args);
        }
        catch (OptionsException e)
        {
            if (e.UsageText is not null)
            {
                context.Out.Write(e.UsageText);
                context.Out.Flush();
                return OptionsException.ExitCode;
            }

            context.Error.WriteLine(e.Format(context.ProgramName));
            return OptionsException.ExitCode;
        }

        foreach (var warning in commandLine.Warnings)
        {
            context.Error.WriteLine(warning.Format(context.ProgramName));
        }

        if (commandLine.Help is { } help)
        {
            return AnswerHelp(help, commandLine, context, extensions);
        }

        StreamWriter? logFile = null;
        Machine? machine = null;
        var objects = new HostObjects();
        try
        {
            logFile = SetUpLogging(commandLine);
            machine = Build(commandLine, context, extensions, objects);
            return RunMachine(machine, commandLine);
        }
        catch (VlException e)
        {
            context.Error.WriteLine(e.Format(context.ProgramName));
            return 1;
        }
        catch (OptionsException e)
        {
            context.Error.WriteLine(e.Format(context.ProgramName));
            return 1;
        }
        finally
        {
            machine?.Dispose();
            objects.Dispose();
            if (logFile is not null)
            {
                Log.SetOutput(null);
                logFile.Dispose();
            }
        }
    }

    /// <summary>Builds the machine (everything up to, not including, the first reset) — also used by tests.</summary>
    public static Machine Build(QemuCommandLine commandLine, VlContext context, IVlExtensions extensions, HostObjects objects)
    {
        var type = ResolveMachineType(commandLine, context);
        MachineOptions.Validate(commandLine.Machine, type);
        var objectLocations = LocationsOf(commandLine, "object");
        for (var i = 0; i < commandLine.Objects.Count; i++)
        {
            objects.Create(commandLine.Objects[i], objectLocations[i]);
        }

        // The qtest accelerator moves virtual time only on clock_step/clock_set, and the main loop never runs CPUs
        // on a manual clock.
        var time = QtestSetup.IsQtestAccel(commandLine) ? MachineTime.CreateManual()
            : commandLine.Icount is { Enabled: true } icount ? MachineTime.CreateIcount(icount.Shift ?? VirtualClock.AutoIcountShift)
            : MachineTime.CreateRealTime();
        var machine = new Machine(type, time, context.Devices);
        try
        {
            machine.KernelFilename = commandLine.Kernel ?? commandLine.Machine?.Get("kernel");
            machine.InitrdFilename = commandLine.Initrd ?? commandLine.Machine?.Get("initrd");
            machine.KernelCommandLine = commandLine.Append ?? commandLine.Machine?.Get("append");
            RamSetup.Create(machine, commandLine, objects);
            ChardevSetup.Create(machine, commandLine, context, extensions);
            QtestSetup.Create(machine, commandLine, context);
            foreach (var global in commandLine.Globals)
            {
                machine.Qdev.AddGlobal(new GlobalProperty(global.Driver, global.Property, global.Value));
            }

            // Boards read -cpu, -semihosting and -no-reboot from the command line (QEMU's machine->cpu_type etc.).
            machine.Qdev.AddService(commandLine);
            type.Init(machine);
            extensions.Populate(machine, commandLine, context);
            DeviceSetup.Create(machine, commandLine);
            foreach (var gdb in commandLine.GdbDevices)
            {
                extensions.AttachGdbStub(machine, gdb);
            }

            return machine;
        }
        catch
        {
            machine.Dispose();
            throw;
        }
    }

    /// <summary>The options named <paramref name="name"/> as typed (<c>-object a=b</c>), in command-line order.</summary>
    public static IReadOnlyList<string> LocationsOf(QemuCommandLine commandLine, string name)
    {
        var locations = new List<string>();
        foreach (var option in commandLine.Options)
        {
            if (option.Spec.Name == name)
            {
                locations.Add(option.Location);
            }
        }

        return locations;
    }

    private static int RunMachine(Machine machine, QemuCommandLine commandLine)
    {
        var exitCode = 0;
        machine.QuitRequested += code => exitCode = code;
        machine.Reset();
        if (!commandLine.StartStopped)
        {
            machine.Start();
        }

        machine.Loop.Run();
        return exitCode;
    }

    private static MachineType ResolveMachineType(QemuCommandLine commandLine, VlContext context)
    {
        var name = commandLine.MachineType;
        if (name is null)
        {
            return context.Machines.Default
                ?? throw new VlException("No machine specified, and there is no default\nUse -machine help to list supported machines");
        }

        return context.Machines.Find(name)
            ?? throw new VlException("unsupported machine type\nUse -machine help to list supported machines");
    }

    private static int AnswerHelp(HelpRequest help, QemuCommandLine commandLine, VlContext context, IVlExtensions extensions)
    {
        if (help.Topic == HelpTopic.MachineProperties)
        {
            var type = context.Machines.Find(help.Subject ?? string.Empty);
            if (type is null)
            {
                context.Error.WriteLine($"{context.ProgramName}: unsupported machine type\nUse -machine help to list supported machines");
                return 1;
            }

            context.Out.Write(VlHelp.MachineProperties(type));
            context.Out.Flush();
            return 0;
        }

        _ = commandLine;
        return VlHelp.Answer(help, context, extensions);
    }

    private static StreamWriter? SetUpLogging(QemuCommandLine commandLine)
    {
        Log.Mask = commandLine.LogMask;
        if (commandLine.LogFilter is { } filter)
        {
            try
            {
                LogAddressFilter.Set(filter);
            }
            catch (FormatException e)
            {
                throw new VlException(e.Message, "-dfilter " + filter);
            }
        }

        if ((commandLine.LogMask & (LogItem.InAsm | LogItem.Exec)) != 0)
        {
            RegisterKernelSymbols(commandLine.Kernel);
        }
        if (commandLine.LogFile is not { } path)
        {
            return null;
        }

        try
        {
            var writer = new StreamWriter(path, append: false) { AutoFlush = true };
            Log.SetOutput(writer);
            return writer;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VlException($"could not open log file '{path}': {e.Message}");
        }
    }

    /// <summary>
    /// QEMU's load_elf registers the image's symbols for "-d in_asm/exec" ("IN: main"); the loader does not do
    /// that here yet, so the -kernel ELF's function symbols are registered when logging starts. A file that is not
    /// an ELF image has no symbols (the loader reports real load errors later).
    /// </summary>
    private static void RegisterKernelSymbols(string? kernel)
    {
        LogSymbols.Clear();
        if (kernel is null || !File.Exists(kernel))
        {
            return;
        }

        try
        {
            var symbols = Nemu.Loader.Elf.ElfFile.Load(kernel).Symbols;
            LogSymbols.Register(address => symbols.Lookup(address));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Nemu.Loader.Elf.ElfFormatException)
        {
            // Not an ELF image (or unreadable): no symbols, as QEMU for a raw image.
        }
    }
}
