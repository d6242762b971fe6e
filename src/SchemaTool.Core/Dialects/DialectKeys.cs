namespace SchemaTool.Dialects;

/// <summary>
/// Model keys that only some databases can express (<see cref="IDialect.Keys"/>); a model that uses one on a
/// database without it is refused at plan, at the key's table or column.
/// </summary>
[Flags]
public enum DialectKeys
{
    None = 0,

    /// <summary>A column's `declared_type:`, kept as written (SQLite).</summary>
    DeclaredType = 1,

    /// <summary>A table's `virtual:` module (SQLite).</summary>
    VirtualTable = 2,

    /// <summary>A table's `without_rowid:` and `strict:` (SQLite).</summary>
    RowIdAndStrict = 4,

    /// <summary>A table's `engine:`, `charset:`, `collation:` and `row_format:` (MySQL).</summary>
    EngineAndCharset = 8,

    /// <summary>A table's `unlogged:` (PostgreSQL).</summary>
    Unlogged = 16,

    /// <summary>A column's own `check:`, part of its definition (MariaDB).</summary>
    ColumnCheck = 32,

    /// <summary>A column's `statistics:` target (PostgreSQL).</summary>
    ColumnStatistics = 64,

    /// <summary>A view's `algorithm:` and `security:` (MySQL's ALGORITHM and SQL SECURITY).</summary>
    ViewAlgorithmAndSecurity = 128,

    /// <summary>A trigger's `follows:`, the order of the triggers of one table, timing and event (MySQL).</summary>
    TriggerOrder = 256,
}
