// A machine built in process (the real nemu-system-arm start-up through the in-process qtest transport) with the
// piece-C QMP handlers called directly, as the QMP server calls them on the main-loop thread.
using System.Text;
using Nemu.Monitor.Qmp.Commands;
using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;
using Nemu.System;
using Nemu.Testing.Qtest;

namespace Nemu.Monitor.Tests.Qmp.Commands;

/// <summary>Runs QMP command handlers against an in-process machine.</summary>
internal sealed class QmpCommandMachine : IDisposable
{
    private readonly QtestClient _client;

    public QmpCommandMachine(params string[] args)
    {
        _client = QtestClient.StartInProcess(args);
        Machine = _client.Machine!;
        Context = new QmpContext(Machine);
    }

    public Machine Machine { get; }

    public QmpContext Context { get; }

    /// <summary>Runs <paramref name="name"/> with arguments given as JSON text (or none).</summary>
    public JsonValue Run(string name, string arguments = "{}")
    {
        var command = QmpCommandTable.All.First(c => c.Name == name);
        var args = (JsonObject)JsonMessageParser.ParseAll(arguments)[0].Value!;
        return command.Handler(Context, args);
    }

    /// <summary>The error a command fails with.</summary>
    public QmpException Fail(string name, string arguments = "{}") => Assert.Throws<QmpException>(() => Run(name, arguments));

    /// <summary>Runs the posted main-loop work (events raised after a command's return).</summary>
    public void RunPending() => Machine.Loop.RunUntilIdle();

    /// <summary>JSON text with object members sorted by key at every level, to compare values regardless of member order.</summary>
    public static string Canonical(JsonValue value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    /// <summary><see cref="Canonical(JsonValue)"/> of JSON text, e.g. a value recorded from QEMU.</summary>
    public static string Canonical(string json) => Canonical(JsonMessageParser.ParseAll(json)[0].Value!);

    public void Dispose() => _client.Dispose();

    private static void Write(StringBuilder text, JsonValue value)
    {
        switch (value)
        {
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (key, member) in obj.Members.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    text.Append(first ? string.Empty : ", ").Append(JsonWriter.Write(new JsonString(key))).Append(": ");
                    Write(text, member);
                    first = false;
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    Write(text, array[i]);
                }

                text.Append(']');
                break;
            default:
                text.Append(JsonWriter.Write(value));
                break;
        }
    }
}
