// Issue 7 acceptance: plays a QMP step list against an emulator over `-qmp unix:$TMP/qmp.sock,server=on,
// wait=off` and normalises what it got for comparison. What may differ (and nothing else): event timestamps,
// thread-id of query-cpus-fast, the version numbers and package string (greeting, query-version), the
// temporary directory in strings ($TMP), QOM child/property order (qom-list is compared as a set), and
// query-commands / query-qmp-schema, which are compared as "Nemu's names ⊆ QEMU's names".
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nemu.Cli.Tests.Acceptance;

/// <summary>The messages an emulator sent for each step of a QMP transcript, plus the greeting and files.</summary>
internal sealed record QmpTranscript(
    string Emulator,
    JsonNode? Greeting,
    IReadOnlyList<(QmpStep Step, List<JsonNode?> Messages)> Steps,
    bool EndedWithEndOfStream,
    int ExitCode,
    IReadOnlyDictionary<string, byte[]> Files,
    string EmulatorOutput)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Compact JSON text that keeps quotes and non-ASCII readable (only control characters escaped).</summary>
    public static string Json(JsonNode? node) => node?.ToJsonString(ReadableJson) ?? "null";

    public static QmpTranscript Record(Emulator emulator, IEnumerable<string> machineArgs, IReadOnlyList<QmpStep> steps)
    {
        var dir = AcceptanceTools.TempDirectory("qmp");
        var socket = Path.Combine(dir, "qmp.sock");
        using var emu = EmulatorProcess.Start(emulator, [.. machineArgs, "-display", "none", "-S", "-qmp", $"unix:{socket},server=on,wait=off"]);
        using var client = QmpTestClient.Connect(socket, emu);
        JsonNode? greeting;
        try
        {
            greeting = JsonNode.Parse(client.ReadLine(ReplyTimeout) ?? "null");
        }
        catch (TimeoutException e)
        {
            throw new Xunit.Sdk.XunitException($"{emulator.Name}: no QMP greeting: {e.Message}; emulator output: {emu.Output}");
        }

        var played = new List<(QmpStep, List<JsonNode?>)>();
        var eof = false;
        foreach (var step in steps)
        {
            client.Send(step.Send.Replace("$TMP", dir, StringComparison.Ordinal));
            List<JsonNode?> messages;
            try
            {
                messages = client.ReadReplies(step.Replies, ReplyTimeout, out eof);
            }
            catch (TimeoutException e)
            {
                throw new Xunit.Sdk.XunitException($"{emulator.Name}: step {step.Send}: {e.Message}; emulator output: {emu.Output}");
            }

            played.Add((step, messages));
            if (eof)
            {
                break;
            }
        }

        if (!eof)
        {
            // quit: the return, then the connection closes.
            eof = client.ReadLine(ReplyTimeout) is null;
        }

        Assert.True(emu.WaitForExit(TimeSpan.FromSeconds(30)), $"{emulator.Name} did not exit after quit: {emu.Output}");
        var files = new Dictionary<string, byte[]>();
        foreach (var name in new[] { "memsave.bin", "pmemsave.bin", "bad.bin" })
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                files[name] = File.ReadAllBytes(path);
            }
        }

        return new QmpTranscript(emulator.Name, Normalise(greeting, dir), played.Select(p => (p.Item1, p.Item2.Select(m => Normalise(m, dir)).ToList())).ToList(),
            eof, emu.ExitCode, files, emu.Output);
    }

    /// <summary>The message list of the step that sent <paramref name="command"/> (first match).</summary>
    public List<JsonNode?> For(string command) => Steps.First(s => s.Step.Send == command).Messages;

    /// <summary>A comparable text for one message: sorted keys, ignored values replaced by their JSON type.</summary>
    public static string Canonical(JsonNode? node, string? command)
    {
        var copy = node?.DeepClone();
        if (copy is JsonObject o)
        {
            if (o["timestamp"] is JsonObject)
            {
                o["timestamp"] = Shape(o["timestamp"]);
            }

            if (o["QMP"] is JsonObject qmp && qmp["version"] is not null)
            {
                qmp["version"] = Shape(qmp["version"]);
            }

            if (o["return"] is JsonNode ret && command is not null)
            {
                if (command.Contains("\"query-version\"", StringComparison.Ordinal))
                {
                    o["return"] = Shape(ret);
                }
                else if (command.Contains("\"query-cpus-fast\"", StringComparison.Ordinal) && ret is JsonArray cpus)
                {
                    foreach (var cpu in cpus.OfType<JsonObject>())
                    {
                        cpu["thread-id"] = Shape(cpu["thread-id"]);
                    }
                }
                else if (command.Contains("\"qom-list\"", StringComparison.Ordinal) && ret is JsonArray props)
                {
                    var sorted = props.Select(p => Json(Sorted(p))).Order(StringComparer.Ordinal).Select(s => JsonNode.Parse(s!)).ToArray();
                    o["return"] = new JsonArray(sorted);
                }
            }
        }

        return Json(Sorted(copy));
    }

    /// <summary>Names listed by query-commands or, for query-qmp-schema, "meta-type:name" of commands and events.</summary>
    public static HashSet<string> Names(JsonNode? reply)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in (reply?["return"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var meta = entry["meta-type"]?.GetValue<string>();
            if (meta is null)
            {
                names.Add(entry["name"]!.GetValue<string>());
            }
            else if (meta is "command" or "event")
            {
                names.Add(meta + ":" + entry["name"]!.GetValue<string>());
            }
        }

        return names;
    }

    /// <summary>Keys and value types only, recursively (for values that legitimately differ).</summary>
    public static JsonNode? Shape(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, Shape(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Shape).ToArray()),
        JsonValue v => JsonValue.Create("<" + v.GetValueKind() switch
        {
            JsonValueKind.Number => "number",
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "bool",
            _ => "null",
        } + ">"),
        _ => null,
    };

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, Sorted(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    private static JsonNode? Normalise(JsonNode? node, string dir) => node switch
    {
        JsonObject o => new JsonObject(o.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, Normalise(kv.Value, dir)))),
        JsonArray a => new JsonArray(a.Select(n => Normalise(n, dir)).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(v.GetValue<string>().Replace(dir, "$TMP", StringComparison.Ordinal)),
        _ => node?.DeepClone(),
    };
}
