using System.Buffers;
using System.Text;

namespace SchemaTool.Yaml.Reading;

/// <summary>
/// Reads the part of YAML that model files are written in: block maps and lists, one-line flow maps and lists,
/// plain and one-line quoted scalars, comments. It is many times faster than a full YAML parser and leaves little
/// garbage, which is most of a large model's load time. At the first thing outside that part (anchors, tags,
/// block scalars, multi-line scalars or flow collections, document markers, tabs, anything it would have to
/// guess about) it gives up, and the caller reads the file with <see cref="FullYamlReader"/> instead; so a file
/// never means something here that it would not mean to a full parser.
/// </summary>
internal sealed class SubsetYamlReader
{
    // Line breaks other than \n (YAML 1.1 also breaks lines at these), control characters, a BOM inside the text.
    private static readonly SearchValues<char> Unsupported = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\r\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\u007F\u0085\u2028\u2029\uFEFF");

    private readonly string _text;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private YamlSyntaxException? _repeatedKey; // thrown once the whole text is known to be inside the subset
    private int _depth; // of the collection being read: past YamlDocument.MaxDepth the full parser reports it

    // Model files repeat the same short scalars thousands of times (keys, types, column names, true): one
    // string each saves most of the reader's allocation and of the model's memory.
    private const int PooledLength = 64;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _pooled;

    private SubsetYamlReader(string text)
    {
        _text = text;
        _pooled = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private string Text(int start, int length)
    {
        var span = _text.AsSpan(start, length);
        if (length > PooledLength) return span.ToString();
        if (_pooled.TryGetValue(span, out var pooled)) return pooled;
        var text = span.ToString();
        _pool.Add(text, text);
        return text;
    }

    /// <summary>False when the text is outside the subset; <paramref name="root"/> is null for an empty file.</summary>
    public static bool TryRead(string text, out YamlValue? root)
    {
        root = null;
        if (text.Contains('\r')) text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.AsSpan().IndexOfAny(Unsupported) >= 0) return false;
        try
        {
            root = new SubsetYamlReader(text).ReadDocument();
            return true;
        }
        catch (OutsideSubset)
        {
            root = null;
            return false;
        }
    }

    private sealed class OutsideSubset : Exception;

    private static OutsideSubset GiveUp() => new();

    private int Column => _pos - _lineStart + 1;

    private char At(int i) => i < _text.Length ? _text[i] : '\n';

    private char Current => At(_pos);

    private YamlValue? ReadDocument()
    {
        var indent = NextContentLine();
        if (indent < 0) return null;
        var root = ReadBlock(indent);
        if (NextContentLine() >= 0) throw GiveUp();
        if (_repeatedKey is not null) throw _repeatedKey;
        return root;
    }

    /// <summary>Moves to the first character of the next line that holds more than spaces and a comment; its indent, or -1 at the end.</summary>
    private int NextContentLine()
    {
        while (_pos < _text.Length)
        {
            var start = _pos;
            while (_pos < _text.Length && _text[_pos] == ' ') _pos++;
            var c = Current;
            if (c == '\t') throw GiveUp();
            if (c == '\n')
            {
                NewLine();
                continue;
            }
            if (c == '#')
            {
                SkipToLineEnd();
                continue;
            }
            if (_pos == start && IsDocumentSyntax()) throw GiveUp();
            return _pos - _lineStart;
        }
        return -1;
    }

    private bool IsDocumentSyntax() =>
        Current == '%'
        || (Current == '-' && At(_pos + 1) == '-' && At(_pos + 2) == '-' && IsBlankOrEnd(At(_pos + 3)))
        || (Current == '.' && At(_pos + 1) == '.' && At(_pos + 2) == '.' && IsBlankOrEnd(At(_pos + 3)));

    private void SkipToLineEnd()
    {
        var end = _text.IndexOf('\n', _pos);
        _pos = end < 0 ? _text.Length : end;
        if (_pos < _text.Length) NewLine();
    }

    private void NewLine()
    {
        _pos++;
        _line++;
        _lineStart = _pos;
    }

    /// <summary>After a value: only spaces and a comment may follow on its line.</summary>
    private void FinishLine()
    {
        while (Current == ' ') _pos++;
        if (Current == '#' && At(_pos - 1) == ' ') SkipToLineEnd();
        else if (Current == '\n') { if (_pos < _text.Length) NewLine(); }
        else throw GiveUp();
    }

    private static bool IsBlankOrEnd(char c) => c is ' ' or '\n';

    private static bool IsFlowIndicator(char c) => c is ',' or '[' or ']' or '{' or '}';

    private YamlValue ReadBlock(int indent) =>
        Current == '-' && IsBlankOrEnd(At(_pos + 1)) ? ReadBlockList(indent) : ReadBlockMap(indent);

    /// <summary>One level deeper; each collection reader calls it and <see cref="Leave"/>: the readers recurse, and the stack is finite.</summary>
    private void Enter()
    {
        if (++_depth > YamlDocument.MaxDepth) throw GiveUp();
    }

    private void Leave() => _depth--;

    private YamlMap ReadBlockMap(int indent)
    {
        Enter();
        var (line, column) = (_line, Column);
        var entries = new MapEntries();
        while (true)
        {
            var key = ReadBlockKey();
            YamlValue value;
            var (emptyLine, emptyColumn) = (_line, Column); // where a parser places a missing value
            while (Current == ' ') _pos++;
            if (Current == '\n' || (Current == '#' && At(_pos - 1) == ' '))
            {
                FinishLine();
                var next = NextContentLine();
                if (next > indent) value = ReadBlock(next);
                else if (next == indent && Current == '-' && IsBlankOrEnd(At(_pos + 1))) value = ReadBlockList(indent);
                else value = new YamlScalar("", true, emptyLine, emptyColumn);
            }
            else
            {
                value = ReadInlineValue();
                FinishLine();
                if (NextContentLine() > indent) throw GiveUp();
            }
            _repeatedKey ??= entries.Add(key, value);

            var following = _pos < _text.Length ? _pos - _lineStart : -1;
            if (following < indent) break;
            if (following > indent) throw GiveUp();
        }
        Leave();
        return entries.Build(line, column);
    }

    private YamlList ReadBlockList(int indent)
    {
        Enter();
        var (line, column) = (_line, Column);
        var items = new List<YamlValue>();
        while (Current == '-' && IsBlankOrEnd(At(_pos + 1)))
        {
            _pos++;
            while (Current == ' ') _pos++;
            if (Current is '\n' or '#') throw GiveUp(); // an item on the lines below
            items.Add(ReadInlineValue());
            FinishLine();
            var next = NextContentLine();
            if (next > indent) throw GiveUp();
            if (next < indent) break;
        }
        Leave();
        return new YamlList(items, line, column);
    }

    private YamlScalar ReadBlockKey()
    {
        var (line, column) = (_line, Column);
        var c = Current;
        string key;
        bool plain;
        if (c is '"' or '\'')
        {
            key = ReadQuoted();
            plain = false;
            if (Current != ':' || !IsBlankOrEnd(At(_pos + 1))) throw GiveUp();
        }
        else
        {
            if (!CanStartPlain(c, At(_pos + 1)) || IsFlowIndicator(c)) throw GiveUp();
            var start = _pos;
            while (!(Current == ':' && IsBlankOrEnd(At(_pos + 1))))
            {
                // YamlDotNet reads " *" inside a key or flow scalar its own way (an alias that is not one); leave '*' to it.
                if (Current is '\n' or '\t' or '*' || (Current == '#' && At(_pos - 1) == ' ')) throw GiveUp();
                _pos++;
            }
            key = Text(start, _text.AsSpan(start, _pos - start).TrimEnd(' ').Length);
            plain = true;
        }
        // YAML allows a key written without `? ` up to 1024 characters, and a full parser refuses a longer one.
        if (_pos - _lineStart - (column - 1) > YamlDocument.MaxImplicitKeyLength) throw GiveUp();
        _pos++; // the colon
        return new YamlScalar(key, plain, line, column);
    }

    /// <summary>A value that starts on the current line in block context: a flow collection, a quoted or a plain scalar.</summary>
    private YamlValue ReadInlineValue()
    {
        var c = Current;
        if (c == '{') return ReadFlowMap();
        if (c == '[') return ReadFlowList();
        var (line, column) = (_line, Column);
        if (c is '"' or '\'')
        {
            var quoted = ReadQuoted();
            var after = _pos;
            while (Current == ' ') _pos++;
            if (Current == ':') throw GiveUp(); // a key: a map inside a list item, or a second key on one line
            _pos = after;
            return new YamlScalar(quoted, false, line, column);
        }
        if (!CanStartPlain(c, At(_pos + 1)) || IsFlowIndicator(c)) throw GiveUp();
        var start = _pos;
        while (Current != '\n')
        {
            var ch = Current;
            if (ch == '\t') throw GiveUp();
            if (ch == ':' && IsBlankOrEnd(At(_pos + 1))) throw GiveUp();
            if (ch == '#' && At(_pos - 1) == ' ') break;
            _pos++;
        }
        var end = _pos;
        while (end > start && _text[end - 1] == ' ') end--;
        return new YamlScalar(Text(start, end - start), true, line, column);
    }

    private YamlMap ReadFlowMap()
    {
        Enter();
        var (line, column) = (_line, Column);
        _pos++;
        var entries = new MapEntries();
        SkipFlowSpaces();
        while (Current != '}')
        {
            var key = ReadFlowScalar();
            SkipFlowSpaces();
            if (Current != ':' || At(_pos + 1) != ' ') throw GiveUp();
            _pos++;
            SkipFlowSpaces();
            if (Current is ',' or '}') throw GiveUp(); // a key without a value
            _repeatedKey ??= entries.Add(key, ReadFlowNode());
            if (!FlowSeparator('}')) break;
        }
        _pos++;
        Leave();
        return entries.Build(line, column);
    }

    private YamlList ReadFlowList()
    {
        Enter();
        var (line, column) = (_line, Column);
        _pos++;
        var items = new List<YamlValue>();
        SkipFlowSpaces();
        while (Current != ']')
        {
            items.Add(ReadFlowNode());
            SkipFlowSpaces();
            if (Current == ':') throw GiveUp(); // a one-pair map inside the list
            if (!FlowSeparator(']')) break;
        }
        _pos++;
        Leave();
        return new YamlList(items, line, column);
    }

    /// <summary>After a flow entry: true at a comma (more may follow), false at the closing bracket.</summary>
    private bool FlowSeparator(char close)
    {
        SkipFlowSpaces();
        if (Current == close) return false;
        if (Current != ',') throw GiveUp();
        _pos++;
        SkipFlowSpaces();
        if (Current == ',') throw GiveUp();
        return Current != close;
    }

    private void SkipFlowSpaces()
    {
        while (Current == ' ') _pos++;
        if (Current is '\n' or '\t' or '#') throw GiveUp(); // flow collections that span lines or hold comments
    }

    private YamlValue ReadFlowNode() => Current switch
    {
        '{' => ReadFlowMap(),
        '[' => ReadFlowList(),
        _ => ReadFlowScalar(),
    };

    private YamlScalar ReadFlowScalar()
    {
        var (line, column) = (_line, Column);
        var c = Current;
        if (c is '"' or '\'') return new YamlScalar(ReadQuoted(), false, line, column);
        if (!CanStartPlain(c, At(_pos + 1)) || IsFlowIndicator(c)) throw GiveUp();
        var start = _pos;
        while (true)
        {
            var ch = Current;
            if (IsFlowIndicator(ch)) break;
            if (ch == ':')
            {
                if (At(_pos + 1) == ' ') break; // the end of a key; the caller decides whether one may be here
                throw GiveUp();
            }
            if (ch is '\n' or '\t' or '#' or '*') throw GiveUp(); // '*': see ReadBlockKey
            _pos++;
        }
        var end = _pos;
        while (end > start && _text[end - 1] == ' ') end--;
        if (end == start) throw GiveUp();
        return new YamlScalar(Text(start, end - start), true, line, column);
    }

    /// <summary>Whether a plain scalar may start with <paramref name="c"/> (YAML's indicators may not, except - before a non-space).</summary>
    private static bool CanStartPlain(char c, char next) => c switch
    {
        '-' => !IsBlankOrEnd(next) && !IsFlowIndicator(next),
        '?' or ':' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or ' ' or '\n' or '\t' => false,
        _ => true,
    };

    /// <summary>A quoted scalar that ends on its line; escapes a full parser would read differently are left to it.</summary>
    private string ReadQuoted()
    {
        var quote = Current;
        _pos++;
        var start = _pos;
        StringBuilder? text = null;
        while (true)
        {
            var c = Current;
            if (c == '\n') throw GiveUp();
            if (c == quote)
            {
                if (quote == '\'' && At(_pos + 1) == '\'')
                {
                    (text ??= new StringBuilder()).Append(_text, start, _pos - start + 1);
                    _pos += 2;
                    start = _pos;
                    continue;
                }
                break;
            }
            if (c == '\\' && quote == '"')
            {
                (text ??= new StringBuilder()).Append(_text, start, _pos - start).Append(Escape());
                start = _pos;
                continue;
            }
            _pos++;
        }
        var value = text is null ? Text(start, _pos - start) : text.Append(_text, start, _pos - start).ToString();
        _pos++;
        return value;
    }

    private string Escape()
    {
        var c = At(_pos + 1);
        _pos += 2;
        switch (c)
        {
            case '\\': return "\\";
            case '"': return "\"";
            case '/': return "/";
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case '0': return "\0";
            case 'u':
                var hex = _pos + 4 <= _text.Length ? _text.AsSpan(_pos, 4) : default;
                if (hex.Length != 4 || !ushort.TryParse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code)
                    || char.IsSurrogate((char)code))
                    throw GiveUp();
                _pos += 4;
                return ((char)code).ToString();
            default:
                throw GiveUp();
        }
    }
}
