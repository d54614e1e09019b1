// Issue 7 acceptance: "a QMP transcript test (raw socket, our own client) runs the same command sequence against
// qemu-system-arm and Nemu; every response agrees in shape (keys and value types) and in values that are
// deterministic." QEMU 7.2 is the reference (its recordings: notes/issue7-ref/qmp-an385-loop.txt, qmp-virt.txt).
using System.Text.Json.Nodes;

namespace Nemu.Cli.Tests.Acceptance;

/// <summary>The same QMP sequence on QEMU 7.2 and on Nemu gives the same replies and events.</summary>
public sealed class QmpTranscriptDifferentialTests
{
    private static string[] Mps2Args => ["-M", "mps2-an385", "-kernel", GdbFirmware.Spin];

    private static string[] VirtArgs => ["-M", "virt,highmem=off", "-nodefaults", "-device", "edu"];

    [Fact]
    public void QemuTranscriptHasTheRecordedShape()
    {
        // Proves the client and the step list against the recording's facts (finding 6, 7, 11).
        var qemu = QmpTranscript.Record(Emulator.Qemu72, Mps2Args, QmpTranscriptSteps.Mps2);
        AssertRecordedFacts(qemu);

        // And the normalisation: two QEMU runs compare equal (timestamps, thread ids, $TMP).
        AssertSameTranscript(qemu, QmpTranscript.Record(Emulator.Qemu72, Mps2Args, QmpTranscriptSteps.Mps2));
        var virt = QmpTranscript.Record(Emulator.Qemu72, VirtArgs, QmpTranscriptSteps.Virt);
        AssertSameTranscript(virt, QmpTranscript.Record(Emulator.Qemu72, VirtArgs, QmpTranscriptSteps.Virt));
    }

    [Fact]
    public void NemuAnswersTheMps2SequenceAsQemu()
    {
        var qemu = QmpTranscript.Record(Emulator.Qemu72, Mps2Args, QmpTranscriptSteps.Mps2);
        var nemu = QmpTranscript.Record(Emulator.Nemu, Mps2Args, QmpTranscriptSteps.Mps2);
        AssertSameTranscript(qemu, nemu);
        AssertRecordedFacts(nemu);
    }

    [Fact]
    public void NemuAnswersTheVirtSequenceAsQemu()
    {
        var qemu = QmpTranscript.Record(Emulator.Qemu72, VirtArgs, QmpTranscriptSteps.Virt);
        Assert.Contains("Bus 'pcie.0' does not support hotplugging", QmpTranscript.Json(qemu.For("""{"execute": "device_add", "arguments": {"driver": "edu", "id": "e1"}}""")[^1]), StringComparison.Ordinal);
        var nemu = QmpTranscript.Record(Emulator.Nemu, VirtArgs, QmpTranscriptSteps.Virt);
        AssertSameTranscript(qemu, nemu, QmpTranscriptSteps.VirtCpuDependent);

        // Nemu's virt has no CPU yet (docs/deviations.md): no CPUs to list, and CPU-view commands say so.
        Assert.Equal("""{"return":[]}""", QmpTranscript.Json(nemu.For("""{"execute": "query-cpus-fast"}""")[^1]));
    }

    private static void AssertSameTranscript(QmpTranscript qemu, QmpTranscript nemu, IReadOnlySet<string>? cpuDependent = null)
    {
        Assert.True(
            QmpTranscript.Canonical(qemu.Greeting, null) == QmpTranscript.Canonical(nemu.Greeting, null),
            $"greeting: {qemu.Emulator} {QmpTranscript.Json(qemu.Greeting)}, {nemu.Emulator} {QmpTranscript.Json(nemu.Greeting)}");
        for (var i = 0; i < qemu.Steps.Count; i++)
        {
            var (step, expected) = qemu.Steps[i];
            Assert.True(i < nemu.Steps.Count, $"{nemu.Emulator} closed the connection before step {i} ({step.Send}); output: {nemu.EmulatorOutput}");
            var actual = step.Send.Contains("\"qom-list\"", StringComparison.Ordinal) ? WithoutNemuExtensions(nemu.Steps[i].Messages) : nemu.Steps[i].Messages;
            if (cpuDependent is not null && cpuDependent.Contains(step.Send))
            {
                // Not compared (QEMU answers from its CPU): Nemu answers once, with a return or an error.
                Assert.Equal(expected.Count, actual.Count);
                Assert.True(actual[^1] is JsonObject a && (a.ContainsKey("return") || a.ContainsKey("error")), $"step {i} {step.Send}: {QmpTranscript.Json(actual[^1])}");
                continue;
            }

            if (step.Send.Contains("\"query-commands\"", StringComparison.Ordinal) || step.Send.Contains("\"query-qmp-schema\"", StringComparison.Ordinal))
            {
                AssertNamesSubset(step, expected[^1], actual[^1], nemu);
                continue;
            }

            var want = string.Join("\n", expected.Select(m => QmpTranscript.Canonical(m, step.Send)));
            var got = string.Join("\n", actual.Select(m => QmpTranscript.Canonical(m, step.Send)));
            Assert.True(want == got, $"step {i} {step.Send}\n--- {qemu.Emulator}:\n{want}\n--- {nemu.Emulator}:\n{got}\n--- {nemu.Emulator} output:\n{nemu.EmulatorOutput}");
        }

        Assert.Equal(qemu.Steps.Count, nemu.Steps.Count);
        Assert.Equal(qemu.EndedWithEndOfStream, nemu.EndedWithEndOfStream);
        Assert.Equal(qemu.ExitCode, nemu.ExitCode);
        // Without a CPU, memsave writes no file on Nemu's virt.
        bool Compared(string name) => cpuDependent is null || name != "memsave.bin";
        Assert.Equal(qemu.Files.Keys.Where(Compared).Order(), nemu.Files.Keys.Where(Compared).Order());
        foreach (var (name, bytes) in qemu.Files.Where(f => Compared(f.Key)))
        {
            Assert.True(bytes.AsSpan().SequenceEqual(nemu.Files[name]), $"{name}: {qemu.Emulator} {Convert.ToHexString(bytes)}, {nemu.Emulator} {Convert.ToHexString(nemu.Files[name])}");
        }
    }

    // Properties Nemu documents as its own extensions (docs/deviations.md: edu's MSI/MSI-X vector counts); a
    // qom-list answer may list them besides QEMU's. Nothing else is accepted.
    private static readonly HashSet<string> NemuExtensionProperties = ["msi-vectors", "msix-vectors"];

    private static IReadOnlyList<JsonNode?> WithoutNemuExtensions(IReadOnlyList<JsonNode?> messages) =>
        messages.Select(m => m is JsonObject { } o && o["return"] is JsonArray list
            ? new JsonObject(o.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, kv.Key == "return"
                ? new JsonArray(list.Where(p => p?["name"]?.GetValue<string>() is not { } n || !NemuExtensionProperties.Contains(n)).Select(p => p?.DeepClone()).ToArray())
                : kv.Value?.DeepClone())))
            : m).ToList();

    private static void AssertNamesSubset(QmpStep step, JsonNode? expected, JsonNode? actual, QmpTranscript nemu)
    {
        var qemuNames = QmpTranscript.Names(expected);
        var nemuNames = QmpTranscript.Names(actual);
        Assert.True(nemuNames.Count > 0, $"{step.Send}: {nemu.Emulator} listed nothing: {QmpTranscript.Json(actual)}");
        var extra = nemuNames.Except(qemuNames).Order(StringComparer.Ordinal).ToArray();
        Assert.True(extra.Length == 0, $"{step.Send}: {nemu.Emulator} lists names QEMU 7.2 does not have: {string.Join(", ", extra)}");
        var required = new[] { "query-status", "stop", "cont", "system_reset", "system_powerdown", "quit", "query-version", "query-commands",
            "query-cpus-fast", "query-chardev", "query-pci", "human-monitor-command", "qom-list", "qom-get", "qom-set", "memsave", "pmemsave",
            "device_add", "device_del", "qmp_capabilities", "query-qmp-schema" };
        var prefix = step.Send.Contains("\"query-qmp-schema\"", StringComparison.Ordinal) ? "command:" : string.Empty;
        var missing = required.Where(r => !nemuNames.Contains(prefix + r)).ToArray();
        Assert.True(missing.Length == 0, $"{step.Send}: {nemu.Emulator} does not list {string.Join(", ", missing)}");
        Assert.Equal(QmpTranscript.Json(((JsonObject)expected!)["id"]), QmpTranscript.Json(((JsonObject)actual!)["id"]));
    }

    // Facts of QEMU 7.2's recording, asserted on the emulator's own transcript.
    private static void AssertRecordedFacts(QmpTranscript t)
    {
        string Text(string command) => string.Join("\n", t.For(command).Select(QmpTranscript.Json));
        Assert.Contains("Expecting capabilities negotiation with 'qmp_capabilities'", Text("""{"execute": "query-status", "id": "pre"}"""), StringComparison.Ordinal);
        Assert.Equal("""{"return":{"status":"prelaunch","singlestep":false,"running":false},"id":1}""", Text("""{"execute": "query-status", "id": 1}"""));
        Assert.Equal("""{"return":{},"id":{"any":["json",1]}}""", Text("""{"execute": "query-name", "id": {"any": ["json", 1]}}"""));
        Assert.Contains("JSON parse error, stray '\\u0001'", Text("\u0001"), StringComparison.Ordinal);
        var cont = t.For("""{"execute": "cont", "id": "c"}""");
        Assert.Equal("RESUME", cont[0]!["event"]!.GetValue<string>()); // event, then return (finding 7)
        Assert.Equal("""{"return":{},"id":"c"}""", QmpTranscript.Json(cont[1]));
        Assert.Single(t.For("""{"execute": "stop", "id": "s2"}""")); // a second stop: no event
        var afterReset = t.Steps.ToList().FindIndex(s => s.Step.Send.Contains("\"id\": \"r\"", StringComparison.Ordinal)) + 1;
        Assert.Contains("\"prelaunch\"", QmpTranscript.Json(t.Steps[afterReset].Messages[0]), StringComparison.Ordinal); // finding 6
        var quit = t.For("""{"execute": "quit", "id": "q"}""");
        Assert.Equal("""{"guest":false,"reason":"host-qmp-quit"}""", QmpTranscript.Json(quit[0]!["data"]));
        Assert.True(t.EndedWithEndOfStream, "the connection must close after quit");
        Assert.Equal(0, t.ExitCode);
        Assert.Equal(64, t.Files["memsave.bin"].Length);
        Assert.True(t.Files["memsave.bin"].AsSpan().SequenceEqual(t.Files["pmemsave.bin"]), "memsave and pmemsave of address 0 differ");
        Assert.Equal(new byte[64], t.Files["bad.bin"]); // unmapped memory reads as zero (finding 11)
    }
}
