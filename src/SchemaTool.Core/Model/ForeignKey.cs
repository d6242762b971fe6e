namespace SchemaTool.Model;

public sealed record ForeignKey(
    string Name,
    ValueList<string> Columns,
    string ReferencedTable,
    ValueList<string> ReferencedColumns,
    ReferentialAction OnDelete = ReferentialAction.NoAction,
    ReferentialAction OnUpdate = ReferentialAction.NoAction,
    Deferrability Deferrable = Deferrability.NotDeferrable);

public enum ReferentialAction
{
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
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
        ReferentialAction.NoAction => "NO ACTION",
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
            "NO ACTION" => ReferentialAction.NoAction,
            "RESTRICT" => ReferentialAction.Restrict,
            "CASCADE" => ReferentialAction.Cascade,
            "SET NULL" => ReferentialAction.SetNull,
            "SET DEFAULT" => ReferentialAction.SetDefault,
            _ => null,
        };
}
