using System.Data.Common;
using SchemaTool.Apply;
using SchemaTool.Model;

namespace SchemaTool.Dialects;

/// <summary>An open connection to one database, with what the apply engine needs from it (its units of work: <see cref="IStepUnits"/>).</summary>
public interface IDatabaseSession : IAsyncDisposable, IStepUnits
{
    IDialect Dialect { get; }

    DbConnection Connection { get; }

    /// <summary>How many statements this session sent; the benchmark and the query-count tests read it.</summary>
    int StatementsSent { get; }

    /// <summary>
    /// Reads the schema with a fixed number of catalog queries, whatever the number of tables, leaving out the
    /// tool's own tables: the history table by the name <paramref name="historyTable"/> the project gives it, and
    /// the others of <see cref="HistoryTable.ToolTables"/>.
    /// </summary>
    Task<Schema> IntrospectAsync(string historyTable, CancellationToken cancellationToken);

    /// <summary>
    /// The row estimate of each table the last <see cref="IntrospectAsync(string, CancellationToken)"/> read, from the
    /// same catalog queries (PostgreSQL's reltuples, MySQL's TABLE_ROWS); a table without one is missing.
    /// </summary>
    IReadOnlyDictionary<string, long> RowEstimates => new Dictionary<string, long>();

    /// <summary>Reads the schema of a project whose history table has the default name.</summary>
    Task<Schema> IntrospectAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The model with the definitions only the server can put in canonical form (views, triggers, routines, events)
    /// in that form, and with what each of them uses (DependsOn), read back the way <see cref="IntrospectAsync"/> reads
    /// the database: by creating them in a scratch space that is thrown away (an in-memory database, a schema in a
    /// transaction that is rolled back). A definition the server refuses is an <see cref="InputException"/> naming
    /// the object. The model's tables are left as they are: the dialect's Normalize, which is pure, handles those.
    /// </summary>
    Task<Schema> CanonicalizeAsync(Schema model, CancellationToken cancellationToken);

    /// <summary>The types this database knows, for plan to check the model's against (PostgreSQL: one catalog query).</summary>
    Task<ITypeCatalog> ReadTypeCatalogAsync(CancellationToken cancellationToken);

    /// <summary>Takes the migration lock; waits up to <paramref name="timeout"/> and then throws <see cref="LockTimeoutException"/>.</summary>
    Task<IAsyncDisposable> AcquireLockAsync(TimeSpan timeout, Action<string> onWait, CancellationToken cancellationToken);

    /// <summary>The statement that creates the history table when it is missing.</summary>
    string HistoryTableDdl(string tableName);

    /// <summary>Quotes an identifier for this database.</summary>
    string Quote(string identifier);

    /// <summary>A command on this connection; counted in <see cref="StatementsSent"/> when run.</summary>
    DbCommand CreateCommand(string sql);

    Task<bool> TableExistsAsync(string table, CancellationToken cancellationToken);
}
