using System.Globalization;

namespace SchemaTool.Model;

/// <summary>
/// A column type as the model writes it, taken apart: the name's words (<c>double precision</c>,
/// <c>public.citext</c>, <c>"Mood"</c>), the modifiers in parentheses, the words after them (<c>with time zone</c>,
/// <c>unsigned</c>) and array brackets. A type is written into the SQL as it is, so only text of this shape is
/// accepted: no statement can hide in it.
/// </summary>
public sealed record TypeName(
    IReadOnlyList<string> Words,
    IReadOnlyList<TypeArgument>? Arguments,
    IReadOnlyList<string> Suffix,
    int ArrayDepth)
{
    /// <summary>The name's words in lower case (quoted words as written), joined by one space: <c>character varying</c>.</summary>
    public string Name => string.Join(" ", Words.Select(w => w.Contains('"') ? w : w.ToLowerInvariant()));

    /// <summary>The words after the modifiers in lower case, joined by one space: <c>with time zone</c>.</summary>
    public string SuffixText => string.Join(" ", Suffix.Select(w => w.ToLowerInvariant()));

    /// <summary>The modifiers when every one is a whole number, else null.</summary>
    public IReadOnlyList<long>? Numbers =>
        Arguments is { } args && args.All(a => a.Number is not null) ? args.Select(a => a.Number!.Value).ToList() : null;

    /// <summary>Reads a type; <paramref name="problem"/> says what is wrong when it returns null.</summary>
    public static TypeName? Parse(string text, out string? problem)
    {
        try
        {
            problem = null;
            return new Reader(text).Read();
        }
        catch (BadType e)
        {
            problem = e.Message;
            return null;
        }
    }

    private sealed class BadType(string message) : Exception(message);

    private sealed class Reader(string text)
    {
        private int _pos;

        private char Current => _pos < text.Length ? text[_pos] : '\0';

        private bool AtEnd => _pos >= text.Length;

        private string Rest => PrintableText.Escape(text[_pos..]);

        public TypeName Read()
        {
            SkipSpaces();
            if (AtEnd) throw new BadType("the type is empty");
            var words = ReadWords();
            if (words.Count == 0)
                throw new BadType(Current is >= '0' and <= '9' or '-' or '+'
                    ? "a type starts with a name, not a number"
                    : $"a type starts with a name, not '{Rest}'");
            var arguments = Current == '(' ? ReadArguments() : null;
            var suffix = ReadWords();
            var arrays = 0;
            while (Current == '[')
            {
                _pos++;
                SkipSpaces();
                while (char.IsAsciiDigit(Current)) _pos++;
                SkipSpaces();
                if (Current != ']') throw new BadType("an array bound is written [] or [n]");
                _pos++;
                arrays++;
                SkipSpaces();
            }
            if (!AtEnd)
                throw new BadType($"'{Rest}' cannot follow the type; a type is a name, its modifiers in parentheses " +
                                  "(varchar(64), decimal(10,2)) and words such as `with time zone`");
            return new TypeName(words, arguments, suffix, arrays);
        }

        private List<string> ReadWords()
        {
            var words = new List<string>();
            while (true)
            {
                SkipSpaces();
                if (!StartsWord(Current)) return words;
                words.Add(ReadQualifiedWord());
            }
        }

        private static bool StartsWord(char c) => c == '"' || c == '_' || char.IsLetter(c);

        private string ReadQualifiedWord()
        {
            var start = _pos;
            ReadWord();
            while (Current == '.')
            {
                _pos++;
                if (!StartsWord(Current)) throw new BadType("a schema-qualified type is written schema.name");
                ReadWord();
            }
            return text[start.._pos];
        }

        private void ReadWord()
        {
            if (Current != '"')
            {
                while (Current == '_' || Current == '$' || char.IsLetterOrDigit(Current)) _pos++;
                return;
            }
            _pos++;
            var start = _pos;
            while (true)
            {
                if (AtEnd) throw new BadType("a quoted type name has no closing \"");
                if (Current == '"')
                {
                    if (_pos + 1 < text.Length && text[_pos + 1] == '"') _pos += 2; // a doubled quote stands for one
                    else break;
                    continue;
                }
                if (char.IsControl(Current)) throw new BadType("a quoted type name cannot hold a control character");
                _pos++;
            }
            if (_pos == start) throw new BadType("a quoted type name needs at least one character");
            _pos++;
        }

        private List<TypeArgument> ReadArguments()
        {
            _pos++; // (
            var arguments = new List<TypeArgument>();
            while (true)
            {
                SkipSpaces();
                arguments.Add(ReadArgument());
                SkipSpaces();
                if (Current == ',')
                {
                    _pos++;
                    continue;
                }
                if (Current == ')')
                {
                    _pos++;
                    return arguments;
                }
                throw new BadType(AtEnd
                    ? "the modifiers have no closing ')'"
                    : $"the modifiers in parentheses are numbers, names or 'quoted' values separated by commas, not '{Rest}'");
            }
        }

        private TypeArgument ReadArgument()
        {
            var start = _pos;
            if (Current is '+' or '-' || char.IsAsciiDigit(Current))
            {
                _pos++;
                while (char.IsAsciiDigit(Current)) _pos++;
                var digits = text[start.._pos];
                if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number is > int.MaxValue or < int.MinValue)
                    throw new BadType($"the modifier {digits} is not a whole number in range");
                return new TypeArgument(digits, number);
            }
            if (Current == '\'')
            {
                _pos++;
                while (true)
                {
                    if (AtEnd) throw new BadType("a quoted modifier has no closing quote");
                    if (Current == '\'')
                    {
                        if (_pos + 1 < text.Length && text[_pos + 1] == '\'') _pos += 2; // '' stands for one quote
                        else break;
                        continue;
                    }
                    // MySQL reads a backslash in a string as an escape and standard SQL does not: the two would end the string in different places.
                    if (Current == '\\' || char.IsControl(Current)) throw new BadType("a quoted modifier cannot hold a backslash or a control character");
                    _pos++;
                }
                _pos++;
                return new TypeArgument(text[start.._pos], null);
            }
            if (StartsWord(Current)) return new TypeArgument(ReadQualifiedWord(), null);
            throw new BadType(AtEnd || Current is ')' or ','
                ? "a modifier is missing between the parentheses or after a comma"
                : $"the modifiers in parentheses are numbers, names or 'quoted' values, not '{Rest}'");
        }

        private void SkipSpaces()
        {
            while (Current == ' ') _pos++;
        }
    }
}

/// <summary>One modifier of a type: its text, and its value when it is a whole number.</summary>
public sealed record TypeArgument(string Text, long? Number);
