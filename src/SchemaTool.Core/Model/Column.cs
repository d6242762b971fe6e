namespace SchemaTool.Model;

/// <param name="DeclaredType">
/// <paramref name="Type"/> is the database's own declared type, kept as written and never read as a portable name
/// (SQLite, where a column declared `int` is not the rowid, while the portable int is written INTEGER).
/// </param>
public sealed record Column(
    string Name,
    string Type,
    bool Nullable = false,
    ColumnDefault? Default = null,
    bool AutoIncrement = false,
    string? Comment = null,
    string? Collation = null,
    GeneratedColumn? Generated = null,
    string? RenamedFrom = null,
    bool DeclaredType = false)
{
    /// <summary>The column as it would be read back from a database: without the rename hint.</summary>
    public Column WithoutHints() => RenamedFrom is null ? this : this with { RenamedFrom = null };
}

public sealed record GeneratedColumn(string Expression, bool Stored);

public enum DefaultKind
{
    /// <summary>A string literal; Text is the unquoted value.</summary>
    String,
    /// <summary>A numeric literal; Text is its canonical spelling.</summary>
    Number,
    /// <summary>A boolean literal; Text is "true" or "false".</summary>
    Boolean,
    /// <summary>A raw SQL expression, written as the dialect canonically prints it.</summary>
    Sql,
}

public sealed record ColumnDefault(DefaultKind Kind, string Text)
{
    public static ColumnDefault String(string value) => new(DefaultKind.String, value);
    public static ColumnDefault Number(string value) => new(DefaultKind.Number, value);
    public static ColumnDefault Boolean(bool value) => new(DefaultKind.Boolean, value ? "true" : "false");
    public static ColumnDefault Sql(string expression) => new(DefaultKind.Sql, expression);

    public override string ToString() => Kind == DefaultKind.String ? $"'{Text}'" : Text;
}
