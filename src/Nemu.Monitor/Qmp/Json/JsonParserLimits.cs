namespace Nemu.Monitor.Qmp.Json;

/// <summary>
/// The streamer's security limits (qobject/json-streamer.c and json-lexer.c): total token bytes of
/// one message, tokens per message, and brace plus bracket depth. <see cref="Qemu"/> holds QEMU's values.
/// </summary>
public readonly record struct JsonParserLimits(int MaxTokenSize, int MaxTokenCount, int MaxNesting)
{
    /// <summary>MAX_TOKEN_SIZE 64 MiB, MAX_TOKEN_COUNT 2 Mi, MAX_NESTING 1024.</summary>
    public static JsonParserLimits Qemu { get; } = new(64 << 20, 2 << 20, 1 << 10);
}
