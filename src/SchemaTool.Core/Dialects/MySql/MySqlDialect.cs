using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>MySQL 8 and MariaDB 10.11: one dialect; the session tells the two servers apart where their catalogs differ.</summary>
public sealed partial class MySqlDialect : IDialect
{
    private static readonly SqlScriptSplitter Splitter = new(backticks: true, hashComments: true, backslashEscapes: true);

    public string Name => "mysql";

    // dev.mysql.com/doc/refman/8.0/en/identifier-case-sensitivity.html: table names follow the file system
    // (case-sensitive on Linux); column and index names are not case-sensitive on any platform.
    public IEqualityComparer<string> ColumnNameComparer => StringComparer.OrdinalIgnoreCase;
    public string ExampleUrl => "mysql://root@localhost:3306/app";

    /// <summary>MySQL commits every DDL statement by itself; a revision's progress is recorded statement by statement.</summary>
    public bool TransactionalDdl => false;

    public IdentifierRules Identifiers { get; } = new("MySQL", MaxLength: 64, TrailingSpaceRefused: true, SupplementaryRefused: true);

    public Schema Normalize(Schema schema) => MySqlNormalizer.Normalize(schema);

    public IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations, Schema current, Schema desired) =>
        new MySqlRewriter(current, desired).Rewrite(operations);

    public IReadOnlyList<string> Generate(Operation operation) => MySqlSqlGenerator.Generate(operation);

    public IReadOnlyList<string> SplitStatements(string script) => Splitter.Split(script);

    /// <summary>
    /// DDL commits on its own, so it runs alone with its progress recorded after it; INSERT, UPDATE, DELETE and
    /// REPLACE run in a transaction with their progress update. Anything else (a view, a trigger, SET) runs alone.
    /// </summary>
    public IReadOnlyList<Apply.Statement> Classify(IReadOnlyList<string> statements) =>
        statements.Select(s => new Apply.Statement(s, StatementEffect.Of(s).Kind == EffectKind.Rows
            ? Apply.StatementTraits.InTransaction
            : Apply.StatementTraits.Alone("MySQL commits DDL on its own"))).ToList();

    public IReadOnlyList<string> Validate(Schema model) =>
        [.. MySqlValidator.Validate(model), .. ObjectSupport.Refuse(model, kind => kind switch
        {
            SchemaObjectKind.MaterializedView => "MySQL has no materialized views",
            SchemaObjectKind.EnumType => "MySQL has no enum types: give the column the type enum('a', 'b')",
            SchemaObjectKind.Domain => "MySQL has no domains",
            SchemaObjectKind.Extension => "MySQL has no extensions",
            SchemaObjectKind.Namespace => "MySQL has no schemas inside a database (a MySQL schema is the database)",
            _ => ObjectSupport.NotYet(kind, "MySQL"),
        })];

    public async Task<IDatabaseSession> OpenAsync(ConnectionTarget target, CancellationToken cancellationToken) =>
        await MySqlSession.OpenAsync(this, target, cancellationToken);
}
