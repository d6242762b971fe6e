namespace SchemaTool.Model;

/// <summary>
/// How a table is stored, where a database lets the table say so: MySQL's engine, default character set and
/// collation and row format; PostgreSQL's UNLOGGED and storage parameters; SQLite's WITHOUT ROWID and STRICT, and the module of a virtual table (`fts5(title, body)`). A dialect
/// refuses the options its database does not have.
/// </summary>
/// <param name="Engine">MySQL's storage engine; null is InnoDB, the engine schematool creates tables in.</param>
/// <param name="Charset">MySQL's default character set of the table; null in a model: the database's.</param>
/// <param name="Collation">MySQL's default collation of the table; null in a model: the character set's default.</param>
/// <param name="Virtual">SQLite: the table is a virtual table, made by `CREATE VIRTUAL TABLE t USING` this text.</param>
/// <param name="Unlogged">PostgreSQL: an UNLOGGED table (not written to the WAL, emptied after a crash).</param>
/// <param name="With">PostgreSQL: the table's storage parameters (`WITH (fillfactor = 70)`), in the order written.</param>
/// <param name="KeyBlockSize">MySQL's KEY_BLOCK_SIZE as the table states it (in KB, for compressed InnoDB pages); null: none stated.</param>
/// <param name="RowFormat">MySQL's ROW_FORMAT as the table states it (DYNAMIC, COMPACT...); null: the server's default.</param>
public sealed record TableOptions(
    string? Engine = null,
    string? Charset = null,
    string? Collation = null,
    bool WithoutRowId = false,
    bool Strict = false,
    string? Virtual = null,
    string? RowFormat = null,
    bool Unlogged = false,
    StorageParameters? With = null,
    int? KeyBlockSize = null)
{
    private static readonly TableOptions None = new();

    /// <summary>
    /// The database's options without those the model leaves to the database (engine, charset, collation, row format, key block size: plan
    /// keeps them as they are), for showing the two side by side.
    /// </summary>
    public static TableOptions? AsStatedBy(TableOptions? database, TableOptions? model) => database is null ? null : OrNull(database with
    {
        Engine = model?.Engine is null ? null : database.Engine,
        Charset = model?.Charset is null && model?.Collation is null ? null : database.Charset,
        Collation = model?.Collation is null ? null : database.Collation,
        RowFormat = model?.RowFormat is null ? null : database.RowFormat,
        KeyBlockSize = model?.KeyBlockSize is null ? null : database.KeyBlockSize,
    });

    /// <summary>Null for options that say nothing, so that a table without options has one form.</summary>
    public static TableOptions? OrNull(TableOptions? options) => options is null || options == None ? null : options;
}
