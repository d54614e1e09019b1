namespace Nemu.Bench;

/// <summary>Benchmarks entry point: <c>dotnet run -c Release --project bench/Nemu.Bench -- NAME</c>.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        _ = args;
        return 0;
    }
}
