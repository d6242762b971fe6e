namespace SchemaTool.Model;

/// <param name="DeclaredType">
/// <paramref name="Type"/> is the database's own declared type, kept as written and never read as a portable name
/// (SQLite, where a column declared `int` is not the rowid, while the portable int is written INTEGER).
/// </param>
/// <param name="Check">
/// MariaDB's column-level CHECK, part of the column's definition (named after the column, replaced by MODIFY COLUMN);
/// a table's other checks are table constraints.
/// </param>
/// <param name="Statistics">PostgreSQL's statistics target of the column (`SET STATISTICS`); null: the server's default.</param>
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
    Numbering? Numbering = null,
    bool DeclaredType = false,
    string? Check = null,
    int? Statistics = null)
{
    /// <summary>The column as it would be read back from a database: without the rename hint.</summary>
    public Column WithoutHints() => RenamedFrom is null ? this : this with { RenamedFrom = null };
}

public sealed record GeneratedColumn(string Expression, bool Stored);

/// <summary>
/// How an auto_increment column (or a PostgreSQL serial) numbers itself beyond the defaults: identity ALWAYS
/// (explicit values refused) and the options of the sequence behind it. Null members are the database's defaults;
/// <see cref="SequenceType"/> is the sequence's integer type where it differs from the column's (a serial dumped by
/// a PostgreSQL older than 10, whose sequences were all bigint). <see cref="Unlogged"/> is a serial's sequence's own
/// persistence where it differs from its table's (PostgreSQL 15 and later; pg_dump creates an unlogged table's serial
/// sequence apart, logged, while `serial` in CREATE UNLOGGED TABLE makes it unlogged); null: the table's.
/// </summary>
public sealed record Numbering(
    bool Always = false,
    string? Sequence = null,
    long? Start = null,
    long? Increment = null,
    long? MinValue = null,
    long? MaxValue = null,
    long? Cache = null,
    bool Cycle = false,
    string? SequenceType = null,
    bool? Unlogged = null)
{
    public bool IsDefault => this == Default;

    public static Numbering Default { get; } = new();
}

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
    /// <summary>
    /// The SQL the default was written as, when a dialect compares it as a literal (PostgreSQL's <c>'2'::bigint</c>
    /// is the number 2): the generated DEFAULT clause repeats it, so that a copy prints the same. Not compared.
    /// </summary>
    public string? Written { get; init; }

    public bool Equals(ColumnDefault? other) => other is not null && Kind == other.Kind && Text == other.Text;

    public override int GetHashCode() => HashCode.Combine(Kind, Text);

    public static ColumnDefault String(string value) => new(DefaultKind.String, value);
    public static ColumnDefault Number(string value) => new(DefaultKind.Number, value);
    public static ColumnDefault Boolean(bool value) => new(DefaultKind.Boolean, value ? "true" : "false");
    public static ColumnDefault Sql(string expression) => new(DefaultKind.Sql, expression);

    public override string ToString() => Kind == DefaultKind.String ? $"'{Text}'" : Text;
}
