using System.Text;

namespace Nemu.Cli.Tests;

/// <summary>
/// A seeded generator of hostile command lines: valid option skeletons for every option Nemu knows, then
/// mutations (wrong values, unknown keys, bad escapes, huge numbers, truncation, stray characters). Stdio and
/// listening-socket chardevs are left out because they would take this test process's stdin or block.
/// </summary>
internal sealed class CommandLineCorpus(int seed, string scratchDir)
{
    private static readonly string[] Skeletons =
    [
        "-M none",
        "-M none -m 16M",
        "-machine none,memory-backend=m0 -object memory-backend-ram,id=m0,size=4M",
        "-M none -object memory-backend-memfd,id=m0,size=8M,share=on,seal=on -machine memory-backend=m0",
        "-M none -m 1M -device loader,file=FILE,addr=0x100,force-raw=on",
        "-M none -m 1M -device loader,file=FILE",
        "-M none -m 1M -device loader,addr=0x10,data=0x12345678,data-len=4",
        "-M none -m 1M -device loader,addr=0x10,data=0x1,data-len=1,data-be=on",
        "-M none -global loader.force-raw=on -m 1M -device loader,file=FILE,addr=0",
        "-M none -chardev null,id=c0 -serial chardev:c0",
        "-M none -chardev file,id=c1,path=OUT -serial chardev:c1",
        "-M none -serial null -serial file:OUT -monitor none",
        "-M none -chardev socket,id=s0,host=127.0.0.1,port=1,server=off",
        "-M none -chardev socket,id=s1,path=/nonexistent/sock",
        "-M none -d guest_errors,unimp -D OUT",
        "-M none -icount shift=3",
        "-M none -icount shift=auto,sleep=off",
        "-M none -accel tcg -smp 1",
        "-M none -S -no-reboot -no-shutdown",
        "-M none -semihosting-config enable=on,target=native",
        "-M none -name guest0 -msg timestamp=on",
        "-M none -rtc base=utc",
        "-M none -device loader,file=FILE,cpu-num=0",
        "-M none -kernel FILE",
        "-M none -mon chardev=c2 -chardev null,id=c2",
        "-M none -device {\"driver\":\"loader\",\"addr\":16,\"data\":1,\"data-len\":1} -m 1M",
    ];

    private static readonly string[] Junk =
    [
        "", ",", ",,", ",,,", "=", "==", "x=", "=x", "help", "?", "on", "off", "maybe", "-1", "0", "0x", "0xffffffffffffffffff",
        "18446744073709551616", "99999999999999999999M", "1.5.5", "16E", "17E", "\u00e9t\u00e9", "\t", "a b", "{", "{}",
        "[1]", "{\"driver\":1}", "null", "true", "'", "\"", "\\", "%s%n", "../../../../etc/passwd", "/dev/zero", "/nonexistent",
        new string('a', 300), "id=", "id=0bad", "driver=", "addr=0x", "size=0", "size=-1", "data-len=9", "cpu-num=7",
    ];

    private readonly Random _random = new(seed);

    public string[] Next(string file, string output)
    {
        var text = Skeletons[_random.Next(Skeletons.Length)].Replace("FILE", file, StringComparison.Ordinal).Replace("OUT", Path.Combine(scratchDir, $"out{_random.Next(4)}"), StringComparison.Ordinal);
        _ = output;
        var args = text.Split(' ').ToList();
        var mutations = _random.Next(0, 4);
        for (var m = 0; m < mutations && args.Count > 0; m++)
        {
            Mutate(args);
        }

        return [.. args];
    }

    private void Mutate(List<string> args)
    {
        var i = _random.Next(args.Count);
        switch (_random.Next(9))
        {
            case 0:
                args[i] = Junk[_random.Next(Junk.Length)];
                break;
            case 1:
                args[i] = args[i] + "," + Junk[_random.Next(Junk.Length)];
                break;
            case 2:
                args[i] = args[i][..(args[i].Length == 0 ? 0 : _random.Next(args[i].Length))];
                break;
            case 3:
                args.RemoveAt(i);
                break;
            case 4:
                args.Insert(i, Junk[_random.Next(Junk.Length)]);
                break;
            case 5:
                args[i] = ReplaceValue(args[i]);
                break;
            case 6:
                args.Add(args[_random.Next(args.Count)]);
                break;
            case 7:
                args.Insert(i, "-" + Junk[_random.Next(Junk.Length)]);
                break;
            default:
                args[i] = FlipChar(args[i]);
                break;
        }
    }

    private string ReplaceValue(string arg)
    {
        var eq = arg.LastIndexOf('=');
        return eq < 0 ? arg + "=" + Junk[_random.Next(Junk.Length)] : arg[..(eq + 1)] + Junk[_random.Next(Junk.Length)];
    }

    private string FlipChar(string arg)
    {
        if (arg.Length == 0)
        {
            return ",";
        }

        var sb = new StringBuilder(arg);
        const string Flips = ",=-x0{}\"\\ ";
        sb[_random.Next(sb.Length)] = Flips[_random.Next(Flips.Length)];
        return sb.ToString();
    }
}
