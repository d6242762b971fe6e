using SchemaTool.Dialects.Lexing;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// Where a semicolon does not end a PostgreSQL statement, as psql decides: inside parentheses (a rule's
/// <c>DO ALSO (INSERT ...; INSERT ...)</c>), and inside the <c>BEGIN ATOMIC ... END</c> body of a
/// <c>CREATE [OR REPLACE] FUNCTION | PROCEDURE</c>, where CASE ... END nests. Other bodies are dollar-quoted strings.
/// </summary>
internal sealed class PostgresBodies : StatementBodies
{
    private enum Head { Start, AfterCreate, AfterOr, AfterReplace, Routine, Other }

    private Head _head;
    private bool _afterBegin;
    private int _depth;
    private int _parentheses;

    public override bool Open => _depth > 0 || _parentheses > 0;

    public override void Start()
    {
        _head = Head.Start;
        _afterBegin = false;
        _depth = 0;
        _parentheses = 0;
    }

    public override void Read(in SqlToken token)
    {
        if (token.Kind == SqlTokenKind.Punctuation)
        {
            if (token.IsPunctuation('(')) _parentheses++;
            else if (token.IsPunctuation(')') && _parentheses > 0) _parentheses--;
        }
        switch (_head)
        {
            case Head.Start:
                _head = token.Is("CREATE") ? Head.AfterCreate : Head.Other;
                return;
            case Head.AfterCreate:
                _head = token.Is("OR") ? Head.AfterOr : IsRoutine(token) ? Head.Routine : Head.Other;
                return;
            case Head.AfterOr:
                _head = token.Is("REPLACE") ? Head.AfterReplace : Head.Other;
                return;
            case Head.AfterReplace:
                _head = IsRoutine(token) ? Head.Routine : Head.Other;
                return;
            case Head.Routine:
                ReadRoutine(token);
                return;
        }
    }

    private void ReadRoutine(in SqlToken token)
    {
        if (token.Kind != SqlTokenKind.Word)
        {
            _afterBegin = false;
            return;
        }
        if (_afterBegin)
        {
            _afterBegin = false;
            if (token.Is("ATOMIC"))
            {
                _depth++;
                return;
            }
        }
        if (_depth == 0)
        {
            _afterBegin = token.Is("BEGIN");
            return;
        }
        if (token.Is("CASE")) _depth++;
        else if (token.Is("END")) _depth--;
    }

    private static bool IsRoutine(in SqlToken token) => token.Is("FUNCTION") || token.Is("PROCEDURE");
}
