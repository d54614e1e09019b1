namespace Nemu.Monitor.Qmp.Json;

/// <summary>
/// The tokens of one pending message (json-streamer.c's token queue), kept compactly: one byte buffer
/// for all token texts and one entry per token, so memory stays within the streamer's limits.
/// </summary>
internal sealed class JsonTokenQueue
{
    private byte[] _text = new byte[256];
    private int _textLength;
    private Entry[] _entries = new Entry[32];

    public int Count { get; private set; }

    public JsonTokenType TypeAt(int index) => _entries[index].Type;

    public ReadOnlySpan<byte> TextAt(int index) => _text.AsSpan(_entries[index].Start, _entries[index].Length);

    public void Add(JsonTokenType type, ReadOnlySpan<byte> text)
    {
        if (_textLength + text.Length > _text.Length)
        {
            Array.Resize(ref _text, (int)Math.Min(Math.Max((long)_text.Length * 2, (long)_textLength + text.Length), int.MaxValue));
        }

        text.CopyTo(_text.AsSpan(_textLength));
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[Count++] = new Entry(type, _textLength, text.Length);
        _textLength += text.Length;
    }

    public void Clear()
    {
        Count = 0;
        _textLength = 0;

        // Give back what a large message took.
        if (_text.Length > 1 << 16)
        {
            _text = new byte[256];
        }

        if (_entries.Length > 1 << 12)
        {
            _entries = new Entry[32];
        }
    }

    private readonly record struct Entry(JsonTokenType Type, int Start, int Length);
}
