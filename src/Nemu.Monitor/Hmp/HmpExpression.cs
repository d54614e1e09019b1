namespace Nemu.Monitor.Hmp;

/// <summary>
/// The monitor's integer expression language (QEMU monitor/hmp.c, get_expr): C-like numbers
/// (0x hex, leading-0 octal, decimal), <c>$reg</c>, unary <c>+ - ~</c>, <c>* / %</c>, <c>+ -</c>, <c>&amp; | ^</c>,
/// parentheses; white space is allowed between terms. Arithmetic wraps at 64 bits.
/// Error texts are QEMU's: "invalid char 'f' in expression", "unexpected end of expression",
/// "')' expected", "division by zero", "number too large", "unknown register".
/// </summary>
public ref struct HmpExpression
{
    private readonly ReadOnlySpan<char> _text;
    private readonly IRegisterReader? _registers;
    private int _pos;

    private HmpExpression(ReadOnlySpan<char> text, int pos, IRegisterReader? registers)
    {
        _text = text;
        _pos = pos;
        _registers = registers;
    }

    /// <summary>Evaluates one expression starting at <paramref name="pos"/>; on return pos is after it.</summary>
    public static ulong Evaluate(ReadOnlySpan<char> text, ref int pos, IRegisterReader? registers = null)
    {
        var parser = new HmpExpression(text, pos, registers);
        var value = parser.Logic();
        pos = parser._pos;
        return value;
    }

    private char Peek()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }

        return _pos < _text.Length ? _text[_pos] : '\0';
    }

    private ulong Logic()
    {
        var value = Sum();
        for (var op = Peek(); op is '&' or '|' or '^'; op = Peek())
        {
            _pos++;
            var rhs = Sum();
            value = op switch { '&' => value & rhs, '|' => value | rhs, _ => value ^ rhs };
        }

        return value;
    }

    private ulong Sum()
    {
        var value = Product();
        for (var op = Peek(); op is '+' or '-'; op = Peek())
        {
            _pos++;
            var rhs = Product();
            value = op == '+' ? value + rhs : value - rhs;
        }

        return value;
    }

    private ulong Product()
    {
        var value = Unary();
        for (var op = Peek(); op is '*' or '/' or '%'; op = Peek())
        {
            _pos++;
            var rhs = Unary();
            if (op == '*')
            {
                value *= rhs;
                continue;
            }

            if (rhs == 0)
            {
                throw new HmpException("division by zero");
            }

            // QEMU divides as signed 64-bit integers.
            var a = (long)value;
            var b = (long)rhs;
            value = op == '/' ? (ulong)(b == -1 ? unchecked(-a) : a / b) : (ulong)(b == -1 ? 0 : a % b);
        }

        return value;
    }

    private ulong Unary()
    {
        var c = Peek();
        switch (c)
        {
            case '+':
                _pos++;
                return Unary();
            case '-':
                _pos++;
                return unchecked(0 - Unary());
            case '~':
                _pos++;
                return ~Unary();
            case '(':
                _pos++;
                var inner = Logic();
                if (Peek() != ')')
                {
                    throw new HmpException("')' expected");
                }

                _pos++;
                return inner;
            case '$':
                return Register();
            case '\0':
                throw new HmpException("unexpected end of expression");
            default:
                if (char.IsAsciiDigit(c))
                {
                    return Number();
                }

                throw new HmpException($"invalid char '{c}' in expression");
        }
    }

    private ulong Register()
    {
        _pos++;
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '.'))
        {
            _pos++;
        }

        var name = _text[start.._pos].ToString();
        if (_registers is null || !_registers.TryRead(name, out var value))
        {
            throw new HmpException("unknown register");
        }

        return value;
    }

    private ulong Number()
    {
        var radix = 10;
        // strtoull(base 0): "0x" counts as a prefix only when a hex digit follows; "0x" alone is the number 0
        // followed by the character 'x' (QEMU then reports extraneous characters).
        if (_text[_pos] == '0' && _pos + 2 < _text.Length && (_text[_pos + 1] is 'x' or 'X') && HexDigit(_text[_pos + 2]) >= 0)
        {
            radix = 16;
            _pos += 2;
        }
        else if (_text[_pos] == '0')
        {
            radix = 8;
        }

        ulong value = 0;
        var overflow = false;
        while (_pos < _text.Length)
        {
            var digit = HexDigit(_text[_pos]);
            if (digit < 0 || digit >= radix)
            {
                break;
            }

            var next = unchecked((value * (ulong)radix) + (ulong)digit);
            overflow |= value > (ulong.MaxValue - (ulong)digit) / (ulong)radix;
            value = next;
            _pos++;
        }

        if (overflow)
        {
            throw new HmpException("number too large");
        }

        return value;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
