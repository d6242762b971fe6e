using SchemaTool.Apply;
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

    /// <summary>The schema in the form this database reads it back: types, defaults and names canonical.</summary>
    Schema Normalize(Schema schema);

    /// <summary>Rewrites operations the database cannot run as they are (SQLite table rebuilds).</summary>
    IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations, Schema current, Schema desired);

    /// <summary>The statements of one operation.</summary>
    IReadOnlyList<string> Generate(Operation operation);

    /// <summary>Splits a revision file into statements, respecting the database's quoting rules.</summary>
    IReadOnlyList<string> SplitStatements(string script);

    /// <summary>
    /// What each statement of a revision implies for running it (may it run inside the revision's transaction), read
    /// from its text. The whole revision is given, as a statement's traits can depend on what follows it.
    /// </summary>
    IReadOnlyList<Statement> Classify(IReadOnlyList<string> statements) =>
        statements.Select(s => new Statement(s, TransactionalDdl ? StatementTraits.InTransaction : StatementTraits.Alone("the database commits DDL on its own"))).ToList();

    /// <summary>Problems with the model that this database cannot express: each a user-facing message.</summary>
    IReadOnlyList<string> Validate(Schema model);

    /// <summary>
    /// Problems with the model that only the database it is planned against shows, e.g. a default that uses an
    /// object the model does not create and the database does not have: each a user-facing message.
    /// </summary>
    IReadOnlyList<string> ValidateAgainst(Schema current, Schema model) => [];

    /// <summary>Reads a URL (sqlite:app.db, postgres://..., mysql://...) or an ADO.NET connection string.</summary>
    ConnectionTarget ParseTarget(string urlOrConnectionString, string projectDirectory);

    /// <summary>The databases on the server of <paramref name="serverUrl"/> whose names match a LIKE pattern (fleets).</summary>
    Task<IReadOnlyList<string>> ListDatabasesAsync(string serverUrl, string like, CancellationToken cancellationToken);

    /// <summary>The same server as <paramref name="server"/>, another database on it.</summary>
    string WithDatabase(string serverUrl, string database);

    Task<IDatabaseSession> OpenAsync(ConnectionTarget target, CancellationToken cancellationToken);

    /// <summary>
    /// Whether opening <paramref name="target"/> and reading it changes nothing, so `plan` may read the catalog
    /// while the model is still loading (an invalid model must leave no trace). True for a server; a file
    /// database only when the file exists, since opening creates it.
    /// </summary>
    bool OpensWithoutSideEffects(ConnectionTarget target) => true;

    /// <summary>
    /// Opens the database only if it exists, for commands that promise to touch nothing (`apply --sql`).
    /// A server database exists or fails to connect anyway; a file database must not be created.
    /// </summary>
    Task<IDatabaseSession> OpenExistingAsync(ConnectionTarget target, CancellationToken cancellationToken) =>
        OpenAsync(target, cancellationToken);
}
