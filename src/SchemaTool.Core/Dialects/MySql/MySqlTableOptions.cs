using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// A table's engine, default character set and collation in MySQL's spelling. InnoDB, the engine schematool
/// creates tables in, is null when read from the catalog; a model that names it keeps it, and compares equal.
/// </summary>
public static class MySqlTableOptions
{
    public const string DefaultEngine = "InnoDB";

    private static readonly Dictionary<string, string> Engines = new(StringComparer.OrdinalIgnoreCase)
    {
        ["innodb"] = "InnoDB", ["myisam"] = "MyISAM", ["aria"] = "Aria", ["memory"] = "MEMORY", ["csv"] = "CSV",
        ["archive"] = "ARCHIVE", ["blackhole"] = "BLACKHOLE", ["mrg_myisam"] = "MRG_MyISAM", ["rocksdb"] = "ROCKSDB",
        ["federated"] = "FEDERATED", ["sequence"] = "SEQUENCE",
    };

    /// <summary>
    /// The options as the catalog reads them: the engine null when InnoDB, the character set taken from the
    /// collation, the row format only when the table states it (information_schema.TABLES.CREATE_OPTIONS has
    /// `row_format=DYNAMIC` then; its ROW_FORMAT column gives the format in effect, stated or not).
    /// </summary>
    public static TableOptions? FromCatalog(string? engine, string? collation, string? createOptions) => TableOptions.OrNull(new TableOptions(
        Engine: engine is null || engine.Equals(DefaultEngine, StringComparison.OrdinalIgnoreCase) ? null : engine,
        Charset: collation is null ? null : CharsetOf(collation),
        Collation: collation,
        RowFormat: StatedRowFormat(createOptions),
        KeyBlockSize: int.TryParse(Stated(createOptions, "key_block_size="), out var size) ? size : null));

    /// <summary>
    /// The options a table states that the model has no key for (stats_persistent=0, checksum=1, max_rows=...): named,
    /// never dropped without a word. `partitioned` is not one: partitioning is the table's own matter.
    /// </summary>
    public static IEnumerable<string> Unmodelled(string? createOptions) =>
        (createOptions ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(o => !o.StartsWith("row_format=", StringComparison.OrdinalIgnoreCase) && !o.StartsWith("key_block_size=", StringComparison.OrdinalIgnoreCase)
                        && !o.Equals("partitioned", StringComparison.OrdinalIgnoreCase));

    private static string? Stated(string? createOptions, string prefix) =>
        createOptions?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(o => o.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))?[prefix.Length..];

    private static string? StatedRowFormat(string? createOptions) =>
        createOptions?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(o => o.StartsWith("row_format=", StringComparison.OrdinalIgnoreCase))?["row_format=".Length..].ToUpperInvariant();

    public static TableOptions? Normalize(TableOptions? options)
    {
        if (options is null) return null;
        var collation = Alias(options.Collation?.ToLowerInvariant());
        return TableOptions.OrNull(options with
        {
            Engine = options.Engine is { } engine ? Engines.GetValueOrDefault(engine, engine) : null,
            Charset = Alias(options.Charset?.ToLowerInvariant()) ?? (collation is null ? null : CharsetOf(collation)),
            Collation = collation,
            RowFormat = options.RowFormat?.ToUpperInvariant(),
        });
    }

    /// <summary>Every collation's name starts with its character set's, but `binary`'s (information_schema.COLLATIONS).</summary>
    public static string CharsetOf(string collation)
    {
        var end = collation.IndexOf('_');
        return end < 0 ? collation : collation[..end];
    }

    // MariaDB 10.6 and MySQL 8.0.30 read utf8 as utf8mb3 and report it so.
    private static string? Alias(string? name) =>
        name is "utf8" ? "utf8mb3" : name is not null && name.StartsWith("utf8_", StringComparison.Ordinal) ? "utf8mb3" + name[4..] : name;

    /// <summary>
    /// What the table becomes: what the model states, and what it leaves out as the database has it (a model
    /// without `engine:` keeps the table's engine, one without `row_format:` (`key_block_size:`) its row format (key block size); one with `charset:` alone keeps the collation while the
    /// character set stays, else takes the new character set's default).
    /// </summary>
    public static TableOptions Resolve(TableOptions? have, TableOptions? want)
    {
        have ??= new TableOptions();
        want ??= new TableOptions();
        var (charset, collation) = (want.Charset, want.Collation) switch
        {
            (null, null) => (have.Charset, have.Collation),
            ({ } cs, null) when cs == have.Charset => (cs, have.Collation),
            var stated => stated,
        };
        return new TableOptions(Engine: want.Engine ?? have.Engine, Charset: charset, Collation: collation, RowFormat: want.RowFormat ?? have.RowFormat,
            KeyBlockSize: want.KeyBlockSize ?? have.KeyBlockSize);
    }

    /// <summary>Whether the two say the same: InnoDB named or not.</summary>
    public static bool Same(TableOptions a, TableOptions b) =>
        (a.Engine ?? DefaultEngine).Equals(b.Engine ?? DefaultEngine, StringComparison.OrdinalIgnoreCase)
        && a.Charset == b.Charset && a.Collation == b.Collation && a.RowFormat == b.RowFormat && a.KeyBlockSize == b.KeyBlockSize;
}
