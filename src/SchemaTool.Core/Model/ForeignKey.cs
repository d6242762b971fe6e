namespace SchemaTool.Model;

/// <summary>A foreign key; <paramref name="NotValid"/>: PostgreSQL's NOT VALID, existing rows never checked against it.</summary>
public sealed record ForeignKey(
    string Name,
    ValueList<string> Columns,
    string ReferencedTable,
    ValueList<string> ReferencedColumns,
    ReferentialAction OnDelete = ReferentialAction.NoAction,
    ReferentialAction OnUpdate = ReferentialAction.NoAction,
    Deferrability Deferrable = Deferrability.NotDeferrable,
    bool NotValid = false);

public enum ReferentialAction
{
    /// <summary>No action, the default: the key says nothing (ON DELETE left out).</summary>
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,

    /// <summary>
    /// `ON DELETE NO ACTION` written out: the action of <see cref="NoAction"/>, kept apart because MySQL keeps the
    /// spelling (SHOW CREATE TABLE shows it, REFERENTIAL_CONSTRAINTS says NO ACTION where it says RESTRICT for a key
    /// that states none). Compared as <see cref="NoAction"/> (IDialect.Compared).
    /// </summary>
    ExplicitNoAction,
}

public enum Deferrability
{
    NotDeferrable,
    InitiallyImmediate,
    InitiallyDeferred,
}

public static class ReferentialActions
{
    public static string ToSql(this ReferentialAction action) => action switch
    {
        ReferentialAction.NoAction or ReferentialAction.ExplicitNoAction => "NO ACTION",
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static string ToYaml(this ReferentialAction action) => action.ToSql().ToLowerInvariant();

    public static ReferentialAction? Parse(string text) =>
        text.Trim().ToUpperInvariant().Replace('_', ' ') switch
        {
            "NO ACTION" => ReferentialAction.ExplicitNoAction,
            "RESTRICT" => ReferentialAction.Restrict,
            "CASCADE" => ReferentialAction.Cascade,
            "SET NULL" => ReferentialAction.SetNull,
            "SET DEFAULT" => ReferentialAction.SetDefault,
            _ => null,
        };
}
