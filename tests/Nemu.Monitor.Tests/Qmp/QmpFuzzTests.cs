using System.Text;

namespace Nemu.Monitor.Tests.Qmp;

/// <summary>
/// Issue 7 item 4: at least 100,000 malformed QMP messages (seeded, deterministic) through a monitor on a test chardev:
/// broken JSON, wrong member and argument types, unknown commands, random bytes, deep nesting, long strings and
/// half-sent commands cut by a disconnect. Every 500 messages the client reconnects, negotiates and must get
/// query-status answered; nothing throws.
/// </summary>
public sealed class QmpFuzzTests
{
    private const int Messages = 100_000;
    private const int ProbeEvery = 500;

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ":", ",", "\"execute\"", "\"arguments\"", "\"id\"", "\"exec-oob\"", "\"query-status\"", "\"stop\"",
        "\"qmp_capabilities\"", "\"query-qmp-schema\"", "\"enable\"", "\"oob\"", "null", "true", "false", "-1", "1e999", "0x10",
        "18446744073709551616", "'sq'", "\"\\u0000\"", "\"\\ud800\"", "\\", "\"", " ", "\n",
    ];

    [Fact]
    public void MalformedMessagesNeverStopTheMonitor()
    {
        using var vm = new QmpTestMachine();
        var (_, chardev) = vm.AddMonitor();
        var random = new Random(7);
        var probes = 0;
        var sent = 0;
        while (sent < Messages)
        {
            Probe(vm, chardev, ++probes);
            var batch = new StringBuilder();
            for (var i = 0; i < ProbeEvery; i++, sent++)
            {
                batch.Append(Malformed(random));
                if (batch.Length > 1 << 16)
                {
                    chardev.Input(batch.ToString());
                    batch.Clear();
                    vm.Run();
                }
            }

            chardev.Input(batch.ToString());
            vm.Run();
            chardev.TakeMessages();

            // A disconnect in the middle of whatever is pending: the next client starts clean.
            chardev.Close();
            vm.Run();
        }

        Probe(vm, chardev, ++probes);
        Assert.True(sent >= Messages);
        Assert.True(probes > Messages / ProbeEvery);
    }

    private static void Probe(QmpTestMachine vm, QmpTestChardev chardev, int n)
    {
        chardev.Open();
        vm.Run();
        chardev.TakeMessages();
        chardev.Input($"{{\"execute\": \"qmp_capabilities\"}}{{\"execute\": \"query-status\", \"id\": {n}}}");
        vm.Run();
        var replies = chardev.TakeMessages();
        Assert.Equal(
            ["{\"return\": {}}", $"{{\"return\": {{\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}}, \"id\": {n}}}"],
            replies);
    }

    private static string Malformed(Random random)
    {
        switch (random.Next(10))
        {
            case 0:
                // Random bytes, control characters included.
                var bytes = new char[random.Next(1, 40)];
                for (var i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = (char)random.Next(0, 256);
                }

                return new string(bytes);
            case 1:
                return "{\"execute\": " + Value(random) + ", \"id\": " + Value(random) + "}";
            case 2:
                return "{\"execute\": \"query-status\", \"arguments\": " + Value(random) + "}";
            case 3:
                return "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": " + Value(random) + "}}";
            case 4:
                return "{\"execute\": \"no-such-" + random.Next() + "\", \"" + random.Next() + "\": 1}";
            case 5 when random.Next(20) == 0:
                return new string('[', random.Next(1020, 1030)) + new string(']', random.Next(1020, 1030));
            case 6:
                return "{\"execute\": \"" + new string('x', random.Next(1, 2_000)) + "\"}";
            case 7:
                return Value(random);
            default:
                var sb = new StringBuilder();
                for (var i = random.Next(1, 12); i > 0; i--)
                {
                    sb.Append(Fragments[random.Next(Fragments.Length)]);
                }

                return sb.ToString();
        }
    }

    private static string Value(Random random) => random.Next(8) switch
    {
        0 => "5",
        1 => "[]",
        2 => "{}",
        3 => "\"query-status\"",
        4 => "[\"oob\", 5]",
        5 => "null",
        6 => "{\"a\": [1, {\"b\": \"c\"}]}",
        _ => "\"" + random.Next() + "\"",
    };
}
