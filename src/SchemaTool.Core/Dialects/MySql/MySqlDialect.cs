using SchemaTool.Dialects.Lexing;
using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>MySQL 8 and MariaDB 10.11: one dialect; the session tells the two servers apart where their catalogs differ.</summary>
public sealed partial class MySqlDialect : IDialect
{

    public string Name => "mysql";

    // dev.mysql.com/doc/refman/8.0/en/identifier-case-sensitivity.html: table names follow the file system
    // (case-sensitive on Linux); column and index names are not case-sensitive on any platform.
    public IEqualityComparer<string> ColumnNameComparer => StringComparer.OrdinalIgnoreCase;

    // An index name is the table's own: `ALTER TABLE t DROP INDEX i` names both.
    public bool IndexNamesPerTable => true;
    public IEqualityComparer<string> IndexNameComparer => StringComparer.OrdinalIgnoreCase;

    public DialectKeys Keys => DialectKeys.EngineAndCharset;
    public string ExampleUrl => "mysql://root@localhost:3306/app";

    /// <summary>MySQL commits every DDL statement by itself; a revision's progress is recorded statement by statement.</summary>
    public bool TransactionalDdl => false;

    public IdentifierRules Identifiers { get; } = new("MySQL", MaxLength: 64, TrailingSpaceRefused: true, SupplementaryRefused: true);

    public Schema Normalize(Schema schema) => MySqlNormalizer.Normalize(schema);

    // Display widths are cosmetic, and MySQL 8.0.19 reports none: int(2) is no change against int. Both keep
    // what was written, so inspect copies int(2) from MariaDB, where SHOW CREATE TABLE shows it.
    public Column Compared(Table table, Column column) =>
        MySqlTypes.WithoutDisplayWidth(column.Type) is var type && type == column.Type ? column : column with { Type = type };

    // InnoDB takes NO ACTION for RESTRICT; whether it was written out shows only in SHOW CREATE TABLE.
    public ForeignKey Compared(ForeignKey key) => key with { OnDelete = NoAction(key.OnDelete), OnUpdate = NoAction(key.OnUpdate) };

    private static ReferentialAction NoAction(ReferentialAction action) =>
        action is ReferentialAction.Restrict or ReferentialAction.ExplicitNoAction ? ReferentialAction.NoAction : action;

    public IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations, Schema current, Schema desired) =>
        new MySqlRewriter(current, desired).Rewrite(operations);

    public IReadOnlyList<string> Generate(Operation operation) => MySqlSqlGenerator.Generate(operation);

    public SqlLexer Lexer => MySqlLexer.Instance;

    /// <summary>The keys MySqlConnector takes as the password or the client certificate's password.</summary>
    public IReadOnlyCollection<string> SecretKeys => ["password", "pwd", "certificatepassword"];

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
