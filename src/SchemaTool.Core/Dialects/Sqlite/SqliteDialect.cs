using Microsoft.Data.Sqlite;
using SchemaTool.Dialects.Lexing;
using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Sqlite;

public sealed class SqliteDialect : IDialect
{
    public string Name => "sqlite";
    public string ExampleUrl => "sqlite:app.db";
    public bool TransactionalDdl => true;

    public IEqualityComparer<string> TableNameComparer => AsciiCaseInsensitiveComparer.Instance;

    // SQLite refuses tables and indexes named sqlite_*, and the introspector skips both those and a rebuild's temporary tables.
    public IdentifierRules Identifiers { get; } = new("SQLite", ReservedPrefixes: ["sqlite_", SqliteSqlGenerator.RebuildPrefix]);

    /// <summary>
    /// SQLite has no ALTER INDEX ... RENAME, and a unique constraint's name is part of CREATE TABLE: a new name is a
    /// DROP INDEX and a CREATE INDEX (or a rebuild). Both run in the revision's transaction, so no other connection
    /// ever sees the table without the index or its uniqueness check; the cost is building the index once.
    /// </summary>
    public bool CanRenameIndexes => false;

    /// <summary>
    /// SQLite lets NULL into a primary key column that is not declared NOT NULL (sqlite.org/lang_createtable.html
    /// #the_primary_key: a legacy of an early bug, kept). The rowid (a lone INTEGER PRIMARY KEY) never holds NULL,
    /// with or without NOT NULL, so there `nullable:` only says whether NOT NULL is written (compared as one).
    /// </summary>
    public bool AllowsNullInPrimaryKey(Table table, Column column) => table.Options?.WithoutRowId != true;

    public DialectKeys Keys => DialectKeys.DeclaredType | DialectKeys.VirtualTable | DialectKeys.RowIdAndStrict;

    public Schema Normalize(Schema schema) => SqliteNormalizer.Normalize(schema);

    public Column Compared(Table table, Column column) => SqliteNormalizer.Compared(table, column);

    public IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations, Schema current, Schema desired) =>
        SqliteRebuildRewriter.Rewrite(operations, current, desired);

    public IReadOnlyList<string> Generate(Operation operation) => SqliteSqlGenerator.Generate(operation);

    public SqlLexer Lexer => SqliteLexer.Instance;

    public IReadOnlyList<string> Validate(Schema model)
    {
        var problems = PostgresOnlyFeatures.Uses(model, "SQLite").ToList();
        foreach (var table in model.Tables)
        {
            if (table.Columns.Count == 0 && table.Options?.Virtual is null)
                problems.Add($"{Yaml.ModelPositions.Of(model).Table(table.Name)}table '{table.Name}' has no columns, and SQLite cannot make a table without any: add columns");
            foreach (var index in table.Indexes)
            {
                if (index.Method is not null) problems.Add($"index {index.Name} of {table.Name}: SQLite has no index methods (`using: {index.Method}`)");
                if (index.Parts.Any(p => p.OpClass is not null)) problems.Add($"index {index.Name} of {table.Name}: SQLite has no operator classes (`opclass:`)");
                if (index.Parts.Any(p => p.Length is not null)) problems.Add($"index {index.Name} of {table.Name}: SQLite has no prefix indexes (`length:`)");
            }
            // A collation is written as a word: SQLite's are BINARY, NOCASE, RTRIM, or a name an application registers.
            foreach (var collation in table.Columns.Select(c => c.Collation).Concat(table.Indexes.SelectMany(i => i.Parts.Select(p => p.Collation))).OfType<string>())
                if (collation.Length == 0 || char.IsAsciiDigit(collation[0]) || !collation.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                    problems.Add($"table {table.Name}: SQLite has no collation '{collation}'; use BINARY, NOCASE or RTRIM");
            if (table.Columns.Any(c => c.AutoIncrement && (table.PrimaryKey is not { Columns.Count: 1 } key || key.Columns[0] != c.Name)))
                problems.Add($"table {table.Name}: on SQLite an auto_increment column must be the whole primary key");
            if (table.Options is { } options) ValidateOptions(table, options, problems);
        }
        problems.AddRange(ObjectSupport.Refuse(model, Unsupported));
        foreach (var trigger in model.Triggers) problems.AddRange(TriggerProblems(trigger));
        return problems;
    }

    private static string? Unsupported(SchemaObjectKind kind) => kind switch
    {
        SchemaObjectKind.View or SchemaObjectKind.Trigger => null,
        SchemaObjectKind.MaterializedView => "SQLite has no materialized views",
        SchemaObjectKind.Function or SchemaObjectKind.Procedure => "SQLite has no stored functions or procedures",
        SchemaObjectKind.Aggregate => "SQLite has no stored aggregates (CREATE AGGREGATE is PostgreSQL's)",
        SchemaObjectKind.EnumType => "SQLite has no enum types: use a check (`value IN ('a', 'b')`)",
        SchemaObjectKind.Domain => "SQLite has no domains",
        SchemaObjectKind.Sequence => "SQLite has no sequences: use auto_increment",
        SchemaObjectKind.Extension => "SQLite has no extensions",
        SchemaObjectKind.Namespace => "SQLite has no schemas inside a database",
        _ => $"SQLite has no {kind.Plural()}",
    };

    private static IEnumerable<string> TriggerProblems(Trigger trigger)
    {
        var where = $"trigger {trigger.Name}";
        if (trigger.Events.Count != 1 || trigger.Events[0] == TriggerEvent.Truncate)
            yield return $"{where}: a SQLite trigger fires on exactly one event: insert, update or delete";
        if (trigger.ForEach != TriggerLevel.Row)
            yield return $"{where}: SQLite triggers fire for each row only (`for_each: row`)";
        if (trigger.Execute is not null || trigger.Body is null)
            yield return $"{where}: a SQLite trigger runs statements: write them in `body:` (`execute:` calls a PostgreSQL function)";
    }

    // sqlite.org/withoutrowid.html and sqlite.org/stricttables.html: what SQLite would refuse at apply.
    private static readonly string[] StrictTypes = ["INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY"];

    private static void ValidateOptions(Table table, TableOptions options, List<string> problems)
    {
        if (options.WithoutRowId && table.PrimaryKey is null)
            problems.Add($"table {table.Name} is without_rowid, which needs a primary key: add `primary_key:`");
        if (options.WithoutRowId && table.Columns.Any(c => c.AutoIncrement))
            problems.Add($"table {table.Name} is without_rowid, which has no auto_increment (AUTOINCREMENT is the rowid's): remove `auto_increment:`");
        if (!options.Strict) return;
        foreach (var column in table.Columns)
        {
            var type = SqliteNormalizer.DeclaredTypeOf(column);
            if (!StrictTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
                problems.Add($"column {table.Name}.{column.Name} is {(type.Length == 0 ? "without a type" : type)}, which a strict table refuses: use one of int, integer, real, text, blob, any");
        }
    }

    public ConnectionTarget ParseTarget(string urlOrConnectionString, string projectDirectory)
    {
        string path;
        if (urlOrConnectionString.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            path = urlOrConnectionString["sqlite:".Length..];
            if (path.StartsWith("///", StringComparison.Ordinal)) path = path[2..];
            else if (path.StartsWith("//", StringComparison.Ordinal)) path = path[2..];
        }
        else
        {
            var builder = new SqliteConnectionStringBuilder(urlOrConnectionString);
            path = builder.DataSource;
        }
        if (path.Length == 0) throw new InputException("the sqlite: URL names no file; write it as sqlite:app.db or sqlite:/var/data/app.db");
        var full = path == ":memory:" ? path : Path.GetFullPath(Path.Combine(projectDirectory, path));
        var connection = new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString();
        return new ConnectionTarget("sqlite", connection, "sqlite:" + path);
    }

    public bool Exists(ConnectionTarget target) => FileOf(target) is var path && (path == ":memory:" || File.Exists(path));

    public Task<IDatabaseSession> OpenExistingAsync(ConnectionTarget target, CancellationToken cancellationToken)
    {
        if (!Exists(target))
            throw new DatabaseException(
                $"{target.Display} does not exist: there is no file {FileOf(target)}. Check --database or `database:` " +
                "in schematool.yaml; `schematool apply` creates the file");
        // Read-only: besides never creating the file, the commands that only read cannot write it by mistake.
        var readOnly = new SqliteConnectionStringBuilder(target.ConnectionString) { Mode = SqliteOpenMode.ReadOnly };
        return OpenAsync(target with { ConnectionString = readOnly.ToString() }, cancellationToken);
    }

    public Task<IDatabaseSession> OpenEmptyAsync(CancellationToken cancellationToken) =>
        OpenAsync(new ConnectionTarget("sqlite", "Data Source=:memory:", "sqlite::memory:"), cancellationToken);

    private static string FileOf(ConnectionTarget target) => new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;

    public Task<IReadOnlyList<string>> ListDatabasesAsync(string serverUrl, string like, CancellationToken cancellationToken) =>
        throw new InputException("targets_pattern lists the databases of a PostgreSQL or MySQL server; for SQLite files use targets_glob (sqlite:tenants/*.db)");

    public string WithDatabase(string serverUrl, string database) => "sqlite:" + database;

    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    /// <summary>
    /// SQLite reads the file only at the first statement, and then says no more than 'file is not a database'.
    /// The header is checked before opening (not by a query, which would wait on a writer's lock), so that the
    /// error names the file. A missing or empty file is a new database.
    /// </summary>
    private static bool HasSqliteHeader(string path)
    {
        if (path == ":memory:" || !File.Exists(path)) return true;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (file.Length == 0) return true;
            var start = new byte[SqliteHeader.Length];
            return file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && start.AsSpan().SequenceEqual(SqliteHeader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true; // SQLite's own open reports what stops it reading the file
        }
    }

    public async Task<IDatabaseSession> OpenAsync(ConnectionTarget target, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(target.ConnectionString);
        try
        {
            var folder = Path.GetDirectoryName(connection.DataSource);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
                throw new DatabaseException($"cannot open {target.Display}: the folder {folder} does not exist");
            if (!HasSqliteHeader(connection.DataSource))
                throw new DatabaseException($"{target.Display}: {connection.DataSource} is not a SQLite database (it does not start with " +
                                            "the SQLite header). Check --database or `database:` in schematool.yaml");
            await connection.OpenAsync(cancellationToken);
            return new SqliteSession(this, connection);
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new DatabaseException($"cannot open {target.Display}: {e.Message}", e);
        }
    }
}
