using SchemaTool.Apply;
using SchemaTool.Dialects.Lexing;
using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects;

/// <summary>
/// Everything that differs between databases, in one place per database: canonical form of a schema,
/// SQL generation, script splitting, and how to connect (introspection and apply live on the session).
/// Shared code never asks which database it talks to.
/// </summary>
public interface IDialect
{
    /// <summary>sqlite, postgres or mysql.</summary>
    string Name { get; }

    /// <summary>Whether a revision's DDL and its history row commit together as one transaction.</summary>
    bool TransactionalDdl { get; }

    /// <summary>The URL `schematool init --dialect NAME` writes when no --database is given.</summary>
    string ExampleUrl { get; }

    /// <summary>How the database compares table names (SQLite ignores ASCII case; the others do not).</summary>
    IEqualityComparer<string> TableNameComparer => StringComparer.Ordinal;

    /// <summary>How the database compares column names within a table (MySQL ignores case, whatever it does for tables).</summary>
    IEqualityComparer<string> ColumnNameComparer => TableNameComparer;

    /// <summary>What this database accepts as a name (length, trailing spaces, reserved prefixes); plan refuses the rest.</summary>
    IdentifierRules Identifiers => new(Name);

    /// <summary>
    /// Whether a column added to a table that has rows gets a value in each of them: it is nullable, has a
    /// default, is generated or numbers itself. Plan refuses the others on a table with rows.
    /// </summary>
    bool FillsExistingRows(Column column) =>
        column.Nullable || column.Default is not null || column.AutoIncrement || column.Generated is not null;

    /// <summary>
    /// Whether the database renames an index (and a unique constraint) in place, so that plan renames one whose
    /// name alone changes instead of dropping and building it again. SQLite cannot.
    /// </summary>
    bool CanRenameIndexes => true;

    /// <summary>
    /// Whether an index name belongs to its table (MySQL: two tables may each have an index `idx_user`), rather than
    /// to the schema's namespace that PostgreSQL and SQLite share between indexes and tables.
    /// </summary>
    bool IndexNamesPerTable => false;

    /// <summary>Whether a trigger's name belongs to its table (PostgreSQL), rather than to the schema (MySQL, SQLite).</summary>
    bool TriggerNamesPerTable => false;

    /// <summary>How the database compares index names (SQLite and MySQL ignore case).</summary>
    IEqualityComparer<string> IndexNameComparer => TableNameComparer;

    /// <summary>
    /// Whether a column of the table's primary key may hold NULL: the database keeps a nullable key column as
    /// declared (SQLite, outside a WITHOUT ROWID table). Elsewhere a primary key makes
    /// its columns NOT NULL, and a nullable one in the model would be a change on every run.
    /// </summary>
    bool AllowsNullInPrimaryKey(Table table, Column column) => false;

    /// <summary>The model keys that only some databases have and this one can express.</summary>
    DialectKeys Keys => DialectKeys.None;

    /// <summary>The schema in the form this database reads it back: types, defaults and names canonical.</summary>
    Schema Normalize(Schema schema);

    /// <summary>
    /// A column in the form the differ compares it: spellings that the database keeps as written but treats as one
    /// made equal (SQLite's type names in any case; MySQL's integer display widths). The schema itself keeps the
    /// spelling, which is what SQL is written from, so that a database copied from an inspected model is exact.
    /// </summary>
    Column Compared(Table table, Column column) => column;

    /// <summary>
    /// A foreign key in the form the differ compares it: NO ACTION written out or left out is one action (MySQL
    /// also takes RESTRICT for it, as InnoDB does).
    /// </summary>
    ForeignKey Compared(ForeignKey key) =>
        key.OnDelete != ReferentialAction.ExplicitNoAction && key.OnUpdate != ReferentialAction.ExplicitNoAction ? key : key with
        {
            OnDelete = key.OnDelete == ReferentialAction.ExplicitNoAction ? ReferentialAction.NoAction : key.OnDelete,
            OnUpdate = key.OnUpdate == ReferentialAction.ExplicitNoAction ? ReferentialAction.NoAction : key.OnUpdate,
        };

    /// <summary>Rewrites operations the database cannot run as they are (SQLite table rebuilds).</summary>
    IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations, Schema current, Schema desired);

    /// <summary>The statements of one operation, in their plain forms.</summary>
    IReadOnlyList<string> Generate(Operation operation);

    /// <summary>
    /// The statements of one operation as a revision writes them, each with what it does (<see cref="StatementTraits"/>:
    /// the lock, whether it reads or rewrites the table, whether it runs in the revision's transaction): the online
    /// forms where <paramref name="context"/> asks for them and this database has them. The traits of each statement
    /// agree with what <see cref="Classify"/> reads from its text at apply, and may know more (that a type change
    /// rewrites nothing).
    /// </summary>
    IReadOnlyList<Statement> Generate(Operation operation, GenerationContext context) => Classify(Generate(operation));

    /// <summary>
    /// Reads SQL text by this database's rules (quotes, comments, names, operators): for splitting scripts,
    /// checking the model's SQL fields, and classifying statements.
    /// </summary>
    SqlLexer Lexer { get; }

    /// <summary>Splits a revision file into statements, by <see cref="Lexer"/> and the database's trigger and routine bodies.</summary>
    IReadOnlyList<string> SplitStatements(string script) => Lexer.Split(script);

    /// <summary>
    /// What each statement of a revision implies for running it (may it run inside the revision's transaction), read
    /// from its text. The whole revision is given, as a statement's traits can depend on what follows it.
    /// </summary>
    IReadOnlyList<Statement> Classify(IReadOnlyList<string> statements) =>
        statements.Select(s => new Statement(s, TransactionalDdl ? StatementTraits.InTransaction : StatementTraits.Alone("the database commits DDL on its own"))).ToList();

    /// <summary>Problems with the model that this database cannot express: each a user-facing message.</summary>
    IReadOnlyList<string> Validate(Schema model);

    /// <summary>
    /// The database's schema cut to what the model manages, before anything is compared: what lies outside (the
    /// objects of a PostgreSQL schema the model does not name) is moved to <see cref="Schema.Unmanaged"/>, named and
    /// left alone rather than dropped.
    /// </summary>
    Schema Scope(Schema current, Schema model) => current;

    /// <summary>
    /// Problems with the model that only the database it is planned against shows, e.g. a default that uses an
    /// object the model does not create and the database does not have: each a user-facing message.
    /// </summary>
    IReadOnlyList<string> ValidateAgainst(Schema current, Schema model) => [];

    /// <summary>
    /// The connection string keys this database's driver takes as a password or another secret (in any case,
    /// spaces left out): a URL's query or a connection string shows their values as ***.
    /// </summary>
    IReadOnlyCollection<string> SecretKeys => [];

    /// <summary>Reads a URL (sqlite:app.db, postgres://..., mysql://...) or an ADO.NET connection string.</summary>
    ConnectionTarget ParseTarget(string urlOrConnectionString, string projectDirectory);

    /// <summary>The databases on the server of <paramref name="serverUrl"/> whose names match a LIKE pattern (fleets).</summary>
    Task<IReadOnlyList<string>> ListDatabasesAsync(string serverUrl, string like, CancellationToken cancellationToken);

    /// <summary>The same server as <paramref name="server"/>, another database on it.</summary>
    string WithDatabase(string serverUrl, string database);

    Task<IDatabaseSession> OpenAsync(ConnectionTarget target, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the database is there to open without creating it. A server's is (a missing one fails to connect
    /// anyway); a file database's file must exist, since opening it would create an empty one.
    /// </summary>
    bool Exists(ConnectionTarget target) => true;

    /// <summary>
    /// Opens the database only if it exists, for the commands that only read (status, check, history, diff,
    /// inspect, the dry runs, `apply --sql`): a missing file database is a <see cref="DatabaseException"/> naming
    /// its path, never an empty file left behind and read as a database at base.
    /// </summary>
    Task<IDatabaseSession> OpenExistingAsync(ConnectionTarget target, CancellationToken cancellationToken) =>
        OpenAsync(target, cancellationToken);

    /// <summary>
    /// An empty database of this kind, created nowhere, standing in for one that does not <see cref="Exists"/>
    /// yet: `plan` before the first `apply` plans against it. Asked for only where Exists is false.
    /// </summary>
    Task<IDatabaseSession> OpenEmptyAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException($"a {Name} database exists or fails to connect; there is nothing to stand in for");
}
