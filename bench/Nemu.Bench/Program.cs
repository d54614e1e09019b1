namespace Nemu.Bench;

/// <summary>Benchmarks entry point: <c>dotnet run -c Release --project bench/Nemu.Bench -- NAME</c> (default: all).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var name = args.Length > 0 ? args[0] : "all";
        switch (name)
        {
            case "all":
            case "memory":
                MemoryBenchmark.Run(Console.Out);
                return 0;
            case "mprofile":
                return MProfileBenchmark.Run(Console.Out);
            case "exceptions":
                return ExceptionBenchmark.Run(Console.Out);
            case "pci":
                return PciBenchmark.Run(Console.Out);
            default:
                Console.Error.WriteLine($"unknown benchmark '{name}' (known: memory, mprofile, exceptions, pci)");
                return 1;
        }
    }
}
