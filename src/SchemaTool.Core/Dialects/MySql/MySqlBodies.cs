using SchemaTool.Dialects.Lexing;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// Where a semicolon does not end a MySQL statement: inside the compound statements of a stored program
/// (<c>CREATE [OR REPLACE] [DEFINER = u] PROCEDURE | FUNCTION | TRIGGER | EVENT</c>, or MariaDB's
/// <c>BEGIN NOT ATOMIC</c>): BEGIN ... END, IF ... END IF, LOOP ... END LOOP, WHILE ... END WHILE,
/// REPEAT ... END REPEAT, FOR ... END FOR, CASE ... END CASE and CASE ... END, labels included. IF, LOOP, WHILE, REPEAT and FOR open
/// a block only where a statement starts (IF() and REPEAT() are also functions); an END names what it closes,
/// so a block mistaken for one is dropped when the END of the block around it comes.
/// </summary>
internal sealed class MySqlBodies : StatementBodies
{
    private enum Head { Start, AfterCreate, Definer, Routine, AfterBegin, AfterBeginNot, Other }

    private enum Block : byte { Begin, Case, If, Loop, While, Repeat, For }

    private readonly List<Block> _open = [];
    private Head _head;
    private int _definerTokens;
    private bool _statementStart;
    private bool _afterEnd;

    public override bool Open => _afterEnd ? OpenAfterPendingEnd() : _open.Count > 0;

    public override void Start()
    {
        _open.Clear();
        _head = Head.Start;
        _afterEnd = false;
        _statementStart = false;
        _definerTokens = 0;
    }

    public override void Read(in SqlToken token)
    {
        switch (_head)
        {
            case Head.Start:
                _head = token.Is("CREATE") ? Head.AfterCreate : token.Is("BEGIN") ? Head.AfterBegin : Head.Other;
                return;
            case Head.AfterBegin:
                _head = token.Is("NOT") ? Head.AfterBeginNot : Head.Other;
                return;
            case Head.AfterBeginNot:
                _head = Head.Other;
                if (!token.Is("ATOMIC")) return;
                _head = Head.Routine;
                _open.Add(Block.Begin);
                _statementStart = true;
                return;
            case Head.AfterCreate:
                ReadHead(token);
                return;
            case Head.Definer:
                // DEFINER = 'user'@'host', CURRENT_USER or CURRENT_USER(): a few tokens, then the object's kind.
                if (IsRoutineKind(token)) EnterRoutine();
                else if (++_definerTokens > 8) _head = Head.Other;
                return;
            case Head.Routine:
                ReadBody(token);
                return;
        }
    }

    private void ReadHead(in SqlToken token)
    {
        if (token.Is("OR") || token.Is("REPLACE") || token.Is("AGGREGATE")) return;
        if (token.Is("DEFINER"))
        {
            _head = Head.Definer;
            _definerTokens = 0;
        }
        else if (IsRoutineKind(token)) EnterRoutine();
        else _head = Head.Other;
    }

    private void EnterRoutine()
    {
        _head = Head.Routine;
        _statementStart = false;
    }

    private void ReadBody(in SqlToken token)
    {
        if (_afterEnd)
        {
            _afterEnd = false;
            if (token.Kind == SqlTokenKind.Word && KindOf(token) is { } named and not Block.Begin)
            {
                Close(named);
                _statementStart = false;
                return;
            }
            CloseBeginOrCase();
        }
        var startsStatement = _statementStart;
        _statementStart = StartsNext(token);
        if (token.Kind != SqlTokenKind.Word) return;
        if (token.Is("END")) _afterEnd = true;
        else if (token.Is("BEGIN")) _open.Add(Block.Begin);
        else if (token.Is("CASE")) _open.Add(Block.Case);
        else if (startsStatement && KindOf(token) is { } kind and not Block.Begin and not Block.Case) _open.Add(kind);
    }

    /// <summary>
    /// Whether a statement may start after this token: after a semicolon, a label's colon, BEGIN, THEN, ELSE, DO,
    /// LOOP, REPEAT, and after the head of a routine (its parameter list, FOR EACH ROW, its characteristics).
    /// </summary>
    private bool StartsNext(in SqlToken token) => token.Kind switch
    {
        SqlTokenKind.Punctuation => token.IsPunctuation(';') || token.IsPunctuation(':') || token.IsPunctuation(')') && _open.Count == 0,
        SqlTokenKind.Word => token.Is("BEGIN") || token.Is("THEN") || token.Is("ELSE") || token.Is("DO") || token.Is("LOOP")
                             || token.Is("REPEAT") || _open.Count == 0 && (token.Is("ROW") || token.Is("DETERMINISTIC")
                                                                           || token.Is("SQL") || token.Is("DATA") || token.Is("INVOKER")),
        _ => false,
    };

    /// <summary>
    /// Whether a semicolon read now stands inside a block. An END waiting for its next word has closed the
    /// innermost BEGIN or CASE already when that word is the semicolon.
    /// </summary>
    private bool OpenAfterPendingEnd()
    {
        for (var i = _open.Count - 1; i >= 0; i--)
            if (_open[i] is Block.Begin or Block.Case) return i > 0;
        return _open.Count > 0;
    }

    /// <summary>An END not followed by IF, LOOP, WHILE, REPEAT or CASE closes the innermost BEGIN or CASE expression.</summary>
    private void CloseBeginOrCase()
    {
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            if (_open[i] is not (Block.Begin or Block.Case)) continue;
            _open.RemoveRange(i, _open.Count - i);
            return;
        }
    }

    private void Close(Block kind)
    {
        var i = _open.LastIndexOf(kind);
        if (i >= 0) _open.RemoveRange(i, _open.Count - i);
    }

    private static Block? KindOf(in SqlToken token) =>
        token.Is("BEGIN") ? Block.Begin : token.Is("CASE") ? Block.Case : token.Is("IF") ? Block.If : token.Is("LOOP") ? Block.Loop
        : token.Is("WHILE") ? Block.While : token.Is("REPEAT") ? Block.Repeat : token.Is("FOR") ? Block.For : null;

    private static bool IsRoutineKind(in SqlToken token) =>
        token.Is("PROCEDURE") || token.Is("FUNCTION") || token.Is("TRIGGER") || token.Is("EVENT");
}
