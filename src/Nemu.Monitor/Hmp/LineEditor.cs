using System.Text;

namespace Nemu.Monitor.Hmp;

/// <summary>
/// The monitor's line input (a small version of QEMU's util/readline.c): echoes what is typed, handles
/// backspace, CR/LF/CRLF line ends and command history on the arrow keys, and hands complete lines on.
/// Not modelled: tab completion, cursor movement inside the line, Ctrl-R search.
/// </summary>
public sealed class LineEditor
{
    private const int MaxLine = 4096;
    private const int MaxHistory = 64;

    private readonly StringBuilder _line = new();
    private readonly List<string> _history = [];
    private readonly Action<string> _echo;
    private readonly Action<string> _onLine;
    private int _escape;
    private bool _lastWasCr;
    private int _historyIndex;

    public LineEditor(Action<string> echo, Action<string> onLine)
    {
        _echo = echo;
        _onLine = onLine;
    }

    /// <summary>Drops a partly typed line (readline_restart).</summary>
    public void Reset()
    {
        _line.Clear();
        _escape = 0;
        _historyIndex = _history.Count;
    }

    /// <summary>Feeds received bytes.</summary>
    public void Feed(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            Feed((char)b);
        }
    }

    private void Feed(char c)
    {
        if (_escape > 0)
        {
            Escape(c);
            return;
        }

        var wasCr = _lastWasCr;
        _lastWasCr = c == '\r';
        switch (c)
        {
            case '\n' when wasCr:
                return;
            case '\r' or '\n':
                var line = _line.ToString();
                _line.Clear();
                _echo("\r\n");
                if (line.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != line))
                {
                    _history.Add(line);
                    if (_history.Count > MaxHistory)
                    {
                        _history.RemoveAt(0);
                    }
                }

                _historyIndex = _history.Count;
                _onLine(line);
                return;
            case '\b' or (char)0x7f:
                if (_line.Length > 0)
                {
                    _line.Length--;
                    _echo("\b \b");
                }

                return;
            case (char)0x1b:
                _escape = 1;
                return;
            default:
                if (c >= ' ' && _line.Length < MaxLine)
                {
                    _line.Append(c);
                    _echo(c.ToString());
                }

                return;
        }
    }

    private void Escape(char c)
    {
        if (_escape == 1)
        {
            _escape = c is '[' or 'O' ? 2 : 0;
            return;
        }

        _escape = 0;
        if (c == 'A' && _historyIndex > 0)
        {
            Replace(_history[--_historyIndex]);
        }
        else if (c == 'B' && _historyIndex < _history.Count)
        {
            _historyIndex++;
            Replace(_historyIndex == _history.Count ? string.Empty : _history[_historyIndex]);
        }
    }

    private void Replace(string text)
    {
        var erase = new StringBuilder();
        for (var i = 0; i < _line.Length; i++)
        {
            erase.Append("\b \b");
        }

        _line.Clear().Append(text);
        _echo(erase.Append(text).ToString());
    }
}
