using SchemaTool.Dialects.Lexing;
using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>PostgreSQL: transactional DDL, identity columns, catalog read through pg_catalog in one batch.</summary>
public sealed partial class PostgresDialect : IDialect
{
    /// <summary>
    /// The major version of the server this dialect plans for, once a session has connected; null (offline, e.g.
    /// `apply --sql` or a test of the generated SQL) takes the newest server's abilities.
    /// </summary>
    public int? ServerVersion { get; private init; }

    /// <summary>This dialect for a server of that major version.</summary>
    public PostgresDialect ForServer(int majorVersion, string? schema = null) => new() { ServerVersion = majorVersion, ManagedSchema = schema };

    /// <summary>The schema the session manages (where unqualified names live), once a session has connected; null offline.</summary>
    public string? ManagedSchema { get; private init; }

    public string Name => "postgres";
    public string ExampleUrl => "postgres://postgres@localhost:5432/app";

    public bool TransactionalDdl => true;

    public IdentifierRules Identifiers { get; } = new("PostgreSQL", MaxLength: 63, LengthInBytes: true, SchemaQualified: true);

    public Schema Normalize(Schema schema) => PostgresNormalizer.Normalize(schema);

    // A serial column takes its values from a sequence, which numbers the existing rows too.
    public bool FillsExistingRows(Column column) =>
        column.Nullable || column.Default is not null || column.AutoIncrement || column.Generated is not null
        || PostgresTypes.SerialBase(PostgresTypes.Canonical(column.Type)) is not null;

    public IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations, Schema current, Schema desired) =>
        PostgresTypeRewriter.Rewrite(PostgresRewriter.Rewrite(PostgresObjectRewrite.Rewrite(operations)), current, desired);

    public IReadOnlyList<string> Generate(Operation operation) => PostgresSqlGenerator.Generate(operation);

    /// <summary>The online forms (CONCURRENTLY, NOT VALID then VALIDATE) for tables that exist before the revision.</summary>
    public IReadOnlyList<Apply.Statement> Generate(Operation operation, GenerationContext context) => PostgresSqlGenerator.Generate(operation, context);

    public SqlLexer Lexer => PostgresLexer.Instance;

    public IReadOnlyCollection<string> SecretKeys => PostgresTarget.SecretKeys;

    public bool TriggerNamesPerTable => true;

    public DialectKeys Keys => DialectKeys.Unlogged | DialectKeys.ColumnStatistics;

    /// <summary>CREATE/DROP INDEX CONCURRENTLY, VACUUM, REINDEX ... CONCURRENTLY and the like run outside the revision's transaction.</summary>
    public IReadOnlyList<Apply.Statement> Classify(IReadOnlyList<string> statements) => PostgresStatement.Classify(statements);

    public IReadOnlyList<string> Validate(Schema model) =>
        [.. PostgresValidator.Validate(model, ServerVersion), .. PostgresObjectValidator.Validate(model), .. PostgresTypeValidator.Validate(model),
            .. ObjectSupport.Refuse(model, kind => kind == SchemaObjectKind.Event ? "PostgreSQL has no scheduled events (pg_cron keeps its jobs in a table)" : null)];

    public Schema Scope(Schema current, Schema model) => PostgresScope.Of(current, model);

    public IReadOnlyList<string> ValidateAgainst(Schema current, Schema model) =>
        [.. PostgresValidator.ValidateAgainst(current, model), .. PostgresTypeValidator.ValidateAgainst(current, model),
            .. PostgresQualifiedNames.Validate(model, ManagedSchema)];

    public ConnectionTarget ParseTarget(string urlOrConnectionString, string projectDirectory) =>
        PostgresTarget.Parse(urlOrConnectionString);

    public async Task<IDatabaseSession> OpenAsync(ConnectionTarget target, CancellationToken cancellationToken) =>
        await PostgresSession.OpenAsync(this, target, cancellationToken);
}
