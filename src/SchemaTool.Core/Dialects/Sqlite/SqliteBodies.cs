using SchemaTool.Dialects.Lexing;

namespace SchemaTool.Dialects.Sqlite;

/// <summary>
/// Where a semicolon does not end a SQLite statement, exactly as sqlite3_complete() decides: inside
/// <c>CREATE [TEMP | TEMPORARY] TRIGGER</c>, which ends only at a semicolon after an END that follows a
/// semicolon (<c>BEGIN ...; ...; END;</c>); a CASE ... END inside the body never follows a semicolon.
/// </summary>
internal sealed class SqliteBodies : StatementBodies
{
    private enum State { Start, AfterCreate, Other, Trigger, AfterSemicolon, AfterEnd }

    private State _state;

    public override bool Open => _state is State.Trigger or State.AfterSemicolon;

    public override void Start() => _state = State.Start;

    public override void Read(in SqlToken token)
    {
        _state = _state switch
        {
            State.Start => token.Is("CREATE") ? State.AfterCreate : State.Other,
            State.AfterCreate => token.Is("TEMP") || token.Is("TEMPORARY") ? State.AfterCreate : token.Is("TRIGGER") ? State.Trigger : State.Other,
            State.Trigger or State.AfterEnd => token.IsPunctuation(';') ? State.AfterSemicolon : State.Trigger,
            State.AfterSemicolon => token.Is("END") ? State.AfterEnd : token.IsPunctuation(';') ? State.AfterSemicolon : State.Trigger,
            _ => _state,
        };
    }
}
