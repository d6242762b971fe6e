namespace SchemaTool.Dialects.Lexing;

public enum SqlTokenKind : byte
{
    /// <summary>A keyword or an unquoted identifier (a lexer cannot tell them apart): SELECT, users, a$b.</summary>
    Word,

    /// <summary>A quoted identifier: "a", `a`, [a].</summary>
    QuotedIdentifier,

    /// <summary>A string constant with its prefix or quotes: 'a', E'a\'', N'a', X'41', $tag$a$tag$.</summary>
    String,

    Number,

    /// <summary>A placeholder or variable: $1, ?, :name, @name.</summary>
    Parameter,

    /// <summary>Punctuation and operators: ( ) [ ] , ; . :: &lt;&gt; || and so on.</summary>
    Punctuation,

    /// <summary>A comment: -- x, /* x */, # x.</summary>
    Comment,

    /// <summary>MySQL's /*! ... */ and /*M! ... */: looks like a comment, but the server runs what is inside.</summary>
    ExecutableComment,
}

/// <summary>
/// One token of SQL text: its kind and where it stands in <see cref="Source"/> (<see cref="Start"/> inclusive,
/// <see cref="End"/> exclusive). <see cref="Unterminated"/> marks a quote or comment that the text ends inside.
/// </summary>
public readonly record struct SqlToken(SqlTokenKind Kind, string Source, int Start, int End, bool Unterminated = false)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> Span => Source.AsSpan(Start, End - Start);

    public string Text => Source.Substring(Start, End - Start);

    /// <summary>A word spelled so, in any case.</summary>
    public bool Is(string word) =>
        Kind == SqlTokenKind.Word && Length == word.Length && Span.Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Punctuation or an operator spelled exactly so.</summary>
    public bool IsPunctuation(string text) => Kind == SqlTokenKind.Punctuation && Span.SequenceEqual(text);

    public bool IsPunctuation(char c) => Kind == SqlTokenKind.Punctuation && Length == 1 && Source[Start] == c;

    /// <summary>Everything but comments: what the server reads (MySQL's executable comments included).</summary>
    public bool IsCode => Kind != SqlTokenKind.Comment;

    public override string ToString() => $"{Kind} {Text}";
}
