using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>PostgreSQL: transactional DDL, identity columns, catalog read through pg_catalog in one batch.</summary>
public sealed partial class PostgresDialect : IDialect
{
    private static readonly SqlScriptSplitter Splitter = new(dollarQuotes: true);

    public string Name => "postgres";
    public string ExampleUrl => "postgres://postgres@localhost:5432/app";

    public bool TransactionalDdl => true;

    public Schema Normalize(Schema schema) => PostgresNormalizer.Normalize(schema);

    public IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations, Schema current, Schema desired) => operations;

    public IReadOnlyList<string> Generate(Operation operation) => PostgresSqlGenerator.Generate(operation);

    public IReadOnlyList<string> SplitStatements(string script) => Splitter.Split(script);

    public IReadOnlyList<string> Validate(Schema model) =>
        [.. PostgresValidator.Validate(model), .. ObjectSupport.Refuse(model, kind => ObjectSupport.NotYet(kind, "PostgreSQL"))];

    public ConnectionTarget ParseTarget(string urlOrConnectionString, string projectDirectory) =>
        PostgresTarget.Parse(urlOrConnectionString);

    public async Task<IDatabaseSession> OpenAsync(ConnectionTarget target, CancellationToken cancellationToken) =>
        await PostgresSession.OpenAsync(this, target, cancellationToken);
}
