namespace Nemu.Cli;

/// <summary>Entry point of <c>nemu-system-arm</c>.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        _ = args;
        Console.Error.WriteLine("nemu-system-arm: not yet wired");
        return 1;
    }
}
